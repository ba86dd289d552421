package dev.omniid.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why two touchpoints are, or are not, in one profile. It leads with the resolver's decision and
 * what made it: the {@linkplain #path() chain of links} that holds them in one profile (a shared
 * identifier, a scored match, or several through other touchpoints), or the
 * {@linkplain #refusals() refusals} that keep their profiles apart. The match model's score of the
 * pair on its own, the identifiers they share and those that are generic are supporting detail: a
 * pair can score below the threshold and still be one customer through a shared phone, or above it
 * and be kept apart by an exclusive-id clash. Identifier values are masked in {@link #explain()}.
 *
 * <p>Only the resolver makes explanations (the constructor is not public). Immutable and
 * thread-safe; two explanations are equal when all their parts are.
 */
public final class PairExplanation {
  private final String touchpointId;
  private final String otherTouchpointId;
  private final ProfileId profileId;
  private final ProfileId otherProfileId;
  private final List<Identifier> sharedIdentifiers;
  private final List<Identifier> sharedGenericValues;
  private final Optional<MatchScore> score;
  private final List<Evidence> evidence;
  private final List<Evidence> path;
  private final List<Evidence> refusals;

  /**
   * An explanation; made by the resolver only.
   *
   * @param touchpointId one touchpoint
   * @param otherTouchpointId the other
   * @param profileId the profile of the one
   * @param otherProfileId the profile of the other
   * @param sharedIdentifiers identifier values both carry that link
   * @param sharedGenericValues identifier values both carry that are generic and link nothing
   * @param score the pair's own match score, if the resolver has a model
   * @param evidence evidence edges directly between the two
   * @param path the links from the one to the other, when in one profile
   * @param refusals the refusals between their profiles, when in two
   */
  PairExplanation(String touchpointId, String otherTouchpointId, ProfileId profileId,
      ProfileId otherProfileId, List<Identifier> sharedIdentifiers,
      List<Identifier> sharedGenericValues, Optional<MatchScore> score, List<Evidence> evidence,
      List<Evidence> path, List<Evidence> refusals) {
    this.touchpointId = Objects.requireNonNull(touchpointId, "touchpointId");
    this.otherTouchpointId = Objects.requireNonNull(otherTouchpointId, "otherTouchpointId");
    this.profileId = Objects.requireNonNull(profileId, "profileId");
    this.otherProfileId = Objects.requireNonNull(otherProfileId, "otherProfileId");
    this.sharedIdentifiers = List.copyOf(sharedIdentifiers);
    this.sharedGenericValues = List.copyOf(sharedGenericValues);
    this.score = Objects.requireNonNull(score, "score");
    this.evidence = List.copyOf(evidence);
    this.path = List.copyOf(path);
    this.refusals = List.copyOf(refusals);
  }

  /**
   * One touchpoint of the pair.
   *
   * @return its id, as asked
   */
  public String touchpointId() {
    return touchpointId;
  }

  /**
   * The other touchpoint of the pair.
   *
   * @return its id, as asked
   */
  public String otherTouchpointId() {
    return otherTouchpointId;
  }

  /**
   * The profile {@link #touchpointId()} belongs to.
   *
   * @return its profile's id
   */
  public ProfileId profileId() {
    return profileId;
  }

  /**
   * The profile {@link #otherTouchpointId()} belongs to.
   *
   * @return its profile's id
   */
  public ProfileId otherProfileId() {
    return otherProfileId;
  }

  /**
   * The resolver's decision: whether the two are in one profile now. This, not
   * {@link MatchScore#matches()}, says whether they are one customer.
   *
   * @return whether {@link #profileId()} equals {@link #otherProfileId()}
   */
  public boolean sameProfile() {
    return profileId.equals(otherProfileId);
  }

  /**
   * The chain of links that holds the two in one profile, from {@link #touchpointId()} to
   * {@link #otherTouchpointId()}: one {@link Evidence.Kind#SHARED_IDENTIFIER} or
   * {@link Evidence.Kind#SCORED_MATCH} edge when they are linked directly, several through other
   * touchpoints of the profile otherwise.
   *
   * @return the linking edges in order along the chain; empty when they are in two profiles, or
   *     are one touchpoint asked about twice
   */
  public List<Evidence> path() {
    return path;
  }

  /**
   * The refusals that keep their two profiles apart: each names two touchpoints, one in each
   * profile, and why they could not be joined (an exclusive-id clash, a never-link rule, two
   * different people, an ambiguous shared value).
   *
   * @return the refusals; empty when they are in one profile, or when nothing links their
   *     profiles at all
   */
  public List<Evidence> refusals() {
    return refusals;
  }

  /**
   * The identifier values both carry that link.
   *
   * @return the shared linking values; values are normalized, masked by {@code toString}
   */
  public List<Identifier> sharedIdentifiers() {
    return sharedIdentifiers;
  }

  /**
   * The identifier values both carry that are generic (over-shared or junk) and link nothing.
   *
   * @return the shared generic values
   */
  public List<Identifier> sharedGenericValues() {
    return sharedGenericValues;
  }

  /**
   * The match model's score of the pair on its own: supporting detail, not the decision.
   *
   * @return the pair's waterfall; empty if the resolver has no match model
   */
  public Optional<MatchScore> score() {
    return score;
  }

  /**
   * The evidence edges directly between the two touchpoints (links or refusals).
   *
   * @return the edges that name both touchpoints
   */
  public List<Evidence> evidence() {
    return evidence;
  }

  /**
   * A text a person can read. It leads with the decision and what made it, e.g.
   * {@code a and b are in the same profile P-3: linked by a shared phone (+52*******34)
   * [deterministic]}, or {@code ... in the same profile P-3 through T-7 (a chain of 2 links)},
   * or {@code ... in different profiles P-1 and P-2, refused because ...}; then the shared and
   * generic values, and last the scored comparison of the pair alone, labelled as such, with
   * probabilities first and weights in brackets.
   *
   * @return the explanation, several lines; identifier values masked
   */
  public String explain() {
    String nl = System.lineSeparator();
    StringBuilder s = new StringBuilder();
    s.append(touchpointId).append(" and ").append(otherTouchpointId);
    if (sameProfile()) {
      s.append(" are in the same profile ").append(profileId);
      if (path.isEmpty()) {
        s.append(": they are one touchpoint").append(nl);
      } else if (path.size() == 1) {
        s.append(": linked by ").append(linkedBy(path.get(0))).append(nl);
      } else {
        List<String> through = new ArrayList<>();
        String at = touchpointId;
        for (int i = 0; i < path.size() - 1; i++) {
          Evidence e = path.get(i);
          at = e.touchpointId().equals(at) ? e.otherTouchpointId() : e.touchpointId();
          through.add(at);
        }
        s.append(" through ").append(String.join(", ", through)).append(" (a chain of ")
            .append(path.size()).append(" links):").append(nl);
        for (Evidence e : path) {
          s.append("    ").append(e.explain()).append(' ').append(tag(e)).append(nl);
        }
      }
    } else {
      s.append(" are in different profiles ").append(profileId).append(" and ")
          .append(otherProfileId);
      if (refusals.isEmpty()) {
        s.append(": nothing links them (no identifier that links is shared between their"
            + " profiles, and no scored match joins them)").append(nl);
      } else {
        s.append(", refused because:").append(nl);
        for (Evidence e : refusals) {
          s.append("    ").append(e.explain()).append(nl);
        }
      }
    }
    s.append("  shared identifiers: ")
        .append(sharedIdentifiers.isEmpty() ? "none" : sharedIdentifiers.toString()).append(nl);
    if (!sharedGenericValues.isEmpty()) {
      s.append("  shared but generic (link nothing): ").append(sharedGenericValues).append(nl);
    }
    for (Evidence e : evidence) {
      if (!path.contains(e) && !refusals.contains(e)) {
        s.append("  evidence: ").append(e.explain()).append(nl);
      }
    }
    score.ifPresent(m -> {
      s.append("  scored comparison of this pair alone (supporting detail; the decision above is"
          + " the resolver's):").append(nl).append(m.explain()).append(nl);
      if (sameProfile() && !m.matches()) {
        s.append("  (on its own the pair would not link; ")
            .append(path.size() == 1 && path.get(0).kind() == Evidence.Kind.SHARED_IDENTIFIER
                ? "the shared identifier links it" : "the links above join it")
            .append(')').append(nl);
      } else if (!sameProfile() && m.matches()) {
        s.append("  (on its own the pair would link; the resolver keeps it apart as said above)")
            .append(nl);
      }
    });
    return s.toString();
  }

  private static String linkedBy(Evidence e) {
    if (e.kind() == Evidence.Kind.SHARED_IDENTIFIER) {
      Identifier shared = e.identifiers().get(0);
      return "a shared " + shared.type() + " (" + shared.masked() + ") " + tag(e);
    }
    return "their scored match, " + MatchOdds.both(e.weight()) + " " + tag(e);
  }

  private static String tag(Evidence e) {
    return e.kind() == Evidence.Kind.SHARED_IDENTIFIER ? "[deterministic]" : "[probabilistic]";
  }

  /**
   * Whether {@code o} is an explanation with equal parts.
   *
   * @param o the object to compare with
   * @return whether every part is equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof PairExplanation p && touchpointId.equals(p.touchpointId)
        && otherTouchpointId.equals(p.otherTouchpointId) && profileId.equals(p.profileId)
        && otherProfileId.equals(p.otherProfileId) && sharedIdentifiers.equals(p.sharedIdentifiers)
        && sharedGenericValues.equals(p.sharedGenericValues) && score.equals(p.score)
        && evidence.equals(p.evidence) && path.equals(p.path) && refusals.equals(p.refusals);
  }

  /**
   * A hash of every part, consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(touchpointId, otherTouchpointId, profileId, otherProfileId,
        sharedIdentifiers, sharedGenericValues, score, evidence, path, refusals);
  }

  /**
   * The pair and the decision.
   *
   * @return a one-line summary; no personal value
   */
  @Override
  public String toString() {
    return "PairExplanation[" + touchpointId + ", " + otherTouchpointId + ", "
        + (sameProfile() ? "same profile " + profileId + " by " + path.size() + " link(s)"
            : "profiles " + profileId + " and " + otherProfileId + ", " + refusals.size()
                + " refusal(s)") + "]";
  }
}
