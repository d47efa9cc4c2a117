package io.convopt.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** Shared test helpers: the hand-made fixture folder, XML parsing and HTML slicing. */
public final class Fixtures {
  private Fixtures() {}

  /** Copies the hand-made fixture results folder (src/test/resources/fixture) into {@code dir}. */
  public static Path copyFixture(Path dir) throws IOException {
    URL url = Fixtures.class.getResource("/fixture/table1.csv");
    assertThat(url).as("fixture on the test class path").isNotNull();
    Path src;
    try {
      src = Path.of(url.toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    Path target = dir.resolve("results");
    try (Stream<Path> files = Files.walk(src)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = target.resolve(src.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    return target;
  }

  /** Parses an SVG (or any XML) string, failing the test when it is not well-formed. */
  public static Document xml(String text) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
  }

  /** The HTML of {@code <section id="id">…</section>}. */
  public static String section(String html, String id) {
    int start = html.indexOf("<section id=\"" + id + "\">");
    assertThat(start).as("section " + id).isGreaterThanOrEqualTo(0);
    int end = html.indexOf("</section>", start);
    return html.substring(start, end);
  }

  public static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Number of elements of the SVG document carrying the given class attribute. */
  public static int countClass(Document doc, String cls) {
    org.w3c.dom.NodeList all = doc.getElementsByTagName("*");
    int n = 0;
    for (int i = 0; i < all.getLength(); i++) {
      org.w3c.dom.Element e = (org.w3c.dom.Element) all.item(i);
      if (cls.equals(e.getAttribute("class"))) {
        n++;
      }
    }
    return n;
  }
}
