package dev.gongkai.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.testing.Cli;
import dev.gongkai.testing.DiagnosticsSchema;
import dev.gongkai.testing.TreeDigest;
import dev.gongkai.testing.Txtar;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code invalid/} corpus: each case is the base site with some files replaced, and states the error
 * diagnostics it must produce ({@code expect: code path:line:col}). The build must exit 1 with exactly those errors,
 * print no stack trace, and leave an existing output folder byte-identical.
 */
class InvalidCorpusTest {
  static final Path CORPUS = Path.of("src/test/resources/invalid");
  private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s+at [\\w.$]+\\(");
  private static final Pattern ERROR_LINE = Pattern.compile("(?m)^(\\S.*?): error\\[([a-z-]+)\\]$");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(CORPUS)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txtar") && !n.startsWith("_"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** Writes the case's site (the base with the case's files, re-encoded as it asks) under {@code dir}. */
  private static Path site(String name, Path dir) throws IOException {
    Txtar base = Txtar.read(CORPUS.resolve("_base.txtar"));
    Txtar c = Txtar.read(CORPUS.resolve(name));
    Path site = c.over(base).writeTo(dir);
    for (String enc : c.directives("encode:")) {
      String[] parts = enc.split("\\s+");
      Path p = site.resolve(parts[0]);
      Files.write(p, Files.readString(p, StandardCharsets.UTF_8).getBytes(Charset.forName(parts[1])));
    }
    return site;
  }

  /** The case's {@code expect:} lines: {@code code path:line:col}. */
  private static Set<String> expected(String name) throws IOException {
    Set<String> expected = new TreeSet<>(Txtar.read(CORPUS.resolve(name)).directives("expect:"));
    assertFalse(expected.isEmpty(), name + " states no expected diagnostics");
    return expected;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseGivesItsDiagnostics(String name, @TempDir Path tmp) throws IOException {
    Path site = site(name, tmp.resolve("site"));
    Set<String> expected = expected(name);

    // An earlier good build, which the failing build must leave untouched.
    Path out = tmp.resolve("public");
    Files.createDirectories(out);
    Files.writeString(out.resolve(dev.gongkai.write.StagedOutput.MARKER), "previous build\n");
    Files.writeString(out.resolve("index.html"), "<p>previous</p>\n");
    Map<String, String> before = TreeDigest.of(out);

    Cli.Run run = Cli.run("build", "--source", site.toString(), "--out", out.toString());

    assertEquals(1, run.exit(), () -> name + ": exit code\n" + run.err());
    Set<String> actual = new TreeSet<>();
    Matcher m = ERROR_LINE.matcher(run.err());
    while (m.find()) actual.add(m.group(2) + " " + m.group(1));
    assertEquals(expected, actual, () -> name + ": diagnostics\n" + run.err());
    assertFalse(STACK_FRAME.matcher(run.err()).find() || run.err().contains("Caused by:"),
        () -> name + ": stack trace printed\n" + run.err());
    assertTrue(run.err().contains("提示：") && run.err().contains("hint: "), name + ": fix hints printed");
    assertEquals(before, TreeDigest.of(out), name + ": previous output changed");
    try (Stream<Path> s = Files.list(tmp)) {
      assertEquals(Set.of("site", "public"), s.map(p -> p.getFileName().toString()).collect(
          java.util.stream.Collectors.toSet()), name + ": staging folder left behind");
    }
  }

  /**
   * {@code build --format json} gives the same errors as one document on stdout, valid against the shipped schema,
   * with nothing else on stdout. (build, not validate: some problems are found while rendering.)
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void caseAsJsonMatchesTheSchema(String name, @TempDir Path tmp) throws IOException {
    Path site = site(name, tmp.resolve("site"));
    Cli.Run run = Cli.run("build", "--source", site.toString(), "--out", tmp.resolve("public").toString(),
        "--format", "json");
    assertEquals(1, run.exit(), () -> name + ": exit code\n" + run.err());
    assertEquals(List.of(), DiagnosticsSchema.violations(run.out()), () -> name + ":\n" + run.out());
    JsonNode doc = new ObjectMapper().readTree(run.out());
    assertFalse(doc.get("ok").asBoolean(), name);
    Set<String> actual = new TreeSet<>();
    int errors = 0;
    for (JsonNode d : doc.get("diagnostics")) {
      if (!d.get("severity").asText().equals("error")) continue;
      errors++;
      actual.add(d.get("code").asText() + " " + d.get("location").asText());
    }
    assertEquals(expected(name), actual, () -> name + ": diagnostics\n" + run.out());
    assertEquals(errors, doc.at("/counts/errors").asInt(), name);
    assertFalse(run.err().contains("error["), () -> name + ": text diagnostics on stderr too\n" + run.err());
  }
}
