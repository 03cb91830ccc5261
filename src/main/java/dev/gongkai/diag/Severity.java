package dev.gongkai.diag;

/** How bad a diagnostic is. Errors fail the build (exit 1); warnings are printed and the build goes on. */
public enum Severity {
  ERROR,
  WARNING
}
