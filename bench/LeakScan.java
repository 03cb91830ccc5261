import dev.gongkai.audit.LeakAudit;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Site;
import dev.gongkai.validate.SiteValidator;
import java.nio.file.Path;
import java.util.Map;

/**
 * Times the leak audit's scan of a built site, as the last step of a clean build runs it (every file, on every
 * core), without the search index: loads and validates SITE, makes the plan once, then scans OUT ROUNDS times.
 *
 * <pre>
 *   java -Xmx2g -cp "target/gongkai.jar:target/lib/*" bench/LeakScan.java SITE OUT [ROUNDS]
 * </pre>
 */
public class LeakScan {
  public static void main(String[] a) throws Exception {
    Diagnostics d = new Diagnostics();
    Site site = SiteValidator.validate(InputLoader.load(new SourceTree(Path.of(a[0])), d), d).orElseThrow();
    long t = System.nanoTime();
    LeakAudit.Plan plan = LeakAudit.plan(site);
    System.out.printf("plan %.1f s%n", (System.nanoTime() - t) / 1e9);
    Map<String, Path> files = LeakAudit.filesOf(Path.of(a[1]));
    for (int r = 0; r < (a.length > 2 ? Integer.parseInt(a[2]) : 3); r++) {
      t = System.nanoTime();
      int leaks = LeakAudit.scan(files, plan, null).size();
      System.out.printf("scan of %d files: %.2f s, %d leaks%n", files.size(), (System.nanoTime() - t) / 1e9, leaks);
    }
  }
}
