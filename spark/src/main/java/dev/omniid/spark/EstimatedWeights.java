package dev.omniid.spark;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The probabilities an estimate fitted: each field's m and u per weighted level, and the prior.
 * A {@link MatchModel} holds normalizers and matchers that do not serialize; these numbers do,
 * so they are what is broadcast, and each executor applies them to the start model it builds
 * itself. The doubles travel exactly, so the executors' model scores as the driver's.
 */
final class EstimatedWeights implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The levels that carry probabilities, in order (every level but {@code MISSING}). */
  static final List<ComparisonLevel> LEVELS = List.of(ComparisonLevel.EXACT,
      ComparisonLevel.STRONG, ComparisonLevel.MEDIUM, ComparisonLevel.WEAK,
      ComparisonLevel.DIFFERENT);

  private final double prior;
  private final String[] fields;
  private final double[][] m;
  private final double[][] u;

  private EstimatedWeights(double prior, String[] fields, double[][] m, double[][] u) {
    this.prior = prior;
    this.fields = fields;
    this.m = m;
    this.u = u;
  }

  /** The probabilities of {@code model}. */
  static EstimatedWeights of(MatchModel model) {
    List<MatchField> f = model.fields();
    String[] names = new String[f.size()];
    double[][] m = new double[f.size()][LEVELS.size()];
    double[][] u = new double[f.size()][LEVELS.size()];
    for (int i = 0; i < f.size(); i++) {
      names[i] = f.get(i).name();
      for (int l = 0; l < LEVELS.size(); l++) {
        m[i][l] = f.get(i).m(LEVELS.get(l));
        u[i][l] = f.get(i).u(LEVELS.get(l));
      }
    }
    return new EstimatedWeights(model.priorMatchProbability(), names, m, u);
  }

  /**
   * {@code start} with these probabilities: the estimated model, rebuilt where it is used.
   *
   * @throws IllegalStateException if {@code start} lacks a field these were fitted for
   */
  MatchModel applyTo(MatchModel start) {
    MatchModel.Builder b = start.toBuilder().priorMatchProbability(prior);
    for (int i = 0; i < fields.length; i++) {
      MatchField field = fieldOf(start, fields[i]);
      MatchField.Builder fb = field.toBuilder();
      for (int l = 0; l < LEVELS.size(); l++) {
        fb.probabilities(LEVELS.get(l), m[i][l], u[i][l]);
      }
      b.replaceField(fb.build());
    }
    return b.build();
  }

  private static MatchField fieldOf(MatchModel model, String name) {
    for (MatchField f : model.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    throw new IllegalStateException("no field " + name + " in the start model");
  }

  /** One line per field for the log: m, u and the weight in bits at each level. */
  static String describe(MatchField f) {
    StringBuilder s = new StringBuilder(f.name()).append(':');
    for (ComparisonLevel level : LEVELS) {
      s.append(String.format(Locale.ROOT, " %s m=%.4f u=%.6f w=%+.2f", level, f.m(level),
          f.u(level), f.weight(level)));
    }
    return s.toString();
  }
}
