package dev.gongkai.validate;

import dev.gongkai.diag.Bi;
import dev.gongkai.diag.Code;
import dev.gongkai.diag.Diagnostics;
import dev.gongkai.diag.Location;
import dev.gongkai.load.Cell;
import dev.gongkai.load.PageSource;
import dev.gongkai.model.Incident;
import dev.gongkai.model.Page;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks Markdown pages, incidents and incident updates from {@code content/} (JBake headers) and gives each page
 * its URL, refusing URLs the generator reserves or two pages would share.
 */
public final class ContentValidator {
  /** First URL segments the generator writes itself. */
  public static final Set<String> RESERVED =
      Set.of("catalogue", "records", "datasets", "assets", "apply", "accessibility", "404", "index", "documents",
          "search", "browse", "data", "audit", "reports", "alerts");
  private static final Set<String> TYPES = Set.of("page", "incident", "incident-update");
  private static final Set<String> LEVELS = Set.of("蓝", "黄", "橙", "红");
  private static final Set<String> STATES = Set.of("进行中", "已结束");
  private static final Set<String> CATEGORIES = Set.of("基本情况", "应对措施", "转移安置", "救灾进展");
  /** An incident page's optional {@code category=}: the CAP 1.2 categories, as the standard spells them. */
  private static final List<String> CAP_CATEGORIES = List.of(
      "Geo", "Met", "Safety", "Security", "Rescue", "Fire", "Health", "Env", "Transport", "Infra", "CBRNE", "Other");

  /** Published pages and incidents, each sorted (pages by URL, incidents newest first). */
  public record Result(List<Page> pages, List<Incident> incidents) {}

  private ContentValidator() {}

  public static Result validate(List<PageSource> sources, Diagnostics diags) {
    List<Page> pages = new ArrayList<>();
    Map<String, Incident> incidents = new HashMap<>();
    Map<String, List<Incident.Update>> updates = new HashMap<>();
    Map<String, Cell> updateRefs = new HashMap<>();
    Map<String, String> urls = new HashMap<>();
    for (PageSource src : sources) {
      Location top = new Location(src.path(), 1, 1);
      if (!src.hasHeader()) {
        diags.report(Code.FRONTMATTER_MISSING, top, "");
        continue;
      }
      String type = value(src, "type").orElse("page");
      String status = value(src, "status").orElse("published");
      if (!TYPES.contains(type)) {
        enumError(src, "type", type, TYPES, diags);
        continue;
      }
      if (!status.equals("published") && !status.equals("draft")) {
        enumError(src, "status", status, Set.of("published", "draft"), diags);
        continue;
      }
      Optional<Cell> titleCell = src.get("title");
      if (titleCell.isEmpty() || titleCell.get().isBlank()) {
        diags.report(Code.FIELD_REQUIRED, top, "", "title");
        continue;
      }
      String title = titleCell.get().trimmed();
      LocalDate date = src.get("date").flatMap(c -> Values.optionalDate(c, diags)).orElse(null);
      if (status.equals("draft")) continue;
      checkPersonal(src, diags);
      String key = src.path().substring("content/".length()).replaceFirst("\\.md$", "");
      String url = urlOf(key);
      if (!type.equals("incident-update")) {
        String first = url.contains("/") ? url.substring(0, url.indexOf('/')) : url;
        if (RESERVED.contains(first)) {
          diags.report(Code.PAGE_CONFLICT, top, url, url, Bi.of("生成器保留的地址", "an address the generator reserves"));
          continue;
        }
        String prev = urls.putIfAbsent(url, src.path());
        if (prev != null) {
          diags.report(Code.PAGE_CONFLICT, top, url, url, prev);
          continue;
        }
      }
      switch (type) {
        case "page" -> {
          int nav = 0;
          Optional<Cell> navCell = src.get("nav");
          if (navCell.isPresent()) {
            try {
              nav = Integer.parseInt(navCell.get().trimmed());
            } catch (NumberFormatException e) {
              diags.report(Code.FRONTMATTER_INVALID, navCell.get().location(), navCell.get().value(), "nav",
                  Bi.of("应为整数", "expected a whole number"));
            }
          }
          pages.add(new Page(src.path(), url, title, date, nav, src.body()));
        }
        case "incident" -> {
          String level = value(src, "level").orElse("");
          String state = value(src, "state").orElse("进行中");
          Optional<Cell> startCell = src.get("start");
          boolean ok = true;
          if (!LEVELS.contains(level)) ok = enumError(src, "level", level, LEVELS, diags);
          if (!STATES.contains(state)) ok = enumError(src, "state", state, STATES, diags);
          Optional<LocalDateTime> start = Optional.empty();
          if (startCell.isEmpty()) {
            diags.report(Code.FIELD_REQUIRED, top, "", "start");
            ok = false;
          } else {
            start = Values.dateTime(startCell.get(), diags);
            ok &= start.isPresent();
          }
          List<String> capCategories = capCategories(src, diags);
          if (ok && capCategories != null) {
            incidents.put(key, new Incident(key, url, title, level, start.get(), state, date, src.body(), List.of(),
                value(src, "event").orElse(""), capCategories));
          }
        }
        default -> {
          Optional<Cell> ref = src.get("incident");
          Optional<Cell> timeCell = src.get("time");
          String category = value(src, "category").orElse("");
          if (ref.isEmpty() || ref.get().isBlank()) {
            diags.report(Code.FIELD_REQUIRED, top, "", "incident");
            continue;
          }
          if (!CATEGORIES.contains(category)) {
            enumError(src, "category", category, CATEGORIES, diags);
            continue;
          }
          if (timeCell.isEmpty()) {
            diags.report(Code.FIELD_REQUIRED, top, "", "time");
            continue;
          }
          Optional<LocalDateTime> time = Values.dateTime(timeCell.get(), diags);
          if (time.isEmpty()) continue;
          String incidentKey = ref.get().trimmed().replaceFirst("\\.md$", "");
          updates.computeIfAbsent(incidentKey, k -> new ArrayList<>())
              .add(new Incident.Update(src.path(), title, time.get(), category, src.body()));
          updateRefs.putIfAbsent(incidentKey, ref.get());
        }
      }
    }
    for (Map.Entry<String, Cell> e : updateRefs.entrySet()) {
      if (!incidents.containsKey(e.getKey())) {
        diags.report(Code.INCIDENT_UNKNOWN, e.getValue().location(), e.getValue().value(), e.getKey());
      }
    }
    List<Incident> out = new ArrayList<>();
    for (Incident i : incidents.values()) {
      List<Incident.Update> us = new ArrayList<>(updates.getOrDefault(i.key(), List.of()));
      us.sort(Comparator.comparing(Incident.Update::time).reversed().thenComparing(Incident.Update::sourcePath));
      out.add(new Incident(i.key(), i.urlPath(), i.title(), i.level(), i.start(), i.state(), i.date(), i.markdown(), us,
          i.event(), i.categories()));
    }
    out.sort(Comparator.comparing(Incident::start).reversed().thenComparing(Incident::key));
    pages.sort(Comparator.comparing(Page::urlPath));
    return new Result(pages, out);
  }

  /** {@code about} → {@code about/}; {@code guide/index} → {@code guide/}. */
  static String urlOf(String key) {
    String k = key.endsWith("/index") ? key.substring(0, key.length() - "/index".length()) : key;
    return k.equals("index") ? "index/" : k + "/";
  }

  private static void checkPersonal(PageSource src, Diagnostics diags) {
    // Body and header values are the file's text as written: each hit at its own line and column.
    PersonalData.checkText(src.body(), new Location(src.path(), src.bodyLine(), 1), "正文", diags);
    for (PageSource.HeaderEntry h : src.header()) {
      PersonalData.checkText(h.value().value(), h.value().location(), h.key(), diags);
    }
  }

  /**
   * An incident's {@code category=} as CAP categories ({@code Met}, or several: {@code Met;Geo}), any letter case,
   * in the standard's spelling; empty when not given; null (after an {@code enum-unknown}) when one is unknown.
   */
  private static List<String> capCategories(PageSource src, Diagnostics diags) {
    String raw = value(src, "category").orElse("");
    List<String> out = new ArrayList<>();
    for (String token : raw.split("[;；、,，\\s]+")) {
      if (token.isEmpty()) continue;
      Optional<String> known = CAP_CATEGORIES.stream().filter(c -> c.equalsIgnoreCase(token)).findFirst();
      if (known.isEmpty()) {
        enumError(src, "category", token, Set.copyOf(CAP_CATEGORIES), diags);
        return null;
      }
      if (!out.contains(known.get())) out.add(known.get());
    }
    return out;
  }

  private static Optional<String> value(PageSource src, String key) {
    return src.get(key).map(Cell::trimmed);
  }

  private static boolean enumError(PageSource src, String key, String value, Set<String> allowed, Diagnostics diags) {
    Location where = src.get(key).map(Cell::location).orElse(new Location(src.path(), 1, 1));
    diags.report(Code.ENUM_UNKNOWN, where, value, value, key, String.join("、", allowed.stream().sorted().toList()));
    return false;
  }
}
