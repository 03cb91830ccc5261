package dev.gongkai.build;

/** Receives progress while a build runs. Implementations must be cheap; calls come from the building thread. */
public interface Progress {
  Progress NONE = new Progress() {};

  /** A phase finished after {@code nanos}. */
  default void phaseDone(Phase phase, long nanos) {}

  /** Rendering has written {@code pages} pages of about {@code expected}. */
  default void pages(int pages, int expected) {}
}
