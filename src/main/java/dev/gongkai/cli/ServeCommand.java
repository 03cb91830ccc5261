package dev.gongkai.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gongkai serve}: placeholder replaced below once the serve package lands. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Preview the site with live reload.")
public final class ServeCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Override
  public Integer call() {
    return ExitCodes.INTERNAL;
  }
}
