package dev.gongkai.serve;

/**
 * The script added to every HTML response: it polls {@value #STATUS_PATH} once a second and reloads the page when the
 * build number differs from the one the page was served with. It also moves focus to the error overlay, if any, so
 * screen readers announce it. Network errors (the server was stopped) are ignored and polling goes on.
 */
final class LiveReload {
  static final String STATUS_PATH = "/__gongkai/status";
  static final String ERRORS_PATH = "/__gongkai/errors";

  private LiveReload() {}

  /** The {@code <script>} element for a page served while {@code build} builds have finished. */
  static String script(int build) {
    return "<script data-gongkai-live-reload>(function(){"
        + "var served="
        + build
        + ";"
        + "var o=document.getElementById('"
        + ErrorOverlay.ELEMENT_ID
        + "');if(o){o.focus();}"
        + "function poll(){fetch('"
        + STATUS_PATH
        + "',{cache:'no-store'})"
        + ".then(function(r){return r.json();})"
        + ".then(function(s){if(s.build!==served){location.reload();}else{setTimeout(poll,1000);}},"
        + "function(){setTimeout(poll,1000);});}"
        + "setTimeout(poll,1000);"
        + "})();</script>\n";
  }
}
