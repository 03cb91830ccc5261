package dev.gongkai.cli;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Lang;
import dev.gongkai.scaffold.SiteIdentity;
import dev.gongkai.scaffold.SiteScaffold;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Option(names = "--name", paramLabel = "NAME",
      description = "The agency's full name, as it signs its documents (default: a marked placeholder).")
  String name;

  @Option(names = "--code", paramLabel = "CODE",
      description = "The prefix of the agency's index numbers: its 9-character organisation code, 18-character "
          + "unified social credit code or 6-digit region code.")
  String code;

  @Option(names = "--region", paramLabel = "CODE",
      description = "6-digit administrative division code; default: from --code when it holds one, else 000000.")
  String region;

  @Option(names = "--base-url", paramLabel = "URL", description = "Where the site will be served, e.g. https://slj.example.gov.cn/.")
  String baseUrl;

  @Option(names = "--date", paramLabel = "YYYY-MM-DD",
      description = "Date of the starter pages, shown as the site's last update until records are added"
          + " (default: today in China).")
  java.time.LocalDate date;

  @Option(names = "--force", description = "Write into a folder that has files; files of the same name are replaced.")
  boolean force;

  @Mixin LangOption langOption;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Lang lang = LangOption.resolve(spec);
    SiteIdentity id;
    try {
      id = SiteIdentity.of(name, code, region, baseUrl);
    } catch (SiteIdentity.InvalidException e) {
      for (Bi problem : e.problems()) err.println(lang.pick(problem));
      return ExitCodes.USAGE;
    }
    SiteScaffold.Written w;
    try {
      w = SiteScaffold.write(dir, id, force,
          date != null ? date : java.time.LocalDate.now(NewRecordCommand.CHINA));
    } catch (SiteScaffold.NotEmptyException e) {
      err.println(lang.text("init.not-empty", dir));
      return ExitCodes.USAGE;
    } catch (java.nio.file.FileAlreadyExistsException e) {
      err.println(lang.labelled("init.not-a-folder", dir));
      return ExitCodes.USAGE;
    }
    Object replaced = w.replaced() > 0 ? Bi.message("init.created.replaced", w.replaced()) : "";
    out.println(lang.text("init.created", dir, w.files().size(), replaced));
    List<String> left = id.defaultsLeft();
    if (!left.isEmpty()) out.println(lang.text("init.fill-in", Bi.list(left)));
    out.println(lang.text("init.marked", SiteIdentity.TO_FILL));
    out.println(lang.text("init.ci", SiteScaffold.GITHUB_WORKFLOW, SiteScaffold.GITLAB_CI));
    out.println(lang.text("init.next", dir));
    return ExitCodes.OK;
  }
}
