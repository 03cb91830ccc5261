package dev.gongkai.cli;

import dev.gongkai.diag.Lang;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * {@code --lang zh-CN|en|both}: the language of everything the command prints for people (a picocli mixin, part of
 * {@link CommonOptions}). Without it the environment decides ({@link Lang#fromEnvironment}). Help text stays English.
 */
public final class LangOption {
  static final String NAME = "--lang";

  @Option(names = NAME, paramLabel = "LANG", converter = Converter.class,
      description = "Language of messages and diagnostics: zh-CN, en or both. Default: from LC_ALL, LC_MESSAGES, "
          + "LANG, LANGUAGE (zh* gives zh-CN, en* gives en); both when unset, C or another language.")
  Lang lang;

  /**
   * The language for the command {@code spec}: its own {@code --lang}, else the nearest parent command's (so
   * {@code gongkai --lang en build} works), else the environment of the root {@link Main}.
   */
  static Lang resolve(CommandSpec spec) {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      OptionSpec o = s.findOption(NAME);
      if (o != null && o.getValue() instanceof Lang l) return l;
    }
    return Lang.fromEnvironment(environment(spec));
  }

  /** The root {@link Main}'s environment lookup ({@code System::getenv} unless a test gave another). */
  static Function<String, String> environment(CommandSpec spec) {
    Object root = spec == null ? null : spec.root().userObject();
    return root instanceof Main m ? m.environment() : System::getenv;
  }

  /**
   * The language named by {@code --lang} in raw arguments, for messages printed when parsing failed or before a
   * command ran; else the environment's.
   */
  static Lang fromArgs(String[] args, Function<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      String v = null;
      if (args[i].equals(NAME) && i + 1 < args.length) v = args[i + 1];
      else if (args[i].startsWith(NAME + "=")) v = args[i].substring(NAME.length() + 1);
      if (v != null && Lang.parse(v).isPresent()) return Lang.parse(v).get();
    }
    return Lang.fromEnvironment(env);
  }

  /** Parses the option's value; an unknown language is a usage error (printed by {@link UsageErrors}). */
  public static final class Converter implements CommandLine.ITypeConverter<Lang> {
    @Override
    public Lang convert(String value) {
      return Lang.parse(value).orElseThrow(() -> new CommandLine.TypeConversionException(value));
    }
  }
}
