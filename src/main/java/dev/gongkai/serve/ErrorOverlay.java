package dev.gongkai.serve;

import dev.gongkai.diag.Diagnostic;
import java.util.List;

/**
 * The bilingual build-error panel the dev server puts over pages while the latest build has failed, and the
 * standalone pages shown when there is no good site to put it over. All publisher-supplied text is HTML-escaped.
 */
final class ErrorOverlay {
  static final String ELEMENT_ID = "gongkai-error-overlay";
  static final String TITLE = "构建失败 / Build failed";

  private static final String NOTE_LAST_GOOD =
      "这里显示的是上一次成功构建的页面；修正以下错误并保存后，页面会自动刷新。"
          + " / The page shown is the last successful build; it reloads by itself once the errors are fixed.";
  private static final String NOTE_NO_GOOD =
      "还没有成功的构建，所以无法显示网站；修正以下错误并保存后，页面会自动刷新。"
          + " / There has been no successful build yet, so the site cannot be shown; this page reloads by itself"
          + " once the errors are fixed.";

  private ErrorOverlay() {}

  /** The overlay for a page of the last good site, inserted right after {@code <body…>}. */
  static String overlay(BuildOutcome failed) {
    return panel(failed, NOTE_LAST_GOOD, true);
  }

  /** A whole page (for status 500) showing the errors when there has never been a good build. */
  static String standalonePage(BuildOutcome failed, int build) {
    return page(TITLE, panel(failed, NOTE_NO_GOOD, false), build);
  }

  /** A whole page (for status 503) shown while the first build is still running. */
  static String buildingPage(int build) {
    String body =
        "<main style=\"font:16px/1.6 system-ui,sans-serif;padding:32px\"><h1 style=\"font-size:20px\">"
            + "正在构建… / Building…</h1><p>页面会在构建完成后自动刷新。 / This page reloads when the build is done.</p>"
            + "</main>";
    return page("正在构建… / Building…", body, build);
  }

  private static String page(String title, String body, int build) {
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
        + Escaping.html(title)
        + "</title>\n</head>\n<body>\n"
        + body
        + LiveReload.script(build)
        + "</body>\n</html>\n";
  }

  private static String panel(BuildOutcome failed, String note, boolean dismissible) {
    StringBuilder out = new StringBuilder(2048);
    out.append("<div id=\"")
        .append(ELEMENT_ID)
        .append("\" role=\"alertdialog\" aria-modal=\"true\" aria-labelledby=\"")
        .append(ELEMENT_ID)
        .append("-title\" aria-describedby=\"")
        .append(ELEMENT_ID)
        .append("-note\" lang=\"zh-CN\" tabindex=\"-1\" style=\"position:fixed;top:0;right:0;bottom:0;left:0;")
        .append("z-index:2147483647;overflow:auto;box-sizing:border-box;margin:0;padding:24px 32px;")
        .append("background:rgba(24,24,27,0.96);color:#f4f4f5;text-align:left;")
        .append("font:15px/1.6 system-ui,-apple-system,'PingFang SC','Microsoft YaHei',sans-serif\">\n");
    out.append("<h1 id=\"")
        .append(ELEMENT_ID)
        .append("-title\" style=\"margin:0 0 8px;font-size:22px;color:#fca5a5\">")
        .append(Escaping.html(TITLE))
        .append("</h1>\n");
    out.append("<p id=\"")
        .append(ELEMENT_ID)
        .append("-note\" style=\"margin:0 0 8px\">")
        .append(Escaping.html(note))
        .append("</p>\n");
    if (!failed.summary().isEmpty()) {
      out.append("<p style=\"margin:0 0 16px;color:#d4d4d8\">")
          .append(Escaping.html(failed.summary()))
          .append("</p>\n");
    }
    List<Diagnostic> errors = failed.errors();
    if (!errors.isEmpty()) {
      out.append("<ol style=\"margin:0;padding:0 0 0 24px\">\n");
      for (Diagnostic d : errors) item(out, d);
      out.append("</ol>\n");
    }
    if (dismissible) {
      out.append("<button type=\"button\" onclick=\"this.parentNode.remove()\" style=\"margin-top:16px;")
          .append("padding:6px 14px;font:inherit;color:#18181b;background:#f4f4f5;border:0;border-radius:4px;")
          .append("cursor:pointer\">关闭 / Dismiss</button>\n");
    }
    return out.append("</div>\n").toString();
  }

  private static void item(StringBuilder out, Diagnostic d) {
    out.append("<li style=\"margin:0 0 20px\">\n<p style=\"margin:0\"><code style=\"color:#93c5fd\">")
        .append(Escaping.html(String.valueOf(d.location())))
        .append("</code> <code style=\"color:#fcd34d\">")
        .append(Escaping.html(d.code() == null ? "" : d.code().id()))
        .append("</code></p>\n<p style=\"margin:4px 0 0\">")
        .append(Escaping.html(d.messageZh()))
        .append("</p>\n<p lang=\"en\" style=\"margin:0\">")
        .append(Escaping.html(d.messageEn()))
        .append("</p>\n");
    if (d.text() != null && !d.text().isEmpty()) {
      out.append("<pre style=\"margin:6px 0;padding:8px 12px;white-space:pre-wrap;word-break:break-all;")
          .append("background:#3f3f46;color:#fafafa;border-radius:4px;font:13px/1.5 ui-monospace,monospace\">")
          .append(Escaping.html(d.text()))
          .append("</pre>\n");
    }
    if (d.hintZh() != null && !d.hintZh().isEmpty()) {
      out.append("<p style=\"margin:4px 0 0;color:#bbf7d0\">提示：").append(Escaping.html(d.hintZh())).append("</p>\n");
    }
    if (d.hintEn() != null && !d.hintEn().isEmpty()) {
      out.append("<p lang=\"en\" style=\"margin:0;color:#bbf7d0\">Hint: ")
          .append(Escaping.html(d.hintEn()))
          .append("</p>\n");
    }
    out.append("</li>\n");
  }
}
