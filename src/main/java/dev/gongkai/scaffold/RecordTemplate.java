package dev.gongkai.scaffold;

import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.model.Validity;
import dev.gongkai.validate.CatalogueValidator;
import dev.gongkai.validate.Column;
import dev.gongkai.validate.RecordValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a records template for one catalogue item holds, whatever its format ({@link XlsxTemplate},
 * {@link CsvTemplate}): the record columns exactly as the record validator accepts them (Chinese headers, in its
 * order), a note on each in Chinese, the allowed values of the enumerations, the site's item codes, and an example
 * record that passes validation.
 *
 * <p>The example is fixed text built from the site and the item (no clock is read, so templates are
 * reproducible): 索引号 {@code <regionCode>/2025-00001}, dated 2025-03-05 / 2025-03-10, 主动公开. Its serial number
 * 00001 is the one a publisher's own numbering most likely starts with, so an example row left in place alongside
 * real records tends to show up as a duplicate 索引号.
 *
 * @param item the item the template is for
 * @param items every item of the site, in catalogue order (the 事项 drop-down and the list on the notes sheet)
 * @param columns the columns, in order
 * @param example the example record, one value per column ({@code yyyy-MM-dd} for dates; empty when not filled)
 */
public record RecordTemplate(
    CatalogueItem item, List<CatalogueItem> items, List<TemplateColumn> columns, List<String> example) {

  /** The example's dates. */
  static final String EXAMPLE_WRITTEN = "2025-03-05";
  static final String EXAMPLE_PUBLISHED = "2025-03-10";

  public RecordTemplate {
    items = List.copyOf(items);
    columns = List.copyOf(columns);
    example = List.copyOf(example);
  }

  /** How a column's values are kept. */
  public enum Kind { TEXT, DATE }

  /**
   * One column of the template.
   *
   * @param key the validator's key ({@code indexNo}, {@code title}, …)
   * @param header the header exactly as written in the file
   * @param required whether every row must fill it
   * @param note what to write, in Chinese (a cell comment on the header, and the notes sheet)
   * @param choices allowed or suggested values, for a drop-down; empty for free text
   * @param strict whether only {@code choices} are valid (a free value is refused) or they are suggestions
   * @param width column width in characters
   */
  public record TemplateColumn(String key, String header, boolean required, Kind kind, String note,
      List<String> choices, boolean strict, int width) {
    public TemplateColumn {
      choices = List.copyOf(choices);
    }
  }

  /** The template for {@code item} of a site with {@code config} and these {@code items}. */
  public static RecordTemplate of(SiteConfig config, List<CatalogueItem> items, CatalogueItem item) {
    Map<String, String> example = example(config, item);
    List<TemplateColumn> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (Column c : RecordValidator.COLUMNS.columns()) {
      columns.add(column(c, config, items));
      values.add(example.getOrDefault(c.key(), ""));
    }
    return new RecordTemplate(item, items, columns, values);
  }

  /** The file name the template is saved as (and the records file it becomes): {@code <item code>.<ext>}. */
  public String fileName(String extension) {
    return item.code() + "." + extension;
  }

  private static TemplateColumn column(Column c, SiteConfig config, List<CatalogueItem> items) {
    String key = c.key();
    // 事项 is required in general, but not in a file named after its item, which a template is.
    boolean required = c.required() && !key.equals("item");
    Kind kind = key.equals("written") || key.equals("published") ? Kind.DATE : Kind.TEXT;
    List<String> choices = switch (key) {
      case "validity" -> Arrays.stream(Validity.values()).map(Validity::label).toList();
      case "disclosure" -> Arrays.stream(Disclosure.values()).map(Disclosure::label).toList();
      case "scope" -> CatalogueValidator.AUDIENCES.stream().sorted().toList();
      case "item" -> items.stream().map(CatalogueItem::code).toList();
      default -> List.of();
    };
    // 公开范围 is free text (the drop-down only suggests); 事项 may also be written as a path.
    boolean strict = key.equals("validity") || key.equals("disclosure");
    return new TemplateColumn(key, c.zh(), required, kind, note(key, config), choices, strict, width(key));
  }

  private static String note(String key, SiteConfig config) {
    return switch (key) {
      case "indexNo" -> "必填。格式：前段码/年份-流水号，例如 " + config.regionCode() + "/2025-00001。前段码为9位组织机构代码、"
          + "18位统一社会信用代码或6位行政区划代码；年份也可写成年月（202503）。每条信息的索引号不能重复。";
      case "title" -> "必填。信息的完整标题，与正式文件一致。";
      case "agency" -> "选填。不填时为本站的发布机构“" + config.agency() + "”。";
      case "written" -> "必填。日期，如 2025-03-05；也可以写 2025/3/5、2025年3月5日，或直接输入 Excel 日期。";
      case "published" -> "必填。日期，格式同成文日期；不能早于成文日期。";
      case "docNo" -> "选填。如 示应急发〔2025〕1号；年份用六角括号〔〕。";
      case "subject" -> "选填。如 安全生产监管。";
      case "validity" -> "选填，从下拉列表选择：有效、失效、废止。不填为有效。";
      case "disclosure" -> "必填，从下拉列表选择：主动公开、依申请公开、不予公开。只有“主动公开”的信息会发布到网站上。";
      case "scope" -> "选填。一般为 全社会 或 特定群体（可从下拉列表选择）。";
      case "item" -> "本文件以事项编码命名时可不填。从下拉列表选择事项编码（见“说明”工作表），"
          + "也可以写事项路径，如 安全生产/政策文件/法律法规。";
      case "body" -> "选填。正文，可用 Markdown 格式；与“正文文件”只填一个。";
      case "bodyFile" -> "选填。正文文件的路径，相对于 content/ 文件夹，如 documents/2025-001.md。";
      case "attachments" -> "选填。附件的路径，相对于 content/ 文件夹；多个附件用分号隔开，如 documents/方案.pdf;documents/名单.xlsx。";
      case "interpretation" -> "选填。本文件的政策解读信息的索引号。";
      case "original" -> "选填。本条信息是政策解读时，填所解读文件的索引号。";
      default -> "";
    };
  }

  private static int width(String key) {
    return switch (key) {
      case "title", "body" -> 48;
      case "indexNo", "agency", "docNo", "bodyFile", "attachments", "interpretation", "original" -> 24;
      case "item" -> 16;
      case "written", "published", "subject", "disclosure" -> 14;
      default -> 10;
    };
  }

  private static Map<String, String> example(SiteConfig config, CatalogueItem item) {
    String agency = config.agency();
    String topic = item.level2();
    String prefix = agency.isEmpty() ? "" : agency.substring(0, agency.offsetByCodePoints(0, 1));
    return Map.ofEntries(
        Map.entry("indexNo", config.regionCode() + "/2025-00001"),
        Map.entry("title", agency + "关于做好2025年" + topic + "相关工作的通知"),
        Map.entry("agency", agency),
        Map.entry("written", EXAMPLE_WRITTEN),
        Map.entry("published", EXAMPLE_PUBLISHED),
        Map.entry("docNo", prefix + (agency.contains("应急") ? "应急" : "") + "发〔2025〕1号"),
        Map.entry("subject", item.domain()),
        Map.entry("validity", Validity.VALID.label()),
        Map.entry("disclosure", Disclosure.ACTIVE.label()),
        Map.entry("scope", "全社会"),
        Map.entry("item", item.code()),
        Map.entry("body", "为做好2025年" + topic + "相关工作，现将有关事项通知如下：一、加强组织领导；二、明确工作责任；"
            + "三、按时报送工作信息。"));
  }
}
