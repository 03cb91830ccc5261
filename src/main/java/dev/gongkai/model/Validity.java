package dev.gongkai.model;

import java.util.Optional;

/** 有效性 of a document. */
public enum Validity {
  VALID("有效"),
  EXPIRED("失效"),
  REPEALED("废止");

  private final String label;

  Validity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Validity> parse(String s) {
    for (Validity v : values()) if (v.label.equals(s)) return Optional.of(v);
    return Optional.empty();
  }

  public static String allLabels() {
    return "有效、失效、废止";
  }
}
