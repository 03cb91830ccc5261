package dev.gongkai.model;

import java.time.LocalDate;

/**
 * A Markdown page from {@code content/} (about, guides, reports).
 *
 * @param urlPath site-relative URL such as {@code about/} or {@code guide/apply/}
 * @param nav position in the main navigation, or 0 when not in it
 */
public record Page(String sourcePath, String urlPath, String title, LocalDate date, int nav, String markdown) {}
