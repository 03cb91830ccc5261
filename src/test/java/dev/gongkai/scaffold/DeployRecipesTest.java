package dev.gongkai.scaffold;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment recipes in {@code docs/deploy/} and the repository's own workflow: valid YAML, the commands the
 * README promises, actions pinned by major version, Pages permissions, and a publish script that sends the same
 * headers and types as the nginx configuration.
 */
class DeployRecipesTest {
  private static final Path REPO = Path.of("").toAbsolutePath();
  private static final Pattern PINNED = Pattern.compile("[a-z0-9-]+/[a-z0-9-]+@v\\d+");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> yaml(String path) throws IOException {
    Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(REPO.resolve(path)));
    assertTrue(doc instanceof Map, path + " is a YAML mapping");
    return (Map<String, Object>) doc;
  }

  @SuppressWarnings("unchecked")
  private static <T> T at(Object node, Object... keys) {
    Object n = node;
    for (Object k : keys) {
      if (k instanceof Integer i) n = ((List<Object>) n).get(i);
      else n = ((Map<Object, Object>) n).get(k);
      if (n == null) throw new AssertionError("no " + k + " in " + List.of(keys));
    }
    return (T) n;
  }

  /** The commands of the README's "two commands" block, without their comments. */
  static List<String> readmeCommands() throws IOException {
    String readme = Files.readString(REPO.resolve("README.md"));
    int section = readme.indexOf("## The two commands");
    assertTrue(section >= 0, "README has its two commands");
    int open = readme.indexOf("```sh\n", section) + 6;
    String block = readme.substring(open, readme.indexOf("```", open));
    List<String> out = new ArrayList<>();
    for (String line : block.split("\n")) {
      String cmd = line.replaceFirst("\\s+#.*$", "").strip();
      if (!cmd.isEmpty()) out.add(cmd);
    }
    return out;
  }

  /** Each {@code run:} of a job's steps split into command lines, in order. */
  private static List<String> runLines(Map<String, Object> workflow, String job) {
    List<Map<String, Object>> steps = at(workflow, "jobs", job, "steps");
    List<String> out = new ArrayList<>();
    for (Map<String, Object> s : steps) {
      if (s.get("run") instanceof String run) for (String l : run.split("\n")) out.add(l.strip());
    }
    return out;
  }

  private static List<String> uses(Map<String, Object> workflow) {
    List<String> out = new ArrayList<>();
    Map<String, Object> jobs = at(workflow, "jobs");
    for (Object job : jobs.values()) {
      List<Map<String, Object>> steps = at(job, "steps");
      for (Map<String, Object> s : steps) if (s.get("uses") instanceof String u) out.add(u);
    }
    return out;
  }

  private static Map<String, Object> step(Map<String, Object> workflow, String job, String uses) {
    List<Map<String, Object>> steps = at(workflow, "jobs", job, "steps");
    return steps.stream().filter(s -> uses.equals(s.get("uses"))).findFirst()
        .orElseThrow(() -> new AssertionError(job + " has no step " + uses));
  }

  /** YAML 1.1 reads a bare {@code on:} key as the boolean true; GitHub reads it as "on". */
  private static Map<String, Object> triggers(Map<String, Object> workflow) {
    Object on = workflow.containsKey("on") ? workflow.get("on") : workflow.get(Boolean.TRUE);
    assertTrue(on instanceof Map, "on: is a mapping");
    @SuppressWarnings("unchecked")
    Map<String, Object> m = (Map<String, Object>) on;
    return m;
  }

  private static void assertPagesWorkflow(Map<String, Object> w) {
    assertTrue(triggers(w).containsKey("push"), "runs on every push");
    for (String u : uses(w)) assertTrue(PINNED.matcher(u).matches(), u + " is pinned by major version");
    assertEquals(List.of("actions/checkout@v4", "actions/setup-java@v4", "actions/upload-pages-artifact@v3",
        "actions/deploy-pages@v4"), uses(w));
    Map<String, Object> java = at(step(w, "build", "actions/setup-java@v4"), "with");
    assertEquals("temurin", java.get("distribution"));
    assertEquals("17", String.valueOf(java.get("java-version")));
    assertEquals("maven", java.get("cache"));
    assertEquals("public", at(step(w, "build", "actions/upload-pages-artifact@v3"), "with", "path"));
    assertEquals(Map.of("contents", "read"), at(w, "permissions"), "read-only unless deploying");
    assertEquals(Map.of("pages", "write", "id-token", "write"), at(w, "jobs", "deploy", "permissions"));
    assertEquals("build", at(w, "jobs", "deploy", "needs"));
    assertEquals("github-pages", at(w, "jobs", "deploy", "environment", "name"));
    String deployIf = at(w, "jobs", "deploy", "if");
    assertTrue(deployIf.contains("default_branch") && deployIf.contains("pull_request"), deployIf);
  }

  @Test
  void theReadmesTwoCommandsAreWhatTheRepositorysWorkflowRuns() throws IOException {
    List<String> commands = readmeCommands();
    assertEquals(List.of("./gongkai build", "mvn -B verify"), commands);
    Map<String, Object> w = yaml(".github/workflows/pages.yml");
    assertPagesWorkflow(w);
    List<String> runs = runLines(w, "build");
    for (String c : commands) assertTrue(runs.contains(c), "the workflow runs " + c + ": " + runs);
    assertTrue(runs.indexOf("./gongkai validate --format github") < runs.indexOf("./gongkai build"), runs.toString());
  }

  @Test
  void theSiteWorkflowFetchesAPinnedGongkaiThenValidatesAndBuilds() throws IOException {
    Map<String, Object> w = yaml("docs/deploy/github-pages.yml");
    assertPagesWorkflow(w);
    Map<String, Object> env = at(w, "env");
    assertTrue(String.valueOf(env.get("GONGKAI_REPO")).endsWith(".git"), "a marked repository URL");
    assertTrue(String.valueOf(env.get("GONGKAI_REF")).matches("v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40}"), "a pinned ref");
    List<String> runs = runLines(w, "build");
    int fetch = runs.indexOf("git -C gongkai-tool fetch -q --depth 1 \"$GONGKAI_REPO\" \"$GONGKAI_REF\"");
    int validate = runs.indexOf("./gongkai-tool/gongkai validate --format github");
    int build = runs.indexOf("./gongkai-tool/gongkai build");
    assertTrue(fetch >= 0 && fetch < validate && validate < build, runs.toString());
    // setup-java's Maven cache is keyed on the fetched gongkai's pom: the site repository has none.
    assertEquals("gongkai-tool/pom.xml",
        at(step(w, "build", "actions/setup-java@v4"), "with", "cache-dependency-path"));
    assertTrue(Files.readString(REPO.resolve("docs/deploy/github-pages.yml")).contains("▼ 请修改 / EDIT"),
        "the values to set are marked");
  }

  @Test
  void theGitLabRecipeChecksEveryBranchAndPublishesTheDefaultOne() throws IOException {
    Map<String, Object> ci = yaml("docs/deploy/gitlab-ci.yml");
    Map<String, Object> vars = at(ci, "variables");
    assertTrue(vars.containsKey("GONGKAI_REPO") && vars.containsKey("GONGKAI_REF"), vars.toString());
    List<String> before = at(ci, "default", "before_script");
    assertTrue(before.contains("git -C gongkai-tool fetch -q --depth 1 \"$GONGKAI_REPO\" \"$GONGKAI_REF\""), before.toString());
    for (String job : List.of("check", "pages")) {
      List<String> script = at(ci, job, "script");
      assertEquals(List.of("./gongkai-tool/gongkai validate", "./gongkai-tool/gongkai build"), script, job);
    }
    assertEquals(List.of("public"), at(ci, "pages", "artifacts", "paths"));
    assertEquals("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", at(ci, "pages", "rules", 0, "if"));
    assertEquals("$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH", at(ci, "check", "rules", 0, "if"));
    assertEquals(List.of("check", "deploy"), at(ci, "stages"));
  }

  /** nginx.conf's server-wide headers, as {@code Name: value}. */
  private static List<String> nginxHeaders() throws IOException {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^    add_header (\\S+) \"([^\"]*)\" always;").matcher(
        Files.readString(REPO.resolve("docs/deploy/nginx.conf")));
    while (m.find()) out.add(m.group(1) + ": " + m.group(2));
    return out;
  }

  private static Map<String, String> nginxTypes() throws IOException {
    String conf = Files.readString(REPO.resolve("docs/deploy/nginx.conf"));
    String block = conf.substring(conf.indexOf("types {"), conf.indexOf("}", conf.indexOf("types {")));
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = Pattern.compile("(?m)^\\s+(\\S+)\\s+(\\w+);").matcher(block);
    while (m.find()) out.put(m.group(2), m.group(1));
    return out;
  }

  private record Run(int exit, String out, String err) {}

  private static Run bash(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Process p = pb.start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "finished");
    return new Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void thePublishScriptSendsNginxsHeadersAndTypes(@TempDir Path tmp) throws Exception {
    String script = REPO.resolve("docs/deploy/publish.sh").toString();
    assertEquals(0, bash(Map.of(), "-n", script).exit(), "bash can parse it");
    assertTrue(Files.isExecutable(REPO.resolve("docs/deploy/publish.sh")));
    List<String> headers = nginxHeaders();
    assertEquals(5, headers.size(), headers.toString());
    Run h = bash(Map.of(), script, "headers");
    assertEquals(0, h.exit(), h.err());
    assertEquals(headers, List.of(h.out().strip().split("\n")));

    // Fake aws and rsync on the PATH log their arguments, one call per line.
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path log = tmp.resolve("calls.log");
    for (String tool : List.of("aws", "rsync")) {
      Path fake = Files.writeString(bin.resolve(tool), "#!/usr/bin/env bash\necho \"" + tool + " $*\" >> \"$CALLS\"\n");
      Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Path site = Files.createDirectories(tmp.resolve("public"));
    Files.writeString(site.resolve("index.html"), "<!doctype html>");
    Files.writeString(site.resolve(".gongkai-output"), "");
    Map<String, String> env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "CALLS", log.toString(),
        "S3_ENDPOINT", "https://oss-cn-hangzhou.aliyuncs.com");

    Run s3 = bash(env, script, "s3", "s3://bucket/site/", site.toString());
    assertEquals(0, s3.exit(), s3.err());
    List<String> calls = Files.readAllLines(log);
    for (Map.Entry<String, String> t : nginxTypes().entrySet()) {
      assertTrue(calls.stream().anyMatch(c -> c.contains("--include *." + t.getKey() + " --content-type " + t.getValue())),
          t + " uploaded with its type: " + calls);
    }
    assertEquals(4, nginxTypes().size(), nginxTypes().toString());
    assertTrue(calls.stream().allMatch(c -> c.startsWith("aws --endpoint-url https://oss-cn-hangzhou.aliyuncs.com s3 sync "
        + site + "/")), calls.toString());
    String last = calls.get(calls.size() - 1);
    assertTrue(last.endsWith("s3://bucket/site/ --delete --exclude .gongkai-output"), "deletes only at the end: " + last);
    assertEquals(1, calls.stream().filter(c -> c.contains("--delete")).count(), calls.toString());

    Files.delete(log);
    Run rsync = bash(env, script, "rsync", "deploy@web1:/srv/gongkai/public/", site.toString());
    assertEquals(0, rsync.exit(), rsync.err());
    String call = Files.readString(log).strip();
    assertTrue(call.contains("--delay-updates") && call.contains("--delete-after") && call.contains("--exclude=.gongkai-output")
        && call.endsWith(site + "/ deploy@web1:/srv/gongkai/public/"), call);

    Run notBuilt = bash(env, script, "rsync", "x:/y/", tmp.resolve("bin").toString());
    assertEquals(2, notBuilt.exit());
    assertTrue(notBuilt.err().contains("not a folder gongkai built"), notBuilt.err());
    assertEquals(2, bash(env, script).exit(), "usage");
    assertFalse(Files.readString(log).contains("x:/y/"), "nothing published from a folder gongkai did not build");
  }
}
