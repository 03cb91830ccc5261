package dev.gongkai.scaffold;

import dev.gongkai.load.TextDecoder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * A record file's text with what must survive an edit: its charset, its byte order mark and its line end. Decodes as
 * the loader does (a BOM means UTF-8; valid UTF-8 is UTF-8; otherwise GB18030 when the site declares it).
 *
 * @param eol the file's first line end ({@code \r\n}, {@code \n} or {@code \r}); {@code \n} when it has none
 */
record RecordText(String text, Charset charset, boolean bom, String eol) {

  /** Reads {@code file}; empty when its bytes are not text in a charset the site accepts. */
  static Optional<RecordText> read(Path file, Charset declared) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF;
    int start = bom ? 3 : 0;
    Optional<String> utf8 = decode(bytes, start, StandardCharsets.UTF_8);
    if (utf8.isPresent()) return Optional.of(of(utf8.get(), StandardCharsets.UTF_8, bom));
    if (!bom && declared.equals(TextDecoder.GB18030)) {
      return decode(bytes, 0, TextDecoder.GB18030).map(t -> of(t, TextDecoder.GB18030, false));
    }
    return Optional.empty();
  }

  static RecordText of(String text, Charset charset, boolean bom) {
    return new RecordText(text, charset, bom, lineEnd(text));
  }

  /** The text with {@code replacement}, to be written back in this file's charset and with its BOM. */
  RecordText with(String replacement) {
    return new RecordText(replacement, charset, bom, eol);
  }

  /** Writes the file whole: next to it first, then moved over it, so a failure leaves the old file. */
  void write(Path file) throws IOException {
    byte[] body = text.getBytes(charset);
    byte[] out = body;
    if (bom) {
      out = new byte[body.length + 3];
      out[0] = (byte) 0xEF;
      out[1] = (byte) 0xBB;
      out[2] = (byte) 0xBF;
      System.arraycopy(body, 0, out, 3, body.length);
    }
    Path tmp = file.resolveSibling(file.getFileName() + ".gongkai-tmp");
    Files.write(tmp, out);
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (java.nio.file.AtomicMoveNotSupportedException e) {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** The 1-based line {@code offset} is on, counting {@code \r\n}, {@code \n} and a lone {@code \r} as line ends. */
  static int lineAt(String s, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      char c = s.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= s.length() || s.charAt(i + 1) != '\n'))) line++;
    }
    return line;
  }

  private static String lineEnd(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') return "\n";
      if (c == '\r') return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? "\r\n" : "\r";
    }
    return "\n";
  }

  private static Optional<String> decode(byte[] bytes, int start, Charset cs) {
    try {
      return Optional.of(cs.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
          .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
