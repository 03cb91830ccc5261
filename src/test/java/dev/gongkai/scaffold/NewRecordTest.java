package dev.gongkai.scaffold;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.cli.ExitCodes;
import dev.gongkai.load.TextDecoder;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gongkai new record}: the next 索引号 over the whole site, the row appended with the file's own encoding, BOM,
 * line ends and layout, and a site that still validates.
 */
class NewRecordTest {
  private static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "示例县应急管理局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      aqsc-01-02,安全生产,政策文件,规章,规章,条例,20个工作日内,局,政府网站,全社会,主动,县级
      aqsc-02-01,安全生产,依法行政,行政许可,许可,条例,20个工作日内,局,政府网站,全社会,主动,县级
      jz-01-01,救灾,政策文件,法规,法规,条例,20个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2025-00003,通知,2025-03-01,2025-03-05,主动公开
      015583216/2025-00001,内部,2025-01-01,2025-01-05,不予公开
      015583216/2024-00040,旧通知,2024-03-01,2024-03-05,主动公开
      -- catalogue/records/aqsc/aqsc-01-02.csv --
      索引号,标题,成文日期,发布日期,公开属性
      015583216/2025-00009,依申请,2025-03-01,2025-03-05,依申请公开
      530199/2025-00500,县政府转发,2025-03-01,2025-03-05,主动公开
      -- catalogue/records/aqsc/aqsc-02-01.json --
      {
        "事项": "aqsc-02-01",
        "records": [
          {
            "index_no": "015583216/2025-00004",
            "title": "许可指南",
            "written": "2025-01-08",
            "published": "2025-01-18",
            "subject": "行政许可",
            "disclosure": "主动公开"
          }
        ]
      }
      """;

  private static Path site(Path tmp) throws IOException {
    return Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
  }

  private static Cli.Run add(Path site, String... args) {
    String[] all = Stream.concat(Stream.of("new", "record", "-s", site.toString()), Arrays.stream(args))
        .toArray(String[]::new);
    return Cli.run(all);
  }

  private static void assertValid(Path site) {
    Cli.Run v = Cli.run("validate", "-s", site.toString());
    assertEquals(ExitCodes.OK, v.exit(), v.err());
    assertFalse(v.err().contains("error["), v.err());
  }

  @Test
  void nextSerialCountsEveryItemAndWithheldRecordsButNotOtherPrefixes(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    byte[] before = Files.readAllBytes(site.resolve("catalogue/records/aqsc/aqsc-01-01.csv"));
    Cli.Run r = add(site, "aqsc-01-01", "--title", "关于做好汛期安全防范工作的通知", "--date", "2025-07-01");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    // 00009 is a 依申请公开 record of another item; 530199/… is another agency's number.
    assertEquals("015583216/2025-00010 catalogue/records/aqsc/aqsc-01-01.csv:5\n", r.out());
    String after = Files.readString(site.resolve("catalogue/records/aqsc/aqsc-01-01.csv"));
    assertEquals(new String(before, StandardCharsets.UTF_8)
        + "015583216/2025-00010,关于做好汛期安全防范工作的通知,2025-07-01,2025-07-01,主动公开\n", after);
    assertValid(site);

    Cli.Run second = add(site, "安全生产/政策文件/规章", "--title", "第二条", "--date", "2025-07-02");
    assertEquals("015583216/2025-00011 catalogue/records/aqsc/aqsc-01-02.csv:4\n", second.out(), second.err());
    Cli.Run newYear = add(site, "aqsc-01-01", "--title", "新年第一条", "--date", "2026-01-04");
    assertTrue(newYear.out().startsWith("015583216/2026-00001 "), newYear.out());
    assertValid(site);
  }

  @Test
  void bomCrLfAndQuotingKeptInACsvFile(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Path f = site.resolve("catalogue/records/aqsc/aqsc-01-01.csv");
    String text = "索引号,标题,发布机构,成文日期,发布日期,文号,有效性,公开属性,公开范围,正文\r\n"
        + "015583216/2025-012,\"两行\r\n正文的通知\",,2025-03-01,2025-03-05,,有效,主动公开,全社会,\"a,b\"\r\n";
    byte[] original = withBom(text.getBytes(StandardCharsets.UTF_8));
    Files.write(f, original);
    Cli.Run r = add(site, "aqsc-01-01", "--title", "关于\"双节\"期间, 安全检查的通知", "--date", "2025-09-30");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    // The file's own 3-digit number is an outlier: the agency pads to 5 everywhere else.
    assertEquals("015583216/2025-00013 catalogue/records/aqsc/aqsc-01-01.csv:4\n", r.out());
    byte[] after = Files.readAllBytes(f);
    assertArrayEquals(original, Arrays.copyOf(after, original.length), "existing bytes untouched, BOM first");
    assertEquals("015583216/2025-00013,\"关于\"\"双节\"\"期间, 安全检查的通知\",示例县应急管理局,2025-09-30,2025-09-30,,有效,"
        + "主动公开,全社会,\r\n", new String(after, original.length, after.length - original.length, StandardCharsets.UTF_8));
    assertValid(site);
  }

  @Test
  void gb18030FileStaysGb18030(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Files.writeString(site.resolve("catalogue/site.json"), "{\"title\": \"站\", \"agency\": \"局\", \"baseUrl\":"
        + " \"https://x.example/\", \"regionCode\": \"530199\", \"options\": {\"encoding\": \"GB18030\"}}");
    Path f = site.resolve("catalogue/records/aqsc/aqsc-01-01.csv");
    byte[] original = Files.readString(f).getBytes(TextDecoder.GB18030);
    Files.write(f, original);
    Cli.Run r = add(site, "aqsc-01-01", "--title", "国标编码的通知", "--date", "2025-08-01");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    byte[] after = Files.readAllBytes(f);
    assertArrayEquals(original, Arrays.copyOf(after, original.length));
    assertTrue(new String(after, TextDecoder.GB18030).endsWith("015583216/2025-00010,国标编码的通知,2025-08-01,2025-08-01,主动公开\n"));
    assertValid(site);
  }

  @Test
  void jsonFileGetsAnObjectLikeItsOthers(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Cli.Run r = add(site, "aqsc-02-01", "--title", "烟花爆竹经营许可办理指南", "--date", "2025-05-06");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    assertEquals("015583216/2025-00010 catalogue/records/aqsc/aqsc-02-01.json:12\n", r.out());
    String after = Files.readString(site.resolve("catalogue/records/aqsc/aqsc-02-01.json"));
    String expected = String.join("\n",
        "      \"disclosure\": \"主动公开\"",
        "    },",
        "    {",
        "      \"index_no\": \"015583216/2025-00010\",",
        "      \"title\": \"烟花爆竹经营许可办理指南\",",
        "      \"written\": \"2025-05-06\",",
        "      \"published\": \"2025-05-06\",",
        "      \"subject\": \"\",",
        "      \"disclosure\": \"主动公开\",",
        "      \"agency\": \"示例县应急管理局\",",
        "      \"validity\": \"有效\",",
        "      \"scope\": \"全社会\"",
        "    }",
        "  ]",
        "}",
        "");
    assertTrue(after.stripTrailing().endsWith(expected.stripTrailing()), after);
    assertValid(site);
  }

  @Test
  void anItemWithoutItsOwnFileGetsOne(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Cli.Run r = add(site, "JZ-01-01", "--title", "救灾通知", "--date", "2025-08-01");
    assertEquals(ExitCodes.OK, r.exit(), r.err());
    assertEquals("015583216/2025-00010 catalogue/records/jz/jz-01-01.csv:2\n", r.out());
    assertTrue(r.err().contains("created the record file"), r.err());
    byte[] b = Files.readAllBytes(site.resolve("catalogue/records/jz/jz-01-01.csv"));
    assertArrayEquals(RecordFiles.emptyCsv(), Arrays.copyOf(b, RecordFiles.emptyCsv().length));
    assertValid(site);
  }

  @Test
  void theConfiguredPrefixWinsAndTheRegionCodeIsTheLastResort(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Files.writeString(site.resolve("catalogue/site.json"), "{\"title\": \"站\", \"agency\": \"局\", \"baseUrl\":"
        + " \"https://x.example/\", \"regionCode\": \"530199\", \"options\": {\"indexPrefix\": \"530199\"}}");
    Cli.Run r = add(site, "aqsc-01-01", "--title", "通知", "--date", "2025-08-01");
    assertTrue(r.out().startsWith("530199/2025-00501 "), r.out() + r.err());

    Path empty = tmp.resolve("empty");
    assertEquals(ExitCodes.OK, Cli.run("init", empty.toString(), "--name", "示例县水务局").exit());
    Cli.Run first = add(empty, "aqsc-01-01", "--title", "第一条", "--date", "2025-08-01");
    assertEquals("000000/2025-00001 catalogue/records/aqsc/aqsc-01-01.csv:2\n", first.out(), first.err());
    assertTrue(first.err().contains("options.indexPrefix"), first.err());

    Path coded = tmp.resolve("coded");
    assertEquals(ExitCodes.OK, Cli.run("init", coded.toString(), "--code", "015583216").exit());
    assertTrue(add(coded, "aqsc-01-01", "--title", "第一条", "--date", "2025-08-01").out()
        .startsWith("015583216/2025-00001 "));
    assertValid(coded);
  }

  @Test
  void theExampleSiteContinuesAfterItsLargestNumberWithheldOnesIncluded(@TempDir Path tmp) throws IOException {
    Path site = tmp.resolve("example");
    Path repo = Path.of("").toAbsolutePath();
    for (String dir : List.of("catalogue", "content")) copy(repo.resolve(dir), site.resolve(dir));
    // The example numbers its withheld records from 88801 up: 015583216/2026-88804 is a 依申请公开 record of
    // jz-04-01, 015583216/2025-88808 a 不予公开 one of jz-05-01. They count: a new number must not collide.
    Cli.Run r = add(site, "aqsc-01-01", "--title", "示例通知", "--date", "2026-03-02");
    assertTrue(r.out().startsWith("015583216/2026-88805 catalogue/records/aqsc/aqsc-01-01.csv:"), r.out() + r.err());
    Cli.Run json = add(site, "aqsc-02-01", "--title", "示例许可", "--date", "2025-12-31");
    assertTrue(json.out().startsWith("015583216/2025-88809 catalogue/records/aqsc/aqsc-02-01.json:"), json.out());
    assertValid(site);
  }

  @Test
  void aRefusalGivesItsReasonInEachLanguageApart(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    NewRecord.Refused e = org.junit.jupiter.api.Assertions.assertThrows(NewRecord.Refused.class, () -> NewRecord.add(
        new NewRecord.Request(site, "aqsc-09-09", "通知", java.time.LocalDate.of(2025, 7, 1))));
    assertTrue(e.usage());
    assertTrue(e.reason().zh().startsWith("标准目录中没有事项“aqsc-09-09”：请写事项编码（如 aqsc-01-01，"), e.reason().zh());
    assertTrue(e.reason().en().startsWith("no catalogue item \"aqsc-09-09\": give an item code (e.g. aqsc-01-01, "),
        e.reason().en());
    assertEquals(e.reason().zh() + " / " + e.reason().en(), e.getMessage());
  }

  @Test
  void refusals(@TempDir Path tmp) throws IOException {
    Path site = site(tmp);
    Path f = site.resolve("catalogue/records/aqsc/aqsc-01-01.csv");
    byte[] before = Files.readAllBytes(f);

    Cli.Run unknown = add(site, "aqsc-09-09", "--title", "x");
    assertEquals(ExitCodes.USAGE, unknown.exit());
    assertTrue(unknown.err().contains("aqsc-09-09") && unknown.err().contains("no catalogue item"), unknown.err());

    Cli.Run personal = add(site, "aqsc-01-01", "--title", "张三（身份证号11010519491231002X）的通知");
    assertEquals(ExitCodes.INPUT, personal.exit());
    assertTrue(personal.err().contains("error[personal-id]"), personal.err());

    assertEquals(ExitCodes.USAGE, add(site, "aqsc-01-01", "--title", "x", "--date", "2025-02-30").exit());
    assertEquals(ExitCodes.USAGE, add(site, "aqsc-01-01", "--title", " ").exit());
    assertEquals(ExitCodes.USAGE, add(site, "aqsc-01-01").exit(), "--title is required");
    assertArrayEquals(before, Files.readAllBytes(f));

    Files.write(site.resolve("catalogue/records/aqsc/aqsc-01-02.xlsx"), new byte[] {'P', 'K', 3, 4});
    Files.delete(site.resolve("catalogue/records/aqsc/aqsc-01-02.csv"));
    Cli.Run xlsx = add(site, "aqsc-01-02", "--title", "x");
    assertEquals(ExitCodes.USAGE, xlsx.exit());
    assertTrue(xlsx.err().contains("Excel") && xlsx.err().contains("WPS") && xlsx.err().contains("aqsc-01-02.xlsx"),
        xlsx.err());

    Files.writeString(f, "索引号,标题,成文日期,发布日期,公开属性,备注\n");
    Cli.Run broken = add(site, "aqsc-01-01", "--title", "x");
    assertEquals(ExitCodes.INPUT, broken.exit());
    assertTrue(broken.err().contains("error[header-unknown]") && broken.err().contains("fix catalogue/records/aqsc/aqsc-01-01.csv first"),
        broken.err());
  }

  private static byte[] withBom(byte[] b) {
    byte[] out = new byte[b.length + 3];
    out[0] = (byte) 0xEF;
    out[1] = (byte) 0xBB;
    out[2] = (byte) 0xBF;
    System.arraycopy(b, 0, out, 3, b.length);
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(t);
        else Files.copy(p, t);
      }
    }
  }
}
