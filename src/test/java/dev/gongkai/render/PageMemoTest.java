package dev.gongkai.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.write.KeyOrder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageMemoTest {
  @Test
  void writtenSortedWhateverOrderTheLastSaveLeft() throws Exception {
    KeyOrder reused = new KeyOrder();
    PageMemo first = PageMemo.empty();
    first.put("records/b/index.html", entry(1, Map.of(), Map.of()));
    first.put("index.html", entry(2, Map.of("list", key(7), PageMemo.ALL_DOWNLOADS, key(8)), Map.of()));
    write(first, reused);

    // The next build: the same pages, one with new links; then a page gone and another new.
    PageMemo same = PageMemo.empty();
    same.put("index.html", first.get("index.html"));
    // Entry keeps a Map.copyOf, which iterates in an order of its own (these hash far apart).
    Map<String, String> links = Map.of("files/zz-7.pdf", "a", "files/b.pdf", "content/b.pdf", "files/qx.pdf", "c",
        "files/0a.pdf", "d", "files/mn-31.pdf", "e", "files/h.pdf", "f");
    same.put("records/b/index.html", entry(3, Map.of(), links));
    byte[] sameBytes = write(same, reused);
    assertArrayEquals(write(same, new KeyOrder()), sameBytes);
    String text = new String(sameBytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    assertTrue(text.indexOf("index.html") < text.indexOf("records/b/index.html"), "pages in path order");
    int at = -1;
    for (String link : new java.util.TreeSet<>(links.keySet())) {
      assertTrue(text.indexOf(link) > at, "a page's links in path order: " + link);
      at = text.indexOf(link);
    }
    PageMemo moved = PageMemo.empty();
    moved.put("records/b/index.html", same.get("records/b/index.html"));
    moved.put("records/a/index.html", entry(4, Map.of(), Map.of()));
    byte[] bytes = write(moved, reused);
    assertArrayEquals(write(moved, new KeyOrder()), bytes);

    PageMemo back = PageMemo.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    assertEquals(2, back.size());
    assertArrayEquals(key(4), back.get("records/a/index.html").key());
    assertEquals(links, back.get("records/b/index.html").linked());
  }

  private static PageMemo.Entry entry(int seed, Map<String, byte[]> downloads, Map<String, String> linked) {
    return new PageMemo.Entry(key(seed), downloads, linked, List.of("title"));
  }

  private static byte[] key(int seed) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) seed);
    return b;
  }

  private static byte[] write(PageMemo memo, KeyOrder order) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    memo.writeTo(new DataOutputStream(bytes), order);
    return bytes.toByteArray();
  }
}
