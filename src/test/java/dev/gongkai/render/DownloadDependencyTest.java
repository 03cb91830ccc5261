package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Diagnostics;
import dev.gongkai.load.InputLoader;
import dev.gongkai.load.SourceTree;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.DisclosureGate;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.validate.SiteValidator;
import dev.gongkai.write.OutputSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * An item page depends on what it shows of its download files: a new checksum or a few more bytes (what a one-record
 * edit does to the item's record list files) keep the page; a size shown differently renders it again.
 */
class DownloadDependencyTest {
  /** Keeps what was written, and notes what was kept. */
  private static final class Sink implements OutputSink {
    final Map<String, byte[]> written = new ConcurrentHashMap<>();
    final Set<String> kept = ConcurrentHashMap.newKeySet();

    @Override
    public void write(String path, byte[] data) {
      written.put(path, data);
    }

    @Override
    public void copy(String path, Path source) {
      written.put(path, new byte[0]);
    }

    @Override
    public void keep(String path) {
      kept.add(path);
    }
  }

  private static Sink render(PublishedSite site, CatalogueItem item, long size, String sha256, PageMemo previous,
      PageMemo next) throws IOException {
    Views.Download d = new Views.Download("CSV", "datasets/records-" + item.code() + "/records.csv", size, "text/csv",
        sha256);
    Views.OpenData openData = new Views.OpenData(Map.of("records-" + item.code(), List.of(d)), Map.of(), true);
    Sink sink = new Sink();
    Diagnostics diags = new Diagnostics();
    new SiteRenderer(site, new Templates(Path.of("site-templates").toAbsolutePath()),
        Path.of("content").toAbsolutePath(), sink, diags, openData)
        .incremental(new SiteRenderer.Memo(previous, next, new byte[32], new ViewDigest()))
        .render(n -> {});
    assertFalse(diags.hasErrors(), () -> diags.sorted().toString());
    return sink;
  }

  @Test
  void anItemPageIsKeptUnlessWhatItShowsOfItsDownloadsChanged() throws IOException {
    Diagnostics diags = new Diagnostics();
    PublishedSite site = DisclosureGate.apply(
        SiteValidator.validate(InputLoader.load(new SourceTree(Path.of(".")), diags), diags).orElseThrow());
    CatalogueItem item = site.catalogue().items().stream()
        .filter(i -> !site.byItem().getOrDefault(i.code(), List.of()).isEmpty()).findFirst().orElseThrow();
    String page = item.url() + "index.html";

    PageMemo first = PageMemo.empty();
    Sink a = render(site, item, 5_000, "aa".repeat(32), null, first);
    assertTrue(new String(a.written.get(page), StandardCharsets.UTF_8).contains("4.9 KB"));

    PageMemo second = PageMemo.empty();
    Sink b = render(site, item, 5_003, "bb".repeat(32), first, second);
    assertTrue(b.kept.contains(page), "a new checksum and three more bytes, shown as 4.9 KB again: kept");

    Sink c = render(site, item, 9_000, "bb".repeat(32), second, PageMemo.empty());
    assertFalse(c.kept.contains(page), "a size shown differently: rendered again");
    assertTrue(new String(c.written.get(page), StandardCharsets.UTF_8).contains("8.8 KB"));
  }
}
