import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.jbake.app.Oven;
import org.jbake.app.configuration.JBakeConfiguration;
import org.jbake.app.configuration.JBakeConfigurationFactory;

/**
 * Bakes a JBake project with jbake-core's Oven, in-process, and reports how long it took: the JBake side of
 * {@code bench/scale.sh}. Needs jbake-core 2.6.7 with its run-time dependencies (OrientDB, FreeMarker, flexmark) on
 * the class path, which {@code bench/jbake/pom.xml} lists:
 *
 * <pre>
 * mvn -q -B -f bench/jbake/pom.xml dependency:build-classpath -Dmdep.outputFile=bench/work/jbake/classpath.txt
 * javac -d bench/work/jbake/classes -cp "$(cat bench/work/jbake/classpath.txt)" bench/JbakeOven.java
 * java -cp "bench/work/jbake/classes:$(cat bench/work/jbake/classpath.txt)" JbakeOven SOURCE OUTPUT
 * </pre>
 *
 * <p>SOURCE holds {@code jbake.properties}, {@code content/}, {@code templates/} and {@code assets/}; OUTPUT is
 * deleted first. Prints one line {@code JBAKE files=F html=H oven_s=S setup_s=T errors=E} on stdout (setup = creating
 * the Oven: configuration, in-memory OrientDB; oven = {@code bake()}: crawl, render, copy assets) and exits 1 if
 * JBake reported errors (listed on stderr).
 */
public final class JbakeOven {
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: JbakeOven SOURCE OUTPUT");
      System.exit(2);
    }
    File source = new File(args[0]).getAbsoluteFile();
    File output = new File(args[1]).getAbsoluteFile();
    if (!new File(source, "content").isDirectory()) {
      System.err.println("JbakeOven: " + source + "/content is missing");
      System.exit(2);
    }
    deleteTree(output.toPath());
    long t0 = System.nanoTime();
    // isClearCache=true: a fresh content database, so the Oven crawls and renders everything.
    JBakeConfiguration config = new JBakeConfigurationFactory().createDefaultJbakeConfiguration(source, output, true);
    Oven oven = new Oven(config);
    long t1 = System.nanoTime();
    oven.bake();
    long t2 = System.nanoTime();
    List<Throwable> errors = oven.getErrors();
    for (Throwable e : errors) System.err.println("JbakeOven: JBake error: " + e);
    long[] counts = count(output.toPath());
    System.out.printf(Locale.ROOT, "JBAKE files=%d html=%d oven_s=%.2f setup_s=%.2f errors=%d%n",
        counts[0], counts[1], (t2 - t1) / 1e9, (t1 - t0) / 1e9, errors.size());
    // OrientDB's shutdown hook closes the in-memory database.
    System.exit(errors.isEmpty() ? 0 : 1);
  }

  /** {files, .html files} under dir. */
  static long[] count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return new long[] {0, 0};
    try (Stream<Path> s = Files.walk(dir)) {
      long[] c = {0, 0};
      s.filter(Files::isRegularFile).forEach(p -> {
        c[0]++;
        if (p.getFileName().toString().endsWith(".html")) c[1]++;
      });
      return c;
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }
}
