package dev.gongkai.build;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Waiting for a stage that runs on a thread of its own. */
final class Futures {
  private Futures() {}

  /**
   * The value of {@code f}, waited for; what it failed with is thrown as it was thrown (an I/O error, also when
   * wrapped in an {@link UncheckedIOException}, a runtime exception, an error). An interrupt is kept and reported as
   * an {@link InterruptedIOException} naming {@code what}.
   */
  static <T> T await(Future<T> f, String what) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException(what + " interrupted");
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof IOException io) throw io;
      if (c instanceof UncheckedIOException u) throw u.getCause();
      if (c instanceof RuntimeException r) throw r;
      if (c instanceof Error err) throw err;
      throw new IllegalStateException(c);
    }
  }
}
