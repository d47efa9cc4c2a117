package io.convopt.experiments.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;

/**
 * JMH's output split in two: everything JMH prints (iteration lines, the forked JVMs' own messages
 * such as the incubator-module notice, the final table) goes to a log file in JMH's usual format,
 * while the terminal gets one line per benchmark as it starts and ends, with the score and the
 * elapsed time. Not thread-safe; JMH calls it from one thread.
 */
final class JmhProgress implements OutputFormat {

  private final OutputFormat log;
  private final PrintStream terminal;
  private final long t0 = System.nanoTime();
  private int started;
  private String current = "";

  /**
   * @param log JMH's normal output format, writing to the log file
   * @param terminal where the progress lines go (the user's stderr)
   */
  JmhProgress(OutputFormat log, PrintStream terminal) {
    this.log = log;
    this.terminal = terminal;
  }

  /** "KernelSumBenchmark.derivative1D points=1000" from a benchmark's parameters. */
  static String label(BenchmarkParams p) {
    String full = p.getBenchmark();
    int cls = full.lastIndexOf('.', full.lastIndexOf('.') - 1);
    StringBuilder sb = new StringBuilder(full.substring(cls + 1));
    Map<String, String> params = new TreeMap<>();
    for (String k : p.getParamsKeys()) {
      params.put(k, p.getParam(k));
    }
    params.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString();
  }

  private String elapsed() {
    long s = (System.nanoTime() - t0) / 1_000_000_000L;
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  @Override
  public void startBenchmark(BenchmarkParams params) {
    started++;
    current = label(params);
    terminal.printf(Locale.ROOT, "bench [%s] #%d %s ...%n", elapsed(), started, current);
    terminal.flush();
    log.startBenchmark(params);
  }

  @Override
  public void endBenchmark(BenchmarkResult result) {
    log.endBenchmark(result);
    if (result != null) {
      Result<?> r = result.getPrimaryResult();
      terminal.printf(
          Locale.ROOT,
          "bench [%s] #%d %s: %.4g %s%n",
          elapsed(),
          started,
          current,
          r.getScore(),
          r.getScoreUnit());
      terminal.flush();
    }
  }

  @Override
  public void iteration(BenchmarkParams benchParams, IterationParams params, int iteration) {
    log.iteration(benchParams, params, iteration);
  }

  @Override
  public void iterationResult(
      BenchmarkParams benchParams, IterationParams params, int iteration, IterationResult data) {
    log.iterationResult(benchParams, params, iteration, data);
  }

  @Override
  public void startRun() {
    log.startRun();
  }

  @Override
  public void endRun(Collection<RunResult> result) {
    log.endRun(result);
  }

  @Override
  public void print(String s) {
    log.print(s);
  }

  @Override
  public void println(String s) {
    log.println(s);
  }

  @Override
  public void flush() {
    log.flush();
  }

  @Override
  public void close() {
    log.close();
  }

  @Override
  public void verbosePrintln(String s) {
    log.verbosePrintln(s);
  }

  @Override
  public void write(int b) {
    log.write(b);
  }

  @Override
  public void write(byte[] b) throws IOException {
    log.write(b);
  }
}
