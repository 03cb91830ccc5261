package dev.gongkai.render;

import java.util.concurrent.atomic.AtomicInteger;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.Incident;
import dev.gongkai.model.Page;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntConsumer;

/**
 * Stage 3 (render): writes every portal page of a {@link PublishedSite} through the templates. Sees only published
 * data, so nothing withheld can reach a page. Deterministic: the same site gives the same bytes. Template failures
 * and broken local links are reported as diagnostics; the caller must not commit output when there are errors.
 */
public final class SiteRenderer {
  /** Rows per dataset table page. */
  public static final int DATASET_PAGE_SIZE = 50;
  /** Latest records shown on the home page. */
  public static final int LATEST = 10;

  private final PublishedSite site;
  private final Templates templates;
  private final Path contentDir;
  private final OutputSink out;
  private final Diagnostics diags;
  private final Locale locale;
  private final Map<String, String> pageUrlBySource = new HashMap<>();
  /** content-relative path of files pages link to → source file; published once each, sorted. */
  private final Map<String, Path> linkedFiles = new TreeMap<>();
  private final Views.Stats stats;
  private final Views.OpenData openData;
  private final dev.gongkai.report.AnnualSource reports;
  /** Site-relative URL of the newest annual report, linked from every footer; null when there is none. */
  private final String latestReport;
  private final List<Page> nav;
  /** Catalogue items and domains by code and slug: every record page looks up its own. */
  private final dev.gongkai.model.CatalogueIndex index;
  /** Parsed UI text patterns, per thread ({@link MessageFormat} is not thread-safe): parsing one per page showed. */
  private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(HashMap::new);
  private final AtomicInteger pagesWritten = new AtomicInteger();
  /**
   * Threads that render pages at first (pages are independent; each is written to its own file): one per core but
   * one, which the search index stage uses at the same time; every core once that stage is done (see
   * {@link #widenWhen}). Override the first number with {@code -Dgongkai.renderThreads=N}.
   */
  private final int threads = Math.max(1, Integer.getInteger("gongkai.renderThreads",
      Runtime.getRuntime().availableProcessors() - 1));
  /** Completes when the stage beside rendering is done: the renderer then takes every core. */
  private java.util.concurrent.CompletionStage<?> widenSignal;
  /** Told the number of pages written, every 500 pages; set by {@link #render}, called from any thread. */
  private IntConsumer progress = n -> {};

  /** What an incremental build needs: the last build's pages, where to note this build's, and the templates' digest. */
  public record Memo(PageMemo previous, PageMemo next, byte[] templatesDigest, ViewDigest digest,
      PageKeys pageKeys) {
    /** Without page keys carried from a previous build in this process. */
    public Memo(PageMemo previous, PageMemo next, byte[] templatesDigest, ViewDigest digest) {
      this(previous, next, templatesDigest, digest, null);
    }
  }

  private Memo memo;
  private ViewDigest digest;
  private TemplateDeps templateDeps;
  private byte[] globalsDigest;
  private volatile byte[] siteDigest;
  private volatile byte[] openDataDigest;
  private final Map<String, byte[]> downloadDigests = new java.util.concurrent.ConcurrentHashMap<>();
  /** {@link #contextOf} by which of the site and open data digests a page depends on. */
  private final java.util.concurrent.atomic.AtomicReferenceArray<byte[]> contexts =
      new java.util.concurrent.atomic.AtomicReferenceArray<>(4);
  /** Per catalogue item code: {@link PageKeys.Inputs#context()} for its records' pages. */
  private final Map<String, byte[]> recordContexts = new java.util.concurrent.ConcurrentHashMap<>();
  /** How many records of its item a record's page lists as related. */
  private static final int RELATED = 5;
  private final java.util.concurrent.atomic.LongAdder pagesKept = new java.util.concurrent.atomic.LongAdder();
  /** Links and diagnostics of the page being built on this thread (Markdown is rendered just before its page). */
  private final ThreadLocal<Trace> trace = ThreadLocal.withInitial(Trace::new);

  /** What rendering one page did besides producing its bytes. */
  private static final class Trace {
    final Map<String, String> linked = new TreeMap<>();
    boolean diagnosed;
  }

  /** Variables every page gets whose values are digested once per build rather than once per page. */
  private static final java.util.Set<String> GLOBALS = java.util.Set.of("config", "catalogue", "published_pages", "nav",
      "incidents", "activeIncidents", "lastUpdated", "lang", "latestReport");
  /** Variables spanning the whole site: a page depends on them only when its templates read them. */
  private static final java.util.Set<String> HEAVY = java.util.Set.of("site", "stats", "openData");

  /**
   * Makes this renderer incremental: a page whose inputs digest as in {@code memo.previous()} is kept (the output
   * sink's {@link OutputSink#keep}) instead of rendered, and every page rendered or kept is noted in
   * {@code memo.next()}. Call before {@link #render}.
   */
  public SiteRenderer incremental(Memo memo) {
    this.memo = memo;
    this.digest = memo.digest();
    this.templateDeps = templates.deps();
    Map<String, Object> g = new TreeMap<>();
    Map<String, Object> sample = common("", "home", "", List.of());
    for (String k : GLOBALS) g.put(k, sample.get(k));
    this.globalsDigest = digest.of(memo.templatesDigest(), locale.toLanguageTag(), g, new TreeMap<>(pageUrlBySource),
        reports.years().stream().sorted().toList());
    return this;
  }

  /**
   * Renders on every core once {@code done} completes (the stage that runs beside rendering, e.g. the search index,
   * has finished); until then on the cores but one. Call before {@link #render}.
   */
  public SiteRenderer widenWhen(java.util.concurrent.CompletionStage<?> done) {
    this.widenSignal = done;
    return this;
  }

  /** Pages kept from the previous build instead of rendered (0 unless {@link #incremental}). */
  public int pagesKept() {
    return pagesKept.intValue();
  }

  public SiteRenderer(PublishedSite site, Templates templates, Path contentDir, OutputSink out, Diagnostics diags) {
    this(site, templates, contentDir, out, diags, Views.OpenData.NONE);
  }

  /** @param openData downloads, change histories and feeds from the open-data stages, for the pages that show them */
  public SiteRenderer(PublishedSite site, Templates templates, Path contentDir, OutputSink out, Diagnostics diags,
      Views.OpenData openData) {
    this.openData = openData;
    this.site = site;
    this.reports = dev.gongkai.report.AnnualSource.load(site, contentDir.getParent());
    this.latestReport = reports.years().isEmpty() ? null
        : dev.gongkai.report.AnnualReport.url(java.util.Collections.max(reports.years()));
    this.templates = templates;
    this.contentDir = contentDir;
    this.out = out;
    this.diags = diags;
    this.locale = site.config().languages().get(0).equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    this.stats = new Views.Stats(site);
    this.nav = site.pages().stream().filter(p -> p.nav() > 0)
        .sorted(Comparator.comparingInt(Page::nav).thenComparing(Page::urlPath)).toList();
    for (Page p : site.pages()) pageUrlBySource.put(p.sourcePath(), p.urlPath());
    this.index = dev.gongkai.model.CatalogueIndex.of(site.catalogue());
    Path root = contentDir.getParent();
    for (DisclosureRecord r : site.records()) {
      for (var a : r.attachments()) {
        String rel = root.relativize(a.source().toAbsolutePath().normalize()).toString().replace('\\', '/');
        pageUrlBySource.putIfAbsent(rel, r.url() + a.href());
      }
    }
    for (Incident i : site.incidents()) pageUrlBySource.put("content/" + i.key() + ".md", i.urlPath());
  }

  /**
   * Renders everything.
   *
   * @param progress called with the number of pages written so far, every 500 pages
   * @return the number of HTML pages written
   * @throws Templates.TemplateFailure when a template is broken (the diagnostic says where)
   */
  public int render(IntConsumer progress) throws IOException {
    this.progress = n -> {
      synchronized (progress) {
        progress.accept(n);
      }
    };
    try (RenderWorkers pool = new RenderWorkers(threads, Runtime.getRuntime().availableProcessors())) {
      if (widenSignal != null) widenSignal.thenRun(pool::widen);
      return renderAll(pool);
    }
  }

  private int renderAll(RenderWorkers pool) throws IOException {
    home();
    List<Map.Entry<Catalogue.Domain, CatalogueItem>> items = new ArrayList<>();
    for (Catalogue.Domain d : site.catalogue().domains()) {
      domain(d);
      for (CatalogueItem item : d.items()) items.add(Map.entry(d, item));
    }
    pool.forEach(items, e -> item(e.getKey(), e.getValue()));
    pool.forEachIndexed(site.records(), this::record);
    for (Dataset ds : site.datasets()) dataset(ds);
    for (Page p : site.pages()) page(p);
    for (Incident i : site.incidents()) incident(i);
    Map<Integer, List<DisclosureRecord>> byYear = recordsByYear();
    Map<String, List<DisclosureRecord>> byAgency = recordsByAgency();
    search(byYear, byAgency);
    // The remaining pages at once on every thread, the longest first: the 公开时限 audit and the annual reports each
    // go through every record (at 100,000 records, tenths of a second each, which the browse lists need not wait for).
    List<RenderWorkers.Task<Void>> rest = new ArrayList<>();
    rest.add(x -> audit());
    rest.add(x -> annualReports());
    byYear.forEach((year, records) -> rest.add(x -> browseYear(year, records)));
    byAgency.forEach((agency, records) -> rest.add(x -> browseAgency(agency, records)));
    rest.add(x -> simple("accessibility", "accessibility/", "nav.accessibility"));
    rest.add(x -> apply());
    if (!openData.datasets().isEmpty()) rest.add(x -> openDataPage());
    rest.add(x -> notFound());
    pool.forEach(rest, t -> t.render(null));
    publishLinkedFiles();
    return pagesWritten.get();
  }

  private void home() throws IOException {
    Map<String, Object> v = common("", "home", message("site.home"), List.of());
    v.put("latest", site.records().stream().limit(LATEST).toList());
    write("index.html", "index", v);
  }

  private void domain(Catalogue.Domain d) throws IOException {
    String uri = d.url();
    String root = rootOf(uri);
    Map<String, Object> v = common(uri, "domain", d.name(), List.of(crumbHome(root), new Views.Crumb(d.name(), null)));
    v.put("domain", d);
    write(uri + "index.html", "domain", v);
  }

  private void item(Catalogue.Domain d, CatalogueItem item) throws IOException {
    List<DisclosureRecord> records = site.byItem().get(item.code());
    int size = site.config().options().pageSize();
    int pages = Math.max(1, (records.size() + size - 1) / size);
    List<Dataset> datasets = site.datasets().stream().filter(x -> x.itemCode().equals(item.code())).toList();
    List<Charts.View> charts = Charts.views(Charts.forItem(datasets), this::message);
    // The item's records are newest first (PublishedSite#byItem): the first has the newest 发布日期.
    java.util.Optional<java.time.LocalDate> newest =
        records.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(records.get(0).published());
    for (int p = 1; p <= pages; p++) {
      String uri = Views.pageUrl(item.url(), p);
      String root = rootOf(uri);
      Map<String, Object> v = common(uri, "item", item.level2(), List.of(crumbHome(root),
          new Views.Crumb(d.name(), root + d.url()), new Views.Crumb(item.level1() + " · " + item.level2(), null)));
      v.put("domain", d);
      v.put("item", item);
      v.put("records", records.subList((p - 1) * size, Math.min(records.size(), p * size)));
      v.put("datasets", datasets);
      v.put("charts", p == 1 ? charts : List.of());
      v.put("pager", Views.pager(p, pages, records.size(), root, item.url()));
      newest.ifPresent(day -> v.put("pageUpdated", day));
      write(uri + "index.html", "item", v);
    }
  }

  private void record(int position, DisclosureRecord r) throws IOException {
    // In serve, a page whose inputs are the instances of the last build has the key computed then, and its path is
    // the string the last build used: the page memo and the output manifest, keyed by that string, find it by
    // identity instead of comparing characters.
    PageKeys keys = memo == null ? null : memo.pageKeys();
    PageKeys.Known known = keys == null ? null : keys.known(position, r);
    CatalogueItem item = index.item(r.itemCode()).orElseThrow();
    Catalogue.Domain d = index.domain(item.domainSlug()).orElseThrow();
    DisclosureRecord interpretation = r.interpretation().isEmpty() ? null : stats.record(r.interpretation());
    DisclosureRecord original = r.original().isEmpty() ? null : stats.record(r.original());
    List<DisclosureRecord> itemRecords = site.byItem().get(item.code());
    List<Views.Change> history = openData.history().getOrDefault(r.indexNo(), List.of());
    byte[] context = keys == null ? null : recordContext(d, item);
    // Nearly every page of a serve edit: the inputs the last build noted, compared without being made again.
    boolean same = context != null && known != null
        && PageKeys.sameInputs(known, context, interpretation, original, itemRecords, r, RELATED, history);
    if (same) {
      keys.noteSame(position, known);
      if (kept(known.path(), known.key())) {
        for (var a : r.attachments()) out.copy(r.url() + a.fileName(), a.source());
        return;
      }
    }
    String uri = r.url();
    String path = known != null ? known.path() : uri + "index.html";
    List<DisclosureRecord> related = itemRecords.stream().filter(x -> x != r).limit(RELATED).toList();
    PageKeys.Inputs inputs = null;
    byte[] key = null;
    if (context != null) {
      inputs = new PageKeys.Inputs(context, interpretation, original, related, history);
      key = same ? known.key() : null; // not the same: sameInputs answers as comparing these inputs would
    }
    if (same || key == null || !kept(path, key)) { // when same, the memo has just said no
      String root = rootOf(uri);
      Location where = r.bodyPath() != null ? Location.file(r.bodyPath()) : r.origin();
      String base = r.bodyPath() != null ? parentOf(r.bodyPath()) : "content";
      Map<String, Object> v = common(uri, "record", r.title(), List.of(crumbHome(root),
          new Views.Crumb(d.name(), root + d.url()), new Views.Crumb(item.level2(), root + item.url()),
          new Views.Crumb(r.title(), null)));
      v.put("record", r);
      v.put("description", message("meta.record", r.title(), r.agency(), r.published().toString(),
          r.docNo().isBlank() ? r.indexNo() : r.docNo()));
      v.put("item", item);
      v.put("domain", d);
      v.put("interpretation", interpretation);
      v.put("original", original);
      v.put("related", related);
      v.put("history", history);
      // The record's own "last updated": its newest change in the release history, else its 发布日期.
      v.put("pageUpdated", history.stream().map(Views.Change::release)
          .reduce(r.published().toString(), (a, b) -> a.compareTo(b) >= 0 ? a : b));
      // The body is the costly part: decide from its Markdown (the record digests it) whether the page is kept.
      boolean keyed = key != null;
      if (!keyed) key = keyOf(path, "record", v, false);
      if (keyed || !kept(path, key)) {
        v.put("body", Markdown.render(r.markdown(), href -> localLink(href, base, root, where)).html());
        write(path, "record", v, key);
      }
    }
    if (inputs != null && key != null) keys.noteRecord(position, inputs, key, path);
    for (var a : r.attachments()) out.copy(uri + a.fileName(), a.source());
  }

  /**
   * What a record page's key depends on besides the record and its {@link PageKeys.Inputs}: the whole-page
   * values and the record's item and domain; null when they cannot be digested.
   */
  private byte[] recordContext(Catalogue.Domain d, CatalogueItem item) {
    byte[] c = recordContexts.get(item.code());
    if (c != null) return c;
    java.util.Set<String> deps = templateDeps.of("record");
    try {
      c = digest.of(globalsDigest, deps.contains(TemplateDeps.SITE) ? siteDigest() : null,
          deps.contains(TemplateDeps.OPEN_DATA) ? openDataDigest() : null, d, item);
    } catch (ViewDigest.Unkeyable e) {
      return null;
    }
    recordContexts.putIfAbsent(item.code(), c);
    return c;
  }

  private void dataset(Dataset ds) throws IOException {
    CatalogueItem item = index.item(ds.itemCode()).orElseThrow();
    Catalogue.Domain d = index.domain(item.domainSlug()).orElseThrow();
    int pages = Math.max(1, (ds.rows().size() + DATASET_PAGE_SIZE - 1) / DATASET_PAGE_SIZE);
    for (int p = 1; p <= pages; p++) {
      String uri = Views.pageUrl(ds.url(), p);
      String root = rootOf(uri);
      Map<String, Object> v = common(uri, "dataset", ds.title(), List.of(crumbHome(root),
          new Views.Crumb(d.name(), root + d.url()), new Views.Crumb(item.level2(), root + item.url()),
          new Views.Crumb(ds.title(), null)));
      v.put("dataset", ds);
      v.put("charts", p == 1 ? Charts.views(Charts.forDataset(ds), this::message) : List.of());
      v.put("item", item);
      v.put("rows", ds.rows().subList((p - 1) * DATASET_PAGE_SIZE, Math.min(ds.rows().size(), p * DATASET_PAGE_SIZE)));
      v.put("firstRow", (p - 1) * DATASET_PAGE_SIZE + 1);
      v.put("pager", Views.pager(p, pages, ds.rows().size(), root, ds.url()));
      write(uri + "index.html", "dataset", v);
    }
  }

  private void page(Page p) throws IOException {
    String uri = p.urlPath();
    String root = rootOf(uri);
    Location where = Location.file(p.sourcePath());
    Markdown.Html body = Markdown.render(p.markdown(), href -> localLink(href, parentOf(p.sourcePath()), root, where));
    Map<String, Object> v = common(uri, "page", p.title(), List.of(crumbHome(root), new Views.Crumb(p.title(), null)));
    v.put("page", p);
    v.put("body", body.html());
    write(uri + "index.html", "page", v);
  }

  private void incident(Incident i) throws IOException {
    String uri = i.urlPath();
    String root = rootOf(uri);
    String base = parentOf("content/" + i.key() + ".md");
    Location where = Location.file("content/" + i.key() + ".md");
    Map<String, Object> v = common(uri, "incident", i.title(), List.of(crumbHome(root), new Views.Crumb(i.title(), null)));
    v.put("incident", i);
    v.put("alert", dev.gongkai.export.CapExport.path(i, site.incidents()));
    v.put("body", Markdown.render(i.markdown(), href -> localLink(href, base, root, where)).html());
    Map<Incident.Update, String> updates = new LinkedHashMap<>();
    for (Incident.Update u : i.updates()) {
      Location uw = Location.file(u.sourcePath());
      updates.put(u, Markdown.render(u.markdown(), href -> localLink(href, parentOf(u.sourcePath()), root, uw)).html());
    }
    v.put("updates", updates);
    i.updates().stream().map(u -> u.time().toLocalDate()).max(Comparator.naturalOrder())
        .ifPresent(newest -> v.put("pageUpdated", newest));
    write(uri + "index.html", "incident", v);
  }

  private void simple(String template, String uri, String titleKey) throws IOException {
    String root = rootOf(uri);
    String title = message(titleKey);
    Map<String, Object> v = common(uri, template, title, List.of(crumbHome(root), new Views.Crumb(title, null)));
    write(uri + "index.html", template, v);
  }

  private void apply() throws IOException {
    String uri = "apply/";
    String root = rootOf(uri);
    String title = message("nav.apply");
    Map<String, Object> v = common(uri, "apply", title, List.of(crumbHome(root), new Views.Crumb(title, null)));
    v.put("entries", site.onRequest());
    write(uri + "index.html", "apply", v);
  }

  /** {@code audit/} (公开时限检查): each published record's working days against its item's 公开时限. */
  private void audit() throws IOException {
    String uri = "audit/";
    String root = rootOf(uri);
    String title = message("audit.title");
    Map<String, Object> v = common(uri, "audit", title, List.of(crumbHome(root), new Views.Crumb(title, null)));
    dev.gongkai.audit.WorkCalendar calendar = dev.gongkai.audit.WorkCalendar.forSite(contentDir.getParent(), diags);
    v.put("audit", dev.gongkai.audit.Timeliness.audit(site, calendar));
    List<Integer> years = List.copyOf(calendar.years());
    v.put("calendarYears", years.isEmpty() ? "-" : years.get(0) + "–" + years.get(years.size() - 1));
    write(uri + "index.html", "audit", v);
  }

  /**
   * {@code reports/annual-<year>/} (政府信息公开工作年度报告): 表二 counted from the published records, 表三/表四 from
   * {@code catalogue/annual-report/<year>.json}, for each year with a data file or a record. Problems with the data
   * are shown on the page, not reported as build diagnostics.
   */
  private void annualReports() throws IOException {
    List<Integer> years = List.copyOf(reports.years());
    for (int year : years) {
      String uri = dev.gongkai.report.AnnualReport.url(year);
      String root = rootOf(uri);
      String title = message("report.title", site.config().agency(), String.valueOf(year));
      Map<String, Object> v = common(uri, "report", title, List.of(crumbHome(root), new Views.Crumb(title, null)));
      v.put("report", reports.report(year));
      v.put("reportYears", years);
      v.put("dataPath", dev.gongkai.report.AnnualData.pathOf(year));
      write(uri + "index.html", "report", v);
    }
  }

  /**
   * The JSON keys of the search client's UI text ({@code #search-messages} on the search page), each read from the
   * bundle key {@code search.msg.<key>}. The texts keep their {@code {n}}, {@code {q}}, {@code {f}}, {@code {p}}
   * placeholders for the client to fill in.
   */
  static final List<String> SEARCH_MESSAGE_KEYS = List.of("count", "countFiltered", "none", "dropFilter", "shorter",
      "loading", "error", "prev", "next", "page", "facetsHeading", "all", "remove", "facet.domain", "facet.item",
      "facet.year", "facet.agency", "facet.validity", "facet.kind", "kind.record", "kind.dataset", "kind.page", "docNo",
      "date");

  /**
   * The search page {@code search/}: the form and the empty result area the client fills in, and lists that browse
   * every published record by catalogue item, year and publishing agency without JavaScript.
   */
  private void search(Map<Integer, List<DisclosureRecord>> byYear, Map<String, List<DisclosureRecord>> byAgency)
      throws IOException {
    String uri = "search/";
    String root = rootOf(uri);
    String title = message("search.title");
    Map<String, Object> v = common(uri, "search", title, List.of(crumbHome(root), new Views.Crumb(title, null)));
    v.put("searchMessages", searchMessagesJson());
    List<Views.BrowseLink> years = new ArrayList<>();
    byYear.forEach((y, rs) -> years.add(new Views.BrowseLink(
        message("browse.year", String.valueOf(y)), yearUrl(y), rs.size())));
    List<Views.BrowseLink> agencies = new ArrayList<>();
    byAgency.forEach((a, rs) -> agencies.add(new Views.BrowseLink(a, agencyUrl(a), rs.size())));
    v.put("browseYears", years);
    v.put("browseAgencies", agencies);
    write(uri + "index.html", "search", v);
  }

  /**
   * The search client's UI text as a JSON object that is safe inside a {@code <script>} element: {@code </} is
   * written {@code <\/} and the {@code !} of {@code <!--} as a JSON unicode escape, so no text can end the element.
   */
  private String searchMessagesJson() {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String key : SEARCH_MESSAGE_KEYS) texts.put(key, message("search.msg." + key));
    try {
      return new ObjectMapper().writeValueAsString(texts).replace("</", "<\\/").replace("<!--", "<\\u0021--");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Published records by the year of their 发布日期, newest year first, each list newest first. */
  private Map<Integer, List<DisclosureRecord>> recordsByYear() {
    Map<Integer, List<DisclosureRecord>> byYear = new TreeMap<>(Comparator.reverseOrder());
    // The records come newest first, so a year's records mostly follow each other: the map is asked once per run.
    int runYear = 0;
    List<DisclosureRecord> run = null;
    for (DisclosureRecord r : site.records()) {
      int year = r.published().getYear();
      if (run == null || year != runYear) {
        runYear = year;
        run = byYear.computeIfAbsent(year, y -> new ArrayList<>());
      }
      run.add(r);
    }
    return byYear; // each list newest first, as site.records() is
  }

  /**
   * Published records by publishing agency (发布机构), the agencies with most records first (then by name), each list
   * newest first.
   *
   * @throws IllegalStateException when two agency names share a {@link Views#agencySlug slug} (a SHA-256 prefix
   *     collision), rather than merge their pages
   */
  private Map<String, List<DisclosureRecord>> recordsByAgency() {
    // Grouped by hash, not in a tree: a tree compared each record's agency with several others (0.1-0.3 s at
    // 100,000 records); the order is made below.
    Map<String, List<DisclosureRecord>> byName = new HashMap<>();
    for (DisclosureRecord r : site.records()) byName.computeIfAbsent(r.agency(), a -> new ArrayList<>()).add(r);
    byName.keySet().removeIf(String::isBlank); // once per agency, not per record
    Map<String, String> nameBySlug = new HashMap<>();
    for (String name : new TreeSet<>(byName.keySet())) {
      String other = nameBySlug.put(Views.agencySlug(name), name);
      if (other != null) throw new IllegalStateException("agency slug collision: " + other + " / " + name);
    }
    Map<String, List<DisclosureRecord>> sorted = new LinkedHashMap<>();
    byName.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, List<DisclosureRecord>> e) -> -e.getValue().size())
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> sorted.put(e.getKey(), e.getValue())); // each list newest first, as site.records() is
    return sorted;
  }

  private static String yearUrl(int year) {
    return "browse/year/" + year + "/";
  }

  private static String agencyUrl(String agency) {
    return "browse/agency/" + Views.agencySlug(agency) + "/";
  }

  private void browseYear(int year, List<DisclosureRecord> records) throws IOException {
    String y = String.valueOf(year);
    browse(yearUrl(year), message("browse.year", y), message("browse.yearHeading", y), records);
  }

  private void browseAgency(String agency, List<DisclosureRecord> records) throws IOException {
    browse(agencyUrl(agency), agency, message("browse.agencyHeading", agency), records);
  }

  /** One browse list ({@code browse.html}), paginated like item pages; {@code crumb} names it in the breadcrumbs. */
  private void browse(String base, String crumb, String heading, List<DisclosureRecord> records) throws IOException {
    int size = site.config().options().pageSize();
    int pages = Math.max(1, (records.size() + size - 1) / size);
    for (int p = 1; p <= pages; p++) {
      String uri = Views.pageUrl(base, p);
      String root = rootOf(uri);
      Map<String, Object> v = common(uri, "browse", heading, List.of(crumbHome(root),
          new Views.Crumb(message("search.title"), root + "search/"), new Views.Crumb(crumb, null)));
      v.put("heading", heading);
      v.put("records", records.subList((p - 1) * size, Math.min(records.size(), p * size)));
      v.put("pager", Views.pager(p, pages, records.size(), root, base));
      write(uri + "index.html", "browse", v);
    }
  }

  /** {@code data/}: every dataset with its downloads, and the catalogue-level files (DCAT, data.json, feeds…). */
  private void openDataPage() throws IOException {
    String uri = "data/";
    String root = rootOf(uri);
    String title = message("data.title");
    Map<String, Object> v = common(uri, "data", title, List.of(crumbHome(root), new Views.Crumb(title, null)));
    v.put("datasets", openData.datasets());
    write(uri + "index.html", "data", v);
  }

  /** The 404 page is served for any missing path, so its links are absolute from the site's base path. */
  private void notFound() throws IOException {
    String basePath = URI.create(site.config().baseUrl()).getPath();
    if (basePath == null || basePath.isEmpty()) basePath = "/";
    Map<String, Object> v = common("404.html", "404", message("notfound.title"), List.of());
    v.put("rootpath", basePath);
    v.put("content", new Views.Content("404", message("notfound.title"), "404.html", basePath));
    write("404.html", "404", v);
  }

  private Map<String, Object> common(String uri, String type, String title, List<Views.Crumb> crumbs) {
    Map<String, Object> v = new HashMap<>();
    String root = rootOf(uri);
    v.put("config", site.config());
    v.put("site", site);
    v.put("catalogue", site.catalogue());
    v.put("stats", stats);
    v.put("published_pages", site.pages());
    v.put("nav", nav);
    v.put("incidents", site.incidents());
    v.put("activeIncidents", site.incidents().stream().filter(Incident::active).toList());
    v.put("lastUpdated", site.lastUpdated());
    v.put("rootpath", root);
    v.put("crumbs", crumbs);
    v.put("lang", locale.getLanguage().equals("en") ? "en" : "zh-CN");
    v.put("content", new Views.Content(type, title, uri, root));
    v.put("openData", openData);
    v.put("latestReport", latestReport);
    return v;
  }

  private Views.Crumb crumbHome(String root) {
    return new Views.Crumb(message("site.home"), root.isEmpty() ? "./" : root);
  }

  private String message(String key) {
    return templates.message(key, locale);
  }

  /** A UI text with MessageFormat arguments (formatted in Locale.ROOT; pass numbers as strings to avoid grouping). */
  private String message(String key, Object... args) {
    return formats.get().computeIfAbsent(key, k -> new MessageFormat(message(k), Locale.ROOT)).format(args);
  }

  private void write(String path, String template, Map<String, Object> vars) throws IOException {
    byte[] key = keyOf(path, template, vars, true);
    if (!kept(path, key)) write(path, template, vars, key);
  }

  /** Renders and writes a page; {@code key} (null: not memoisable) is noted with what the page read. */
  private void write(String path, String template, Map<String, Object> vars, byte[] key) throws IOException {
    RecordingMap<String, List<Views.Download>> downloads = null;
    if (key != null && vars.get("openData") instanceof Views.OpenData od) {
      downloads = new RecordingMap<>(od.downloads());
      vars.put("openData", new Views.OpenData(downloads, od.history(), od.itemFeeds(), od.datasets()));
    }
    DownloadReads.start();
    byte[] html;
    java.util.Set<String> fieldsRead;
    try {
      html = templates.renderUtf8(template, vars, locale);
    } finally {
      fieldsRead = DownloadReads.stop();
    }
    Trace t = trace.get();
    trace.remove();
    out.write(path, html);
    if (key != null && !t.diagnosed) {
      Map<String, byte[]> read = new TreeMap<>();
      List<String> fields = List.copyOf(fieldsRead);
      if (downloads != null) {
        if (downloads.readWhole()) read.put(PageMemo.ALL_DOWNLOADS, downloadDigest(PageMemo.ALL_DOWNLOADS, fields));
        for (String k : downloads.keysRead()) read.put(k, downloadDigest(k, fields));
      }
      memo.next().put(path, new PageMemo.Entry(key, read, t.linked, fields));
    }
    counted();
  }

  private void counted() {
    int n = pagesWritten.incrementAndGet();
    if (n % 500 == 0) progress.accept(n);
  }

  /**
   * The digest of a page's inputs, or null when the build is not incremental or a value cannot be digested. Values
   * shared by all pages count through {@link #globalsDigest}; {@code site}/{@code stats} and {@code openData} count
   * only when the page's templates read them (the download lists it reads are checked separately).
   */
  private byte[] keyOf(String path, String template, Map<String, Object> vars, boolean remember) {
    if (memo == null) return null;
    java.util.Set<String> deps = templateDeps.of(template);
    Map<String, Object> own = new TreeMap<>();
    for (Map.Entry<String, Object> e : vars.entrySet()) {
      if (!GLOBALS.contains(e.getKey()) && !HEAVY.contains(e.getKey())) own.put(e.getKey(), e.getValue());
    }
    try {
      byte[] site = deps.contains(TemplateDeps.SITE) ? siteDigest() : null;
      byte[] data = deps.contains(TemplateDeps.OPEN_DATA) ? openDataDigest() : null;
      PageKeys keys = remember ? memo.pageKeys() : null;
      byte[] context = keys == null ? null : contextOf(site, data);
      byte[] key = keys == null ? null : keys.pageKey(path, context, template, own);
      if (key == null) key = digest.of(globalsDigest, path, template, own, site, data);
      if (keys != null) keys.notePage(path, context, template, own, key);
      return key;
    } catch (ViewDigest.Unkeyable e) {
      return null;
    }
  }

  /**
   * The whole-build digests a page's key depends on, as one array per combination (the same instance for every page
   * with the same dependencies, so comparing them is cheap).
   */
  private byte[] contextOf(byte[] site, byte[] data) {
    int which = (site == null ? 0 : 1) | (data == null ? 0 : 2);
    byte[] c = contexts.get(which);
    if (c != null) return c;
    contexts.compareAndSet(which, null, digest.of(globalsDigest, site, data));
    return contexts.get(which);
  }

  /** Keeps the previous build's page when its inputs are unchanged (and notes it for the next build). */
  private boolean kept(String path, byte[] key) throws IOException {
    if (key == null || memo.previous() == null || trace.get().diagnosed) return false;
    PageMemo.Entry e = memo.previous().reusable(path, key, this::downloadDigest);
    if (e == null) return false;
    trace.remove();
    Path root = contentDir.getParent();
    for (Map.Entry<String, String> l : e.linked().entrySet()) {
      if (!Files.isRegularFile(root.resolve(l.getValue()))) return false; // render it: it reports the broken link
    }
    synchronized (linkedFiles) {
      for (Map.Entry<String, String> l : e.linked().entrySet()) linkedFiles.put(l.getKey(), root.resolve(l.getValue()));
    }
    out.keep(path);
    memo.next().put(path, e);
    pagesKept.increment();
    counted();
    return true;
  }

  private byte[] siteDigest() {
    byte[] d = siteDigest;
    if (d == null) siteDigest = d = digest.ofAhead(site);
    return d;
  }

  /** Digest of the open data other than the download lists (feeds, dataset list, change histories). */
  private byte[] openDataDigest() {
    byte[] d = openDataDigest;
    if (d == null) {
      openDataDigest = d = digest.of(openData.itemFeeds(), openData.datasets(), new TreeMap<>(openData.history()));
    }
    return d;
  }

  /**
   * The digest of a download list ({@link PageMemo#ALL_DOWNLOADS}: of every list), over the {@code fields} of each
   * download that a page read: a page that shows a file's format, link and rounded size is not rendered again when
   * only its checksum or exact byte count changed.
   */
  private byte[] downloadDigest(String key, List<String> fields) {
    return downloadDigests.computeIfAbsent(key + '\u0000' + String.join(",", fields), k -> {
      if (!key.equals(PageMemo.ALL_DOWNLOADS)) return digest.of(fields, shown(openData.downloads().get(key), fields));
      Map<String, Object> all = new TreeMap<>();
      openData.downloads().forEach((name, list) -> all.put(name, shown(list, fields)));
      return digest.of(fields, all);
    });
  }

  /** What a page that read {@code fields} shows of a download list (null stays null: the key was missing). */
  private static List<List<Object>> shown(List<Views.Download> list, List<String> fields) {
    if (list == null) return null;
    List<List<Object>> out = new ArrayList<>(list.size());
    for (Views.Download d : list) out.add(d.fields(fields));
    return out;
  }

  /** {@code ../} once per directory level of {@code uri}. */
  static String rootOf(String uri) {
    int depth = 0;
    for (int i = 0; i < uri.length(); i++) if (uri.charAt(i) == '/') depth++;
    return "../".repeat(depth);
  }

  private static String parentOf(String sourcePath) {
    int i = sourcePath.lastIndexOf('/');
    return i < 0 ? "" : sourcePath.substring(0, i);
  }

  /**
   * Maps a relative link in published Markdown: to another page's URL when it names a page's {@code .md} file, to
   * the record's copy when it names a published record's attachment, or to the published copy of a file inside
   * {@code content/} (published at its path under content/). A link to a missing file, outside content/, or into
   * {@code content/documents/} other than a published attachment is reported.
   */
  private String localLink(String href, String baseDir, String root, Location where) {
    String decoded = java.net.URLDecoder.decode(href.replace("+", "%2B"), StandardCharsets.UTF_8);
    Path source = contentDir.getParent().resolve(baseDir).resolve(decoded).normalize();
    String rel = contentDir.getParent().relativize(source).toString().replace('\\', '/');
    if (!source.startsWith(contentDir)) {
      trace.get().diagnosed = true;
      diags.report(Code.PATH_OUTSIDE, where, href, href);
      return href;
    }
    String page = pageUrlBySource.get(rel);
    if (page != null) return root + page;
    if (rel.startsWith("content/documents/")) {
      // Record bodies and attachments are published only with their (published) record, never by a link.
      trace.get().diagnosed = true;
      diags.report(Code.LINK_UNPUBLISHED, where, href, href);
      return href;
    }
    if (rel.endsWith(".md") || !Files.isRegularFile(source)) {
      trace.get().diagnosed = true;
      diags.report(Code.FILE_MISSING, where, href, Bi.of("链接的文件", "linked file"), href);
      return href;
    }
    String published = rel.substring("content/".length());
    trace.get().linked.put(published, rel);
    synchronized (linkedFiles) {
      linkedFiles.put(published, source);
    }
    return root + published;
  }

  private void publishLinkedFiles() throws IOException {
    for (Map.Entry<String, Path> e : linkedFiles.entrySet()) out.copy(e.getKey(), e.getValue());
  }
}
