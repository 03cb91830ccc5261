package dev.gongkai.scaffold;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Lang;
import dev.gongkai.validate.SiteConfigValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who a new site is for: the fields of {@code catalogue/site.json} that {@code gongkai init} fills in. Build it with
 * {@link #of}, which supplies the marked defaults and checks the values; the record itself holds checked values.
 *
 * @param agency the publishing agency (机关名称), e.g. 示例县水务局
 * @param indexPrefix the 前段码 of its 索引号 (organisation, credit or region code); blank when not known
 * @param regionCode the 6-digit 行政区划代码
 * @param baseUrl the absolute URL the site will be served at, ending in {@code /}
 */
public record SiteIdentity(String agency, String indexPrefix, String regionCode, String baseUrl) {
  /** Marks every default the publisher must replace (in site.json and the starter pages). */
  public static final String TO_FILL = "【待填写】";
  static final String DEFAULT_AGENCY = TO_FILL + "机关名称";
  /** A region code that exists in no table: valid in form, obviously not filled in. */
  static final String DEFAULT_REGION = "000000";
  /** {@code .invalid} is reserved (RFC 2606): no site can be served there by mistake. */
  static final String DEFAULT_BASE_URL = "https://www.example.invalid/";

  /**
   * Values the caller gave that cannot be used: one reason per value, each in Chinese and English
   * ({@link #problems}), so that the command line prints the language it was asked for. The exception's message
   * holds every reason in both languages, one a line.
   */
  public static final class InvalidException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Bi> problems;

    InvalidException(List<Bi> problems) {
      super(String.join("\n", problems.stream().map(Lang.BOTH::pick).toList()));
      this.problems = List.copyOf(problems);
    }

    /** Each unusable value's reason, in the order of the options. */
    public List<Bi> problems() {
      return problems;
    }
  }

  /**
   * Checks and completes the options of {@code gongkai init}; each may be null for its default.
   *
   * @param code the 前段码: a 9-character organisation code, an 18-character unified social credit code or a 6-digit
   *     region code; upper-cased
   * @param region the 6-digit region code; when null it is taken from a 6-digit code or from characters 3–8 of a
   *     credit code, else {@value #DEFAULT_REGION}
   * @throws InvalidException naming every unusable value
   */
  public static SiteIdentity of(String name, String code, String region, String baseUrl) throws InvalidException {
    List<Bi> problems = new ArrayList<>();
    String agency = name == null ? DEFAULT_AGENCY : name.strip();
    if (agency.isEmpty() || agency.chars().anyMatch(Character::isISOControl)) {
      problems.add(Bi.message("init.bad-name"));
    }
    String prefix = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    if (code != null && !(prefix.matches(SiteConfigValidator.INDEX_PREFIX)
        && (prefix.length() == 6 || prefix.length() == 9 || prefix.length() == 18))) {
      problems.add(Bi.message("init.bad-code", code));
    }
    String regionCode = region != null ? region.strip() : regionOf(prefix);
    if (!regionCode.matches("\\d{6}")) {
      problems.add(Bi.message("init.bad-region", region));
    }
    String url = baseUrl == null ? DEFAULT_BASE_URL : baseUrl.strip();
    if (!url.endsWith("/")) url = url + "/";
    if (!SiteConfigValidator.validBaseUrl(url)) {
      problems.add(Bi.message("init.bad-base-url", baseUrl));
    }
    if (!problems.isEmpty()) throw new InvalidException(problems);
    return new SiteIdentity(agency, prefix, regionCode, url);
  }

  /** The region code a 前段码 carries: itself when 6 digits, characters 3–8 of a credit code. */
  private static String regionOf(String prefix) {
    if (prefix.matches("\\d{6}")) return prefix;
    if (prefix.length() == 18 && prefix.substring(2, 8).matches("\\d{6}")) return prefix.substring(2, 8);
    return DEFAULT_REGION;
  }

  /** The defaults still in use, for the "fill these in" list {@code gongkai init} prints. */
  public List<String> defaultsLeft() {
    List<String> out = new ArrayList<>();
    if (agency.equals(DEFAULT_AGENCY)) {
      out.add("agency (--name)");
      out.add("title (--name)");
    }
    if (indexPrefix.isEmpty()) out.add("options.indexPrefix (--code)");
    if (regionCode.equals(DEFAULT_REGION)) out.add("regionCode (--region)");
    if (baseUrl.equals(DEFAULT_BASE_URL)) out.add("baseUrl (--base-url)");
    return out;
  }
}
