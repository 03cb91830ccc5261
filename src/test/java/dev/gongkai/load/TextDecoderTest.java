package dev.gongkai.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TextDecoderTest {
  @Test
  void utf8WithAndWithoutBom() {
    Diagnostics diags = new Diagnostics();
    byte[] plain = "索引号,标题".getBytes(StandardCharsets.UTF_8);
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    assertEquals(Optional.of("索引号,标题"), TextDecoder.decode(plain, "a.csv", StandardCharsets.UTF_8, diags));
    assertEquals(Optional.of("索引号,标题"), TextDecoder.decode(bom, "a.csv", TextDecoder.GB18030, diags));
    assertEquals(0, diags.total());
  }

  @Test
  void gbkIsNamedWithWhereTheFirstBadByteIs() {
    Diagnostics diags = new Diagnostics();
    byte[] gbk = "a,b\n1,安全生产\n".getBytes(TextDecoder.GB18030);
    assertTrue(TextDecoder.decode(gbk, "r.csv", StandardCharsets.UTF_8, diags).isEmpty());
    assertEquals(Code.ENCODING_GBK, diags.sorted().get(0).code());
    assertEquals("r.csv:2:3", diags.sorted().get(0).location().toString());
  }

  @Test
  void gbkIsReadWhenTheSiteDeclaresIt() {
    Diagnostics diags = new Diagnostics();
    byte[] gbk = "安全生产".getBytes(TextDecoder.GB18030);
    assertEquals(Optional.of("安全生产"), TextDecoder.decode(gbk, "r.csv", TextDecoder.GB18030, diags));
    assertEquals(0, diags.total());
  }

  @Test
  void bytesThatAreNeitherAreInvalid() {
    Diagnostics diags = new Diagnostics();
    byte[] junk = {'a', (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    assertTrue(TextDecoder.decode(junk, "x.csv", StandardCharsets.UTF_8, diags).isEmpty());
    assertEquals(Code.ENCODING_INVALID, diags.sorted().get(0).code());
    assertEquals("x.csv:1:2", diags.sorted().get(0).location().toString());
  }
}
