package dev.gongkai.index;

import dev.gongkai.index.analysis.SearchAnalyzer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;

/**
 * Stage "index": a Lucene index of the {@link SearchDoc}s, one segment, doc ids in list order (the order is part of
 * the ranking contract: equal scores rank by doc id, in Lucene and in the browser client).
 */
public final class SearchIndex {
  private SearchIndex() {}

  /**
   * Builds the index in memory: doc ids are the order of {@code docs}, over one or more segments (read it through
   * {@code MultiTerms}/{@code MultiDocValues} or the composite reader). The caller closes the directory.
   */
  public static Directory build(List<SearchDoc> docs) throws IOException {
    return build(docs, IndexWriterConfig.DISABLE_AUTO_FLUSH);
  }

  /**
   * As {@link #build(List)}, but into a new folder in {@code scratchParent} (when not null): the segments then live
   * in files rather than on the heap, where at 100,000 records they held about 220 MB for the whole build and made
   * the collector copy and re-mark them. {@link #save} moves such a folder into place when it is a sibling of the
   * target; closing the directory otherwise deletes it.
   */
  public static Directory build(List<SearchDoc> docs, Path scratchParent) throws IOException {
    if (scratchParent == null) return build(docs);
    ScratchDirectory dir = ScratchDirectory.create(scratchParent);
    try {
      return build(docs, IndexWriterConfig.DISABLE_AUTO_FLUSH, dir);
    } catch (IOException | RuntimeException e) {
      dir.close();
      throw e;
    }
  }

  /** As {@link #build(List)}, flushing a segment every {@code maxBufferedDocs} documents too (tests: many segments). */
  static Directory build(List<SearchDoc> docs, int maxBufferedDocs) throws IOException {
    return build(docs, maxBufferedDocs, new ByteBuffersDirectory());
  }

  private static Directory build(List<SearchDoc> docs, int maxBufferedDocs, Directory dir) throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(new SearchAnalyzer())
        .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
        // No merges and no compound files: one thread adds the documents, so the segments are flushed, and doc ids
        // numbered, in insertion order; merging them into one (as forceMerge(1) did) and packing each into a
        // compound file only copied every posting again (at 100,000 records 5 s of merging, and a merge thread
        // competing with the indexing for the second core). The exports read the segments as one.
        .setMergePolicy(NoMergePolicy.INSTANCE)
        .setUseCompoundFile(false)
        .setRAMBufferSizeMB(64)
        .setMaxBufferedDocs(maxBufferedDocs)
        .setCommitOnClose(true);
    try (IndexWriter w = new IndexWriter(dir, cfg)) {
      for (SearchDoc d : docs) w.addDocument(document(d));
    }
    return dir;
  }

  /**
   * Writes the index to {@code target}, replacing what was there (written aside, then moved in). An index built in a
   * scratch folder beside {@code target} is moved rather than copied: readers opened before go on reading, but the
   * directory itself may then only be closed.
   */
  public static void save(Directory index, Path target) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (index instanceof ScratchDirectory s && s.moveTo(target)) return;
    Path tmp = Files.createTempDirectory(parent, ".index-");
    try (FSDirectory fs = FSDirectory.open(tmp)) {
      for (String f : index.listAll()) fs.copyFrom(index, f, f, IOContext.DEFAULT);
    }
    if (Files.exists(target)) dev.gongkai.write.StagedOutput.deleteTree(target);
    Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Opens an index written by {@link #save}. */
  public static DirectoryReader open(Path dir) throws IOException {
    return DirectoryReader.open(FSDirectory.open(dir));
  }

  private static Document document(SearchDoc d) {
    Document doc = new Document();
    // id: exact keyword, stored: the CLI prints it and tests compare it with the browser's result ids.
    doc.add(new StringField(SearchFields.ID, d.id(), Field.Store.YES));
    // Searched fields: TextField = freqs + positions (phrase matching, Ctrl-F semantics) + norms (BM25 length
    // normalisation); not stored, the text lives in the site. Empty fields are left out so that each field's
    // docCount and average length count only documents that have it, as the browser client assumes.
    add(doc, "title", d.title());
    add(doc, "number", d.number());
    add(doc, "body", d.body());
    // Facets: StringField = one exact term, no freqs or norms; used as FILTER clauses, never scored.
    facet(doc, "domain", d.domain());
    facet(doc, "item", d.item());
    facet(doc, "year", d.year());
    facet(doc, "agency", d.agency());
    facet(doc, "validity", d.validity());
    facet(doc, "kind", d.kind());
    // Stored only: what a result line shows on the command line.
    doc.add(new StoredField(SearchFields.TITLE_STORED, d.title()));
    doc.add(new StoredField(SearchFields.URL, d.url()));
    doc.add(new StoredField(SearchFields.DATE, d.date()));
    return doc;
  }

  private static void add(Document doc, String field, String text) {
    if (!text.isBlank()) doc.add(new TextField(field, text, Field.Store.NO));
  }

  private static void facet(Document doc, String field, String value) {
    if (!value.isBlank()) doc.add(new StringField(field, value, Field.Store.NO));
  }
}
