package dev.gongkai.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class KeyOrderTest {
  @Test
  void sortsAndGivesTheSameOrderAgainForTheSameKeys() {
    KeyOrder order = new KeyOrder();
    Map<String, Integer> first = new HashMap<>(Map.of("records/b/index.html", 1, "index.html", 2, "records/a/", 3));
    String[] sorted = order.sorted(first);
    assertArrayEquals(new String[] {"index.html", "records/a/", "records/b/index.html"}, sorted);
    // Another map, other values, keys inserted in another order: the same set, so the same array.
    Map<String, Integer> next = new LinkedHashMap<>();
    next.put("records/a/", 9);
    next.put("records/b/index.html", 8);
    next.put("index.html", 7);
    assertSame(sorted, order.sorted(next));
  }

  @Test
  void sortsAgainWhenAKeyChangesEvenAtTheSameSize() {
    KeyOrder order = new KeyOrder();
    order.sorted(Map.of("a", 1, "c", 2));
    String[] replaced = order.sorted(Map.of("a", 1, "b", 2));
    assertArrayEquals(new String[] {"a", "b"}, replaced);
    String[] grown = order.sorted(Map.of("a", 1, "b", 2, "0", 3));
    assertArrayEquals(new String[] {"0", "a", "b"}, grown);
    String[] shrunk = order.sorted(Map.of("b", 2));
    assertArrayEquals(new String[] {"b"}, shrunk);
    assertNotSame(grown, shrunk);
  }

  @Test
  void aManifestWrittenInAReusedOrderIsTheFileAFreshOneWrites() throws Exception {
    KeyOrder reused = new KeyOrder();
    Map<String, byte[]> before = new TreeMap<>(Map.of("b.html", hash(1), "a.html", hash(2), "c.csv", hash(3)));
    write(new OutputManifest(before), reused);
    // The next build: same paths, one file changed; then one path gone and another new.
    Map<String, byte[]> edited = new HashMap<>(before);
    edited.put("b.html", hash(4));
    assertArrayEquals(write(new OutputManifest(edited), new KeyOrder()), write(new OutputManifest(edited), reused));
    Map<String, byte[]> moved = new HashMap<>(edited);
    moved.remove("a.html");
    moved.put("d.html", hash(5));
    byte[] bytes = write(new OutputManifest(moved), reused);
    assertArrayEquals(write(new OutputManifest(moved), new KeyOrder()), bytes);
    OutputManifest back = OutputManifest.readFrom(new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes)));
    assertArrayEquals(new String[] {"b.html", "c.csv", "d.html"},
        new TreeMap<>(back.files()).keySet().toArray(new String[0]));
    assertArrayEquals(hash(5), back.files().get("d.html"));
  }

  private static byte[] hash(int seed) {
    byte[] b = new byte[32];
    java.util.Arrays.fill(b, (byte) seed);
    return b;
  }

  private static byte[] write(OutputManifest m, KeyOrder order) throws Exception {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    m.writeTo(new java.io.DataOutputStream(bytes), order);
    return bytes.toByteArray();
  }
}
