package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * What resolving a batch did. Immutable and thread-safe.
 *
 * <p>Only the resolver makes batch results (the constructor is not public), as it alone makes a
 * {@link Resolution}. Two results are equal when all their parts are.
 */
public final class BatchResult {
  private final int accepted;
  private final int duplicates;
  private final int rejected;
  private final List<Problem> problems;
  private final List<ProfileEvent> events;

  /**
   * A batch result; made by the resolver only.
   *
   * @param accepted touchpoints added
   * @param duplicates touchpoints already resolved with the same content
   * @param rejected touchpoints refused whole
   * @param problems every refused touchpoint and unusable value
   * @param events every change to the partition, in order
   */
  BatchResult(int accepted, int duplicates, int rejected, List<Problem> problems,
      List<ProfileEvent> events) {
    this.accepted = accepted;
    this.duplicates = duplicates;
    this.rejected = rejected;
    this.problems = List.copyOf(problems);
    this.events = List.copyOf(events);
  }

  /**
   * The touchpoints added to the resolver.
   *
   * @return how many were accepted
   */
  public int accepted() {
    return accepted;
  }

  /**
   * The touchpoints already resolved with the same content: nothing changed for them.
   *
   * @return how many were duplicates
   */
  public int duplicates() {
    return duplicates;
  }

  /**
   * The touchpoints refused whole (a duplicate id with different content, two values of an
   * exclusive type, a null entry): each is described in {@link #problems()}.
   *
   * @return how many were rejected
   */
  public int rejected() {
    return rejected;
  }

  /**
   * Every refused touchpoint and every unusable value: identifiers the normalizer refuses
   * ({@code identifiers[i] (type)}) and attributes a match field's normalizer refuses
   * ({@code attributes[key]}), never the value itself.
   *
   * @return the problems, in the order found
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Every change to the partition.
   *
   * @return the events, in the order listeners heard them
   */
  public List<ProfileEvent> events() {
    return events;
  }

  /**
   * Whether {@code o} is a batch result with equal parts.
   *
   * @param o the object to compare with
   * @return whether every part is equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof BatchResult b && accepted == b.accepted && duplicates == b.duplicates
        && rejected == b.rejected && problems.equals(b.problems) && events.equals(b.events);
  }

  /**
   * A hash of every part, consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(accepted, duplicates, rejected, problems, events);
  }

  /**
   * Every part, in the form a record would print it.
   *
   * @return a description of the result; no personal value
   */
  @Override
  public String toString() {
    return "BatchResult[accepted=" + accepted + ", duplicates=" + duplicates + ", rejected="
        + rejected + ", problems=" + problems + ", events=" + events + "]";
  }
}
