package dev.gongkai.validate;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import dev.gongkai.load.Row;
import dev.gongkai.load.Table;
import dev.gongkai.model.Catalogue;
import dev.gongkai.model.CatalogueItem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks {@code catalogue/catalogue.csv} and builds the {@link Catalogue} tree. */
public final class CatalogueValidator {
  public static final ColumnSet COLUMNS = new ColumnSet(List.of(
      new Column("code", "编码", "code", true),
      new Column("domain", "领域", "domain", true),
      new Column("level1", "一级事项", "level1", true),
      new Column("level2", "二级事项", "level2", true),
      new Column("content", "公开内容（要素）", "content", true),
      new Column("basis", "公开依据", "basis", true),
      new Column("timeLimit", "公开时限", "time_limit", true),
      new Column("publisher", "公开主体", "publisher", true),
      new Column("channels", "公开渠道和载体", "channels", true),
      new Column("audience", "公开对象", "audience", true),
      new Column("mode", "公开方式", "mode", true),
      new Column("level", "公开层级", "level", true)));

  /** 公开对象 of an item; also what a record's 公开范围 usually says (the templates offer them). */
  public static final Set<String> AUDIENCES = Set.of("全社会", "特定群体");
  private static final Set<String> MODES = Set.of("主动", "依申请");
  private static final Set<String> LEVELS = Set.of("县级", "乡级");

  private CatalogueValidator() {}

  public static Catalogue validate(Table table, Diagnostics diags) {
    if (table == null) return new Catalogue(List.of());
    var bound = COLUMNS.bind(table, diags);
    if (bound.isEmpty()) return new Catalogue(List.of());
    var b = bound.get();
    if (table.rows().isEmpty()) {
      // A header and nothing else: records and datasets would have no item to be filed under.
      diags.report(Code.FIELD_REQUIRED, table.header().get(0).location(), "",
          Bi.of("标准目录的事项（表头下至少一行）", "catalogue items (at least one row under the header)"));
      return new Catalogue(List.of());
    }
    List<CatalogueItem> items = new ArrayList<>();
    Map<String, Location> codes = new HashMap<>();
    Map<String, Location> paths = new HashMap<>();
    Map<String, String> domainOfSlug = new HashMap<>();
    for (Row row : table.rows()) {
      Map<String, String> v = new HashMap<>();
      boolean ok = true;
      for (Column c : COLUMNS.columns()) {
        Cell cell = b.cell(row, c.key());
        if (cell.isBlank()) {
          diags.report(Code.FIELD_REQUIRED, cell.location(), "", Bi.field(c.zh(), c.en()));
          ok = false;
        }
        v.put(c.key(), cell.trimmed());
      }
      Cell codeCell = b.cell(row, "code");
      String code = v.get("code");
      if (!code.isEmpty() && !code.matches("[a-z][a-z0-9]*(-[a-z0-9]+)+")) {
        diags.report(Code.ITEM_CODE_FORMAT, codeCell.location(), codeCell.value(), code);
        ok = false;
      }
      String slug = code.contains("-") ? code.substring(0, code.indexOf('-')) : code;
      String domain = v.get("domain");
      String knownDomain = domainOfSlug.putIfAbsent(slug, domain);
      if (knownDomain != null && !knownDomain.equals(domain) && !domain.isEmpty()) {
        diags.report(Code.ITEM_CODE_FORMAT, codeCell.location(), codeCell.value(), code);
        ok = false;
      }
      // A bad enumeration is an error but the item still exists: records filed under it are not reported again.
      checkSet(b.cell(row, "audience"), "公开对象", AUDIENCES, diags);
      checkSet(b.cell(row, "mode"), "公开方式", MODES, diags);
      checkSet(b.cell(row, "level"), "公开层级", LEVELS, diags);
      Location prev = code.isEmpty() ? null : codes.putIfAbsent(code, codeCell.location());
      if (prev != null) {
        diags.report(Code.ITEM_DUPLICATE, codeCell.location(), code, code, prev);
        ok = false;
      }
      String path = domain + "/" + v.get("level1") + "/" + v.get("level2");
      Location prevPath = paths.putIfAbsent(path, row.location());
      if (prevPath != null) {
        diags.report(Code.ITEM_DUPLICATE, b.cell(row, "level2").location(), path, path, prevPath);
        ok = false;
      }
      if (!ok) continue;
      items.add(new CatalogueItem(code, domain, slug, v.get("level1"), v.get("level2"), v.get("content"),
          v.get("basis"), v.get("timeLimit"), v.get("publisher"), Values.list(v.get("channels")),
          Values.list(v.get("audience")), v.get("mode"), Values.list(v.get("level"))));
    }
    return Catalogue.of(items);
  }

  private static boolean checkSet(Cell cell, String field, Set<String> allowed, Diagnostics diags) {
    boolean ok = true;
    for (String part : Values.list(cell.value())) {
      if (!allowed.contains(part)) {
        diags.report(Code.ENUM_UNKNOWN, cell.location(), cell.value(), part, field,
            String.join("、", allowed.stream().sorted().toList()));
        ok = false;
      }
    }
    return ok;
  }
}
