package io.convopt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated report in headless Chromium from disk with networking disabled, and checks
 * that the inline script saw every figure rendered and no script error. Skipped (with a message)
 * when /usr/bin/chromium is absent; CI installs it.
 */
class BrowserReportTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final long TIMEOUT_SECONDS = 90;

  @TempDir static Path tmp;
  static Path report;

  @BeforeAll
  static void build() throws IOException {
    Assumptions.assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Chromium not installed at /usr/bin/chromium; browser test skipped");
    Path results = Fixtures.copyFixture(tmp);
    SyntheticResults.write(results);
    // Under target/ so the screenshot and the report stay available for inspection after the build.
    report = Path.of("target", "browser-report").toAbsolutePath();
    ReportGenerator.generate(results, report);
  }

  /** Runs Chromium with the flags that work in containers and without network; returns stdout. */
  private static String chromium(String... extra) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "chromium-profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--no-first-run",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=127.0.0.1:9"));
    cmd.addAll(List.of(extra));
    cmd.add(report.resolve("index.html").toUri().toString());
    Path stdout = tmp.resolve("chromium-" + System.nanoTime() + ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(stdout.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s");
    }
    return Files.readString(stdout, StandardCharsets.UTF_8);
  }

  private static String attribute(String dom, String name) {
    Matcher m =
        Pattern.compile("<body[^>]*\\s" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(dom);
    assertThat(m.find()).as("attribute " + name + " on <body> after the script ran").isTrue();
    return m.group(1);
  }

  @Test
  void everyFigureRendersWithoutScriptErrors() throws Exception {
    String dom = chromium("--virtual-time-budget=5000", "--dump-dom");
    assertThat(attribute(dom, "data-check")).isEqualTo("done");
    assertThat(attribute(dom, "data-script-errors")).isEqualTo("0");
    int total = Integer.parseInt(attribute(dom, "data-figures-total"));
    int ok = Integer.parseInt(attribute(dom, "data-figures-ok"));
    assertThat(total).isGreaterThan(0);
    assertThat(ok).isEqualTo(total);
    assertThat(dom).doesNotContainPattern("<figure[^>]*class=\"[^\"]*figure-failed");
  }

  /**
   * At a wide and a narrow desktop window the page does not scroll sideways and nothing is cut off:
   * the page script measures scrollWidth against clientWidth of the document and of every nav,
   * table, figure and section, and each legend label's extent against its SVG's width.
   */
  @Test
  void pageFitsTheWindowWithNothingClipped() throws Exception {
    for (int width : new int[] {1400, 1000}) {
      String dom =
          chromium("--virtual-time-budget=5000", "--window-size=" + width + ",2000", "--dump-dom");
      assertThat(attribute(dom, "data-check")).isEqualTo("done");
      assertThat(attribute(dom, "data-page-overflow"))
          .as("sideways scroll at %d px", width)
          .isEqualTo("0");
      assertThat(attribute(dom, "data-clipped")).as("clipped elements at %d px", width).isEmpty();
    }
  }

  @Test
  void screenshotIsSaved() throws Exception {
    Path png = Path.of("target", "report-screenshot.png").toAbsolutePath();
    Files.deleteIfExists(png);
    chromium(
        "--virtual-time-budget=5000",
        "--window-size=1400,2000",
        "--hide-scrollbars",
        "--screenshot=" + png);
    assertThat(png).exists();
    byte[] bytes = Files.readAllBytes(png);
    assertThat(bytes.length).isGreaterThan(20_000);
    // PNG signature.
    assertThat(bytes[1]).isEqualTo((byte) 'P');
    assertThat(bytes[2]).isEqualTo((byte) 'N');
    assertThat(bytes[3]).isEqualTo((byte) 'G');
  }
}
