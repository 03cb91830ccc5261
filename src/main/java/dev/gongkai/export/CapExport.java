package dev.gongkai.export;

import dev.gongkai.model.Incident;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.render.Markdown;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * CAP 1.2 alert messages (OASIS Common Alerting Protocol, {@code urn:oasis:names:tc:emergency:cap:1.2}): one file
 * {@code alerts/<name>.cap.xml} per published emergency incident, where {@code <name>} is the incident file's name
 * ({@code content/incidents/2025-flood.md} → {@code alerts/2025-flood.cap.xml}); when two incidents share a file
 * name, both use their whole page path instead ({@code alerts/incidents/2025/flood.cap.xml}). See {@link #path}.
 *
 * <p>What the caller must know:
 * <ul>
 *   <li>The input must have passed validation: {@code baseUrl} absolute and {@code regionCode} six digits
 *       (GB/T 2260). {@code site.json} validation already requires both for every site, so a build with a missing or
 *       malformed region code fails with a located {@code field-required} / {@code config-invalid} before this runs;
 *       called anyway, this throws {@link IllegalArgumentException}.</li>
 *   <li>Pure and deterministic: no wall clock, no random ids. The same incident gives the same bytes.</li>
 *   <li>Times in {@code content/} are local China time; they are written with a fixed {@code +08:00} offset.</li>
 *   <li>The file always holds the <em>current</em> message of the incident's thread. Each published update
 *       starts a new message (new {@code identifier} and {@code sent}), whose {@code references} list every earlier
 *       message of the thread, so a CAP consumer that saw an earlier version supersedes it.</li>
 * </ul>
 *
 * <p>The thread of an incident: a first message at its {@code start=} time ({@code msgType} Alert), then one per
 * distinct update time ({@code msgType} Update); when the incident's {@code state} is 已结束, one closing message after
 * the newest ({@code msgType} Update, {@code urgency} Past, {@code responseType} AllClear, same {@code sent} as the
 * newest, identifier suffixed {@code /ended}). A closing <em>Update</em> and not a <em>Cancel</em>: in CAP, Cancel
 * retracts the referenced messages (for an alert sent in error) and consumers drop them, whereas an ended emergency
 * still has a true final situation report that should stay readable; Past + AllClear says "no longer a threat" while
 * keeping the content.
 *
 * <p>Mapping: {@code identifier} {@code <host>/<incident key>/<yyyyMMdd'T'HHmmss of sent>} (key percent-encoded to
 * {@code [A-Za-z0-9._~/-]}, so no spaces, commas, {@code <} or {@code &}); {@code sender} the host of {@code baseUrl};
 * {@code status} Actual; {@code scope} Public; {@code incidents} {@code <host>/<incident key>}. One {@code info}:
 * language zh-CN; category from the incident's {@code category=} header (default Safety); event from {@code event=}
 * (default 突发事件); responseType Monitor (active) / AllClear (ended); urgency Immediate / Past; severity from the
 * level (蓝 Minor, 黄 Moderate, 橙 Severe, 红 Extreme); certainty Observed; onset = start; senderName = agency;
 * headline = title (with （已结束） when ended); description = the newest update(s) and the incident's own text, Markdown
 * reduced to plain text; instruction; web = the incident page; contact = agency and phone from {@code site.json}
 * (e-mail when there is no phone); parameter 预警级别 = 蓝色/黄色/橙色/红色; one {@code area}: areaDesc = agency + 辖区,
 * geocode {@value #GEOCODE_NAME} = {@code regionCode}.
 */
public final class CapExport {
  public static final String NS = "urn:oasis:names:tc:emergency:cap:1.2";
  public static final String MEDIA_TYPE = "application/cap+xml";
  public static final String DIR = "alerts/";
  public static final String SUFFIX = ".cap.xml";
  /** The {@code valueName} of the region-code geocode: the standard of China's administrative division codes. */
  public static final String GEOCODE_NAME = "GB/T 2260";
  static final String DEFAULT_CATEGORY = "Safety";
  static final String DEFAULT_EVENT = "突发事件";

  private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter SENT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx", Locale.ROOT);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm", Locale.ROOT);

  private CapExport() {}

  /** A message of the thread, as {@code references} name it. */
  public record Ref(String sender, String identifier, String sent) {
    /** {@code sender,identifier,sent}. */
    public String text() {
      return sender + "," + identifier + "," + sent;
    }
  }

  /** The {@code area}: one per alert, the site's region. */
  public record Area(String areaDesc, String geocodeName, String geocode) {}

  /** The {@code info} block, in CAP element order; blank optional fields are left out of the XML. */
  public record Info(String language, List<String> categories, String event, String responseType, String urgency,
      String severity, String certainty, String onset, String senderName, String headline, String description,
      String instruction, String web, String contact, String levelName, Area area) {
    public Info {
      categories = List.copyOf(categories);
    }
  }

  /** One CAP alert message, in CAP element order. */
  public record Alert(String identifier, String sender, String sent, String status, String msgType, String scope,
      List<Ref> references, String incidents, Info info) {
    public Alert {
      references = List.copyOf(references);
    }
  }

  /** One file per incident, in the site's incident order (newest first). */
  public static List<ExportFile> build(PublishedSite site) {
    List<ExportFile> out = new ArrayList<>();
    for (Incident i : site.incidents()) {
      out.add(new ExportFile(path(i, site.incidents()), xml(alert(site.config(), i)), MEDIA_TYPE));
    }
    return out;
  }

  /**
   * The site-relative path of an incident's alert: {@code alerts/<file name>.cap.xml}, or
   * {@code alerts/<page path>.cap.xml} when another of {@code all} has the same file name.
   */
  public static String path(Incident incident, List<Incident> all) {
    String name = name(incident);
    long same = all.stream().filter(o -> name(o).equals(name)).count();
    String page = incident.urlPath().endsWith("/")
        ? incident.urlPath().substring(0, incident.urlPath().length() - 1) : incident.urlPath();
    return DIR + (same > 1 ? page : name) + SUFFIX;
  }

  /** The last segment of the page path ({@code incidents/2025-flood/} → {@code 2025-flood}). */
  private static String name(Incident i) {
    String p = i.urlPath().endsWith("/") ? i.urlPath().substring(0, i.urlPath().length() - 1) : i.urlPath();
    return p.substring(p.lastIndexOf('/') + 1);
  }

  /** The current message of the incident's thread (see the class comment). */
  public static Alert alert(SiteConfig config, Incident incident) {
    String region = config.regionCode();
    if (region == null || !region.matches("\\d{6}")) {
      throw new IllegalArgumentException("regionCode must be six digits (validated site.json): " + region);
    }
    String host = XmlSupport.host(config.baseUrl());
    if (host.isEmpty()) throw new IllegalArgumentException("baseUrl has no host: " + config.baseUrl());
    String thread = host + "/" + idPart(incident.key());
    TreeSet<LocalDateTime> times = new TreeSet<>();
    times.add(incident.start());
    for (Incident.Update u : incident.updates()) times.add(u.time());
    List<Ref> earlier = new ArrayList<>();
    for (LocalDateTime t : times) earlier.add(new Ref(host, thread + "/" + ID_TIME.format(t), sent(t)));
    LocalDateTime newest = times.last();
    boolean ended = !incident.active();
    Ref current = earlier.remove(earlier.size() - 1);
    String msgType = "Update";
    if (ended) {
      earlier.add(current);
      current = new Ref(host, current.identifier() + "/ended", current.sent());
    } else if (earlier.isEmpty()) {
      msgType = "Alert";
    }

    String agency = config.agency();
    String phone = config.contact() == null ? "" : config.contact().phone().strip();
    String email = config.contact() == null ? "" : config.contact().email().strip();
    String contact = !phone.isEmpty() ? agency + "：" + phone : !email.isEmpty() ? agency + "：" + email : "";
    String instruction = ended
        ? "事件已结束。后续信息请关注" + agency + "发布的通知。"
        : "请关注" + agency + "发布的最新信息。" + (phone.isEmpty() ? "" : "如需求助或报告险情，请拨打" + phone + "。");
    Info info = new Info("zh-CN",
        incident.categories().isEmpty() ? List.of(DEFAULT_CATEGORY) : incident.categories(),
        incident.event().isBlank() ? DEFAULT_EVENT : incident.event(),
        ended ? "AllClear" : "Monitor",
        ended ? "Past" : "Immediate",
        severity(incident.level()),
        "Observed",
        sent(incident.start()),
        agency,
        ended ? incident.title() + "（已结束）" : incident.title(),
        description(incident, newest),
        instruction,
        XmlSupport.absolute(config.baseUrl(), incident.urlPath()),
        contact,
        incident.level() + "色",
        new Area(agency + "辖区", GEOCODE_NAME, region));
    return new Alert(current.identifier(), host, current.sent(), "Actual", msgType, "Public", earlier, thread, info);
  }

  /** 蓝 Minor, 黄 Moderate, 橙 Severe, 红 Extreme; anything else Unknown. */
  public static String severity(String level) {
    return switch (level == null ? "" : level) {
      case "蓝" -> "Minor";
      case "黄" -> "Moderate";
      case "橙" -> "Severe";
      case "红" -> "Extreme";
      default -> "Unknown";
    };
  }

  /** {@code 2025-07-16T05:40:00+08:00}: a local China time with its fixed offset. */
  static String sent(LocalDateTime t) {
    return SENT.format(t.withNano(0).atOffset(CHINA));
  }

  /** The key with everything but {@code [A-Za-z0-9._~/-]} percent-encoded (UTF-8). */
  static String idPart(String key) {
    StringBuilder b = new StringBuilder();
    for (byte x : key.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xFF;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "._~/-".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", c));
      }
    }
    return b.toString();
  }

  /**
   * The newest update(s) (all those at the newest time), each as 【time category】title and its text, then the
   * incident's own text; without updates, the incident's text alone (its title when that is empty too).
   */
  private static String description(Incident incident, LocalDateTime newest) {
    List<String> parts = new ArrayList<>();
    for (Incident.Update u : incident.updates()) {
      if (!u.time().equals(newest)) continue;
      String text = plainText(u.markdown());
      parts.add("【" + SHOWN.format(u.time()) + " " + u.category() + "】" + u.title() + (text.isEmpty() ? "" : "\n" + text));
    }
    String body = plainText(incident.markdown());
    if (!body.isEmpty()) parts.add(parts.isEmpty() ? body : "事件概况：\n" + body);
    if (parts.isEmpty()) parts.add(incident.title());
    return String.join("\n\n", parts);
  }

  /**
   * Markdown as plain text: rendered and sanitised as on the portal, then reduced to text with paragraphs separated
   * by a blank line, list items as {@code - item}, table cells joined by {@code  | }, images by their alt text.
   */
  static String plainText(String markdown) {
    String html = Markdown.render(markdown).html();
    if (html.isEmpty()) return "";
    StringBuilder b = new StringBuilder();
    for (Node n : Jsoup.parseBodyFragment(html).body().childNodes()) text(n, b, false);
    List<String> lines = new ArrayList<>();
    boolean blank = true;
    for (String line : b.toString().split("\n", -1)) {
      String l = line.strip();
      if (l.isEmpty()) {
        if (!blank) lines.add("");
        blank = true;
      } else {
        lines.add(l);
        blank = false;
      }
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
    return String.join("\n", lines);
  }

  private static final Map<String, String> BLOCK_BREAK = blockBreaks();

  private static Map<String, String> blockBreaks() {
    Map<String, String> m = new HashMap<>();
    for (String t : List.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr",
        "figure", "div")) {
      m.put(t, "\n\n");
    }
    return m;
  }

  /** Elements whose whitespace-only text children are source formatting, not content. */
  private static final Set<String> CONTAINERS =
      Set.of("ul", "ol", "table", "thead", "tbody", "tfoot", "tr");

  private static void text(Node n, StringBuilder b, boolean pre) {
    if (n instanceof TextNode t) {
      if (pre) {
        b.append(t.getWholeText());
      } else if (!(t.isBlank() && t.parent() instanceof Element p && CONTAINERS.contains(p.normalName()))) {
        b.append(t.text());
      }
      return;
    }
    if (!(n instanceof Element e)) return;
    String tag = e.normalName();
    switch (tag) {
      case "br" -> {
        b.append('\n');
        return;
      }
      case "img" -> {
        b.append(e.attr("alt"));
        return;
      }
      case "li" -> b.append("\n- ");
      case "tr" -> b.append('\n');
      case "td", "th" -> {
        if (e.elementSiblingIndex() > 0) b.append(" | ");
      }
      default -> b.append(BLOCK_BREAK.getOrDefault(tag, ""));
    }
    boolean inPre = pre || tag.equals("pre");
    for (Node c : e.childNodes()) text(c, b, inPre);
    b.append(BLOCK_BREAK.getOrDefault(tag, ""));
  }

  /** The alert as CAP 1.2 XML: UTF-8, two-space indentation, every text escaped, blank optional elements left out. */
  public static byte[] xml(Alert a) {
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<alert xmlns=\"").append(NS).append("\">\n");
    el(x, 1, "identifier", a.identifier());
    el(x, 1, "sender", a.sender());
    el(x, 1, "sent", a.sent());
    el(x, 1, "status", a.status());
    el(x, 1, "msgType", a.msgType());
    el(x, 1, "scope", a.scope());
    if (!a.references().isEmpty()) {
      el(x, 1, "references", String.join(" ", a.references().stream().map(Ref::text).toList()));
    }
    el(x, 1, "incidents", a.incidents());
    Info i = a.info();
    x.append("  <info>\n");
    el(x, 2, "language", i.language());
    for (String c : i.categories()) el(x, 2, "category", c);
    el(x, 2, "event", i.event());
    el(x, 2, "responseType", i.responseType());
    el(x, 2, "urgency", i.urgency());
    el(x, 2, "severity", i.severity());
    el(x, 2, "certainty", i.certainty());
    el(x, 2, "onset", i.onset());
    el(x, 2, "senderName", i.senderName());
    el(x, 2, "headline", i.headline());
    el(x, 2, "description", i.description());
    el(x, 2, "instruction", i.instruction());
    el(x, 2, "web", i.web());
    el(x, 2, "contact", i.contact());
    if (!i.levelName().isBlank()) {
      x.append("    <parameter>\n");
      el(x, 3, "valueName", "预警级别");
      el(x, 3, "value", i.levelName());
      x.append("    </parameter>\n");
    }
    Area area = i.area();
    x.append("    <area>\n");
    el(x, 3, "areaDesc", area.areaDesc());
    x.append("      <geocode>\n");
    el(x, 4, "valueName", area.geocodeName());
    el(x, 4, "value", area.geocode());
    x.append("      </geocode>\n");
    x.append("    </area>\n");
    x.append("  </info>\n");
    x.append("</alert>\n");
    return x.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void el(StringBuilder x, int depth, String name, String value) {
    if (value == null || value.isBlank()) return;
    x.append("  ".repeat(depth)).append('<').append(name).append('>').append(XmlSupport.escape(value))
        .append("</").append(name).append(">\n");
  }
}
