package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/**
 * Golden output: a small whole site, written inline, must render to exactly the pages stored under
 * {@code src/test/resources/golden/small-site/}. After an intended change to templates or rendering, regenerate
 * them with {@code mvn test -Dtest=GoldenSiteTest -Dgongkai.golden.update=true} and review the diff.
 */
class GoldenSiteTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden/small-site");

  static final String SITE = """
      A county with one catalogue item, a document with its interpretation, a withheld record, a table and a page.
      -- catalogue/site.json --
      {"title": "小站县应急管理局政府信息公开", "agency": "小站县应急管理局", "baseUrl": "https://small.example/portal/",
       "regionCode": "530100", "contact": {"phone": "0871-6000000", "email": "info@small.example"},
       "options": {"pageSize": 5, "listOnRequest": true, "applyGuide": "请通过信函提出申请。"}}
      -- catalogue/catalogue.csv --
      code,domain,level1,level2,content,basis,time_limit,publisher,channels,audience,mode,level
      aqsc-01-01,安全生产,政策文件,其他政策文件,工作计划等,《条例》,信息形成或变更之日起20个工作日内,县应急管理局,政府网站;公开查阅点,全社会,主动,县级
      aqsc-01-02,安全生产,政策文件,政策解读,政策解读,《条例》,信息形成或变更之日起20个工作日内,县应急管理局,政府网站,全社会,主动,县级
      -- catalogue/records/all.csv --
      索引号,标题,成文日期,发布日期,文号,公开属性,事项,正文,解读,附件,有效性
      530100/2024-00001,关于印发《2024年安全生产工作要点》的通知,2024-02-01,2024-02-05,小应急发〔2024〕1号,主动公开,aqsc-01-01,"各乡镇：

      现将《要点》印发给你们，请认真贯彻落实。

      | 任务 | 牵头单位 |
      |---|---|
      | 隐患排查 | 执法大队 |",530100/2024-00002,att/要点.pdf,有效
      530100/2024-00002,《2024年安全生产工作要点》解读,2024-02-01,2024-02-05,,主动公开,安全生产/政策文件/政策解读,一、起草背景……,,,有效
      530100/2023-00009,关于印发2023年工作要点的通知,2023-02-01,2023-02-03,小应急发〔2023〕2号,主动公开,aqsc-01-01,已被2024年要点替代。,,,失效
      530100/2024-00003,依申请公开的事故调查卷宗,2024-03-01,2024-03-05,,依申请公开,aqsc-01-01,,,,
      530100/2024-00004,不予公开的内部纪要,2024-03-01,2024-03-05,,不予公开,aqsc-01-01,绝密内容,,,
      -- catalogue/datasets/funds.csv --
      序号,乡镇,金额,下拨日期
      1,城关镇,12.5,2024/8/1
      2,河口镇,8,2024-08-01
      -- catalogue/datasets/funds.schema.json --
      {"title": "救灾资金下拨", "item": "aqsc-01-01", "published": "2024-08-02", "primaryKey": ["序号"],
       "columns": [{"name": "序号", "type": "integer"}, {"name": "乡镇", "type": "string"},
                   {"name": "金额", "type": "number", "unit": "万元"}, {"name": "下拨日期", "type": "date"}]}
      -- content/about.md --
      title=机构职能
      nav=1
      date=2024-01-02
      ~~~~~~
      小站县应急管理局负责全县应急管理工作。见[公开指南](guide/index.md)和![机构图](img/org.png)。
      -- content/guide/index.md --
      title=公开指南
      ~~~~~~
      ## 一、主动公开
      <script>alert('x')</script>正文。
      -- content/img/org.png --
      PNG
      -- content/att/要点.pdf --
      %PDF-1.4
      """;

  @Test
  void smallSiteMatchesItsGoldenOutput(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    Path out = tmp.resolve("public");
    BuildResult r = SiteBuild.run(new BuildRequest(src, out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());

    List<String> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(out)) {
      s.filter(Files::isRegularFile).map(p -> out.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !p.startsWith("assets/")).sorted().forEach(files::add);
    }
    boolean update = Boolean.getBoolean("gongkai.golden.update");
    Path listing = GOLDEN.resolve("FILES.txt");
    if (update) {
      dev.gongkai.write.StagedOutput.deleteTree(GOLDEN);
      Files.createDirectories(GOLDEN);
      Files.writeString(listing, String.join("\n", files) + "\n");
    }
    assertEquals(Files.readString(listing, StandardCharsets.UTF_8), String.join("\n", files) + "\n", "file list");
    for (String f : files) {
      if (!f.endsWith(".html")) continue;
      Path golden = GOLDEN.resolve(f);
      String actual = Files.readString(out.resolve(f), StandardCharsets.UTF_8);
      if (update) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
      }
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, f);
    }
  }
}
