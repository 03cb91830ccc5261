package dev.gongkai.cli;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Lang;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceText;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.scaffold.TemplateFiles;
import dev.gongkai.scaffold.TemplateFiles.Format;
import dev.gongkai.scaffold.TemplateFiles.TemplateFile;
import dev.gongkai.validate.CatalogueValidator;
import dev.gongkai.validate.SiteConfigValidator;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gongkai template [ITEM…] [--all] [--format xlsx|csv] [-o DIR] [--force]}: writes a records template per
 * catalogue item of the site, to fill in Excel or WPS and put into {@code catalogue/records/}. Reads only
 * {@code site.json} and {@code catalogue.csv}; their errors are printed (exit 1). Unknown items, a bad format or
 * existing files without {@code --force} are usage errors (exit 2); nothing is written then.
 */
@Command(name = "template", mixinStandardHelpOptions = true,
    description = "Write a records template for catalogue items: an .xlsx with the column headers, notes, drop-down "
        + "lists, an example row and a sheet of instructions, or a .csv; fill it in Excel or WPS and put it into "
        + "catalogue/records/.")
public final class TemplateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Parameters(paramLabel = "ITEM", arity = "0..*", description = "Catalogue item codes, e.g. aqsc-01-01.")
  List<String> items = new ArrayList<>();

  @Option(names = "--all", description = "A template for every item of the catalogue.")
  boolean all;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "xlsx",
      description = "xlsx (default) or csv (header and example row, in the site's CSV encoding).")
  String format;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".",
      description = "Folder to write the templates to (default: the current folder); files are named <item>.xlsx.")
  Path out;

  @Option(names = "--force", description = "Overwrite existing files.")
  boolean force;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter stdout = spec.commandLine().getOut();
    Lang lang = LangOption.resolve(spec);
    Optional<Format> fmt = Format.parse(format);
    if (fmt.isEmpty()) {
      err.println(lang.labelled("error.unknown-format", format + " (xlsx, csv)"));
      return ExitCodes.USAGE;
    }
    if (items.isEmpty() && !all || !items.isEmpty() && all) {
      err.println(lang.text("template.items-or-all"));
      return ExitCodes.USAGE;
    }
    Optional<SourceTree> opened = common.openSource(err, lang);
    if (opened.isEmpty()) return ExitCodes.USAGE;
    SourceTree tree = opened.get();
    Diagnostics diags = new Diagnostics();
    SourceText configText = InputLoader.readConfig(tree, diags);
    Optional<SiteConfig> config = SiteConfigValidator.validate(configText, diags);
    Catalogue catalogue = CatalogueValidator.validate(
        InputLoader.readCatalogue(tree, InputLoader.csvCharset(configText), diags), diags);
    if (config.isEmpty() || diags.hasErrors() || catalogue.items().isEmpty()) {
      DiagnosticPrinter p = new DiagnosticPrinter(err, false, lang);
      p.print(diags);
      p.summary(diags);
      err.println(lang.text("template.input-errors"));
      return ExitCodes.INPUT;
    }

    List<CatalogueItem> chosen = all ? catalogue.items() : new ArrayList<>();
    if (!all) {
      List<String> unknown = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (String code : items) {
        String c = code.strip().toLowerCase(Locale.ROOT);
        if (!seen.add(c)) continue;
        catalogue.item(c).ifPresentOrElse(chosen::add, () -> unknown.add(code));
      }
      if (!unknown.isEmpty()) {
        err.println(lang.labelled("template.unknown-item", lang.orEnglish().pick(Bi.list(unknown))));
        err.println(lang.labelled("template.site-items",
            String.join(" ", catalogue.items().stream().map(CatalogueItem::code).toList())));
        return ExitCodes.USAGE;
      }
    }

    Optional<Instant> time = sourceDateEpoch(err, lang);
    List<TemplateFile> files = TemplateFiles.plan(config.get(), catalogue.items(), chosen, fmt.get(),
        InputLoader.csvCharset(configText), out, time);
    List<TemplateFile> existing = files.stream().filter(f -> Files.exists(f.path())).toList();
    if (!force && !existing.isEmpty()) {
      for (TemplateFile f : existing) err.println(lang.labelled("template.file-exists", f.path()));
      err.println(lang.text("template.nothing-written"));
      return ExitCodes.USAGE;
    }
    try {
      TemplateFiles.write(files, force);
    } catch (FileAlreadyExistsException e) {
      err.println(lang.labelled("template.file-exists", e.getFile()));
      return ExitCodes.USAGE;
    }
    if (!common.quiet) {
      for (TemplateFile f : files) stdout.println(f.path());
      err.println(lang.text("template.done", files.size()));
    }
    return ExitCodes.OK;
  }

  /** {@code SOURCE_DATE_EPOCH} (seconds since 1970) as the workbooks' date; none when unset or invalid. */
  private static Optional<Instant> sourceDateEpoch(PrintWriter err, Lang lang) {
    String v = System.getenv("SOURCE_DATE_EPOCH");
    if (v == null || v.isBlank()) return Optional.empty();
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(v.strip())));
    } catch (NumberFormatException | java.time.DateTimeException e) {
      err.println(lang.labelled("template.bad-epoch", v));
      return Optional.empty();
    }
  }
}
