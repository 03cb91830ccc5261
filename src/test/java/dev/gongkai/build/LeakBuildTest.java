package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.cli.ExitCodes;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.TreeDigest;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A page that quotes a withheld record fails the whole build, naming the record and the file; nothing is published. */
class LeakBuildTest {
  static final String SITE = """
      -- catalogue/site.json --
      {"title": "站", "agency": "局", "baseUrl": "https://x.example/", "regionCode": "530199"}
      -- catalogue/catalogue.csv --
      编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
      aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
      -- catalogue/records/aqsc-01-01.csv --
      索引号,标题,成文日期,发布日期,公开属性,正文
      015583216/2024-00001,关于做好汛期值班工作的通知,2024-03-01,2024-03-05,主动公开,请各单位做好值班。
      015583216/2024-88801,金丝猴保护区内部巡查纪要（不予公开）,2024-03-01,2024-03-05,不予公开,巡查发现七号哨所附近有非法采伐痕迹。
      -- content/about.md --
      title=关于我们
      ~~~~~~
      本局负责全县应急管理工作。
      """;

  @Test
  void aPageQuotingAWithheldRecordFailsTheBuildAndPublishesNothing(@TempDir Path tmp) throws IOException {
    Path src = Txtar.parse(SITE.stripIndent()).writeTo(tmp.resolve("site"));
    Path out = tmp.resolve("public");
    assertEquals(ExitCodes.OK, Cli.run("build", "-q", "-s", src.toString(), "-o", out.toString()).exit());
    var before = TreeDigest.of(out);
    Files.writeString(src.resolve("content/about.md"),
        "title=关于我们\n~~~~~~\n据《金丝猴保护区内部巡查纪要（不予公开）》：巡查发现七号哨所附近有非法采伐痕迹。\n");
    Cli.Run r = Cli.run("build", "-s", src.toString(), "-o", out.toString());
    assertEquals(ExitCodes.INPUT, r.exit(), r.err());
    assertTrue(r.err().contains("error[leak]"), r.err());
    assertTrue(r.err().contains("015583216/2024-88801"), "names the record: " + r.err());
    assertTrue(r.err().contains("about/index.html"), "names the file: " + r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals(before, TreeDigest.of(out), "the published site is left as it was");
  }
}
