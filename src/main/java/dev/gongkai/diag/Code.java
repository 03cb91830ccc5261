package dev.gongkai.diag;

import java.util.Locale;

/**
 * Every diagnostic the generator can give. The id is what users see and search for (e.g. {@code date-invalid});
 * messages and fix hints live in {@code gongkai/messages_zh_CN.properties} and {@code messages_en.properties} under
 * {@code <id>} and {@code <id>.hint}, formatted with {@link java.text.MessageFormat} arguments.
 */
public enum Code {
  // Files and encodings.
  ENCODING_GBK(Severity.ERROR),
  ENCODING_INVALID(Severity.ERROR),
  FILE_EMPTY(Severity.ERROR),
  FILE_UNREADABLE(Severity.ERROR),
  FILE_MISSING(Severity.ERROR),
  FILE_UNREFERENCED(Severity.WARNING),
  PATH_OUTSIDE(Severity.ERROR),
  CHAR_INVALID(Severity.ERROR),
  TOO_LARGE(Severity.ERROR),
  // CSV and JSON structure.
  CSV_UNCLOSED_QUOTE(Severity.ERROR),
  CSV_BAD_QUOTE(Severity.ERROR),
  CSV_FIELD_COUNT(Severity.ERROR),
  CSV_DELIMITER(Severity.ERROR),
  HEADER_UNKNOWN(Severity.ERROR),
  HEADER_DUPLICATE(Severity.ERROR),
  HEADER_MISSING(Severity.ERROR),
  JSON_SYNTAX(Severity.ERROR),
  JSON_SHAPE(Severity.ERROR),
  // Workbooks (.xlsx).
  XLSX_UNREADABLE(Severity.ERROR),
  XLSX_SHEET_IGNORED(Severity.WARNING),
  XLSX_CELL_OUTSIDE(Severity.ERROR),
  DATA_FILE_DUPLICATE(Severity.ERROR),
  // Site config.
  CONFIG_MISSING(Severity.ERROR),
  CONFIG_INVALID(Severity.ERROR),
  // Field values.
  FIELD_REQUIRED(Severity.ERROR),
  DATE_INVALID(Severity.ERROR),
  DATE_ORDER(Severity.ERROR),
  ENUM_UNKNOWN(Severity.ERROR),
  INDEX_FORMAT(Severity.ERROR),
  INDEX_DUPLICATE(Severity.ERROR),
  DOCNO_BRACKETS(Severity.WARNING),
  BODY_CONFLICT(Severity.ERROR),
  // The catalogue.
  ITEM_CODE_FORMAT(Severity.ERROR),
  ITEM_DUPLICATE(Severity.ERROR),
  ITEM_UNKNOWN(Severity.ERROR),
  // Links between records.
  LINK_DANGLING(Severity.ERROR),
  LINK_WITHHELD(Severity.ERROR),
  LINK_MISMATCH(Severity.ERROR),
  LINK_UNPUBLISHED(Severity.ERROR),
  // Personal data in published fields.
  PERSONAL_ID(Severity.ERROR),
  PERSONAL_PHONE(Severity.ERROR),
  PERSONAL_BANKCARD(Severity.ERROR),
  PERSONAL_UNMASKED(Severity.ERROR),
  PERSONAL_MASKED(Severity.WARNING),
  // Datasets.
  SCHEMA_MISSING(Severity.ERROR),
  SCHEMA_INVALID(Severity.ERROR),
  CELL_TYPE(Severity.ERROR),
  KEY_DUPLICATE(Severity.ERROR),
  CHART_INVALID(Severity.ERROR),
  // Content pages.
  FRONTMATTER_MISSING(Severity.ERROR),
  FRONTMATTER_INVALID(Severity.ERROR),
  PAGE_CONFLICT(Severity.ERROR),
  INCIDENT_UNKNOWN(Severity.ERROR),
  // The leak audit of the written output.
  LEAK(Severity.ERROR),
  // Templates.
  TEMPLATE_ERROR(Severity.ERROR);

  private final Severity severity;

  Code(Severity severity) {
    this.severity = severity;
  }

  public Severity severity() {
    return severity;
  }

  /** The stable, user-visible identifier, e.g. {@code date-invalid}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A diagnostic of this code at {@code location}; {@code args} fill the message and hint patterns. */
  public Diagnostic at(Location location, String text, Object... args) {
    return new Diagnostic(
        location,
        severity,
        this,
        Messages.ZH.format(id(), args),
        Messages.EN.format(id(), args),
        text == null ? "" : text,
        Messages.ZH.format(id() + ".hint", args),
        Messages.EN.format(id() + ".hint", args));
  }
}
