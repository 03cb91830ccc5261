package dev.gongkai.cli;

import dev.gongkai.scaffold.SiteIdentity;
import dev.gongkai.scaffold.SiteScaffold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gongkai init DIR}: a new site for another agency that builds at once ({@link SiteScaffold}). */
@Command(name = "init", mixinStandardHelpOptions = true,
    description = "Create a new site in DIR: the standard catalogue, an empty record file per item, starter pages, "
        + "the templates, site.json and CI workflows that check and publish it on every push. "
        + "Refuses a folder that has files unless --force.")
public final class InitCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "DIR", description = "The folder of the new site (created when missing).")
  Path dir;

  @Option(names = "--name", paramLabel = "机关名称", description = "The agency, e.g. 示例县水务局 (default: a marked placeholder).")
  String name;

  @Option(names = "--code", paramLabel = "CODE",
      description = "The 前段码 of its 索引号: 9-character organisation code, 18-character credit code or 6-digit region code.")
  String code;

  @Option(names = "--region", paramLabel = "CODE",
      description = "6-digit region code (行政区划代码); default: from --code when it holds one, else 000000.")
  String region;

  @Option(names = "--base-url", paramLabel = "URL", description = "Where the site will be served, e.g. https://slj.example.gov.cn/.")
  String baseUrl;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Date of the starter pages, shown as the site's last update until records are added"
          + " (default: today in China).")
  java.time.LocalDate date;

  @Option(names = "--force", description = "Write into a folder that has files; files of the same name are replaced.")
  boolean force;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteIdentity id;
    try {
      id = SiteIdentity.of(name, code, region, baseUrl);
    } catch (SiteIdentity.InvalidException e) {
      err.println(e.getMessage());
      return ExitCodes.USAGE;
    }
    SiteScaffold.Written w;
    try {
      w = SiteScaffold.write(dir, id, force,
          date != null ? date : java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
    } catch (SiteScaffold.NotEmptyException e) {
      err.println("目录不为空：" + dir + "（如确要写入，加 --force：同名文件会被覆盖）"
          + " / folder is not empty: " + dir + " (add --force to write into it anyway; files of the same name are replaced)");
      return ExitCodes.USAGE;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      err.println("不是目录 / not a folder: " + dir);
      return ExitCodes.USAGE;
    }
    out.printf(Locale.ROOT, "已创建站点 / created a site: %s (%d files%s)%n", dir, w.files().size(),
        w.replaced() > 0 ? ", " + w.replaced() + " replaced" : "");
    List<String> left = id.defaultsLeft();
    if (!left.isEmpty()) {
      out.println("请在 catalogue/site.json 中填写 / fill in, in catalogue/site.json: " + String.join(", ", left));
    }
    out.println("标有“" + SiteIdentity.TO_FILL + "”的内容都要改成本机关的 / replace everything marked "
        + SiteIdentity.TO_FILL + " (catalogue/site.json, content/*.md)");
    out.println("CI：在 " + SiteScaffold.GITHUB_WORKFLOW + " 或 " + SiteScaffold.GITLAB_CI
        + " 中设置 GONGKAI_REPO 和 GONGKAI_REF / CI: set GONGKAI_REPO and GONGKAI_REF in "
        + SiteScaffold.GITHUB_WORKFLOW + " or " + SiteScaffold.GITLAB_CI);
    out.println("下一步 / next: cd " + dir + " && gongkai build   (发布指南 / publisher's guide: docs/publisher-guide.md)");
    return ExitCodes.OK;
  }
}
