package dev.gongkai.model;

import java.util.Optional;

/** 公开属性: only {@link #ACTIVE} records are published. */
public enum Disclosure {
  ACTIVE("主动公开"),
  ON_REQUEST("依申请公开"),
  WITHHELD("不予公开");

  private final String label;

  Disclosure(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<Disclosure> parse(String s) {
    for (Disclosure d : values()) if (d.label.equals(s)) return Optional.of(d);
    return Optional.empty();
  }

  public static String allLabels() {
    return "主动公开、依申请公开、不予公开";
  }
}
