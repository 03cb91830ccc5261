package dev.gongkai.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Workbooks written the way Excel or WPS would write them (Apache POI: shared strings, styles, real date cells,
 * formulas with their cached results), for tests of what gongkai reads. Cell values: a {@link String} is a text
 * cell, a {@link Number} a number cell, a {@link LocalDate} / {@link LocalDateTime} a date cell (format
 * {@code yyyy/m/d}, what Chinese Excel shows for a typed date, or {@code yyyy/m/d h:mm}), a {@link Boolean} a boolean,
 * {@link #formula} a formula, {@link #fmt} any of these with its own number format, and null no cell at all.
 */
public final class Workbooks {
  /** A formula cell (its result is computed and saved, as Excel does). */
  public record Formula(String expression) {}

  /** A value with a number format. */
  public record Formatted(Object value, String format) {}

  private Workbooks() {}

  public static Formula formula(String expression) {
    return new Formula(expression);
  }

  public static Formatted fmt(Object value, String format) {
    return new Formatted(value, format);
  }

  /**
   * The workbook with one part's XML changed, for what POI will not write (it replaces control characters by
   * {@code ?}, where Excel writes {@code _x000B_} escapes).
   */
  public static byte[] patch(byte[] xlsx, String entry, java.util.function.UnaryOperator<String> change) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
        var zip = new java.util.zip.ZipOutputStream(out)) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] data = in.readAllBytes();
        if (e.getName().equals(entry)) {
          data = change.apply(new String(data, java.nio.charset.StandardCharsets.UTF_8))
              .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  public static Book book() {
    return new Book(new XSSFWorkbook());
  }

  /** Opens a workbook file to change it, as a user opening it in Excel. */
  public static Book open(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new Book(new XSSFWorkbook(in));
    }
  }

  /** A workbook being written. */
  public static final class Book {
    private final XSSFWorkbook wb;
    private final Map<String, CellStyle> styles = new HashMap<>();

    Book(XSSFWorkbook wb) {
      this.wb = wb;
    }

    /** The sheet of that name, created (after the others) when there is none. */
    public Sheet sheet(String name) {
      XSSFSheet s = wb.getSheet(name);
      return new Sheet(this, s != null ? s : wb.createSheet(name));
    }

    public XSSFWorkbook poi() {
      return wb;
    }

    public byte[] bytes() {
      XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        wb.write(out);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    /** Saves (formulas evaluated first) to {@code file}, creating its folder. */
    public Path save(Path file) throws IOException {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.write(file, bytes());
      return file;
    }

    CellStyle style(String format) {
      return styles.computeIfAbsent(format, f -> {
        CellStyle s = wb.createCellStyle();
        s.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat(f));
        return s;
      });
    }
  }

  /** A sheet being written. */
  public static final class Sheet {
    private final Book book;
    private final XSSFSheet sheet;

    Sheet(Book book, XSSFSheet sheet) {
      this.book = book;
      this.sheet = sheet;
    }

    /** Sets the cells of Excel row {@code excelRow} (1-based) from column A on; null leaves a cell out. */
    public Sheet row(int excelRow, Object... values) {
      XSSFRow row = sheet.getRow(excelRow - 1);
      if (row == null) row = sheet.createRow(excelRow - 1);
      for (int c = 0; c < values.length; c++) {
        if (values[c] != null) set(row.createCell(c), values[c], null);
      }
      return this;
    }

    /** Merges a range such as {@code A1:F1} (a title over the table). */
    public Sheet merge(String range) {
      sheet.addMergedRegion(CellRangeAddress.valueOf(range));
      return this;
    }

    public Sheet hidden() {
      book.wb.setSheetVisibility(book.wb.getSheetIndex(sheet), SheetVisibility.HIDDEN);
      return this;
    }

    public Book done() {
      return book;
    }

    private void set(XSSFCell cell, Object v, String format) {
      if (v instanceof Formatted f) {
        set(cell, f.value(), f.format());
      } else if (v instanceof String s) {
        cell.setCellValue(s);
      } else if (v instanceof BigDecimal n) {
        cell.setCellValue(n.doubleValue());
      } else if (v instanceof Number n) {
        cell.setCellValue(n.doubleValue());
      } else if (v instanceof LocalDateTime t) {
        cell.setCellValue(t);
        cell.setCellStyle(book.style(format != null ? format : "yyyy/m/d h:mm"));
        return;
      } else if (v instanceof LocalDate d) {
        cell.setCellValue(d);
        cell.setCellStyle(book.style(format != null ? format : "yyyy/m/d"));
        return;
      } else if (v instanceof Boolean b) {
        cell.setCellValue(b);
      } else if (v instanceof Formula f) {
        cell.setCellFormula(f.expression());
      } else {
        throw new IllegalArgumentException("cell value " + v);
      }
      if (format != null) cell.setCellStyle(book.style(format));
    }
  }
}
