package dev.gongkai.render;

import dev.gongkai.model.ChartSpec;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link Charts.Chart} as inline SVG, for pages under a strict Content-Security-Policy: no script, no
 * {@code style} attribute or element — colours are presentation attributes, and classes let the stylesheet adapt them
 * (forced colours). Deterministic: coordinates are rounded to 0.1 and printed without exponent or locale, values are
 * the chart's decimal strings, so the same chart gives the same bytes.
 *
 * <p>Accessible: {@code role="img"} named and described by the SVG's own {@code <title>} and {@code <desc>} (ids
 * {@code <id>-title}, {@code <id>-desc}); the page puts the same numbers in a table next to it. The viewBox is
 * {@value #WIDTH} units wide and the SVG is 100% wide, so it scales to any screen from 320 px up; category labels are
 * left of horizontal bars (long ones shortened with …; the table has them whole), values right of them.
 *
 * <p>Colours on the white page: bars and lines {@value #BAR} (6.4:1, at least 3:1 for graphics), text {@value #INK}
 * (15.8:1) and {@value #MUTED} (7.5:1, at least 4.5:1 for text); grid lines {@value #GRID} are decoration only.
 */
public final class SvgChart {
  static final int WIDTH = 340;
  static final String BAR = "#1f5fa8";
  static final String INK = "#1f2328";
  static final String MUTED = "#4b535c";
  static final String GRID = "#d0d7de";
  static final double FONT = 13;
  static final double SMALL = 11;
  static final double PAD = 8;
  /** The widest a category label left of a bar may be (about ten Chinese characters). */
  static final double MAX_LABEL = 132;
  static final double ROW = 26;
  static final double BAR_HEIGHT = 18;
  static final double PLOT_HEIGHT = 160;

  private SvgChart() {}

  /**
   * The SVG element of {@code chart} (which must have points).
   *
   * @param id unique on the page; the SVG's title and desc get {@code id + "-title"} and {@code id + "-desc"}
   */
  public static String render(Charts.Chart chart, String id, String title, String desc) {
    if (chart.points().isEmpty()) throw new IllegalArgumentException("a chart without points has no SVG");
    StringBuilder body = new StringBuilder();
    double height = chart.spec().type() == ChartSpec.Type.BAR ? bars(chart, body) : columns(chart, body);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart-svg chart-" + chart.spec().type().id()
        + "\" viewBox=\"0 0 " + WIDTH + " " + num(height) + "\" width=\"100%\" role=\"img\" aria-labelledby=\""
        + id + "-title " + id + "-desc\" font-size=\"" + num(FONT) + "\">"
        + "<title id=\"" + id + "-title\">" + esc(title) + "</title>"
        + "<desc id=\"" + id + "-desc\">" + esc(desc) + "</desc>"
        + body + "</svg>";
  }

  /** Horizontal bars, one row per point: label, bar from zero, value. Returns the height. */
  private static double bars(Charts.Chart c, StringBuilder sb) {
    List<Charts.Point> ps = c.points();
    List<String> labels = new ArrayList<>();
    double labelW = 0;
    double valueW = 0;
    for (Charts.Point p : ps) {
      String l = fit(p.label(), FONT, MAX_LABEL);
      labels.add(l);
      labelW = Math.max(labelW, width(l, FONT));
      valueW = Math.max(valueW, width(p.text(), FONT));
    }
    double left = PAD + labelW + 6;
    double right = WIDTH - PAD - valueW - 4;
    BigDecimal[] range = range(ps);
    double lo = range[0].doubleValue();
    double hi = range[1].doubleValue();
    double top = 6;
    double height = top * 2 + ps.size() * ROW - (ROW - BAR_HEIGHT);
    double x0 = x(0, lo, hi, left, right);
    sb.append("<g class=\"bars\" fill=\"").append(BAR).append("\">");
    for (int i = 0; i < ps.size(); i++) {
      double xv = x(ps.get(i).value().doubleValue(), lo, hi, left, right);
      sb.append("<rect class=\"bar\" x=\"").append(num(Math.min(x0, xv))).append("\" y=\"").append(num(top + i * ROW))
          .append("\" width=\"").append(num(Math.abs(xv - x0))).append("\" height=\"").append(num(BAR_HEIGHT))
          .append("\"/>");
    }
    sb.append("</g><g class=\"labels\" fill=\"").append(INK).append("\">");
    for (int i = 0; i < ps.size(); i++) {
      double base = top + i * ROW + BAR_HEIGHT / 2 + FONT * 0.35;
      double xv = x(ps.get(i).value().doubleValue(), lo, hi, left, right);
      sb.append("<text class=\"label\" x=\"").append(num(left - 6)).append("\" y=\"").append(num(base))
          .append("\" text-anchor=\"end\">").append(esc(labels.get(i))).append("</text>");
      sb.append("<text class=\"value\" x=\"").append(num(Math.max(x0, xv) + 4)).append("\" y=\"").append(num(base))
          .append("\">").append(esc(ps.get(i).text())).append("</text>");
    }
    sb.append("</g>");
    sb.append("<line class=\"axis\" x1=\"").append(num(x0)).append("\" y1=\"").append(num(top - 3)).append("\" x2=\"")
        .append(num(x0)).append("\" y2=\"").append(num(height - top + 3)).append("\" stroke=\"").append(MUTED)
        .append("\"/>");
    return height;
  }

  /** Vertical columns (or a line through the points) over a value axis with round ticks. Returns the height. */
  private static double columns(Charts.Chart c, StringBuilder sb) {
    List<Charts.Point> ps = c.points();
    int n = ps.size();
    BigDecimal[] range = range(ps);
    List<BigDecimal> ticks = ticks(range[0], range[1]);
    int tickScale = Math.max(0, ticks.get(1).subtract(ticks.get(0)).stripTrailingZeros().scale());
    double axisW = 0;
    for (BigDecimal t : ticks) axisW = Math.max(axisW, width(t.setScale(tickScale).toPlainString(), SMALL));
    double left = PAD + axisW + 4;
    double right = WIDTH - PAD;
    double top = 20;
    double bottom = top + PLOT_HEIGHT;
    double lo = ticks.get(0).doubleValue();
    double hi = ticks.get(ticks.size() - 1).doubleValue();
    double slot = (right - left) / n;

    // Value axis: a grid line and a label per tick.
    sb.append("<g class=\"grid\" stroke=\"").append(GRID).append("\">");
    for (BigDecimal t : ticks) {
      double y = y(t.doubleValue(), lo, hi, top, bottom);
      sb.append("<line x1=\"").append(num(left)).append("\" y1=\"").append(num(y)).append("\" x2=\"")
          .append(num(right)).append("\" y2=\"").append(num(y)).append("\"/>");
    }
    sb.append("</g><g class=\"ticks\" fill=\"").append(MUTED).append("\" font-size=\"").append(num(SMALL))
        .append("\" text-anchor=\"end\">");
    for (BigDecimal t : ticks) {
      double y = y(t.doubleValue(), lo, hi, top, bottom);
      sb.append("<text class=\"tick\" x=\"").append(num(left - 4)).append("\" y=\"").append(num(y + SMALL * 0.35))
          .append("\">").append(t.setScale(tickScale).toPlainString()).append("</text>");
    }
    sb.append("</g>");

    double y0 = y(0, lo, hi, top, bottom);
    if (c.spec().type() == ChartSpec.Type.LINE) {
      StringBuilder pts = new StringBuilder();
      for (int i = 0; i < n; i++) {
        if (i > 0) pts.append(' ');
        pts.append(num(left + (i + 0.5) * slot)).append(',')
            .append(num(y(ps.get(i).value().doubleValue(), lo, hi, top, bottom)));
      }
      sb.append("<polyline class=\"line\" points=\"").append(pts).append("\" fill=\"none\" stroke=\"").append(BAR)
          .append("\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>");
      sb.append("<g class=\"dots\" fill=\"").append(BAR).append("\">");
      for (int i = 0; i < n; i++) {
        sb.append("<circle class=\"dot\" cx=\"").append(num(left + (i + 0.5) * slot)).append("\" cy=\"")
            .append(num(y(ps.get(i).value().doubleValue(), lo, hi, top, bottom))).append("\" r=\"3.5\"/>");
      }
      sb.append("</g>");
    } else {
      double w = Math.min(slot * 0.62, 56);
      sb.append("<g class=\"bars\" fill=\"").append(BAR).append("\">");
      for (int i = 0; i < n; i++) {
        double yv = y(ps.get(i).value().doubleValue(), lo, hi, top, bottom);
        sb.append("<rect class=\"bar\" x=\"").append(num(left + i * slot + (slot - w) / 2)).append("\" y=\"")
            .append(num(Math.min(y0, yv))).append("\" width=\"").append(num(w)).append("\" height=\"")
            .append(num(Math.abs(yv - y0))).append("\"/>");
      }
      sb.append("</g>");
    }
    sb.append("<line class=\"axis\" x1=\"").append(num(left)).append("\" y1=\"").append(num(y0)).append("\" x2=\"")
        .append(num(right)).append("\" y2=\"").append(num(y0)).append("\" stroke=\"").append(MUTED).append("\"/>");

    // Values above the columns, when every one fits its slot (the table has them all anyway).
    double valueW = 0;
    for (Charts.Point p : ps) valueW = Math.max(valueW, width(p.text(), SMALL));
    if (valueW + 2 <= slot) {
      sb.append("<g class=\"values\" fill=\"").append(INK).append("\" font-size=\"").append(num(SMALL))
          .append("\" text-anchor=\"middle\">");
      for (int i = 0; i < n; i++) {
        double yv = y(ps.get(i).value().doubleValue(), lo, hi, top, bottom);
        double base = ps.get(i).value().signum() < 0 ? yv + SMALL + 3 : yv - 4;
        sb.append("<text class=\"value\" x=\"").append(num(left + (i + 0.5) * slot)).append("\" y=\"")
            .append(num(base)).append("\">").append(esc(ps.get(i).text())).append("</text>");
      }
      sb.append("</g>");
    }

    // Category labels under the axis: months as MM and dates as MM-DD with the year on a second line where it
    // changes; every k-th label when they would overlap.
    ChartSpec.By by = c.spec().by();
    boolean dated = c.chronological() && by != ChartSpec.By.YEAR;
    List<String> labels = new ArrayList<>();
    double labelW = 0;
    for (Charts.Point p : ps) {
      String l = dated ? p.label().substring(5) : fit(p.label(), SMALL, Math.max(slot - 2, width("…", SMALL) * 3));
      labels.add(l);
      labelW = Math.max(labelW, width(l, SMALL));
    }
    int every = Math.max(1, (int) Math.ceil((labelW + 4) / slot));
    double base = bottom + 4 + SMALL;
    sb.append("<g class=\"categories\" fill=\"").append(INK).append("\" font-size=\"").append(num(SMALL))
        .append("\" text-anchor=\"middle\">");
    String year = "";
    for (int i = 0; i < n; i++) {
      double cx = left + (i + 0.5) * slot;
      if (i % every == 0) {
        sb.append("<text class=\"category\" x=\"").append(num(cx)).append("\" y=\"").append(num(base)).append("\">")
            .append(esc(labels.get(i))).append("</text>");
      }
      if (dated && !ps.get(i).label().startsWith(year + "-")) {
        year = ps.get(i).label().substring(0, 4);
        sb.append("<text class=\"year\" x=\"").append(num(cx)).append("\" y=\"").append(num(base + SMALL + 4))
            .append("\">").append(esc(year)).append("</text>");
      }
    }
    sb.append("</g>");
    return base + (dated ? SMALL + 4 : 0) + PAD / 2;
  }

  /** The value range drawn: from min(0, smallest) to max(0, largest), never empty. */
  private static BigDecimal[] range(List<Charts.Point> ps) {
    BigDecimal lo = BigDecimal.ZERO;
    BigDecimal hi = BigDecimal.ZERO;
    for (Charts.Point p : ps) {
      lo = lo.min(p.value());
      hi = hi.max(p.value());
    }
    if (hi.compareTo(lo) == 0) hi = lo.add(BigDecimal.ONE);
    return new BigDecimal[] {lo, hi};
  }

  /**
   * Round axis ticks covering [lo, hi] (lo ≤ 0 ≤ hi, lo &lt; hi): steps of 1, 2 or 5 times a power of ten, about four
   * intervals, computed in decimal so that labels are exact (0, 10000, 20000 — never 0.30000000000000004).
   */
  static List<BigDecimal> ticks(BigDecimal lo, BigDecimal hi) {
    BigDecimal rough = hi.subtract(lo).divide(BigDecimal.valueOf(4), MathContext.DECIMAL64);
    int exp = rough.precision() - rough.scale() - 1; // floor(log10(rough))
    BigDecimal magnitude = BigDecimal.ONE.scaleByPowerOfTen(exp);
    BigDecimal step = magnitude;
    for (int m : new int[] {1, 2, 5, 10}) {
      step = magnitude.multiply(BigDecimal.valueOf(m));
      if (step.compareTo(rough) >= 0) break;
    }
    BigDecimal t = lo.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    BigDecimal end = hi.divide(step, 0, RoundingMode.CEILING).multiply(step);
    List<BigDecimal> out = new ArrayList<>();
    for (; t.compareTo(end) <= 0; t = t.add(step)) out.add(t);
    return out;
  }

  private static double x(double v, double lo, double hi, double left, double right) {
    return left + (v - lo) / (hi - lo) * (right - left);
  }

  private static double y(double v, double lo, double hi, double top, double bottom) {
    return bottom - (v - lo) / (hi - lo) * (bottom - top);
  }

  /** Estimated width of {@code s} at {@code size}: CJK and full-width characters 1 em, others 0.6 em. */
  static double width(String s, double size) {
    double em = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      em += cp >= 0x2E80 && !(cp >= 0xFF61 && cp <= 0xFFDC) ? 1.0 : cp == ' ' ? 0.3 : 0.62;
      i += Character.charCount(cp);
    }
    return em * size;
  }

  /** {@code s}, shortened with … to fit {@code max} units at {@code size}. */
  static String fit(String s, double size, double max) {
    if (width(s, size) <= max) return s;
    StringBuilder b = new StringBuilder();
    double room = max - width("…", size);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      String ch = new String(Character.toChars(cp));
      if (width(b + ch, size) > room) break;
      b.append(ch);
      i += Character.charCount(cp);
    }
    return b + "…";
  }

  /** A coordinate rounded to 0.1, without exponent, trailing zeros or {@code -0}: {@code 12.3}, {@code 40}. */
  static String num(double v) {
    BigDecimal d = BigDecimal.valueOf(v).setScale(1, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) return "0";
    return d.toPlainString();
  }

  /** Escapes text and attribute values for XML and HTML alike. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
