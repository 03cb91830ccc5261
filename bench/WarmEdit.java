import dev.gongkai.build.BuildRequest;
import dev.gongkai.build.BuildResult;
import dev.gongkai.build.Phase;
import dev.gongkai.build.Progress;
import dev.gongkai.build.SiteBuild;
import dev.gongkai.build.WarmState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One-record edits as {@code gongkai serve} makes them: one JVM (and one {@link WarmState}), a clean build with the
 * build cache, then ROUNDS
 * times: change the title of one record in its CSV, rebuild incrementally into the same folder, and check that the
 * record's page shows the new title. Prints one line per build (wall time, pages kept, files written, phases), the
 * process's CPU time during the build, then
 * how long the build cache took to be written after it (in the background, as in serve), and restores the CSV at the
 * end.
 *
 * <pre>
 *   java -Xmx2g -cp "target/gongkai.jar:target/lib/*" bench/WarmEdit.java SITE OUT [ROUNDS] [--reuse] [--step]
 *       [--warm=K] [--rehearse[=K]] [--idle]
 * </pre>
 *
 * <p>{@code --warm=K} runs K unchanged rebuilds before the first edit, as {@code gongkai serve} does after its first
 * good build ({@code ServeCommand.WARM_UPS}) so that the JIT has compiled an edit's path; {@code --rehearse} then
 * rehearses edits of other records in memory ({@code SiteBuild.rehearse}), as many as serve does after those rebuilds
 * ({@code ServeCommand.REHEARSED_EDITS}), or K with {@code --rehearse=K}. With {@code --step} it prints {@code ready}
 * when that is done.
 *
 * <p>{@code --idle} collects the heap between edits when the old generation is nearly full, as {@code gongkai serve}
 * does while idle ({@code IdleCollection}); the line after an edit says when it did.
 *
 * <p>{@code --reuse} starts from the output and build cache a previous run left (its first build is then incremental
 * too, with a cold JIT) instead of a clean build: quicker when comparing edits only.
 *
 * <p>{@code --step} waits for a line on standard input before each edit (and stops at its end): two processes, one
 * per jar, each with its own copy of the site and its own output, can then be driven edit by edit in turn
 * ({@code bench/ab-warm.py}), so that both see the machine as it is within seconds of each other.
 */
public class WarmEdit {
  public static void main(String[] args) throws Exception {
    Path site = Path.of(args[0]).toAbsolutePath();
    Path out = Path.of(args[1]).toAbsolutePath();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<String> flags = List.of(args).subList(Math.min(3, args.length), args.length);
    boolean reuse = flags.contains("--reuse");
    boolean step = flags.contains("--step");
    // --rehearse: as many rehearsals as serve makes; --rehearse=K: K of them (to measure another count).
    int rehearsals = flags.stream().filter(f -> f.startsWith("--rehearse"))
        .mapToInt(f -> f.startsWith("--rehearse=") ? Integer.parseInt(f.substring(11))
            : dev.gongkai.cli.ServeCommand.REHEARSED_EDITS)
        .findFirst().orElse(0);
    // As gongkai serve between builds (ServeCommand's idle): a full collection when the old generation is nearly full.
    dev.gongkai.serve.IdleCollection idle = flags.contains("--idle") ? new dev.gongkai.serve.IdleCollection() : null;
    int warmUps = flags.stream().filter(f -> f.startsWith("--warm=")).mapToInt(f -> Integer.parseInt(f.substring(7)))
        .findFirst().orElse(0);
    java.io.BufferedReader steps = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
        StandardCharsets.UTF_8));
    Path cache = out.resolveSibling(out.getFileName() + ".cache");
    BuildRequest req = new BuildRequest(site, out).withCache(cache);
    WarmState warm = new WarmState(); // as gongkai serve keeps one between its builds
    if (!reuse) SiteBuild.forgetCache(req);
    print(reuse ? "first (reused cache)" : "clean", SiteBuild.run(req, Progress.NONE, warm));
    warm.awaitSave();
    for (int i = 1; i <= warmUps; i++) {
      print("no-op " + i, SiteBuild.run(req, Progress.NONE, warm));
      warm.awaitSave();
    }
    for (int i = 0; i < rehearsals; i++) {
      print("rehearsal " + (i + 1), SiteBuild.rehearse(req, warm, i).orElseThrow());
    }
    if (idle != null) idle.collectIfDue();
    if (step) System.out.println("ready"); // bench/ab-warm.py starts the first edit once both sides are

    Path csv;
    try (Stream<Path> s = Files.walk(site.resolve("catalogue/records"))) {
      csv = s.filter(p -> p.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
    }
    byte[] original = Files.readAllBytes(csv);
    try {
      for (int i = 1; i <= rounds; i++) {
        if (step && steps.readLine() == null) break;
        List<List<String>> rows = new ArrayList<>();
        try (CSVParser p = CSVFormat.DEFAULT.parse(Files.newBufferedReader(csv, StandardCharsets.UTF_8))) {
          for (CSVRecord rec : p) rows.add(new ArrayList<>(rec.toList()));
        }
        List<String> cells = rows.get(1 + (i % (rows.size() - 1)));
        String title = "增量编辑第" + i + "次：" + cells.get(1);
        cells.set(1, title);
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").build())) {
          for (List<String> r : rows) printer.printRecord(r);
        }
        Files.writeString(csv, text, StandardCharsets.UTF_8);
        long cpu0 = cpuNanos();
        BuildResult r = SiteBuild.run(req, Progress.NONE, warm);
        long cpu = cpuNanos() - cpu0;
        String slug = cells.get(0).replaceAll("[^0-9A-Za-z-]", "-").toLowerCase(Locale.ROOT);
        Path page = out.resolve("records/" + slug + "/index.html");
        boolean shown = Files.isRegularFile(page) && Files.readString(page, StandardCharsets.UTF_8).contains(title);
        print("edit " + i + (shown ? " (verified)" : " (NOT VERIFIED: " + page + ")"), r);
        System.out.printf(Locale.ROOT, "  cpu %.2f s (all threads, GC included)%n", cpu / 1e9);
        if (!r.ok() || !shown) System.exit(1);
        // The build cache is written in the background once the output is committed (as in gongkai serve, where
        // edits come seconds apart): waited for here, so that it is not counted in the next edit's time.
        long s0 = System.nanoTime();
        warm.awaitSave();
        long s1 = System.nanoTime();
        String heap = oldGen();
        String collected = idle != null && idle.collectIfDue()
            ? String.format(Locale.ROOT, "; then collected the heap in %.2f s", (System.nanoTime() - s1) / 1e9) : "";
        collected += "; old generation " + heap;
        System.out.printf(Locale.ROOT, "  cache written %.2f s after the output%s%n", (s1 - s0) / 1e9, collected);
      }
    } finally {
      Files.write(csv, original);
    }
  }

  /** The old generation's use, size and maximum, in MB. */
  private static String oldGen() {
    return dev.gongkai.serve.IdleCollection.oldGeneration().map(p -> {
      java.lang.management.MemoryUsage u = p.getUsage();
      return String.format(Locale.ROOT, "%d/%d/%d MB", u.getUsed() >> 20, u.getCommitted() >> 20, u.getMax() >> 20);
    }).orElse("?");
  }

  /** CPU time of the whole process so far: steadier than wall time on a shared machine. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private static void print(String what, BuildResult r) {
    String phases = r.phaseNanos().entrySet().stream()
        .map((Map.Entry<Phase, Long> e) -> String.format(Locale.ROOT, "%s %.2f", e.getKey().name().toLowerCase(
            Locale.ROOT), e.getValue() / 1e9))
        .collect(Collectors.joining(", "));
    System.out.printf(Locale.ROOT, "%-22s ok=%s wall %.2f s, pages %d (kept %d), files written %d [%s]%n", what,
        r.ok(), r.wallNanos() / 1e9, r.pages(), r.pagesKept(), r.filesChanged(), phases);
  }
}
