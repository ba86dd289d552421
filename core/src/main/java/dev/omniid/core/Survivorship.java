package dev.omniid.core;

/**
 * How a {@link GoldenRecord} chooses one field's surviving value among the values a profile's
 * touchpoints carry. Whatever the rule, ties go down the fixed chain of
 * {@link SurvivorshipRules}, ending in the touchpoint id, so the choice never depends on the order
 * the touchpoints arrived in.
 */
public enum Survivorship {
  /**
   * The value of the latest touchpoint; a touchpoint without a time loses to every timed one.
   */
  MOST_RECENT,
  /** The value the most touchpoints carry (each touchpoint counts once per value). */
  MOST_FREQUENT,
  /** The longest value, in code points: the most complete spelling of an address or a name. */
  MOST_COMPLETE,
  /**
   * The value from the channel listed first in {@link SurvivorshipRules.Builder#channelPriority};
   * channels not listed come after every listed one.
   */
  SOURCE_PRIORITY
}
