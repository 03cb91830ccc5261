package dev.gongkai.write;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An {@link OutputSink} whose target is decided after the stage writing to it has started: each call waits until
 * {@link #open} gives the target (or {@link #fail} the reason there is none, which the call then throws as an
 * {@link IOException}). The search stage starts before the leak audit's plan is known, and its files go through the
 * audit's prescan, which needs the plan; it writes its first file long after.
 *
 * <p>Callers must open or fail it on every path, or a writer waits for ever.
 */
public final class DeferredSink implements OutputSink {
  private final CompletableFuture<OutputSink> target = new CompletableFuture<>();

  /** Gives the target; calls waiting go on. Only the first of {@code open} and {@link #fail} counts. */
  public void open(OutputSink sink) {
    target.complete(sink);
  }

  /** There will be no target: calls waiting, and calls to come, throw. */
  public void fail(Throwable why) {
    target.completeExceptionally(why);
  }

  @Override
  public void write(String path, byte[] data) throws IOException {
    target().write(path, data);
  }

  @Override
  public void copy(String path, Path source) throws IOException {
    target().copy(path, source);
  }

  @Override
  public void keep(String path) throws IOException {
    target().keep(path);
  }

  private OutputSink target() throws IOException {
    try {
      return target.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("waiting for the build's output interrupted");
    } catch (ExecutionException e) {
      throw new IOException("the build's output was not opened", e.getCause());
    }
  }
}
