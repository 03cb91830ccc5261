package dev.gongkai.build;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.Inputs;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.Site;
import dev.gongkai.render.SiteRenderer;
import dev.gongkai.render.Templates;
import dev.gongkai.validate.SiteValidator;
import dev.gongkai.write.SerialWriter;
import dev.gongkai.write.StagedOutput;
import dev.gongkai.write.BuildOutput;
import dev.gongkai.write.IncrementalOutput;
import dev.gongkai.render.PageMemo;
import dev.gongkai.audit.LeakAudit;
import dev.gongkai.audit.LeakPrescan;
import dev.gongkai.write.OutputSink;
import dev.gongkai.export.CapExport;
import dev.gongkai.export.Changes;
import dev.gongkai.export.Checksums;
import dev.gongkai.export.DataJsonExport;
import dev.gongkai.export.DcatExport;
import dev.gongkai.export.FeedExport;
import dev.gongkai.export.RobotsExport;
import dev.gongkai.export.SitemapExport;
import dev.gongkai.export.DatasetExports;
import dev.gongkai.export.DatasetMemo;
import dev.gongkai.export.DatasetInfo;
import dev.gongkai.export.ExportFile;
import dev.gongkai.export.Provenance;
import dev.gongkai.render.ViewDigest;
import dev.gongkai.render.Views;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import dev.gongkai.index.SearchIndex;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline: load → validate → (gate) → export (datasets, changes) → render | index (at the same time, pages on
 * every core) → export (catalogue) → write → leak audit. Output is staged beside the output folder and swapped in
 * only when every stage succeeded, so a failed build leaves the published site as it was.
 */
public final class SiteBuild {
  private SiteBuild() {}

  /**
   * Runs the pipeline. Input problems are returned as diagnostics, never thrown.
   *
   * @throws IOException on I/O failures of the machine (disk full, permissions) — internal errors, not input errors
   * @throws StagedOutput.UnsafeOutputException when the output folder is not one gongkai may replace
   */
  public static BuildResult run(BuildRequest req, Progress progress) throws IOException {
    return run(req, progress, null);
  }

  /**
   * As {@link #run(BuildRequest, Progress)}, keeping in {@code warm} (null: nothing) what the next build of the same
   * site in this process may reuse: {@code gongkai serve} passes the same state to each of its builds.
   */
  public static BuildResult run(BuildRequest req, Progress progress, WarmState warm) throws IOException {
    return run(req, progress, warm, Map.of());
  }

  /**
   * Rehearses a one-record edit for {@code gongkai serve}, so that the JIT compiles what only an edit runs (the search
   * patch, re-rendering, re-exporting a dataset, auditing the changed files) before the publisher's first edit: the
   * pipeline runs as if one 主动公开 record's title had been edited ({@link Rehearsal}; the file on disk is not
   * touched), on a {@linkplain WarmState#fork fork} of {@code warm}, and commits nothing: the output folder, the
   * build cache and {@code warm} stay as they were, and what it staged is deleted. Returns its result, or empty when
   * there is nothing to rehearse on: no build of this output committed in {@code warm}, or no title found to edit.
   * At 100,000 records it takes about as long as an edit.
   *
   * @param which which record to edit (0: the first found; each number another while there are more)
   */
  public static Optional<BuildResult> rehearse(BuildRequest req, WarmState warm, int which) throws IOException {
    Optional<BuildResult> r = rehearseOnce(req, warm, which);
    if (r.isPresent()) REHEARSALS.increment();
    return r;
  }

  /** Rehearsals run in this process (for tests: a rehearsal leaves nothing else to see). */
  public static final java.util.concurrent.atomic.LongAdder REHEARSALS = new java.util.concurrent.atomic.LongAdder();

  private static Optional<BuildResult> rehearseOnce(BuildRequest req, WarmState warm, int which) throws IOException {
    warm.awaitSaveEnded();
    if (req.out() == null || req.cacheDir() == null || !warm.holds(req.cacheDir(), BuildCache.stamp(req.out()))) {
      return Optional.empty();
    }
    Optional<Map.Entry<String, byte[]>> edit = Rehearsal.pick(req.source(), warm.rows, which);
    if (edit.isEmpty()) return Optional.empty();
    return Optional.of(run(req, Progress.NONE, warm.fork(), Map.ofEntries(edit.get())));
  }

  /** @param replaced files read as these bytes, by source-relative path: a rehearsal, which commits nothing */
  private static BuildResult run(BuildRequest req, Progress progress, WarmState warm, Map<String, byte[]> replaced)
      throws IOException {
    if (warm != null) warm.awaitSave();
    boolean rehearsal = !replaced.isEmpty();
    Diagnostics diags = new Diagnostics();
    Map<Phase, Long> times = new EnumMap<>(Phase.class);
    long t0 = System.nanoTime();
    final long started = t0;
    SourceTree tree = new SourceTree(req.source(), replaced);
    Optional<Site> site = validate(tree, diags, times, t0, progress, warm);
    t0 = System.nanoTime();
    if (site.isEmpty() || diags.hasErrors()) return new BuildResult(false, diags, 0, 0, 0, 0, times);

    PublishedSite published = DisclosureGate.apply(site.get());
    int withheld = site.get().records().size() - published.records().size();
    if (req.out() == null) {
      // Validate only: also check the site's working-day calendar, which a build reads while rendering /audit/.
      dev.gongkai.audit.WorkCalendar.forSite(tree.root(), diags);
      return new BuildResult(!diags.hasErrors(), diags, published.records().size(), withheld, 0, 0, times);
    }

    // What the leak audit will search for, planned on a thread of its own: it reads only the validated site, and the
    // search stage and the renderer wait for it only after the exports (at 100,000 records, tenths of a second).
    CompletableFuture<LeakAudit.Plan> planning = planAudit(site.get(), req, warm);
    Provenance provenance = Provenance.of(req.source(), published, GeneratorVersion.get());
    Optional<BuildCache.State> cached = Optional.empty();
    if (req.cacheDir() != null) {
      String stamp = BuildCache.stamp(req.out());
      cached = warm != null ? warm.state(req.cacheDir(), stamp) : BuildCache.load(req.cacheDir(), stamp);
    }
    try (BuildOutput out = cached.isPresent()
        ? IncrementalOutput.open(req.out(), cached.get().manifest()) : StagedOutput.open(req.out())) {
      // Download files are written as soon as they exist and only their checksums are kept: at 100,000 records the
      // exports are hundreds of megabytes, which must not stay on the heap while pages render.
      java.util.TreeMap<String, String> sums = new java.util.TreeMap<>();
      // One digest per build: the renderer, the search documents and the search inputs digest the same records.
      long p0 = System.nanoTime();
      ViewDigest digest = new ViewDigest(warm == null ? null : warm.digest);
      if (req.cacheDir() != null) {
        digest.prime(published.records());
        digest.ahead(published); // pages that read the site depend on all of it: digested beside the exports
      }
      if (warm != null) warm.digest = digest;
      long primeNanos = System.nanoTime() - p0;
      t0 += primeNanos; // counted as preparation, not as export
      // An incremental build starts its search stage now, beside the exports and the audit's plan: it makes its
      // documents while the plan decides whether the last build's search files may be kept or patched.
      CompletableFuture<Indexing.Previous> previousIndex = new CompletableFuture<>();
      Indexing early = cached.isEmpty() ? null : startIndexing(req, published, out, sums, cached.get(), digest,
          previousIndex, warm);
      try {
        Exported exported = exportData(published, site.get(), provenance, req, cached.orElse(null), out, sums,
            warm == null ? null : warm.tables);
        t0 = lap(Phase.EXPORT, t0, times, progress);
        return renderAndFinish(req, published, site.get(), withheld, provenance, exported, out, sums, tree, diags,
            times, t0 - primeNanos, started, progress, cached.orElse(null), warm, digest, early, previousIndex,
            planning, rehearsal);
      } finally {
        // On every path that did not get as far as deciding (a failure), the early stage stops waiting.
        previousIndex.completeExceptionally(new IllegalStateException("the build stopped before deciding"));
        if (early != null) early.close();
      }
    }
  }

  /**
   * Starts planning the leak audit of a build of {@code site} on a daemon thread (a build that fails before it needs
   * the plan does not wait for it).
   */
  private static CompletableFuture<LeakAudit.Plan> planAudit(Site site, BuildRequest req, WarmState warm) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        return LeakAudit.plan(site, BuildCache.needleMemo(req.cacheDir()), warm == null ? null : warm.textHashes);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, task -> {
      Thread t = new Thread(task, "gongkai-audit-plan");
      t.setDaemon(true);
      t.start();
    });
  }

  /**
   * Loads and validates. The loaded tables (a cell and a location per value: over 60 MB at 100,000 records besides
   * the text) are not kept: nothing after validation reads them, and a local variable would hold them for the whole
   * build.
   */
  private static Optional<Site> validate(SourceTree tree, Diagnostics diags, Map<Phase, Long> times, long t0,
      Progress progress, WarmState warm) throws IOException {
    Inputs inputs = InputLoader.load(tree, diags, warm == null ? null : warm.rows);
    t0 = lap(Phase.LOAD, t0, times, progress);
    Optional<Site> site = SiteValidator.validate(inputs, diags, warm == null ? null : warm.rows,
        warm == null ? null : warm.same);
    lap(Phase.VALIDATE, t0, times, progress);
    return site;
  }

  /**
   * Rebuilds the Lucene index of {@code req.indexDir()} (what {@code gongkai search} reads) from what the last build
   * indexed, kept in {@code req.cacheDir()}: a build that patched the browser's index leaves the Lucene index to
   * this. Returns false when the cache holds nothing to rebuild from.
   */
  public static boolean rebuildSearchIndex(BuildRequest req) throws IOException {
    if (req.cacheDir() == null || req.indexDir() == null) return false;
    Optional<dev.gongkai.index.SearchState> state =
        dev.gongkai.index.SearchState.read(req.cacheDir().resolve(BuildCache.SEARCH_FILE), null);
    if (state.isEmpty()) return false;
    try (org.apache.lucene.store.Directory index = SearchIndex.build(state.get().docs(), req.scratchDir())) {
      SearchIndex.save(index, req.indexDir());
    }
    return true;
  }

  /** Deletes the request's build cache, so that its next build is a clean one (and leaves a new cache). */
  public static void forgetCache(BuildRequest req) throws IOException {
    if (req.cacheDir() != null) BuildCache.invalidate(req.cacheDir());
  }

  /** What the open-data stage leaves for the later stages once its files are on disk. */
  private record Exported(Views.OpenData openData, List<DatasetInfo> datasets,
      Map<String, List<Views.Change>> history, DatasetMemo memo) {}

  /**
   * Exports the datasets and the changes since the previous release. With a build cache, a dataset whose inputs and
   * files are as the last build left them keeps its files; comparing with a previous release reads every current
   * CSV, so then every dataset is exported.
   */
  private static Exported exportData(PublishedSite published, Site site, Provenance provenance, BuildRequest req,
      BuildCache.State cached, BuildOutput out, Map<String, String> sums,
      dev.gongkai.export.TableMemo tables) throws IOException {
    DatasetMemo had = cached == null || req.previous() != null ? DatasetMemo.EMPTY : cached.datasets();
    DatasetExports.Result data = req.cacheDir() == null ? DatasetExports.build(published, provenance)
        : DatasetExports.build(published, provenance, had,
            d -> cached != null && cached.manifest().same(d.path(), HexFormat.of().parseHex(d.sha256())), tables);
    Changes.Result changes = Changes.build(data.datasets(), data.files(), req.previous(), provenance,
        site.records().stream().filter(r -> r.disclosure() != Disclosure.ACTIVE)
            .map(DisclosureRecord::indexNo).collect(java.util.stream.Collectors.toSet()),
        site.datasets().stream().filter(d -> d.disclosure() != Disclosure.ACTIVE)
            .map(Dataset::id).collect(java.util.stream.Collectors.toSet()));
    Views.OpenData openData = new Views.OpenData(data.downloads(), changes.history(), ITEM_FEEDS,
        data.datasets().stream().map(d -> new Views.DataSet(d.id(), d.title(), d.description(), d.pageUrl())).toList());
    writeAll(data.files(), out, sums);
    for (DatasetInfo.Distribution d : data.kept()) {
      out.keep(d.path());
      synchronized (sums) {
        sums.put(d.path(), d.sha256());
      }
    }
    writeAll(changes.files(), out, sums);
    return new Exported(openData, data.datasets(), changes.history(), data.memo());
  }

  /** Writes {@code files} and records their SHA-256 for {@code SHA256SUMS}. */
  static void writeAll(List<ExportFile> files, dev.gongkai.write.OutputSink out, Map<String, String> sums)
      throws IOException {
    for (ExportFile f : files) write(f, Checksums.sha256(f.data()), out, sums);
  }

  /** Writes one download file whose SHA-256 ({@code sha256}, hex) is known, and lists it for SHA256SUMS. */
  static void write(ExportFile f, String sha256, dev.gongkai.write.OutputSink out, Map<String, String> sums)
      throws IOException {
    out.write(f.path(), f.data());
    synchronized (sums) {
      sums.put(f.path(), sha256);
    }
  }


  private static BuildResult renderAndFinish(BuildRequest req, PublishedSite published, Site site, int withheld,
      Provenance provenance, Exported exported, BuildOutput out, java.util.TreeMap<String, String> sums,
      SourceTree tree, Diagnostics diags, Map<Phase, Long> times, long t0, long started, Progress progress,
      BuildCache.State cached, WarmState warm, ViewDigest digest, Indexing early,
      CompletableFuture<Indexing.Previous> previousIndex, CompletableFuture<LeakAudit.Plan> planning,
      boolean rehearsal) throws IOException {
    Views.OpenData openData = exported.openData();
    // What the leak audit will search for, decided now: the search stage may keep or patch the previous build's
    // files only if they were audited for the same needles. (gongkai search rebuilds its Lucene index when a
    // patched build left none.)
    LeakAudit.Plan plan = Futures.await(planning, "the leak audit's plan");
    boolean sameAudit = cached != null && java.util.Arrays.equals(cached.auditDigest(), plan.digest());
    Indexing.Previous previous = null;
    if (sameAudit) {
      Map<String, byte[]> files = new java.util.TreeMap<>();
      for (String p : cached.indexPaths()) {
        byte[] h = cached.manifest().files().get(p);
        if (h != null) files.put(p, h);
      }
      if (files.size() == cached.indexPaths().size()) {
        previous = new Indexing.Previous(cached.indexKey(), files, req.out().toAbsolutePath().normalize());
      }
    }
    previousIndex.complete(previous);
    t0 = lap(Phase.PREPARE, t0, times, progress);
    // A build that audits every file scans each as it is written, beside rendering, rather than all at the end; a
    // clean build's open-data files, written before the plan was known, are scanned now (also beside rendering).
    try (LeakPrescan prescan = sameAudit ? null : LeakPrescan.start(plan);
        Indexing indexing = early != null ? early
            : startIndexing(req, published, prescan == null ? out : prescan.sink(out), sums, cached, digest,
                previousIndex, warm)) {
      if (prescan != null && cached == null) prescan.scanWritten(out.files(false));
      OutputSink sink = prescan == null ? out : prescan.sink(out);
      java.nio.file.Path templatesDir = tree.root().resolve("site-templates");
      byte[] templatesKey = req.cacheDir() == null ? null : templatesDigest(templatesDir);
      Templates templates = templates(templatesDir, templatesKey, warm);
      int expected = published.records().size();
      int pages;
      int kept = 0;
      PageMemo memo = cached == null ? PageMemo.empty() : PageMemo.empty(cached.pages().size());
      // Pages are rendered on every core and written by one thread (see SerialWriter); closing it waits for them.
      try (SerialWriter writer = new SerialWriter(sink)) {
        SiteRenderer renderer =
            new SiteRenderer(published, templates, tree.root().resolve("content"), writer, diags, openData)
                .widenWhen(indexing.done());
        if (req.cacheDir() != null) {
          dev.gongkai.render.PageKeys pageKeys = null;
          if (warm != null) warm.pageKeys = pageKeys =
              new dev.gongkai.render.PageKeys(published.records(), warm.pageKeys);
          renderer.incremental(new SiteRenderer.Memo(cached == null ? null : cached.pages(), memo,
              templatesKey, digest, pageKeys));
        }
        pages = renderer.render(n -> progress.pages(n, expected));
        kept = renderer.pagesKept();
        Assets.copy(tree.root().resolve("site-templates"), writer);
      } catch (Templates.TemplateFailure e) {
        diags.add(e.diagnostic());
        pages = 0;
      }
      t0 = lap(Phase.RENDER, t0, times, progress);
      if (diags.hasErrors()) return new BuildResult(false, diags, published.records().size(), withheld, 0, 0, times);
      // The index stage ran alongside rendering; its time is its own (overlapping), the wait for it is counted once.
      Indexing.Indexed indexed = indexing.join();
      if (warm != null) warm.searchDocs = indexed.carried();
      times.put(Phase.INDEX, indexed.nanos());
      progress.phaseDone(Phase.INDEX, indexed.nanos());
      t0 = System.nanoTime();
      // serve keeps its last sitemaps when this build wrote no new path (then it counts pages to compare).
      Map<String, byte[]> previousPaths =
          out instanceof IncrementalOutput inc && inc.onlyPreviousPaths() ? inc.previousFiles() : null;
      CatalogueExports catalogue = catalogueExports(published, provenance, exported.datasets(), exported.history(),
          out.writtenPaths(), previousPaths, warm == null ? new dev.gongkai.export.SitemapMemo() : warm.sitemap);
      writeAll(catalogue.files(), sink, sums);
      dev.gongkai.export.SitemapMemo.Result sitemap = catalogue.sitemap();
      for (ExportFile f : sitemap.files()) write(f, sitemap.sha256().get(f.path()), sink, sums);
      if (sitemap.kept()) {
        for (Map.Entry<String, String> k : sitemap.sha256().entrySet()) {
          sink.keep(k.getKey());
          synchronized (sums) {
            sums.put(k.getKey(), k.getValue()); // listed in SHA256SUMS like the files written
          }
        }
      }
      ExportFile checksums = Checksums.of(sums);
      sink.write(checksums.path(), checksums.data());
      t0 = lap(Phase.WRITE, t0, times, progress);
      // Nothing the gate withheld may be anywhere in what was written, whatever a template or page did. Files the
      // last build wrote, unchanged, were audited then: when the audit searches for the same things, they are clean.
      // A kept search index was audited with the same plan: its stored fields need no second look.
      boolean changedOnly = sameAudit;
      List<dev.gongkai.diag.Diagnostic> leaks =
          LeakAudit.scan(out.files(changedOnly), plan, indexed.reader(), prescan);
      // A leak is reported with every place it is in, as a clean build would.
      if (!leaks.isEmpty() && changedOnly) leaks = LeakAudit.scan(out.files(false), plan, indexed.reader());
      leaks.forEach(diags::add);
      t0 = lap(Phase.AUDIT, t0, times, progress);
      if (diags.hasErrors()) return new BuildResult(false, diags, published.records().size(), withheld, 0, 0, times);
      int files = out.fileCount();
      int changed = out.files(true).size() + (out instanceof IncrementalOutput inc ? inc.removedPaths().size() : 0);
      if (rehearsal) { // nothing committed, saved or forgotten: closing the output deletes what it staged
        return new BuildResult(true, diags, published.records().size(), withheld, pages, files, times,
            System.nanoTime() - started, kept, changed, indexed.kept(), indexed.mode() == Indexing.Mode.PATCHED);
      }
      if (req.indexDir() != null && indexed.mode() == Indexing.Mode.FULL) {
        SearchIndex.save(indexed.index(), req.indexDir());
      } else if (req.indexDir() != null && indexed.mode() == Indexing.Mode.PATCHED) {
        // Stale now: gongkai search rebuilds it from the build cache's search state when it next runs.
        dev.gongkai.write.StagedOutput.deleteTree(req.indexDir());
      }
      if (req.cacheDir() != null) BuildCache.invalidate(req.cacheDir());
      if (warm != null) warm.forgetState(); // until the commit has succeeded, nothing describes the output
      out.commit();
      if (req.cacheDir() != null) {
        BuildCache.State state = new BuildCache.State(BuildCache.stamp(req.out()), out.manifest(), memo,
            plan.digest(), indexed.key(), indexed.paths(), exported.memo());
        if (warm == null) {
          BuildCache.saveAll(req.cacheDir(), state, indexed.state(), indexed.engines(), plan.needleMemo());
        } else {
          // The output is complete: the preview shows it while the cache is written for the next session.
          warm.saveInBackground(req.cacheDir(), state, indexed.state(), indexed.engines(), plan.needleMemo());
        }
      }
      lap(Phase.COMMIT, t0, times, progress);
      return new BuildResult(true, diags, published.records().size(), withheld, pages, files, times,
          System.nanoTime() - started, kept, changed, indexed.kept(), indexed.mode() == Indexing.Mode.PATCHED);
    }
  }

  /** Starts the search stage of a build ({@code cached}: the last build's state, or null). */
  private static Indexing startIndexing(BuildRequest req, PublishedSite published, OutputSink out,
      Map<String, String> sums, BuildCache.State cached, ViewDigest digest,
      CompletableFuture<Indexing.Previous> previousIndex, WarmState warm) {
    return Indexing.start(published, out, sums, () -> BuildCache.searchState(req.cacheDir(), cached),
        () -> BuildCache.engineLayout(req.cacheDir(), cached), cached == null ? null : cached.indexKey(),
        previousIndex, digest, warm == null ? null : warm.searchDocs, req.scratchDir());
  }

  /**
   * The site's templates: in serve, the last build's while their files are the same (Thymeleaf keeps what it parsed
   * per engine, so a new one parsed every template and expression again on every edit).
   */
  private static Templates templates(java.nio.file.Path dir, byte[] key, WarmState warm) {
    if (warm == null || key == null) return new Templates(dir);
    if (warm.templates == null || !java.util.Arrays.equals(warm.templatesKey, key)) {
      warm.templates = new Templates(dir);
      warm.templatesKey = key;
    }
    return warm.templates;
  }

  /**
   * Digest of the site's template folder (every file's path and bytes, sorted) and of the generator whose bundled
   * templates fill in the rest: pages rendered by templates with the same digest may be kept.
   */
  private static byte[] templatesDigest(java.nio.file.Path dir) throws IOException {
    try {
      java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
      md.update((GeneratorVersion.get() + "\n" + BuildCache.generatorStamp() + "\n")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      if (java.nio.file.Files.isDirectory(dir)) {
        List<java.nio.file.Path> files;
        try (var s = java.nio.file.Files.walk(dir)) {
          files = s.filter(java.nio.file.Files::isRegularFile).sorted().toList();
        }
        for (java.nio.file.Path f : files) {
          md.update(dir.relativize(f).toString().replace('\\', '/').getBytes(java.nio.charset.StandardCharsets.UTF_8));
          md.update((byte) 0);
          md.update(java.nio.file.Files.readAllBytes(f));
          md.update((byte) 0);
        }
      }
      return md.digest();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  /** Whether each catalogue item has an Atom feed next to its page (written by the catalogue-level exports). */
  private static final boolean ITEM_FEEDS = true;

  /** The catalogue-level exports: the sitemaps apart, as they may be the last build's files, kept. */
  private record CatalogueExports(List<ExportFile> files, dev.gongkai.export.SitemapMemo.Result sitemap) {}

  /**
   * DCAT, data.json, feeds, CAP alerts, sitemaps and robots.txt: the catalogue-level open data, in this order but
   * the sitemaps. Each goes through every record (at 100,000 records the feeds and the sitemaps take tenths of a
   * second each), so they are made on every core.
   *
   * @param previousPaths the last committed output's files when every path written so far is among them, else null
   */
  private static CatalogueExports catalogueExports(PublishedSite site, Provenance provenance,
      List<DatasetInfo> datasets, Map<String, List<Views.Change>> history, List<String> writtenPaths,
      Map<String, byte[]> previousPaths, dev.gongkai.export.SitemapMemo sitemaps) {
    dev.gongkai.export.SitemapMemo.Result[] sitemap = new dev.gongkai.export.SitemapMemo.Result[1];
    List<java.util.function.Supplier<List<ExportFile>>> parts = List.of(
        () -> DcatExport.build(site, provenance, datasets),
        () -> DataJsonExport.build(site, provenance, datasets),
        () -> FeedExport.build(site, provenance, history),
        () -> CapExport.build(site),
        () -> {
          sitemap[0] = sitemaps.build(site, writtenPaths, previousPaths, SitemapExport.MAX_URLS);
          return List.of();
        },
        () -> RobotsExport.build(site));
    List<ExportFile> files = parts.parallelStream().flatMap(p -> p.get().stream()).toList();
    return new CatalogueExports(files, sitemap[0]); // the stream's end happens-after each part's
  }

  private static long lap(Phase phase, long since, Map<Phase, Long> times, Progress progress) {
    long now = System.nanoTime();
    times.put(phase, now - since);
    progress.phaseDone(phase, now - since);
    return now;
  }
}
