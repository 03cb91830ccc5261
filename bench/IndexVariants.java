import dev.gongkai.diag.Diagnostics;
import dev.gongkai.index.SearchDoc;
import dev.gongkai.index.SearchDocs;
import dev.gongkai.index.SearchExport;
import dev.gongkai.index.SearchIndex;
import dev.gongkai.index.analysis.SearchAnalyzer;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.validate.SiteValidator;
import dev.gongkai.write.OutputSink;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.*;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The search stage's Lucene configurations side by side on one site: the search documents are built once, then
 * each configuration named on the command line indexes them in memory and, when it leaves one segment, the browser
 * files are exported (to nowhere). Names combine: {@code cur} (the old setup: merges, compound files,
 * forceMerge(1)), {@code nocfs} (no compound files), {@code nomerge} (no merges, no forceMerge), a number (indexing
 * buffer in MB, else 64), {@code export} (export however many segments are left).
 *
 * <pre>
 *   java -Xmx2g -cp "target/gongkai.jar:target/lib/*" bench/IndexVariants.java SITE cur nocfs nomerge-nocfs 256-nocfs
 * </pre>
 */
public class IndexVariants {
  public static void main(String[] a) throws Exception {
    Diagnostics d = new Diagnostics();
    var s = SiteValidator.validate(InputLoader.load(new SourceTree(Path.of(a[0])), d), d).orElseThrow();
    PublishedSite p = DisclosureGate.apply(s);
    long t = System.nanoTime();
    List<SearchDoc> docs = SearchDocs.of(p);
    System.out.printf("docs %d in %.1f s%n", docs.size(), (System.nanoTime() - t) / 1e9);
    Method m = SearchIndex.class.getDeclaredMethod("document", SearchDoc.class);
    m.setAccessible(true);
    OutputSink none = new OutputSink() {
      public void write(String path, byte[] data) {}
      public void copy(String path, Path source) {}
    };
    for (int r = 1; r < a.length; r++) {
      String v = a[r];
      t = System.nanoTime();
      ByteBuffersDirectory dir = new ByteBuffersDirectory();
      java.util.regex.Matcher num = java.util.regex.Pattern.compile("(\\d+)").matcher(v);
      int mb = num.find() ? Integer.parseInt(num.group(1)) : 64;
      IndexWriterConfig cfg = new IndexWriterConfig(new SearchAnalyzer()).setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setMergePolicy(v.contains("nomerge") ? NoMergePolicy.INSTANCE : new LogByteSizeMergePolicy())
          .setRAMBufferSizeMB(mb).setUseCompoundFile(!v.contains("nocfs")).setCommitOnClose(true);
      if (v.contains("nocfs") && !v.contains("nomerge")) ((LogByteSizeMergePolicy) cfg.getMergePolicy()).setNoCFSRatio(0);
      long tf = 0;
      try (IndexWriter w = new IndexWriter(dir, cfg)) {
        for (SearchDoc doc : docs) w.addDocument((Document) m.invoke(null, doc));
        tf = System.nanoTime();
        if (!v.contains("nomerge")) w.forceMerge(1);
      }
      long tb = System.nanoTime();
      DirectoryReader reader = DirectoryReader.open(dir);
      String exp = "-";
      if (reader.leaves().size() == 1 || v.contains("export")) {
        long te = System.nanoTime();
        SearchExport.write(reader, docs, p.catalogue(), none);
        exp = String.format("%.1f", (System.nanoTime() - te) / 1e9);
      }
      System.out.printf("%s: add %.1f s, merge+close %.1f s, segments %d, export %s s%n", v, (tf - t) / 1e9,
          (tb - tf) / 1e9, reader.leaves().size(), exp);
      reader.close();
    }
  }
}
