package dev.gongkai.export;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import dev.gongkai.model.Dataset;
import dev.gongkai.model.Disclosure;
import dev.gongkai.model.DisclosureRecord;
import dev.gongkai.model.PublishedSite;
import dev.gongkai.model.SiteConfig;
import dev.gongkai.model.Validity;
import dev.gongkai.render.ViewDigest;
import dev.gongkai.render.Views;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Stage "open data", part 1: every published table as downloadable files with a Data Package descriptor.
 *
 * <p>Three kinds of dataset are exported:
 *
 * <ol>
 *   <li>every published {@link Dataset} (rows as the model holds them: validated, personal-data columns masked);
 *   <li>{@code records-<item code>} for every catalogue item with at least one published record: the metadata of
 *       its 主动公开 records (索引号, 标题, 发布机构, 成文日期, 发布日期, 文号, 主题分类, 有效性, 公开方式, 事项编码,
 *       链接 — the absolute URL of the record's page), newest first, primary key 索引号;
 *   <li>{@code catalogue}: the standard catalogue, one row per level-2 item in catalogue order, primary key 编码.
 * </ol>
 *
 * <p>Each dataset {@code <id>} gets, under {@code data/<id>/}: {@code <id>.csv} ({@link CsvWriter}: RFC 4180,
 * UTF-8, CRLF, no BOM), {@code <id>.excel.csv} (the same bytes after a UTF-8 BOM, for Excel and WPS),
 * {@code <id>.xlsx} ({@link XlsxWriter}), {@code <id>.json} and {@code <id>.ndjson} ({@link JsonWriter}; the JSON
 * file is an object {@code {"name","title","rows":[{column: value}…]}}) and {@code datapackage.json}
 * ({@link DataPackageWriter}: Data Package v2 with sizes and SHA-256 hashes of the files as written, and the
 * provenance as the custom properties {@code gongkai:generator} / {@code gongkai:commit}).
 *
 * <p>A pure function of the site and the provenance: datasets in id order, files in a fixed order per dataset, no
 * clock, no randomness, so the same input gives the same bytes (the XLSX zip included).
 */
public final class DatasetExports {
  /** Id of the catalogue dataset. */
  public static final String CATALOGUE_ID = "catalogue";
  /** Id prefix of the record-metadata datasets, followed by the item code. */
  public static final String RECORDS_PREFIX = "records-";
  /** Media type of the XLSX files. */
  public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  private DatasetExports() {}

  /**
   * What the stage produced.
   *
   * @param datasets every exported dataset in id order, for the catalogue-level exports
   * @param files every file to write, in a fixed order
   * @param kept the files of the last build to keep as they are (incremental builds: their dataset is unchanged)
   * @param downloads dataset id → its downloads in display order (sorted by id), for the page renderer
   * @param memo what the next incremental build needs (empty when the build keeps no memo)
   */
  public record Result(List<DatasetInfo> datasets, List<ExportFile> files, List<DatasetInfo.Distribution> kept,
      Map<String, List<Views.Download>> downloads, DatasetMemo memo) {
    public Result {
      datasets = List.copyOf(datasets);
      files = List.copyOf(files);
      kept = List.copyOf(kept);
      downloads = Collections.unmodifiableMap(new TreeMap<>(downloads));
    }
  }

  /**
   * Exports every dataset of {@code site}.
   *
   * @throws IllegalStateException when a published dataset's id is {@code catalogue} or starts with
   *     {@code records-} and so collides with a generated dataset
   */
  public static Result build(PublishedSite site, Provenance provenance) {
    return build(site, provenance, null, f -> false);
  }

  /**
   * As {@link #build(PublishedSite, Provenance)}, for a build that keeps a memo: a dataset whose inputs digest as in
   * {@code previous} and whose files are all {@code unchanged} is not exported again; its files are listed in
   * {@link Result#kept()} instead of {@link Result#files()}, with the same metadata. Datasets are exported in
   * parallel; the result is the same as a sequential clean export.
   *
   * @param previous the last build's memo ({@link DatasetMemo#EMPTY} to export everything and keep a memo), or
   *     null for no memo at all (no digests are computed)
   * @param unchanged whether the output folder still holds a file of the last build as described (path, SHA-256)
   */
  public static Result build(PublishedSite site, Provenance provenance, DatasetMemo previous,
      Predicate<DatasetInfo.Distribution> unchanged) {
    return build(site, provenance, previous, unchanged, null);
  }

  /**
   * As {@link #build(PublishedSite, Provenance, DatasetMemo, Predicate)}, taking from {@code tables} (what this
   * process's last build made; null for none) each table whose inputs are the same instances, with its digest.
   */
  public static Result build(PublishedSite site, Provenance provenance, DatasetMemo previous,
      Predicate<DatasetInfo.Distribution> unchanged, TableMemo tables) {
    List<DatasetTable> made = tables(site, tables);
    if (tables != null) tables.retain(made.stream().map(DatasetTable::id).collect(java.util.stream.Collectors.toSet()));
    List<Exported> exported = made.parallelStream()
        .map(t -> export(t, site.config(), provenance, previous, unchanged, tables)).toList();
    List<DatasetInfo> infos = new ArrayList<>();
    List<ExportFile> files = new ArrayList<>();
    List<DatasetInfo.Distribution> kept = new ArrayList<>();
    Map<String, List<Views.Download>> downloads = new TreeMap<>();
    Map<String, DatasetMemo.Entry> memo = new TreeMap<>();
    for (Exported e : exported) {
      DatasetTable t = e.table();
      List<Views.Download> dls = new ArrayList<>();
      for (int i = 0; i < KINDS.size(); i++) {
        DatasetInfo.Distribution d = e.dists().get(i);
        dls.add(new Views.Download(KINDS.get(i).label(), d.path(), d.size(), d.mediaType(), d.sha256()));
      }
      if (e.files().isEmpty()) kept.addAll(e.dists());
      files.addAll(e.files());
      infos.add(new DatasetInfo(t.id(), t.title(), t.description(), t.itemCode(), t.agency(), t.issued(),
          t.modified(), t.pageUrl(), e.dists()));
      downloads.put(t.id(), List.copyOf(dls));
      if (e.key() != null) memo.put(t.id(), new DatasetMemo.Entry(e.key(), e.dists()));
    }
    return new Result(infos, files, kept, downloads, previous == null ? DatasetMemo.EMPTY : new DatasetMemo(memo));
  }

  /** One dataset's export: its files' metadata, their bytes (none when kept) and the digest of its inputs. */
  private record Exported(DatasetTable table, byte[] key, List<DatasetInfo.Distribution> dists,
      List<ExportFile> files) {}

  private static Exported export(DatasetTable t, SiteConfig config, Provenance provenance, DatasetMemo previous,
      Predicate<DatasetInfo.Distribution> unchanged, TableMemo tables) {
    byte[] key = null;
    if (previous != null) {
      // Everything the files are made of: the table, the provenance (XLSX and descriptor) and the base URL
      // (descriptor). The generator's own code is the build cache's business (another jar: no memo).
      byte[] table = tables != null ? tables.digest(t) : TableMemo.digestOf(t);
      key = new ViewDigest().of(table, provenance, config.baseUrl());
      DatasetMemo.Entry had = previous.datasets().get(t.id());
      if (had != null && had.isFor(key) && had.files().size() == KINDS.size()
          && had.files().stream().allMatch(unchanged)) {
        return new Exported(t, key, had.files(), List.of());
      }
    }
    String dir = "data/" + t.id() + "/";
    List<byte[]> data = outputs(t, config, provenance);
    List<DatasetInfo.Distribution> dists = new ArrayList<>();
    List<ExportFile> files = new ArrayList<>();
    for (int i = 0; i < KINDS.size(); i++) {
      Kind k = KINDS.get(i);
      String path = dir + k.fileName(t.id());
      byte[] bytes = data.get(i);
      files.add(new ExportFile(path, bytes, k.mediaType()));
      dists.add(new DatasetInfo.Distribution(k.distFormat(), path, k.mediaType(), bytes.length, sha256(bytes)));
    }
    return new Exported(t, key, dists, files);
  }

  /**
   * A kind of file every dataset has: its name ({@code <id>} and a suffix, or a fixed name), its label on the
   * portal, its format in DCAT and its media type.
   */
  private record Kind(String name, String label, String distFormat, String mediaType) {
    String fileName(String id) {
      return name.startsWith(".") ? id + name : name;
    }
  }

  /** The files of a dataset in display order, the descriptor last (as {@link #outputs} makes them). */
  private static final List<Kind> KINDS = List.of(
      new Kind(".csv", "CSV", "CSV", "text/csv"),
      new Kind(".excel.csv", "CSV（Excel 版，带 BOM）", "CSV (UTF-8 with BOM, for Excel)", "text/csv"),
      new Kind(".xlsx", "XLSX", "XLSX", XLSX_TYPE),
      new Kind(".json", "JSON", "JSON", "application/json"),
      new Kind(".ndjson", "NDJSON", "NDJSON", "application/x-ndjson"),
      new Kind("datapackage.json", "数据包描述 datapackage.json", "Data Package", "application/json"));

  /** The bytes of a dataset's files, in the order of {@link #KINDS}. */
  private static List<byte[]> outputs(DatasetTable t, SiteConfig config, Provenance provenance) {
    String id = t.id();
    byte[] csv = CsvWriter.write(t);
    byte[] excelCsv = CsvWriter.withBom(csv);
    byte[] xlsx = XlsxWriter.write(t, provenance.time());
    byte[] json = JsonWriter.json(t);
    byte[] ndjson = JsonWriter.ndjson(t);
    JsonNodeFactory n = JsonNodeFactory.instance;
    ObjectNode xlsxDialect = n.objectNode().put("sheetName", XlsxWriter.sheetName(t));
    ObjectNode jsonDialect = n.objectNode().put("property", "rows").put("itemType", "object");
    ObjectNode ndjsonDialect = n.objectNode().put("itemType", "object");
    List<DataPackageWriter.Resource> resources = List.of(
        new DataPackageWriter.Resource(id + "-csv", "CSV（UTF-8）", "", id + ".csv", "csv", "text/csv", "utf-8", csv,
            null),
        new DataPackageWriter.Resource(id + "-excel-csv", "CSV（Excel 版，带 BOM）",
            "与 " + id + ".csv 相同，只是文件开头多了 UTF-8 BOM（EF BB BF），Excel 和 WPS 直接打开即可正确显示中文。",
            id + ".excel.csv", "csv", "text/csv", "utf-8", excelCsv, null),
        new DataPackageWriter.Resource(id + "-xlsx", "XLSX", "", id + ".xlsx", "xlsx", XLSX_TYPE, null, xlsx,
            xlsxDialect),
        new DataPackageWriter.Resource(id + "-json", "JSON", "", id + ".json", "json", "application/json", "utf-8",
            json, jsonDialect),
        new DataPackageWriter.Resource(id + "-ndjson", "NDJSON", "", id + ".ndjson", "ndjson", "application/x-ndjson",
            "utf-8", ndjson, ndjsonDialect));
    byte[] descriptor = DataPackageWriter.write(t, resources, config.baseUrl(), provenance);
    return List.of(csv, excelCsv, xlsx, json, ndjson, descriptor);
  }

  /** Every exported table, in id order. */
  static List<DatasetTable> tables(PublishedSite site) {
    return tables(site, null);
  }

  /** As {@link #tables(PublishedSite)}, taking from {@code memo} (may be null) the tables made from the same inputs. */
  static List<DatasetTable> tables(PublishedSite site, TableMemo memo) {
    Map<String, DatasetTable> byId = new TreeMap<>();
    for (Dataset ds : site.datasets()) {
      if (ds.disclosure() != Disclosure.ACTIVE) continue; // the gate already left these out
      if (ds.id().equals(CATALOGUE_ID) || ds.id().startsWith(RECORDS_PREFIX)) {
        throw new IllegalStateException("dataset id \"" + ds.id() + "\" is reserved for a generated dataset ("
            + CATALOGUE_ID + ", " + RECORDS_PREFIX + "<item code>); rename " + ds.csvPath());
      }
      put(byId, memo == null ? dataset(ds, site) : memo.table(ds.id(),
          java.util.Arrays.asList(ds, site.lastUpdated(), site.config().agency()), () -> dataset(ds, site)));
    }
    for (CatalogueItem item : site.catalogue().items()) {
      List<DisclosureRecord> records = site.byItem().getOrDefault(item.code(), List.of()).stream()
          .filter(r -> r.disclosure() == Disclosure.ACTIVE).toList();
      if (records.isEmpty()) continue;
      if (memo == null) {
        put(byId, records(item, records, site.config()));
      } else {
        List<Object> inputs = new ArrayList<>(records.size() + 3);
        inputs.add(item);
        inputs.add(site.config().baseUrl());
        inputs.add(site.config().agency());
        inputs.addAll(records);
        put(byId, memo.table(RECORDS_PREFIX + item.code(), inputs, () -> records(item, records, site.config())));
      }
    }
    put(byId, catalogue(site));
    return List.copyOf(byId.values());
  }

  private static void put(Map<String, DatasetTable> byId, DatasetTable t) {
    if (byId.putIfAbsent(t.id(), t) != null) throw new IllegalStateException("two datasets have the id " + t.id());
  }

  private static DatasetTable dataset(Dataset ds, PublishedSite site) {
    LocalDate date = ds.published() != null ? ds.published() : site.lastUpdated();
    String agency = ds.agency().isBlank() ? site.config().agency() : ds.agency();
    return DatasetTable.of(ds.id(), ds.title(), ds.description(), ds.itemCode(), agency, date, date, ds.url(),
        ds.columns(), ds.primaryKey(), ds.rows());
  }

  private static Dataset.Column col(String name, String type, String description) {
    return new Dataset.Column(name, name, type, "", description, "");
  }

  /** Columns of a {@code records-*} dataset, with their enums and formats. */
  static final List<Dataset.Column> RECORD_COLUMNS = List.of(
      col("索引号", "string", "政府信息索引号（前段码/年份-流水号），唯一标识一条政府信息"),
      col("标题", "string", "政府信息的标题"),
      col("发布机构", "string", "发布该信息的机关"),
      col("成文日期", "date", "文件形成（签发）的日期"),
      col("发布日期", "date", "在本站主动公开的日期"),
      col("文号", "string", "发文字号，如 示应急发〔2024〕12号；没有文号的为空"),
      col("主题分类", "string", "主题分类"),
      col("有效性", "string", "有效、失效或废止"),
      col("公开方式", "string", "公开属性；本目录只含主动公开的信息"),
      col("事项编码", "string", "所属公开目录二级事项的编码，对应 catalogue 数据集的“编码”"),
      col("链接", "string", "该信息在本站的网址"));

  private static DatasetTable records(CatalogueItem item, List<DisclosureRecord> records, SiteConfig config) {
    List<List<String>> rows = new ArrayList<>();
    LocalDate first = null;
    LocalDate last = null;
    for (DisclosureRecord r : records) {
      rows.add(List.of(r.indexNo(), r.title(), r.agency(), date(r.written()), date(r.published()), r.docNo(),
          r.subject(), r.validity() == null ? "" : r.validity().label(), r.disclosure().label(), r.itemCode(),
          config.baseUrl() + r.url()));
      if (r.published() != null) {
        if (first == null || r.published().isBefore(first)) first = r.published();
        if (last == null || r.published().isAfter(last)) last = r.published();
      }
    }
    List<List<String>> enums = new ArrayList<>();
    List<String> formats = new ArrayList<>();
    for (Dataset.Column c : RECORD_COLUMNS) {
      enums.add(switch (c.name()) {
        case "有效性" -> Arrays.stream(Validity.values()).map(Validity::label).toList();
        case "公开方式" -> List.of(Disclosure.ACTIVE.label());
        default -> List.of();
      });
      formats.add(c.name().equals("链接") ? "uri" : "");
    }
    String title = item.level2() + "：公开信息目录";
    String description = "公开目录事项“" + item.path() + "”（" + item.code() + "）下已主动公开的政府信息的元数据："
        + "索引号、标题、发布机构、成文日期、发布日期、文号、主题分类、有效性和本站链接，按发布日期从新到旧排列。"
        + "不含正文和附件；依申请公开、不予公开的信息不在其中。";
    return new DatasetTable(RECORDS_PREFIX + item.code(), title, description, item.code(), config.agency(), first,
        last, item.url(), RECORD_COLUMNS, enums, formats, List.of("索引号"), rows);
  }

  /** Columns of the {@code catalogue} dataset. */
  static final List<Dataset.Column> CATALOGUE_COLUMNS = List.of(
      col("编码", "string", "事项编码，本站事项页面网址的一部分（catalogue/<领域>/<编码>/）"),
      col("领域", "string", "标准目录所属领域，如 安全生产、救灾"),
      col("一级事项", "string", "一级事项"),
      col("二级事项", "string", "二级事项"),
      col("公开内容", "string", "公开内容（要素）"),
      col("公开依据", "string", "公开依据"),
      col("公开时限", "string", "公开时限"),
      col("公开主体", "string", "公开主体"),
      col("公开渠道和载体", "string", "公开渠道和载体，多个用“；”分隔"),
      col("公开对象", "string", "公开对象（全社会或特定群体），多个用“；”分隔"),
      col("公开方式", "string", "公开方式（主动或依申请）"),
      col("公开层级", "string", "公开层级（县级、乡级），多个用“；”分隔"));

  private static DatasetTable catalogue(PublishedSite site) {
    List<List<String>> rows = new ArrayList<>();
    for (CatalogueItem it : site.catalogue().items()) {
      rows.add(List.of(it.code(), it.domain(), it.level1(), it.level2(), it.content(), it.basis(), it.timeLimit(),
          it.publisher(), String.join("；", it.channels()), String.join("；", it.audience()), it.mode(),
          String.join("；", it.levels())));
    }
    List<String> domains = site.catalogue().domains().stream().map(Catalogue.Domain::name).toList();
    String title = "政务公开标准目录" + (domains.isEmpty() ? "" : "（" + String.join("、", domains) + "）");
    String description = site.config().agency() + "的政务公开标准目录：每个二级事项一行，列出公开内容（要素）、"
        + "公开依据、公开时限、公开主体、公开渠道和载体、公开对象、公开方式和公开层级。"
        + "“编码”与本站事项页面网址和 records-<编码> 数据集一致。";
    return DatasetTable.of(CATALOGUE_ID, title, description, "", site.config().agency(), site.lastUpdated(),
        site.lastUpdated(), "", CATALOGUE_COLUMNS, List.of("编码"), rows);
  }

  private static String date(LocalDate d) {
    return d == null ? "" : d.toString();
  }

  /** Lower-case hex SHA-256 of {@code data} (the same digest SHA256SUMS lists). */
  public static String sha256(byte[] data) {
    return Checksums.sha256(data);
  }
}
