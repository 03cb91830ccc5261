import dev.gongkai.audit.LeakAudit;
import dev.gongkai.audit.NeedleMemo;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.Inputs;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Site;
import dev.gongkai.validate.SiteValidator;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Times the stages an incremental build always runs in full, in one JVM, ROUNDS times (the first rounds include
 * the JIT warming up): load, validate, and the leak audit's choice of needles without and with the memo the
 * previous round left (as an incremental build has it).
 *
 * <pre>
 *   java -Xmx2g -cp "target/gongkai.jar:target/lib/*" bench/StageTimes.java SITE [ROUNDS]
 * </pre>
 */
public class StageTimes {
  public static void main(String[] args) throws Exception {
    Path site = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    NeedleMemo memo = NeedleMemo.empty();
    for (int i = 1; i <= rounds; i++) {
      Diagnostics diags = new Diagnostics();
      long t0 = System.nanoTime();
      Inputs inputs = InputLoader.load(new SourceTree(site), diags);
      long t1 = System.nanoTime();
      Site s = SiteValidator.validate(inputs, diags).orElseThrow(() -> new IllegalStateException("site invalid"));
      long t2 = System.nanoTime();
      LeakAudit.plan(s);
      long t3 = System.nanoTime();
      LeakAudit.Plan withMemo = LeakAudit.plan(s, memo);
      long t4 = System.nanoTime();
      memo = withMemo.needleMemo();
      System.out.printf(Locale.ROOT, "round %d: load %.2f s, validate %.2f s, needles %.2f s, needles with memo %.2f s%s%n",
          i, (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, (t4 - t3) / 1e9, i == 1 ? " (memo empty)" : "");
    }
  }
}
