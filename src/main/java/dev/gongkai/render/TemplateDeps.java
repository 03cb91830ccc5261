package dev.gongkai.render;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which whole-site values each page template reads, found by reading the template text (with the fragments it
 * includes, transitively): {@code site} and {@code stats} (then the page depends on every published record) and
 * {@code openData} (then on the download lists it reads, recorded while rendering). Errs towards "depends": a name in
 * an expression counts even if the branch never runs, and reading the context directly ({@code #ctx}, {@code #vars},
 * {@code #root}) counts as reading everything.
 */
final class TemplateDeps {
  static final String SITE = "site";
  static final String OPEN_DATA = "openData";

  /** Variables whose values span the whole site; everything else a page gets is digested with the page. */
  private static final Pattern HEAVY = Pattern.compile("(?<![\\w.$#@])(site|stats|openData)\\b");
  private static final Pattern CONTEXT = Pattern.compile("#(ctx|vars|root|execInfo)\\b");
  private static final Pattern EXPRESSION = Pattern.compile("[$*]\\{([^}]*)\\}");
  /** {@code ~{name :: …}} anywhere, and the bare {@code th:replace="name :: …"} form. */
  private static final Pattern INCLUDE =
      Pattern.compile("(?:~\\{|th:(?:replace|insert|include)=\")\\s*([\\w/.-]+)\\s*(?:::|})");
  private static final Pattern LITERAL = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

  private final Path siteDir;
  private final Map<String, Set<String>> own = new HashMap<>();
  private final Map<String, Set<String>> closure = new HashMap<>();

  /** @param siteDir the site's {@code site-templates/} folder (may not exist: the bundled templates are read) */
  TemplateDeps(Path siteDir) {
    this.siteDir = siteDir;
  }

  /** The whole-site values ({@link #SITE}, {@link #OPEN_DATA}) {@code template} and its fragments may read. */
  synchronized Set<String> of(String template) {
    Set<String> done = closure.get(template);
    if (done != null) return done;
    Set<String> deps = new TreeSet<>();
    collect(template, deps, new TreeSet<>());
    Set<String> result = Collections.unmodifiableSet(deps);
    closure.put(template, result);
    return result;
  }

  private void collect(String template, Set<String> deps, Set<String> seen) {
    if (!seen.add(template)) return;
    String text = text(template);
    if (text == null) {
      deps.add(SITE);
      deps.add(OPEN_DATA);
      return;
    }
    deps.addAll(own.computeIfAbsent(template, t -> heavy(text)));
    Matcher inc = INCLUDE.matcher(text);
    while (inc.find()) collect(inc.group(1), deps, seen);
  }

  private static Set<String> heavy(String text) {
    Set<String> found = new TreeSet<>();
    Matcher e = EXPRESSION.matcher(COMMENT.matcher(text).replaceAll(""));
    while (e.find()) {
      String expr = LITERAL.matcher(e.group(1)).replaceAll("''");
      if (CONTEXT.matcher(expr).find()) {
        found.add(SITE);
        found.add(OPEN_DATA);
      }
      Matcher h = HEAVY.matcher(expr);
      while (h.find()) found.add(h.group(1).equals(OPEN_DATA) ? OPEN_DATA : SITE);
    }
    return found;
  }

  /** The template's text as {@link Templates} resolves it (site file, else bundled), or null when unreadable. */
  private String text(String template) {
    try {
      if (siteDir != null) {
        Path p = siteDir.resolve(template + ".html");
        if (Files.isRegularFile(p)) return Files.readString(p, StandardCharsets.UTF_8);
      }
      try (InputStream in = TemplateDeps.class.getClassLoader()
          .getResourceAsStream(Templates.DEFAULTS + template + ".html")) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      return null;
    }
  }
}
