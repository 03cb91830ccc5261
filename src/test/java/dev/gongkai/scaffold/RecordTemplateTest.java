package dev.gongkai.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.Cell;
import dev.gongkai.load.CsvReader;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceText;
import dev.gongkai.load.SourceTree;
import dev.gongkai.load.Table;
import dev.gongkai.load.XlsxReader;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.model.Validity;
import dev.gongkai.validate.CatalogueValidator;
import dev.gongkai.validate.RecordValidator;
import dev.gongkai.validate.SiteConfigValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The templates of every item of the bundled example catalogue. */
class RecordTemplateTest {
  @Test
  void everyItemsExampleRecordPassesValidationAndTheWorkbookReadsLikeTheCsv(@TempDir Path tmp) throws IOException {
    Files.createDirectories(tmp.resolve("catalogue"));
    Files.copy(Path.of("catalogue/site.json"), tmp.resolve("catalogue/site.json"));
    Files.copy(Path.of("catalogue/catalogue.csv"), tmp.resolve("catalogue/catalogue.csv"));
    SourceTree tree = new SourceTree(tmp);
    Diagnostics setup = new Diagnostics();
    SiteConfig config = SiteConfigValidator.validate(InputLoader.readConfig(tree, setup), setup).orElseThrow();
    Catalogue catalogue = CatalogueValidator.validate(
        InputLoader.readCatalogue(tree, StandardCharsets.UTF_8, setup), setup);
    assertEquals(0, setup.total(), setup.sorted()::toString);
    assertEquals(48, catalogue.items().size());

    for (CatalogueItem item : catalogue.items()) {
      RecordTemplate t = RecordTemplate.of(config, catalogue.items(), item);
      assertEquals(RecordValidator.COLUMNS.columns().stream().map(c -> c.zh()).toList(),
          t.columns().stream().map(RecordTemplate.TemplateColumn::header).toList());
      String path = "catalogue/records/" + t.fileName("csv");
      byte[] csv = CsvTemplate.write(t, StandardCharsets.UTF_8);
      Diagnostics diags = new Diagnostics();
      Table fromCsv = CsvReader.read(new SourceText(path, new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8)),
          diags).orElseThrow();
      Table fromXlsx = XlsxReader.read("catalogue/records/" + t.fileName("xlsx"),
          XlsxTemplate.write(t, Optional.empty()), RecordValidator.COLUMNS::knows, diags).orElseThrow();
      assertEquals(values(fromCsv), values(fromXlsx), item.code());

      List<DisclosureRecord> records =
          RecordValidator.validate(List.of(fromCsv, fromXlsx), tree, config, catalogue, diags).records();
      // The same example twice: valid, and only its index number repeated.
      assertEquals(List.of("index-duplicate"), diags.sorted().stream().map(d -> d.code().id()).toList(), item.code());
      assertEquals(item.code(), records.get(0).itemCode());
      assertEquals(Disclosure.ACTIVE, records.get(0).disclosure());
    }
  }

  @Test
  void dropDownsOfferTheValuesValidationAccepts() {
    CatalogueItem item = new CatalogueItem("aqsc-01-01", "安全生产", "aqsc", "政策文件", "法律法规", "", "", "20个工作日内",
        "局", List.of(), List.of(), "主动", List.of());
    SiteConfig config = new SiteConfig("站", "示例县应急管理局", "https://x.example/", "530199", List.of("zh-CN"),
        new SiteConfig.Contact("", "", "", ""), new SiteConfig.Options("UTF-8", 20, false, ""));
    RecordTemplate t = RecordTemplate.of(config, List.of(item), item);
    var byKey = t.columns().stream().collect(java.util.stream.Collectors.toMap(
        RecordTemplate.TemplateColumn::key, c -> c));
    assertEquals(Arrays.stream(Validity.values()).map(Validity::label).toList(), byKey.get("validity").choices());
    assertEquals(Arrays.stream(Disclosure.values()).map(Disclosure::label).toList(), byKey.get("disclosure").choices());
    assertEquals(List.of("全社会", "特定群体"), byKey.get("scope").choices());
    assertEquals(List.of("aqsc-01-01"), byKey.get("item").choices());
    assertEquals("示应急发〔2025〕1号", t.example().get(t.columns().indexOf(byKey.get("docNo"))));
  }

  @Test
  void aSourceDateEpochIsTheOnlyTimeInTheWorkbook() throws IOException {
    CatalogueItem item = new CatalogueItem("jz-01-01", "救灾", "jz", "灾后救助", "救灾资金", "", "", "20个工作日内",
        "局", List.of(), List.of(), "主动", List.of());
    SiteConfig config = new SiteConfig("站", "示例县应急管理局", "https://x.example/", "530199", List.of("zh-CN"),
        new SiteConfig.Contact("", "", "", ""), new SiteConfig.Options("UTF-8", 20, false, ""));
    RecordTemplate t = RecordTemplate.of(config, List.of(item), item);
    java.time.Instant epoch = java.time.Instant.parse("2025-06-01T08:30:00Z");
    byte[] a = XlsxTemplate.write(t, Optional.of(epoch));
    org.junit.jupiter.api.Assertions.assertArrayEquals(a, XlsxTemplate.write(t, Optional.of(epoch)));
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(a))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        assertEquals(java.time.LocalDateTime.of(2025, 6, 1, 8, 30), e.getTimeLocal(), e.getName());
      }
    }
  }

  private static List<List<String>> values(Table t) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(t.header()), t.rows().stream().map(r -> r.cells()))
        .map(cells -> cells.stream().map(Cell::value).toList()).toList();
  }
}
