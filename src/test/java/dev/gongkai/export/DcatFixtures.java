package dev.gongkai.export;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Site;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bundled example site as the catalogue-level export tests use it (loaded like {@code SearchFixtures}: loader,
 * validator and disclosure gate on the repository root), with a hand-made list of {@link DatasetInfo} so these tests
 * do not depend on {@code DatasetExports}.
 */
final class DcatFixtures {
  static final Path EXAMPLE = Path.of("").toAbsolutePath();
  static final Provenance PROVENANCE = new Provenance("gongkai 0.1.0-test",
      "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-02-03T04:05:06Z"));
  /** Serial numbers 888xx mark the example's withheld and on-request records. */
  static final Pattern WITHHELD_SERIAL = Pattern.compile("\\d{4}-888\\d\\d");

  private static Site site;
  private static PublishedSite published;

  private DcatFixtures() {}

  static synchronized Site validated() {
    if (site == null) {
      Diagnostics d = new Diagnostics();
      try {
        site = dev.gongkai.validate.SiteValidator.validate(InputLoader.load(new SourceTree(EXAMPLE), d), d)
            .orElseThrow(() -> new AssertionError(d.sorted().toString()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return site;
  }

  static synchronized PublishedSite site() {
    if (published == null) published = DisclosureGate.apply(validated());
    return published;
  }

  /**
   * Datasets as {@code DatasetExports} would list them: each table with CSV, JSON and XLSX files, one catalogue item's
   * record metadata (no portal page) and the catalogue itself. Sizes and digests are made up but well-formed.
   */
  static List<DatasetInfo> datasets(PublishedSite s) {
    List<DatasetInfo> out = new ArrayList<>();
    for (Dataset d : s.datasets()) {
      String dir = "data/" + d.id() + "/" + d.id();
      out.add(new DatasetInfo(d.id(), d.title(), d.description(), d.itemCode(), d.agency(), d.published(),
          d.published(), d.url(), List.of(
              dist("CSV", dir + ".csv", "text/csv; charset=utf-8"),
              dist("JSON", dir + ".json", "application/json"),
              dist("XLSX", dir + ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))));
    }
    out.add(new DatasetInfo("records-aqsc-01-01", "安全生产/政策文件/法律法规 政府信息目录", "", "aqsc-01-01", "",
        s.lastUpdated(), s.lastUpdated(), "", List.of(
            dist("CSV", "data/records-aqsc-01-01/records-aqsc-01-01.csv", "text/csv"),
            dist("NDJSON", "data/records-aqsc-01-01/records-aqsc-01-01.ndjson", "application/x-ndjson"))));
    out.add(new DatasetInfo("catalogue", "政府信息公开标准目录", "本机关的政府信息公开标准目录（两个领域的全部二级事项）。", "",
        s.config().agency(), s.lastUpdated(), s.lastUpdated(), "", List.of(
            dist("CSV", "data/catalogue/catalogue.csv", "text/csv"),
            dist("Data Package", "data/catalogue/datapackage.json", "application/json"))));
    return out;
  }

  static DatasetInfo.Distribution dist(String format, String path, String mediaType) {
    return new DatasetInfo.Distribution(format, path, mediaType, 1000 + path.length(), sha256(path));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  static String text(ExportFile f) {
    return new String(f.data(), StandardCharsets.UTF_8);
  }

  /** Nothing of a withheld or on-request record (index number, serial 888xx, title) appears in {@code text}. */
  static void assertNothingWithheld(String name, String text) {
    assertFalse(WITHHELD_SERIAL.matcher(text).find(), name + " mentions a withheld serial number");
    int checked = 0;
    for (DisclosureRecord r : validated().records()) {
      if (r.disclosure() == Disclosure.ACTIVE) continue;
      checked++;
      assertFalse(text.contains(r.indexNo()), name + " mentions withheld " + r.indexNo());
      assertFalse(text.contains(r.title()), name + " mentions withheld title " + r.title());
    }
    assertTrue(checked >= 8, "the example has withheld records to check");
  }
}
