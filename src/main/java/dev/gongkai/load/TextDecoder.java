package dev.gongkai.load;

import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes input files strictly. UTF-8 with or without a BOM is accepted; a file that is not UTF-8 but decodes as
 * GB18030 (a superset of GBK, what Excel/WPS write for Chinese CSV) is reported as such with how to convert it,
 * unless the site declares GB18030, in which case it is read as GB18030 (files that are valid UTF-8 stay UTF-8). Nothing is decoded with replacement
 * characters: a wrong byte is an error located at its line and column.
 */
public final class TextDecoder {
  public static final Charset GB18030 = Charset.forName("GB18030");

  private TextDecoder() {}

  /**
   * @param declared the charset the site config declares for CSV input (UTF-8 unless configured); used only for
   *     files that are not valid UTF-8
   * @return the text without BOM, or empty after reporting why it could not be decoded
   */
  public static Optional<String> decode(byte[] bytes, String path, Charset declared, Diagnostics diags) {
    int start = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
      start = 3; // a UTF-8 BOM always wins over the declared charset
    }
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    // Valid UTF-8 is always taken as UTF-8 (GBK text almost never is), so a site that declares GB18030 can still
    // mix in files saved by a text editor.
    Optional<String> text = strict(in.duplicate(), StandardCharsets.UTF_8);
    if (text.isPresent()) return text;
    boolean gbDeclared = declared.equals(GB18030) && start == 0;
    Optional<String> gb = strict(in.duplicate(), GB18030);
    if (gbDeclared && gb.isPresent()) return gb;
    Charset reported = gbDeclared ? GB18030 : StandardCharsets.UTF_8;
    Location where = locateByte(bytes, start, firstBadByte(bytes, start, reported), reported, path);
    if (!gbDeclared && gb.isPresent()) diags.report(Code.ENCODING_GBK, where, "", "GBK/GB18030");
    else diags.report(Code.ENCODING_INVALID, where, "", reported.name());
    return Optional.empty();
  }

  private static Optional<String> strict(ByteBuffer in, Charset cs) {
    try {
      return Optional.of(newDecoder(cs).decode(in).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static CharsetDecoder newDecoder(Charset cs) {
    return cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** Offset of the first byte the decoder rejects. */
  private static int firstBadByte(byte[] bytes, int start, Charset cs) {
    CharsetDecoder dec = newDecoder(cs);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(Math.max(16, bytes.length));
    dec.decode(in, out, true); // stops at the first malformed or unmappable byte
    return in.position();
  }

  /** Line and column of a byte offset, counting the valid text before it. */
  private static Location locateByte(byte[] bytes, int start, int bad, Charset cs, String path) {
    String before = new String(bytes, start, Math.max(0, bad - start), cs);
    int line = 1;
    int col = 1;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      // LF, or a CR not followed by LF, ends a line (as in SourceText)
      if (c == '\n' || (c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n'))) {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new Location(path, line, col);
  }
}
