package dev.gongkai.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The normal form of the leak audit and its multi-needle matcher. */
class LeakAuditMatchingTest {

  static boolean found(String needle, String text) {
    return new LeakMatcher(List.of(LeakText.normalize(needle))).find(text).get(0);
  }

  @Test
  void normalFormFoldsWidthCaseSpaceAndInvisibles() {
    assertEquals("青龙峡2024年纪要(qlx-07)", LeakText.normalize("青龙峡２０２４年\n纪要（ＱＬＸ－０７）"));
    assertEquals("530100/2024-00077", LeakText.normalize(" 530100／2024－00077\u3000"));
    assertEquals("隐患核查", LeakText.normalize("隐\u200b患\u00ad核\u00a0查"));
    assertEquals(LeakText.normalize("e\u0301"), LeakText.normalize("\u00e9"));
  }

  @Test
  void escapesAreDecoded() {
    String title = "关于\"3·08\"事故&调查<内部>";
    assertTrue(found(title, "<td>关于&quot;3&#183;08&#x22;事故&amp;调查&lt;内部&gt;</td>"));
    assertTrue(found(title, "{\"t\":\"\\u5173\\u4e8e\\\"3\\u00b708\\\"\\u4e8b\\u6545&\\u8c03\\u67e5<\\u5185\\u90e8>\"}"));
    assertTrue(found("530100/2024-00077", "search/?q=530100%2F2024-00077"));
    assertTrue(found("青龙峡尾矿库", "https://x/?q=%E9%9D%92%E9%BE%99%E5%B3%A1%E5%B0%BE%E7%9F%BF%E5%BA%93"));
  }

  @Test
  void inlineMarkupDoesNotSplitASentenceButAttributesAreSeenToo() {
    assertTrue(found("核查组进入青龙峡坝体发现渗漏", "<p>核查组进入<strong>青龙峡坝体</strong>\n发现渗漏</p>"));
    assertTrue(found("青龙峡尾矿库核查纪要", "<meta name=\"description\" content=\"青龙峡尾矿库核查纪要\">"));
    assertTrue(found("530100-2024-00077", "<a href=records/530100-2024-00077/>x</a>"));
    assertTrue(found("青龙峡尾矿库核查纪要", "<!-- 青龙峡尾矿库核查纪要 -->"));
  }

  @Test
  void asciiNeedlesRespectWordBoundariesUnlessWhitespaceSeparated() {
    assertFalse(found("530100/2024-1", "530100/2024-12"));
    assertFalse(found("530100/2024-1", "1530100/2024-1"));
    assertTrue(found("530100/2024-1", "见530100/2024-1号"));
    assertTrue(found("530100/2024-1", "530100/2024-1\n2024-03-05"));
    assertTrue(found("530100/2024-1", "<td>530100/2024-1</td><td>2024</td>"));
    // A CJK needle has no boundary.
    assertTrue(found("青龙峡尾矿库", "大青龙峡尾矿库区"));
  }

  @Test
  void binaryBytesAreDecodedLeniently() {
    byte[] title = "青龙峡尾矿库".getBytes(StandardCharsets.UTF_8);
    byte[] data = new byte[title.length + 6];
    data[0] = (byte) 0xFF;
    data[1] = (byte) 0xE9; // a truncated sequence
    data[2] = 0;
    System.arraycopy(title, 0, data, 3, title.length);
    data[data.length - 3] = (byte) 0xC0;
    LeakText.Views v = LeakText.views(data, true);
    BitSet hit = new BitSet();
    new LeakMatcher(List.of(LeakText.normalize("青龙峡尾矿库"))).find(v.all(), v.allLength(), v.allGaps(), hit);
    assertTrue(hit.get(0));
  }

  @Test
  void containersAreOpened() throws Exception {
    LeakMatcher m = new LeakMatcher(List.of(LeakText.normalize("青龙峡尾矿库核查纪要")));
    // A PDF whose text sits in a Flate-compressed stream.
    byte[] content = "BT (青龙峡尾矿库核查纪要) Tj ET".getBytes(StandardCharsets.UTF_8);
    java.util.zip.Deflater deflater = new java.util.zip.Deflater();
    deflater.setInput(content);
    deflater.finish();
    byte[] z = new byte[256];
    int zn = deflater.deflate(z);
    java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
    pdf.write(("%PDF-1.4\n1 0 obj <</Filter /FlateDecode /Length " + zn + ">> stream\n").getBytes(StandardCharsets.US_ASCII));
    pdf.write(z, 0, zn);
    pdf.write("\nendstream\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
    assertTrue(scan(m, pdf.toByteArray()).get(0));
    // gzip inside gzip.
    byte[] inner = gzip("<p>青龙峡尾矿库核查纪要</p>".getBytes(StandardCharsets.UTF_8));
    assertTrue(scan(m, gzip(inner)).get(0));
    assertFalse(scan(m, gzip("<p>别的内容</p>".getBytes(StandardCharsets.UTF_8))).get(0));
  }

  static byte[] gzip(byte[] data) throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream g = new java.util.zip.GZIPOutputStream(out)) {
      g.write(data);
    }
    return out.toByteArray();
  }

  static BitSet scan(LeakMatcher m, byte[] data) throws java.io.IOException {
    BitSet hit = new BitSet();
    LeakFiles.contents(data, null, 0, bytes -> {
      LeakText.Views v = LeakText.views(bytes, true);
      m.find(v.all(), v.allLength(), v.allGaps(), hit);
      m.find(v.text(), v.textLength(), v.textGaps(), hit);
    }, raw -> {});
    return hit;
  }

  @Test
  void matcherAgreesWithIndexOf() {
    Random r = new Random(7);
    String alphabet = "ab青龙c-1";
    for (int round = 0; round < 200; round++) {
      List<String> needles = new ArrayList<>();
      for (int i = 0; i < 1 + r.nextInt(12); i++) needles.add(random(r, alphabet, 1 + r.nextInt(5)));
      agreesWithIndexOf(needles, random(r, alphabet + "x水", r.nextInt(60))); // x, 水: in no needle
    }
  }

  private static void agreesWithIndexOf(List<String> needles, String text) {
    BitSet hit = new BitSet();
    char[] chars = text.toCharArray();
    new LeakMatcher(needles).find(chars, chars.length, new long[1], hit);
    for (int i = 0; i < needles.size(); i++) {
      assertEquals(occursBounded(needles.get(i), text), hit.get(i), needles.get(i) + " in " + text);
    }
  }

  /** Many needles: a large automaton, with states of many children and long fail chains. */
  @Test
  void matcherAgreesWithIndexOfForManyNeedles() {
    Random r = new Random(17);
    String alphabet = "ab青龙峡尾矿库c-1";
    for (int round = 0; round < 12; round++) {
      List<String> needles = new ArrayList<>();
      for (int i = 0; i < 500 + r.nextInt(2500); i++) needles.add(random(r, alphabet, 1 + r.nextInt(9)));
      agreesWithIndexOf(needles, random(r, alphabet + "x水", 500 + r.nextInt(2000)));
    }
  }

  static String random(Random r, String alphabet, int n) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
    return b.toString();
  }

  static boolean alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z');
  }

  /** indexOf with the matcher's boundary rule (no gaps in these texts). */
  static boolean occursBounded(String needle, String text) {
    for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
      int end = at + needle.length();
      boolean startOk = !alnum(needle.charAt(0)) || at == 0 || !alnum(text.charAt(at - 1));
      boolean endOk = !alnum(needle.charAt(needle.length() - 1)) || end == text.length() || !alnum(text.charAt(end));
      if (startOk && endOk) return true;
    }
    return false;
  }
}
