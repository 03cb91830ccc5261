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
    List<Update> updates) {

  public Incident {
    updates = List.copyOf(updates);
  }

  public boolean active() {
    return state.equals("进行中");
  }

  /** One timestamped update; {@code category} is 基本情况 / 应对措施 / 转移安置 / 救灾进展. */
  public record Update(String sourcePath, String title, LocalDateTime time, String category, String markdown) {}
}
