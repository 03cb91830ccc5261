package dev.gongkai.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostic;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Planted personal data: every ID number, mobile number and bank card number, planted in each published place (a
 * record title in CSV and JSON, an inline body, a body file, an attachment name, a dataset cell, a dataset title, a
 * page body, a page header), stops the build with the right code at the right file, line and column, and the
 * message carries the masked form and never the number. The masked forms pass. A dataset column declared
 * {@code "mask"} is published masked, with a warning that counts the cells.
 */
class PlantedPersonalDataTest {
  private static final Txtar BASE = base();

  private static Txtar base() {
    try {
      return Txtar.read(Path.of("src/test/resources/invalid/_base.txtar"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A planted number: its kind, how it is written, and how it must be published. */
  record Plant(String name, Code code, String written, String masked) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Plant> PLANTS = List.of(
      new Plant("id-18", Code.PERSONAL_ID, "11010519491231002X", "110105********002X"),
      new Plant("id-18-lowercase-x", Code.PERSONAL_ID, "11010519491231002x", "110105********002x"),
      new Plant("id-18-grouped", Code.PERSONAL_ID, "110105 19491231 002X", "110105********002X"),
      new Plant("id-15", Code.PERSONAL_ID, "110105491231002", "110105******002"),
      new Plant("id-18-full-width", Code.PERSONAL_ID, "１１０１０５１９４９１２３１００２Ｘ", "110105********002X"),
      new Plant("mobile", Code.PERSONAL_PHONE, "13812345678", "138****5678"),
      new Plant("mobile-grouped", Code.PERSONAL_PHONE, "138 1234 5678", "138****5678"),
      new Plant("mobile-dashes", Code.PERSONAL_PHONE, "138-1234-5678", "138****5678"),
      new Plant("mobile-plus86", Code.PERSONAL_PHONE, "+8613812345678", "138****5678"),
      new Plant("bank-card-19", Code.PERSONAL_BANKCARD, "6222020200112233446", "6222***********3446"),
      new Plant("bank-card-16-grouped", Code.PERSONAL_BANKCARD, "4111 1111 1111 1111", "4111********1111"));

  /**
   * A published place: the files to plant {@code %s} into (over the base site), the file and position where the
   * diagnostic must point, and the column name the message must give. Positions are 1-based line:col; CSV and JSON
   * values point at the start of their cell, text files at the number itself.
   */
  record Place(String name, String files, String path, int line, int column, String field) {
    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Place> PLACES = List.of(
      new Place("record-title-csv", """
          -- catalogue/records/aqsc-01-01.csv --
          索引号,标题,成文日期,发布日期,公开属性
          015583216/2024-00007,关于%s的处理决定,2024-05-06,2024-05-10,主动公开
          """, "catalogue/records/aqsc-01-01.csv", 2, 22, "标题"),
      new Place("record-title-json", """
          -- catalogue/records/mixed.json --
          [
            {"索引号": "015583216/2024-00002", "标题": "关于%s的解读", "成文日期": "2024-05-08",
             "发布日期": "2024-05-10", "公开属性": "主动公开", "事项": "aqsc-01-02"}
          ]
          """, "catalogue/records/mixed.json", 2, 41, "标题"),
      new Place("record-docno", """
          -- catalogue/records/aqsc-01-01.csv --
          索引号,标题,成文日期,发布日期,公开属性,文号
          015583216/2024-00007,处理决定,2024-05-06,2024-05-10,主动公开,%s
          """, "catalogue/records/aqsc-01-01.csv", 2, 54, "文号"),
      new Place("inline-body", """
          -- catalogue/records/aqsc-01-01.csv --
          索引号,标题,成文日期,发布日期,公开属性,正文
          015583216/2024-00007,处理决定,2024-05-06,2024-05-10,主动公开,"第一段。
          当事人：%s。"
          """, "catalogue/records/aqsc-01-01.csv", 2, 54, "正文"),
      new Place("body-file", """
          -- content/documents/notice-1.md --
          各乡镇人民政府：

          联系人 %s。
          """, "content/documents/notice-1.md", 3, 5, "正文"),
      new Place("attachment-name", """
          -- catalogue/records/aqsc-01-01.csv --
          索引号,标题,成文日期,发布日期,公开属性,附件
          015583216/2024-00007,处理决定,2024-05-06,2024-05-10,主动公开,documents/%s.pdf
          -- content/documents/%s.pdf --
          %%PDF-1.4
          """, "catalogue/records/aqsc-01-01.csv", 2, 54, "附件"),
      new Place("dataset-cell", """
          -- catalogue/datasets/funds.csv --
          序号,乡镇,金额,下拨日期
          1,城关镇,12.5,2024-08-01
          2,河口镇 %s,8,2024-08-01
          """, "catalogue/datasets/funds.csv", 3, 3, "乡镇"),
      new Place("page-body", """
          -- content/about.md --
          title=机构职能
          type=page
          ~~~~~~
          测试县应急管理局负责全县应急管理工作。

          值班电话：%s
          """, "content/about.md", 6, 6, "正文"),
      new Place("page-header", """
          -- content/about.md --
          title=关于 %s 的说明
          ~~~~~~
          正文
          """, "content/about.md", 1, 10, "title"));

  static Stream<Arguments> plantedEverywhere() {
    List<Arguments> out = new ArrayList<>();
    for (Plant p : PLANTS) for (Place where : PLACES) out.add(Arguments.of(p, where));
    return out.stream();
  }

  private static BuildResult build(Path tmp, String files) throws IOException {
    Path src = Txtar.parse(files).over(BASE).writeTo(tmp.resolve("site"));
    return SiteBuild.run(new BuildRequest(src, tmp.resolve("public")), Progress.NONE);
  }

  private static String plant(Place where, String value) {
    return where.files().replace("%s", value).replace("%%", "%");
  }

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("plantedEverywhere")
  void plantedNumberStopsTheBuildAtItsPlace(Plant p, Place where, @TempDir Path tmp) throws IOException {
    String value = where.name().equals("attachment-name") ? p.written().replace(' ', '-') : p.written();
    BuildResult r = build(tmp, plant(where, value));
    assertFalse(r.ok(), "the build must stop");
    List<Diagnostic> errors = r.diagnostics().sorted().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), () -> errors.toString());
    Diagnostic d = errors.get(0);
    assertEquals(p.code(), d.code(), d.toString());
    assertEquals(where.path() + ":" + where.line() + ":" + where.column(), d.location().toString());
    String shown = d.messageZh() + d.messageEn() + d.hintZh() + d.hintEn() + d.text();
    assertTrue(d.messageEn().contains(p.masked()) && d.messageZh().contains(p.masked()),
        "the message suggests " + p.masked() + ": " + d.messageEn());
    assertTrue(d.messageZh().contains(where.field()), d.messageZh());
    assertFalse(shown.contains(p.written().replace(" ", "")) || shown.contains(p.written()),
        "the number itself is never repeated: " + shown);
    assertFalse(Files.exists(tmp.resolve("public")), "nothing published");
  }

  @ParameterizedTest(name = "masked {0} in {1}")
  @MethodSource("plantedEverywhere")
  void maskedFormsPass(Plant p, Place where, @TempDir Path tmp) throws IOException {
    BuildResult r = build(tmp, plant(where, p.masked()));
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
  }

  @Test
  void datasetMetadataIsCheckedToo(@TempDir Path tmp) throws IOException {
    BuildResult r = build(tmp, """
        -- catalogue/datasets/funds.schema.json --
        {
          "title": "救灾资金下拨情况（经办人 13812345678）",
          "item": "jz-01-01",
          "description": "领款人 11010519491231002X",
          "columns": [
            {"name": "序号", "type": "integer"},
            {"name": "乡镇", "type": "string"},
            {"name": "金额", "type": "number", "unit": "万元"},
            {"name": "下拨日期", "type": "date"}
          ]
        }
        """);
    assertEquals(List.of("personal-phone catalogue/datasets/funds.schema.json:2:3",
        "personal-id catalogue/datasets/funds.schema.json:4:3"), errors(r));
  }

  @Test
  void siteConfigIsCheckedButNotTheOfficePhone(@TempDir Path tmp) throws IOException {
    BuildResult r = build(tmp, """
        -- catalogue/site.json --
        {
          "title": "测试县应急管理局政府信息公开",
          "agency": "测试县应急管理局",
          "baseUrl": "https://yjj.test.example/",
          "regionCode": "530199",
          "contact": { "phone": "13812345678", "address": "人民路1号（联系人 13900001111）" }
        }
        """);
    assertEquals(List.of("personal-phone catalogue/site.json:6:40"), errors(r),
        "contact.phone is the office's number, published by design");
  }

  private static List<String> errors(BuildResult r) {
    return r.diagnostics().sorted().stream().filter(Diagnostic::isError)
        .map(d -> d.code().id() + " " + d.location()).toList();
  }

  @Test
  void maskColumnsArePublishedMaskedWithAWarning(@TempDir Path tmp) throws IOException {
    BuildResult r = build(tmp, """
        -- catalogue/datasets/relief.csv --
        序号,姓名,身份证号,联系电话,金额
        1,张三,11010519491231002X,13812345678,1200
        2,欧阳娜娜,110105491231002,138 0000 1111,800
        3,李*,530199********123X,139****2222,600
        4,,,,100
        -- catalogue/datasets/relief.schema.json --
        {
          "title": "临时救助发放名单",
          "item": "jz-01-01",
          "primaryKey": ["序号"],
          "columns": [
            {"name": "序号", "type": "integer"},
            {"name": "姓名", "type": "string", "mask": "name"},
            {"name": "身份证号", "type": "string", "mask": "id", "personal": "id"},
            {"name": "联系电话", "type": "string", "mask": "phone"},
            {"name": "金额", "type": "number", "unit": "元"}
          ]
        }
        """);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    List<String> warnings = r.diagnostics().sorted().stream().filter(d -> d.code() == Code.PERSONAL_MASKED)
        .map(d -> d.location() + " " + d.messageEn()).toList();
    assertEquals(List.of(
        "catalogue/datasets/relief.csv:1:4 2 values of column \"姓名\" were masked automatically (\"mask\": \"name\") before publishing",
        "catalogue/datasets/relief.csv:1:7 2 values of column \"身份证号\" were masked automatically (\"mask\": \"id\") before publishing",
        "catalogue/datasets/relief.csv:1:12 2 values of column \"联系电话\" were masked automatically (\"mask\": \"phone\") before publishing"),
        warnings);
    Path out = tmp.resolve("public");
    String csv = Files.readString(out.resolve("data/relief/relief.csv"), StandardCharsets.UTF_8);
    assertEquals("序号,姓名,身份证号,联系电话,金额\r\n"
        + "1,张*,110105********002X,138****5678,1200\r\n"
        + "2,欧***,110105******002,138****1111,800\r\n"
        + "3,李*,530199********123X,139****2222,600\r\n"
        + "4,,,,100\r\n", csv);
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.endsWith(".xlsx") || name.endsWith(".dat") || name.endsWith(".gz")) continue;
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        for (String secret : List.of("11010519491231002X", "110105491231002", "13812345678", "0000 1111")) {
          assertFalse(text.contains(secret), secret + " published in " + out.relativize(f));
        }
        String utf8 = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        assertFalse(utf8.contains("张三") || utf8.contains("欧阳娜娜"), "a name published in " + out.relativize(f));
      }
    }
  }

  @Test
  void maskingFunctions() {
    assertEquals("110105********002X", PersonalData.mask("11010519491231002x", "id"));
    assertEquals("110105******002", PersonalData.mask("110105491231002", "id"));
    assertEquals("E1*****78", PersonalData.mask("E12345678", "id"), "another document: its outer quarters");
    assertEquals("138****5678", PersonalData.mask("+86 138-1234-5678", "phone"));
    assertEquals("087******345", PersonalData.mask("0871-6512345", "phone"), "a landline: its outer quarters");
    assertEquals("张*", PersonalData.mask("张三", "name"));
    assertEquals("*", PersonalData.mask("张", "name"));
    assertEquals("欧***", PersonalData.mask("欧阳娜娜", "name"));
    assertEquals("买*·**", PersonalData.mask("买买·提明", "name"));
    assertEquals("6222***********3446", PersonalData.mask("6222 0202 0011 2233 446", "bankcard"));
    assertEquals("李*", PersonalData.mask("李*", "name"), "already masked");
    assertEquals("", PersonalData.mask("", "name"));
  }

  @Test
  void numbersThatAreNotPersonalDataPass() {
    for (String s : List.of(
        "索引号 015583216/2024-00012，统一社会信用代码 11530199MB0P12345X",
        "营业执照注册号 530100100012345", // 15 digits, but 1000-12-34 is no birth date
        "金额 123456789012.50 元，日期 2024-05-10 至 2024-06-10",
        "座机 0871-6512345，传真 0871 6512346",
        "订单号 1234567812345678", // fails Luhn
        "身份证 11010519491231002Y", // not a check character
        "编号 110105194912310021", // wrong check digit
        "号码 12812345678")) { // 12x is not a mobile prefix
      assertEquals(List.of(), PersonalData.find(s), s);
    }
  }
}
