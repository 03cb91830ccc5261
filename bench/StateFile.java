import dev.gongkai.index.SearchState;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times reading and writing the build cache's search state (every search document's text), as each build does, with
 * the jar on the class path (its own cache format): reads {@code FILE}, writes it to a temporary file beside it,
 * reads that back, ROUNDS times.
 *
 * <pre>
 *   java -Xmx2g -cp "target/gongkai.jar:target/lib/*" bench/StateFile.java SITE/.gongkai/cache/search-state.bin [ROUNDS]
 * </pre>
 */
public class StateFile {
  public static void main(String[] a) throws Exception {
    Path file = Path.of(a[0]);
    Path copy = Files.createTempFile(file.toAbsolutePath().getParent(), "bench-", ".bin");
    try {
      for (int r = 0; r < (a.length > 1 ? Integer.parseInt(a[1]) : 4); r++) {
        long t0 = System.nanoTime();
        SearchState s = SearchState.read(file, null).orElseThrow(() -> new IllegalStateException("not a state"));
        long t1 = System.nanoTime();
        s.write(copy);
        long t2 = System.nanoTime();
        SearchState back = SearchState.read(copy, null).orElseThrow();
        long t3 = System.nanoTime();
        System.out.printf("read %.2f s, write %.2f s, read back %.2f s, %d MB, %d documents, same %s%n",
            (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9, Files.size(copy) >> 20, s.docs().size(),
            back.docs().equals(s.docs()));
      }
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}
