package dev.gongkai.export;

/**
 * A downloadable file produced by an export stage, held in memory until the build writes it. Every export file is
 * listed in {@code SHA256SUMS}.
 *
 * @param path site-relative path, e.g. {@code data/relief-funds/relief-funds.csv}
 * @param mediaType e.g. {@code text/csv}
 */
public record ExportFile(String path, byte[] data, String mediaType) {}
