package io.convopt.report.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.convopt.experiments.benchmark.SolverRegistry;
import io.convopt.experiments.functions.StandardFunctions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What a new user reads first: {@code convopt --help} and every {@code COMMAND --help}, rendered
 * in-process exactly as the launcher prints them, fit an 80-column terminal, and every command's
 * summary is one complete sentence on one line of the command list.
 */
class HelpTextTest {

  private static final int COLUMNS = 80;

  private static String help(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = ConvOptMain.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertThat(cl.execute(args)).as(String.join(" ", args)).isZero();
    return out.toString();
  }

  private static List<String> commands() {
    List<String> names = new ArrayList<>(ConvOptMain.commandLine().getSubcommands().keySet());
    names.remove("help");
    return names;
  }

  @Test
  void everyHelpLineFitsEightyColumns() {
    List<String> pages = new ArrayList<>(List.of("--help"));
    commands().forEach(c -> pages.add(c + " --help"));
    for (String page : pages) {
      String text = help(page.split(" "));
      for (String line : text.split("\\R")) {
        assertThat(line.length())
            .as("`convopt %s` line: %s", page, line)
            .isLessThanOrEqualTo(COLUMNS);
      }
    }
  }

  @Test
  void everyCommandSummaryIsOneCompleteSentenceOnOneLine() {
    String top = help("--help");
    List<String> lines = List.of(top.split("\\R"));
    int start = lines.indexOf("Commands:");
    assertThat(start).as("the command list").isPositive();
    for (String name : ConvOptMain.commandLine().getSubcommands().keySet()) {
      int at = -1;
      for (int i = start + 1; i < lines.size(); i++) {
        if (lines.get(i).startsWith("  " + name + " ")) {
          at = i;
        }
      }
      assertThat(at).as("%s is listed", name).isPositive();
      String summary = lines.get(at).substring(2 + name.length()).trim();
      assertThat(summary).as("summary of %s", name).matches("[A-Z].*\\.");
      String next = at + 1 < lines.size() ? lines.get(at + 1) : "";
      assertThat(next.isBlank() || next.startsWith("  ") && !next.startsWith("    "))
          .as("summary of %s continues on a second line: %s", name, next)
          .isTrue();
    }
  }

  @Test
  void summariesUseTheSameVerbForm() {
    // Imperative mood everywhere: "Run ...", not "Runs ..." (picocli's own help command included).
    for (Map.Entry<String, CommandLine> e : ConvOptMain.commandLine().getSubcommands().entrySet()) {
      String[] header = e.getValue().getCommandSpec().usageMessage().header();
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      String summary = header.length > 0 ? header[0] : description[0];
      String verb = summary.split(" ")[0];
      assertThat(verb).as("first word of the summary of %s", e.getKey()).doesNotEndWith("s");
    }
  }

  @Test
  void descriptionParagraphsAreWholeSentences() {
    for (String c : commands()) {
      CommandLine sub = ConvOptMain.commandLine().getSubcommands().get(c);
      for (String paragraph : sub.getCommandSpec().usageMessage().description()) {
        assertThat(paragraph.trim())
            .as("a paragraph of `%s --help`", c)
            .matches("(?s)[A-Z0-9(<-].*[.)]");
      }
    }
  }

  @Test
  void nameOptionsListTheRegisteredValues() {
    String optimize = help("optimize", "--help").replaceAll("\\s+", " ");
    for (String solver : SolverRegistry.names()) {
      assertThat(optimize).contains(solver);
    }
    for (String function : StandardFunctions.names()) {
      assertThat(optimize).contains(function);
    }
    String benchmark = help("benchmark", "--help").replaceAll("\\s+", " ");
    assertThat(benchmark).contains(SolverRegistry.names().get(SolverRegistry.names().size() - 1));
    String relu = help("relu-solve", "--help").replaceAll("\\s+", " ");
    assertThat(relu).contains("data/examples/relu/README.md", "fista, al, admm, ipm");
  }
}
