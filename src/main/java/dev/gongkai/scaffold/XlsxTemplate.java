package dev.gongkai.scaffold;

import dev.gongkai.load.XlsxReader;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.scaffold.RecordTemplate.Kind;
import dev.gongkai.scaffold.RecordTemplate.TemplateColumn;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * A {@link RecordTemplate} as an Excel workbook that a publisher fills in Excel or WPS and drops into
 * {@code catalogue/records/} as it is:
 *
 * <ul>
 *   <li>sheet {@value #DATA_SHEET}: the header row (frozen; required columns orange, optional ones grey), a note
 *       on every header cell (a cell comment: what to write and how), the example record on row 2, and for the
 *       first {@value #ROWS} rows drop-down lists for 有效性 and 公开属性 (only those values), 公开范围 (suggested) and
 *       事项 (the site's item codes, a path may be typed too); text columns are formatted as text so codes keep
 *       their zeros, date columns as {@code yyyy-mm-dd} dates;
 *   <li>sheet {@value XlsxReader#NOTES_SHEET}: instructions in Chinese, every column with its note, and the item codes
 *       (the 事项 list); {@link XlsxReader} never reads it.
 * </ul>
 *
 * The bytes depend only on the template and {@code time} (see {@link XlsxPackage}).
 */
public final class XlsxTemplate {
  /** The data sheet's name: diagnostics show it ({@code aqsc-01-01.xlsx!政府信息!D5}). */
  public static final String DATA_SHEET = "政府信息";
  /** Rows (below the header) that get the drop-down lists. */
  public static final int ROWS = 5000;
  private static final String REQUIRED_FILL = "FCE4D6";
  private static final String OPTIONAL_FILL = "EDEDED";
  private static final String HEADING_FILL = "DDEBF7";
  /** A note's position in fastexcel's VML: column, offset, row, offset, then the opposite corner. */
  private static final Pattern ANCHOR = Pattern.compile("<x:Anchor>(\\d+),\\d+,(\\d+),\\d+,\\d+,\\d+,\\d+,\\d+</x:Anchor>");

  private XlsxTemplate() {}

  /** The workbook; {@code time} is its creation date (none when empty). */
  public static byte[] write(RecordTemplate t, Optional<Instant> time) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook wb = new Workbook(out, "gongkai", "1.0");
      wb.properties().setTitle(t.item().code() + " " + t.item().level2() + " 信息填写模板");
      wb.properties().setSubject(t.item().path());
      Worksheet data = wb.newWorksheet(DATA_SHEET);
      Worksheet notes = wb.newWorksheet(XlsxReader.NOTES_SHEET);
      Range itemCodes = notesSheet(notes, t);
      dataSheet(data, t, itemCodes);
      wb.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return XlsxPackage.reproducible(out.toByteArray(), time, XlsxTemplate::largerNotes);
  }

  /**
   * fastexcel draws every note two columns wide and two rows high, too small for ours: each note box is made four
   * columns wide and ten rows high, to the right of its cell (where Excel puts a new one).
   */
  private static byte[] largerNotes(String entry, byte[] data) {
    if (!entry.startsWith("xl/drawings/vmlDrawing")) return data;
    Matcher m = ANCHOR.matcher(new String(data, StandardCharsets.UTF_8));
    return m.replaceAll(r -> {
      int col = Integer.parseInt(r.group(1));
      int row = Integer.parseInt(r.group(2));
      return String.format(Locale.ROOT, "<x:Anchor>%d,15,%d,2,%d,15,%d,0</x:Anchor>", col + 1, row, col + 5, row + 10);
    }).getBytes(StandardCharsets.UTF_8);
  }

  private static void dataSheet(Worksheet ws, RecordTemplate t, Range itemCodes) {
    List<TemplateColumn> cols = t.columns();
    for (int c = 0; c < cols.size(); c++) {
      TemplateColumn col = cols.get(c);
      ws.width(c, col.width());
      // The whole column: text stays text (索引号, 文号), dates show as dates.
      ws.style(c).format(col.kind() == Kind.DATE ? "yyyy-mm-dd" : "@").set();
      ws.value(0, c, col.header());
      ws.style(0, c).bold().fillColor(col.required() ? REQUIRED_FILL : OPTIONAL_FILL).wrapText(true)
          .verticalAlignment("center").horizontalAlignment("center").borderStyle("thin").format("@").set();
      ws.comment(0, c, col.header() + (col.required() ? "（必填）" : "") + "\n" + col.note());

      String v = t.example().get(c);
      if (col.kind() == Kind.DATE && !v.isEmpty()) {
        ws.value(1, c, LocalDate.parse(v));
        ws.style(1, c).format("yyyy-mm-dd").set();
      } else {
        if (!v.isEmpty()) ws.value(1, c, v);
        ws.style(1, c).format("@").set();
      }
      validation(ws, c, col, itemCodes);
    }
    ws.comment(1, 0, "这一行是示例：请改写成要公开的信息，或者删除这一行。");
    ws.rowHeight(0, 30);
    ws.freezePane(0, 1);
  }

  private static void validation(Worksheet ws, int c, TemplateColumn col, Range itemCodes) {
    if (col.choices().isEmpty()) return;
    Range cells = ws.range(1, c, ROWS, c);
    String title = col.header();
    if (col.key().equals("item")) {
      cells.validateWithList(itemCodes).allowBlank(true).showErrorMessage(true)
          .errorStyle(DataValidationErrorStyle.WARNING).errorTitle(title)
          .error("不是本站的事项编码。也可以写事项路径，如 安全生产/政策文件/法律法规。");
      return;
    }
    var v = cells.validateWithListByFormula("\"" + String.join(",", col.choices()) + "\"").allowBlank(true)
        .showErrorMessage(true).errorTitle(title);
    if (col.strict()) {
      v.errorStyle(DataValidationErrorStyle.STOP).error("请从下拉列表中选择：" + String.join("、", col.choices()) + "。");
    } else {
      v.errorStyle(DataValidationErrorStyle.INFORMATION).error("常用的值：" + String.join("、", col.choices()) + "。");
    }
  }

  /** Writes the notes sheet; returns the range of item codes (the 事项 drop-down's list). */
  private static Range notesSheet(Worksheet ws, RecordTemplate t) {
    CatalogueItem item = t.item();
    ws.width(0, 16);
    ws.width(1, 80);
    ws.width(2, 8);
    ws.width(3, 28);
    int r = 0;
    ws.value(r, 0, "“" + item.path() + "”（" + item.code() + "）信息填写说明");
    ws.style(r, 0).bold().fontSize(14).set();
    r += 2;
    List<String> steps = List.of(
        "本表用于填写“" + item.path() + "”事项下的政府信息，在“" + XlsxTemplate.DATA_SHEET + "”工作表中每行填写一条。"
            + "本事项的公开时限：" + item.timeLimit() + "。",
        "第1行是表头，不要修改、删除列名或调整列的顺序；不需要的选填列可以空着。橙色表头的列必填，灰色表头的列选填。"
            + "把鼠标移到表头单元格上可以看到填写说明（批注）。",
        "第2行是示例，请改写成要公开的信息，或者删除这一行。",
        "日期写成 2025-03-05，也可以写 2025/3/5、2025年3月5日，或者直接输入 Excel 日期。",
        "“有效性”“公开属性”“公开范围”“事项”可以从下拉列表选择。只有公开属性为“主动公开”的信息会发布到网站上；"
            + "“不予公开”的信息不会出现在网站的任何地方。",
        "已发布的字段和正文中不能有未经处理的身份证号、手机号和银行卡号，否则构建会失败；需要公开时请打码，"
            + "如 530199********002X、138****5678。",
        "只读取第一个工作表；本“说明”工作表不会被读取。请不要在其他工作表中填写信息。",
        "填好后保存为 Excel 工作簿（.xlsx），文件名保持为 " + t.fileName("xlsx") + "，放到站点的 catalogue/records/ "
            + "文件夹中，然后运行 gongkai validate 检查、gongkai build 生成网站。发现的问题会标出文件、工作表和单元格，"
            + "如 " + t.fileName("xlsx") + "!" + DATA_SHEET + "!D5，并说明怎样改正。",
        "Excel 或 WPS 打开文件时生成的 ~$ 开头的临时文件会被忽略，不用删除。");
    for (int i = 0; i < steps.size(); i++) {
      ws.value(r, 0, (i + 1) + ".");
      ws.style(r, 0).horizontalAlignment("right").verticalAlignment("top").set();
      ws.value(r, 1, steps.get(i));
      ws.style(r, 1).wrapText(true).verticalAlignment("top").set();
      ws.rowHeight(r, 15.0 * lines(steps.get(i), 80));
      r++;
    }

    r++;
    heading(ws, r++, "列名", "填写说明", "必填", "可选值");
    for (TemplateColumn col : t.columns()) {
      ws.value(r, 0, col.header());
      ws.value(r, 1, col.note());
      ws.style(r, 1).wrapText(true).verticalAlignment("top").set();
      if (col.required()) ws.value(r, 2, "是");
      String choices = String.join("、", col.key().equals("item") ? List.of("见下表") : col.choices());
      if (!choices.isEmpty()) ws.value(r, 3, choices);
      ws.rowHeight(r, 15.0 * lines(col.note(), 80));
      r++;
    }

    r++;
    heading(ws, r++, "事项编码", "事项", "", "公开时限");
    int first = r;
    for (CatalogueItem it : t.items()) {
      ws.value(r, 0, it.code());
      ws.value(r, 1, it.path());
      ws.value(r, 3, it.timeLimit());
      r++;
    }
    return ws.range(first, 0, Math.max(first, r - 1), 0);
  }

  private static void heading(Worksheet ws, int r, String... titles) {
    for (int c = 0; c < titles.length; c++) {
      if (!titles[c].isEmpty()) ws.value(r, c, titles[c]);
      ws.style(r, c).bold().fillColor(HEADING_FILL).set();
    }
  }

  /** Lines a text wraps to in a column {@code width} characters wide (CJK characters count double). */
  private static int lines(String s, int width) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      w += cp >= 0x1100 ? 2 : 1;
      i += Character.charCount(cp);
    }
    return Math.max(1, (w + width - 1) / width);
  }
}
