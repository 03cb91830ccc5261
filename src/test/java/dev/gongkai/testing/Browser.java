package dev.gongkai.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A real headless Chromium for browser tests, driven by the Debian {@code chromedriver}.
 *
 * <p>Callers must know:
 *
 * <ul>
 *   <li>Call {@link #assumeAvailable()} first: without {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver} the
 *       test is skipped, or fails when {@code GONGKAI_REQUIRE_BROWSER=1} (set by {@code .ci/run}) or
 *       {@code -Dgongkai.require.browser=true}.
 *   <li>Both binaries are used by explicit path, so Selenium Manager never runs and nothing is downloaded. Chromium's
 *       background networking, component updates and sync are off; pages should only load from a local
 *       {@link StaticServer}.
 *   <li>Each instance has a fresh profile (no cache, cookies or storage from earlier tests) in a temporary folder
 *       that {@link #close()} deletes. Use try-with-resources; instances are not thread-safe.
 *   <li>{@link #open()} starts with a 1280x900 viewport; change it with {@link #viewport(int, int)}.
 * </ul>
 */
public final class Browser implements AutoCloseable {
  /** The Chromium binary (Debian package {@code chromium}). */
  public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  /** The matching driver (Debian package {@code chromium-driver}). */
  public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static final String INSTALL_HINT = "install them with: apt-get install chromium chromium-driver";

  /**
   * We never use the DevTools protocol (CDP), so Selenium's warning that its bundled CDP versions do not match the
   * installed Chromium is noise. Held strongly: java.util.logging forgets unreferenced logger levels.
   */
  private static final Logger CDP_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_LOG.setLevel(Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** True when both {@link #CHROMIUM} and {@link #CHROMEDRIVER} exist and are executable. */
  public static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * Returns when the browser is {@linkplain #available() available}. Otherwise fails the test if a browser is required
   * (environment {@code GONGKAI_REQUIRE_BROWSER=1} or system property {@code gongkai.require.browser=true}), and
   * else aborts it, so JUnit reports it as skipped.
   */
  public static void assumeAvailable() {
    if (available()) return;
    String missing =
        String.format(Locale.ROOT, "%s and %s must be executable; %s", CHROMIUM, CHROMEDRIVER, INSTALL_HINT);
    if ("1".equals(System.getenv("GONGKAI_REQUIRE_BROWSER")) || Boolean.getBoolean("gongkai.require.browser")) {
      Assertions.fail("Browser tests are required here (GONGKAI_REQUIRE_BROWSER=1 or gongkai.require.browser=true) "
          + "but no browser was found: " + missing);
    }
    Assumptions.abort("Browser test skipped: " + missing);
  }

  /** Starts headless Chromium with JavaScript enabled and a 1280x900 viewport. */
  public static Browser open() {
    return start(true);
  }

  /**
   * Starts headless Chromium with page JavaScript disabled by content setting (as a user with JS off would see the
   * page: {@code <noscript>} content shows, page scripts do not run). {@link #js} still works: WebDriver scripts are
   * not page scripts.
   */
  public static Browser openWithoutJavaScript() {
    return start(false);
  }

  private static Browser start(boolean javascript) {
    Path profile;
    try {
      profile = Files.createTempDirectory("gongkai-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(List.of(
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-default-apps", "--user-data-dir=" + profile, "--window-size=1280,900"));
    if (!javascript) {
      options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeDriver driver;
    try {
      driver = new ChromeDriver(service, options);
    } catch (RuntimeException e) {
      service.stop();
      deleteTree(profile);
      throw e;
    }
    Browser b = new Browser(driver, profile);
    try {
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(30));
      b.viewport(1280, 900);
    } catch (RuntimeException e) {
      b.close();
      throw e;
    }
    return b;
  }

  /** The Selenium driver, for navigation ({@code driver().get(url)}) and element lookups. */
  public WebDriver driver() {
    return driver;
  }

  /**
   * Resizes the window so that the page viewport ({@code window.innerWidth} x {@code innerHeight}) is exactly
   * {@code width} x {@code height} CSS pixels, e.g. {@code viewport(375, 812)} for a phone layout. Media queries
   * see the new size immediately.
   */
  public void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    @SuppressWarnings("unchecked")
    List<Number> inner = (List<Number>) js("return [window.innerWidth, window.innerHeight];");
    int dw = width - inner.get(0).intValue();
    int dh = height - inner.get(1).intValue();
    if (dw != 0 || dh != 0) driver.manage().window().setSize(new Dimension(width + dw, height + dh));
  }

  /**
   * Runs {@code script} as the body of a function in the current page ({@code arguments[i]} are {@code args}) and
   * returns its {@code return} value as Selenium converts it (numbers as Long/Double, arrays as List, objects as Map,
   * elements as WebElement).
   */
  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /**
   * Saves a PNG of the current viewport to {@code file}, creating parent folders. A capture Chromium aborts ("Not
   * attached to an active page", seen on a starved 2-core machine right after a viewport change) is tried once
   * more; a second failure is thrown.
   */
  public void screenshot(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) Files.createDirectories(parent);
      byte[] png;
      try {
        png = driver.getScreenshotAs(OutputType.BYTES);
      } catch (org.openqa.selenium.TimeoutException e) {
        Thread.sleep(500);
        png = driver.getScreenshotAs(OutputType.BYTES);
      }
      Files.write(file, png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while taking a screenshot", e);
    }
  }

  /** Quits Chromium and chromedriver and deletes the temporary profile. */
  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      deleteTree(profile);
    }
  }

  /** Best effort: Chromium may still be flushing its profile for a moment after quit, so retry briefly. */
  private static void deleteTree(Path dir) {
    for (int attempt = 0; attempt < 5; attempt++) {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.deleteIfExists(p);
        return;
      } catch (NoSuchFileException e) {
        return;
      } catch (IOException | UncheckedIOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
