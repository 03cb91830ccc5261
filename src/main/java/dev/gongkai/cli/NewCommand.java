package dev.gongkai.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code gongkai new}: adds something to the site's files; {@code new record} is the one kind so far. */
@Command(name = "new", mixinStandardHelpOptions = true, description = "Add to the site's files: gongkai new record ITEM --title …",
    subcommands = {NewRecordCommand.class})
public final class NewCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing kind: record");
  }
}
