package dev.gongkai.export;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last build's open-data stage wrote for each dataset, for an incremental build: the digest of everything a
 * dataset's files are made of (its table, the provenance, the site's base URL) and the files as written. A dataset
 * whose digest is unchanged, and whose files are still in the output as they were, keeps them: at 100,000 records
 * one edited record then costs its item's files, not every dataset's CSV, XLSX and JSON again.
 *
 * <p>What callers must know: the memo trusts the generator to be the same (the build cache is dropped when it is not)
 * and the output's files to be those of its manifest, which the caller checks before keeping one.
 */
public record DatasetMemo(Map<String, Entry> datasets) {
  private static final int FORMAT = 1;

  /** A memo that keeps nothing: every dataset is exported. */
  public static final DatasetMemo EMPTY = new DatasetMemo(Map.of());

  public DatasetMemo {
    datasets = Collections.unmodifiableMap(new TreeMap<>(datasets));
  }

  /**
   * One dataset's last export.
   *
   * @param key SHA-256 of its inputs (see {@link DatasetExports})
   * @param files its files in display order, the descriptor last
   */
  public record Entry(byte[] key, List<DatasetInfo.Distribution> files) {
    public Entry {
      key = key.clone();
      files = List.copyOf(files);
    }

    /** Whether this entry was made from inputs with the digest {@code other}. */
    public boolean isFor(byte[] other) {
      return Arrays.equals(key, other);
    }
  }

  public void writeTo(DataOutputStream out) throws IOException {
    out.writeInt(FORMAT);
    out.writeInt(datasets.size());
    for (Map.Entry<String, Entry> e : datasets.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().key().length);
      out.write(e.getValue().key());
      out.writeInt(e.getValue().files().size());
      for (DatasetInfo.Distribution d : e.getValue().files()) {
        out.writeUTF(d.format());
        out.writeUTF(d.path());
        out.writeUTF(d.mediaType());
        out.writeLong(d.size());
        out.writeUTF(d.sha256());
      }
    }
  }

  /** Reads a memo written by {@link #writeTo}; another format gives {@link #EMPTY} (every dataset is exported). */
  public static DatasetMemo readFrom(DataInputStream in) throws IOException {
    if (in.readInt() != FORMAT) return EMPTY;
    int n = in.readInt();
    Map<String, Entry> datasets = new TreeMap<>();
    for (int i = 0; i < n; i++) {
      String id = in.readUTF();
      byte[] key = in.readNBytes(in.readInt());
      int files = in.readInt();
      List<DatasetInfo.Distribution> list = new ArrayList<>(files);
      for (int j = 0; j < files; j++) {
        list.add(new DatasetInfo.Distribution(in.readUTF(), in.readUTF(), in.readUTF(), in.readLong(), in.readUTF()));
      }
      datasets.put(id, new Entry(key, list));
    }
    return new DatasetMemo(datasets);
  }
}
