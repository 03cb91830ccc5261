package dev.gongkai.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * An emergency event (突发事件) with its timestamped updates, newest first.
 *
 * @param key the incident file's path relative to {@code content/} without {@code .md}; updates refer to it
 * @param level early-warning colour 蓝 / 黄 / 橙 / 红
 * @param state 进行中 or 已结束
 * @param event the optional {@code event=} header: what kind of event this is (e.g. 暴雨洪涝); blank when not given
 * @param categories the optional {@code category=} header of an incident page: CAP 1.2 categories ({@code Met},
 *     {@code Geo}, {@code Safety}, …) in the spelling of the CAP standard; empty when not given
 */
public record Incident(
    String key,
    String urlPath,
    String title,
    String level,
    LocalDateTime start,
    String state,
    LocalDate date,
    String markdown,
    List<Update> updates,
    String event,
    List<String> categories) {

  public Incident {
    updates = List.copyOf(updates);
    event = event == null ? "" : event;
    categories = categories == null ? List.of() : List.copyOf(categories);
  }

  /** An incident without the optional {@code event=} and {@code category=} headers. */
  public Incident(String key, String urlPath, String title, String level, LocalDateTime start, String state,
      LocalDate date, String markdown, List<Update> updates) {
    this(key, urlPath, title, level, start, state, date, markdown, updates, "", List.of());
  }

  public boolean active() {
    return state.equals("进行中");
  }

  /** One timestamped update; {@code category} is 基本情况 / 应对措施 / 转移安置 / 救灾进展. */
  public record Update(String sourcePath, String title, LocalDateTime time, String category, String markdown) {}
}
