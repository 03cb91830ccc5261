package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.load.TextDecoder;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV saved by Excel/WPS in GBK: named as an error by default, read as it is when the site declares GB18030. */
class EncodingTest {
  private static Path site(Path tmp, String options) throws IOException {
    Path src = Txtar.parse(("""
        -- catalogue/site.json --
        {"title": "站", "agency": "局", "baseUrl": "https://x.example/", "regionCode": "530199"OPTIONS}
        -- catalogue/catalogue.csv --
        编码,领域,一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级
        aqsc-01-01,安全生产,政策文件,法律法规,法律,条例,20个工作日内,局,政府网站,全社会,主动,县级
        """).stripIndent().replace("OPTIONS", options)).writeTo(tmp);
    Path csv = src.resolve("catalogue/records/aqsc-01-01.csv");
    Files.createDirectories(csv.getParent());
    Files.write(csv, "索引号,标题,成文日期,发布日期,公开属性\r\n015583216/2024-00001,关于防汛工作的通知,2024-03-01,2024-03-05,主动公开\r\n"
        .getBytes(TextDecoder.GB18030));
    return src;
  }

  @Test
  void gbkIsAnErrorUnlessDeclared(@TempDir Path tmp) throws IOException {
    BuildResult r = SiteBuild.run(new BuildRequest(site(tmp.resolve("a"), ""), tmp.resolve("out-a")), Progress.NONE);
    assertFalse(r.ok());
    assertTrue(r.diagnostics().sorted().stream().anyMatch(d -> d.code() == Code.ENCODING_GBK));
  }

  @Test
  void declaredGb18030IsReadAndPublishedAsUtf8(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out-b");
    BuildResult r = SiteBuild.run(new BuildRequest(
        site(tmp.resolve("b"), ", \"options\": {\"encoding\": \"GB18030\"}"), out), Progress.NONE);
    assertTrue(r.ok(), () -> r.diagnostics().sorted().toString());
    String page = Files.readString(out.resolve("records/015583216-2024-00001/index.html"), StandardCharsets.UTF_8);
    assertTrue(page.contains("关于防汛工作的通知"));
  }
}
