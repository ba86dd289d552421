package dev.omniid.core;

import java.util.List;

/**
 * What resolving a batch did.
 *
 * @param accepted touchpoints added to the resolver
 * @param duplicates touchpoints already resolved with the same content (nothing changed)
 * @param rejected touchpoints refused whole (a duplicate id with different content, two values
 *     of an exclusive type): each is described in {@code problems}
 * @param problems every refused touchpoint and every unusable identifier, with its position
 * @param events every change to the partition, in order
 */
public record BatchResult(
    int accepted, int duplicates, int rejected, List<Problem> problems, List<ProfileEvent> events) {

  /**
   * Copies the lists, so that the result is immutable.
   *
   * @param accepted touchpoints added to the resolver
   * @param duplicates touchpoints already resolved with the same content
   * @param rejected touchpoints refused whole
   * @param problems the refused touchpoints and unusable identifiers; not null, copied
   * @param events the changes to the partition, in order; not null, copied
   * @throws NullPointerException if a list or an element is null
   */
  public BatchResult {
    problems = List.copyOf(problems);
    events = List.copyOf(events);
  }
}
