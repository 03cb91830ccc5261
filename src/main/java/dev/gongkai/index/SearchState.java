package dev.gongkai.index;

import dev.gongkai.write.DataFiles;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the search stage of a committed build indexed, kept in the build cache for the next build: the documents in
 * doc id order (each record's with its {@link RecordDocs} key), the export's {@link SearchExport.Shape} and the digest
 * of the stage's inputs. The next build takes unchanged records' documents from it instead of rendering their
 * Markdown again, and {@link SearchPatch} the old versions of changed documents; {@code gongkai search} rebuilds its
 * Lucene index from it after a patched build.
 *
 * @param key the digest of the search stage's inputs ({@link SearchInputs}) this state is the result of
 * @param keys per document, its {@link RecordDocs} key, or "" (datasets, pages)
 */
public record SearchState(byte[] key, List<SearchDoc> docs, List<String> keys, SearchExport.Shape shape) {
  /** 2: strings as UTF-16 ({@link DataFiles#writeChars}); 1 wrote UTF-8. */
  private static final int FORMAT = 2;

  public SearchState {
    docs = List.copyOf(docs);
    keys = List.copyOf(keys);
    if (keys.size() != docs.size()) throw new IllegalArgumentException("one key per document");
  }

  /** The state of a stage that made {@code docs}. */
  public static SearchState of(byte[] key, SearchDocs.Keyed docs, SearchExport.Shape shape) {
    return new SearchState(key, docs.docs(), docs.keys(), shape);
  }

  /** The records' documents, by key, for the next build's {@link RecordDocs}. */
  public RecordDocs memo() {
    return RecordDocs.of(keys, docs);
  }

  /** Writes the state to {@code file} (aside, then moved in). */
  public void write(Path file) throws IOException {
    DataFiles.write(file, FORMAT, out -> {
      out.writeInt(key.length);
      out.write(key);
      out.writeInt(shape.docs());
      out.writeInt(shape.shards());
      out.writeInt(shape.fields().size());
      for (SearchExport.FieldStats f : shape.fields()) {
        out.writeInt(f.docCount());
        out.writeLong(f.sumTotalTermFreq());
        out.writeLong(f.sumDocFreq());
      }
      out.writeInt(docs.size());
      for (int i = 0; i < docs.size(); i++) {
        SearchDoc d = docs.get(i);
        for (String s : List.of(keys.get(i), d.id(), d.kind(), d.title(), d.number(), d.body(), d.url(), d.date(),
            d.year(), d.domain(), d.item(), d.agency(), d.validity(), d.summary())) {
          string(out, s);
        }
      }
    });
  }

  /**
   * The state in {@code file} if it is the result of inputs digested as {@code key} (any key when null); empty when
   * missing, unreadable or for other inputs.
   */
  public static Optional<SearchState> read(Path file, byte[] key) {
    return DataFiles.read(file, FORMAT, in -> {
      byte[] k = in.readNBytes(in.readInt());
      if (key != null && !Arrays.equals(k, key)) return null;
      int docCount = in.readInt();
      int shards = in.readInt();
      int fields = in.readInt();
      List<SearchExport.FieldStats> stats = new ArrayList<>();
      for (int i = 0; i < fields; i++) stats.add(new SearchExport.FieldStats(in.readInt(), in.readLong(), in.readLong()));
      int n = in.readInt();
      List<SearchDoc> docs = new ArrayList<>(n);
      List<String> keys = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        keys.add(string(in));
        docs.add(new SearchDoc(string(in), string(in), string(in), string(in), string(in), string(in), string(in),
            string(in), string(in), string(in), string(in), string(in), string(in)));
      }
      return new SearchState(k, docs, keys, new SearchExport.Shape(docCount, shards, stats));
    });
  }

  private static void string(DataOutputStream out, String s) throws IOException {
    DataFiles.writeChars(out, s);
  }

  private static String string(DataInputStream in) throws IOException {
    return DataFiles.readChars(in);
  }
}
