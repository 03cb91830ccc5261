package dev.gongkai.index.analysis;

import java.io.IOException;
import java.io.Reader;
import org.apache.lucene.analysis.CharFilter;

/** Applies {@link CharFold} unit by unit. Lengths never change, so offsets need no correction. */
final class FoldingCharFilter extends CharFilter {
  FoldingCharFilter(Reader in) {
    super(in);
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    int n = input.read(cbuf, off, len);
    for (int i = off; i < off + Math.max(n, 0); i++) cbuf[i] = CharFold.fold(cbuf[i]);
    return n;
  }

  @Override
  protected int correct(int currentOff) {
    return currentOff;
  }
}
