package dev.gongkai.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gongkai.load.Cell;
import dev.gongkai.load.JsonTableReader;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.SourceText;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import dev.gongkai.model.SiteConfig;

/** Checks {@code catalogue/site.json} and turns it into a {@link SiteConfig}. */
public final class SiteConfigValidator {
  private static final Set<String> KEYS =
      Set.of("title", "agency", "baseUrl", "regionCode", "languages", "contact", "options");
  private static final Set<String> OPTION_KEYS = Set.of("encoding", "pageSize", "listOnRequest", "applyGuide", "indexPrefix");
  /** The 前段码 of a 索引号: as {@link Values#validIndexNo} accepts it. */
  public static final String INDEX_PREFIX = "[0-9A-Z]{6,18}";

  /**
   * Reads site.json and dataset schemas: a key given twice and content after the JSON value are errors (Jackson
   * would otherwise keep the last value, or ignore the rest, silently).
   */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private SiteConfigValidator() {}

  /** Where a JSON parse problem is: the parser's location, else the top of the file. */
  static Location where(SourceText src, JsonProcessingException e) {
    var l = e.getLocation();
    if (l != null && l.getLineNr() >= 1) return new Location(src.path(), l.getLineNr(), Math.max(1, l.getColumnNr()));
    return src.locate(Math.max(0, JsonTableReader.tooDeep(src.text(), JsonTableReader.MAX_DEPTH)));
  }

  public static Optional<SiteConfig> validate(SourceText src, Diagnostics diags) {
    if (src == null) return Optional.empty();
    if (src.text().isBlank()) {
      diags.report(Code.FILE_EMPTY, src.locate(0), "");
      return Optional.empty();
    }
    JsonNode root;
    try {
      root = JSON.readTree(src.text());
    } catch (JsonProcessingException e) {
      diags.report(Code.JSON_SYNTAX, where(src, e), "", JsonTableReader.message(e));
      return Optional.empty();
    }
    if (root == null || !root.isObject()) {
      diags.report(Code.JSON_SHAPE, src.locate(0), "", Bi.of("对象 {…}", "an object {...}"));
      return Optional.empty();
    }
    int before = diags.errorCount();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!KEYS.contains(k)) invalid(src, diags, k, Bi.of("未知的配置项；可用：" + String.join("、", KEYS.stream().sorted().toList()),
          "unknown key; known keys: " + String.join(", ", KEYS.stream().sorted().toList())));
    }
    String title = required(src, root, "title", diags);
    String agency = required(src, root, "agency", diags);
    String baseUrl = required(src, root, "baseUrl", diags);
    if (!baseUrl.isEmpty() && !validBaseUrl(baseUrl)) {
      invalid(src, diags, "baseUrl", Bi.of("应为 http(s):// 开头的网址，例如 https://yjj.example.gov.cn/",
          "expected an http(s):// URL such as https://yjj.example.gov.cn/"));
    }
    if (!baseUrl.isEmpty() && !baseUrl.endsWith("/")) baseUrl = baseUrl + "/";
    String region = required(src, root, "regionCode", diags);
    if (!region.isEmpty() && !region.matches("\\d{6}")) {
      invalid(src, diags, "regionCode", Bi.of("应为6位数字的行政区划代码，例如 530199",
          "expected a 6-digit administrative division code such as 530199"));
    }
    for (String k : List.of("title", "agency", "baseUrl", "regionCode")) {
      if (root.has(k) && !root.get(k).isTextual() && !root.get(k).isNull()) {
        invalid(src, diags, k, Bi.of("应为文本（用双引号括起）", "expected a string (in double quotes)"));
      }
    }
    expectType(src, root, "languages", JsonNode::isArray, Bi.of("应为数组，例如 [\"zh-CN\", \"en\"]",
        "expected an array such as [\"zh-CN\", \"en\"]"), diags);
    expectType(src, root, "contact", JsonNode::isObject, Bi.of("应为对象 {…}", "expected an object {...}"), diags);
    expectType(src, root, "options", JsonNode::isObject, Bi.of("应为对象 {…}", "expected an object {...}"), diags);
    // Published on every page: no personal data (the contact phone and e-mail are the office's, by design).
    for (String k : List.of("title", "agency")) {
      if (root.path(k).isTextual()) PersonalData.check(new Cell(root.path(k).asText(), keyLocation(src, k)), k, diags);
    }
    for (String k : List.of("address", "hours")) {
      JsonNode v = root.path("contact").path(k);
      if (v.isTextual()) PersonalData.check(new Cell(v.asText(), keyLocation(src, k)), "contact." + k, diags);
    }
    if (root.path("options").path("applyGuide").isTextual()) {
      PersonalData.check(new Cell(root.path("options").path("applyGuide").asText(), keyLocation(src, "applyGuide")),
          "options.applyGuide", diags);
    }
    List<String> languages = new ArrayList<>();
    root.path("languages").forEach(n -> languages.add(n.asText()));
    if (languages.isEmpty()) languages.add("zh-CN");
    for (String lang : languages) {
      if (!lang.equals("zh-CN") && !lang.equals("en")) {
        invalid(src, diags, "languages", Bi.of("支持的语言为 zh-CN 和 en", "supported languages are zh-CN and en"));
      }
    }
    JsonNode c = root.path("contact");
    SiteConfig.Contact contact = new SiteConfig.Contact(
        c.path("address").asText(""), c.path("phone").asText(""), c.path("email").asText(""),
        c.path("hours").asText(""));
    JsonNode o = root.path("options");
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!OPTION_KEYS.contains(k)) invalid(src, diags, k, Bi.of("未知的 options 配置项；可用：" + String.join("、", OPTION_KEYS.stream().sorted().toList()),
          "unknown option; known options: " + String.join(", ", OPTION_KEYS.stream().sorted().toList())));
    }
    String encoding = o.path("encoding").asText("UTF-8").toUpperCase(java.util.Locale.ROOT);
    if (!Set.of("UTF-8", "GB18030", "GBK", "GB2312").contains(encoding)) {
      invalid(src, diags, "encoding", Bi.of("应为 UTF-8 或 GB18030", "expected UTF-8 or GB18030"));
    }
    int pageSize = o.path("pageSize").asInt(20);
    if (o.has("pageSize") && (!o.path("pageSize").isInt() || pageSize < 5 || pageSize > 200)) {
      invalid(src, diags, "pageSize", Bi.of("应为 5 到 200 之间的整数", "expected a whole number from 5 to 200"));
      pageSize = 20;
    }
    if (o.has("listOnRequest") && !o.path("listOnRequest").isBoolean()) {
      invalid(src, diags, "listOnRequest", Bi.of("应为 true 或 false", "expected true or false"));
    }
    String indexPrefix = o.path("indexPrefix").asText("").strip();
    if (o.has("indexPrefix") && (!o.path("indexPrefix").isTextual() || !indexPrefix.matches(INDEX_PREFIX))) {
      invalid(src, diags, "indexPrefix", Bi.of(
          "应为索引号的前段码：9位组织机构代码、18位统一社会信用代码或6位行政区划代码（数字和大写字母），例如 \"015583216\"",
          "expected the index number prefix: a 9-character organisation code, 18-character credit code or 6-digit"
              + " region code (digits and capital letters), e.g. \"015583216\""));
      indexPrefix = "";
    }
    SiteConfig.Options options = new SiteConfig.Options(
        encoding.equals("UTF-8") ? "UTF-8" : "GB18030", pageSize, o.path("listOnRequest").asBoolean(false),
        o.path("applyGuide").asText(""), indexPrefix);
    if (diags.errorCount() > before) return Optional.empty();
    return Optional.of(new SiteConfig(title, agency, baseUrl, region, languages, contact, options));
  }

  private static String required(SourceText src, JsonNode root, String key, Diagnostics diags) {
    JsonNode n = root.get(key);
    if (n != null && !n.isTextual() && !n.isNull()) return ""; // a number or object: reported as config-invalid
    if (n == null || !n.isTextual() || n.asText().isBlank()) {
      diags.report(Code.FIELD_REQUIRED, keyLocation(src, key), "", key);
      return "";
    }
    return n.asText().strip();
  }

  private static void expectType(SourceText src, JsonNode root, String key,
      java.util.function.Predicate<JsonNode> ok, Bi why, Diagnostics diags) {
    if (root.has(key) && !root.get(key).isNull() && !ok.test(root.get(key))) invalid(src, diags, key, why);
  }

  /** An absolute http(s) URL with a host and no query, fragment, spaces, quotes or angle brackets. */
  public static boolean validBaseUrl(String url) {
    if (!url.matches("https?://[^\\s/?#\"'<>\\\\]+(/[^\\s?#\"'<>\\\\]*)?")) return false;
    try {
      java.net.URI u = new java.net.URI(url);
      return u.getHost() != null && u.getRawQuery() == null && u.getRawFragment() == null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static void invalid(SourceText src, Diagnostics diags, String key, Bi why) {
    diags.report(Code.CONFIG_INVALID, keyLocation(src, key), key, key, why);
  }

  /** Where {@code "key"} first appears in the file (the top of the file when it does not). */
  static Location keyLocation(SourceText src, String key) {
    int i = src.text().indexOf("\"" + key + "\"");
    return src.locate(Math.max(0, i));
  }
}
