package io.convopt.experiments.cli;

import io.convopt.experiments.benchmark.SolverRegistry;
import io.convopt.experiments.functions.PaperFunctions;
import io.convopt.experiments.functions.StandardFunctions;
import io.convopt.experiments.sweep.Sweep;
import io.convopt.experiments.tables.Calibration;
import java.util.Iterator;

/**
 * The valid values of the CLI's name options, read from the registries so that {@code --help} never
 * falls behind the code. Each nested class is a picocli {@code completionCandidates} source: an
 * option's description shows the list with {@code ${COMPLETION-CANDIDATES}}.
 */
public final class ValueLists {
  private ValueLists() {}

  /** Registered solver names ({@link SolverRegistry#names()}). */
  public static final class Solvers implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return SolverRegistry.names().iterator();
    }
  }

  /** Standard test functions ({@link StandardFunctions#names()}). */
  public static final class StandardFunctionNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return StandardFunctions.names().iterator();
    }
  }

  /** The paper's (reconstructed) test functions ({@link PaperFunctions#all()}). */
  public static final class PaperFunctionNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return PaperFunctions.all().keySet().iterator();
    }
  }

  /** Paper functions with a calibration grid ({@link Calibration#calibratable()}). */
  public static final class CalibratableFunctions implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Calibration.calibratable().iterator();
    }
  }

  /** Algorithms a sweep can run ({@link Sweep#ALGORITHMS}). */
  public static final class SweepAlgorithms implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Sweep.ALGORITHMS.iterator();
    }
  }
}
