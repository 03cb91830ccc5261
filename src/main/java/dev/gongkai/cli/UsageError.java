package dev.gongkai.cli;

import picocli.CommandLine;

/** A usage error whose message is already in the publisher's language: {@link UsageErrors} prints it as it is. */
final class UsageError extends CommandLine.ParameterException {
  private static final long serialVersionUID = 1L;

  UsageError(CommandLine line, String message) {
    super(line, message);
  }
}
