package io.convopt.experiments.calibration;

import io.convopt.experiments.tables.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Leave-one-out judgement of a candidate family. For every published row in turn the family is
 * fitted on the other rows (the candidate with the smallest {@link #loss}), and the fitted
 * candidate's result on the held-out row gets a verdict. The family's LOO count is the number of
 * held-out rows that match; its in-sample count is the matches of the candidate fitted on all rows.
 *
 * <p>The fitting objective is the robust (Geman–McClure) loss Σ d² / (d² + κ²) over the training
 * rows, d the distance of our result to the paper's in units of η and κ = {@link #SCALE_ETA} = 2,
 * the resolution of sign descent. It reads the published result points of the training rows only,
 * never a verdict; it is smooth in d and saturates, because a result in the wrong basin (60η or
 * 120η away) says no more about the parameters than one 10η away. (An unbounded Σ ln(1 + d), tried
 * first, preferred candidates that are moderately wrong on every row.) Ties go to the lower
 * candidate index, so the analysis is a pure function of the distances.
 */
public final class LeaveOneOut {

  private LeaveOneOut() {}

  /** One fold: the held-out row and the rows the fit may use. */
  public record Fold(String heldOut, List<String> training) {
    public Fold {
      training = List.copyOf(training);
      if (training.contains(heldOut)) {
        throw new IllegalArgumentException("fold holding out " + heldOut + " trains on it");
      }
    }
  }

  /** The held-out row's prediction in one fold. */
  public record Prediction(
      String heldOut, Candidate selected, double distanceEta, Verdict verdict) {}

  /**
   * A family's result.
   *
   * @param family the family
   * @param candidates how many candidates were compared
   * @param fitted the candidate fitted on all rows
   * @param inSampleLoss its loss on all rows
   * @param inSampleMatches rows it matches (of {@code rows})
   * @param looMatches held-out rows that match when predicted by the fit on the other rows
   * @param folds the predictions, one per row
   */
  public record FamilyResult(
      Log2Family family,
      int candidates,
      Candidate fitted,
      double inSampleLoss,
      int inSampleMatches,
      int looMatches,
      List<Prediction> folds) {
    public int rows() {
      return folds.size();
    }
  }

  /** One fold per row, in the given order. */
  public static List<Fold> folds(List<String> rowKeys) {
    List<Fold> out = new ArrayList<>();
    for (String held : rowKeys) {
      List<String> train = new ArrayList<>(rowKeys);
      train.remove(held);
      out.add(new Fold(held, train));
    }
    return out;
  }

  /** κ of the robust loss, in units of η. */
  public static final double SCALE_ETA = 2.0;

  /**
   * Σ d² / (d² + κ²) over the columns {@code use} of one candidate's distances (d ≥ 0, in η; d = ∞,
   * a row the candidate cannot run, costs 1).
   */
  public static double loss(double[] distances, boolean[] use) {
    double s = 0;
    double k2 = SCALE_ETA * SCALE_ETA;
    for (int j = 0; j < distances.length; j++) {
      if (use[j]) {
        double d = distances[j];
        s += Double.isInfinite(d) ? 1.0 : d * d / (d * d + k2);
      }
    }
    return s;
  }

  /**
   * Index of the candidate with the least loss on the columns {@code use}; ties to the lower index.
   */
  public static int select(double[][] distances, boolean[] use) {
    int best = -1;
    double bestLoss = Double.POSITIVE_INFINITY;
    for (int c = 0; c < distances.length; c++) {
      double l = loss(distances[c], use);
      if (best < 0 || l < bestLoss) {
        best = c;
        bestLoss = l;
      }
    }
    return best;
  }

  /**
   * Analyses a family from the distances of its cells, keyed by cell key (candidate id + "/" + row
   * key); every cell of candidates × rows must be present.
   */
  public static FamilyResult analyse(
      Log2Family family,
      List<Candidate> candidates,
      List<String> rowKeys,
      Map<String, Double> distanceByCell) {
    double[][] d = new double[candidates.size()][rowKeys.size()];
    for (int c = 0; c < candidates.size(); c++) {
      for (int j = 0; j < rowKeys.size(); j++) {
        String key = candidates.get(c).id() + "/" + rowKeys.get(j);
        Double v = distanceByCell.get(key);
        if (v == null || Double.isNaN(v) || v < 0) {
          throw new IllegalStateException(
              "calibration cell "
                  + key
                  + " is missing or invalid ("
                  + v
                  + "); rerun the calibration to complete it");
        }
        d[c][j] = v;
      }
    }
    boolean[] all = new boolean[rowKeys.size()];
    java.util.Arrays.fill(all, true);
    int fitted = select(d, all);
    int inSample = 0;
    for (int j = 0; j < rowKeys.size(); j++) {
      inSample += Verdict.of(d[fitted][j]) == Verdict.MATCH ? 1 : 0;
    }
    List<Prediction> predictions = new ArrayList<>();
    int loo = 0;
    for (Fold fold : folds(rowKeys)) {
      boolean[] use = new boolean[rowKeys.size()];
      for (String t : fold.training()) {
        use[rowKeys.indexOf(t)] = true;
      }
      int sel = select(d, use);
      int held = rowKeys.indexOf(fold.heldOut());
      Verdict v = Verdict.of(d[sel][held]);
      loo += v == Verdict.MATCH ? 1 : 0;
      predictions.add(new Prediction(fold.heldOut(), candidates.get(sel), d[sel][held], v));
    }
    return new FamilyResult(
        family,
        candidates.size(),
        candidates.get(fitted),
        loss(d[fitted], all),
        inSample,
        loo,
        predictions);
  }

  /** Best first: most LOO matches, then fewer free parameters, then most in-sample matches. */
  public static List<FamilyResult> rank(List<FamilyResult> results) {
    List<FamilyResult> out = new ArrayList<>(results);
    out.sort(
        Comparator.comparingInt((FamilyResult r) -> -r.looMatches())
            .thenComparingInt(r -> r.family().freeParameters())
            .thenComparingInt(r -> -r.inSampleMatches())
            .thenComparingInt(r -> r.family().ordinal()));
    return out;
  }
}
