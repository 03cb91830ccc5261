package dev.gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gongkai new}: adds something to the site's files; {@code new record} is the one kind so far. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Add to the site's files: gongkai new record ITEM --title …",
    subcommands = {NewRecordCommand.class})
public final class NewCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin LangOption lang;

  @Override
  public void run() {
    throw new UsageError(spec.commandLine(), LangOption.resolve(spec).text("usage.missing-kind"));
  }
}
