package dev.omniid.datagen;

import java.util.Locale;

/**
 * A pattern of real customer files that {@link OmniChannelGenerator} gives to a seeded share of
 * people, labelled on every touchpoint of those people ({@link GeneratedTouchpoint#patterns()}) so
 * that an evaluation can tell which pattern a mistake comes from. The ground truth
 * ({@link GeneratedTouchpoint#personId()}) is the person whatever the pattern.
 *
 * <p>Each constant states what the pattern does and its default rate, set with
 * {@link OmniChannelGenerator.Builder#rate(Pattern, double)}.
 */
public enum Pattern {
  /**
   * 2 to 5 people at one address with one family name, different given names and birth dates,
   * sharing a landline (on a quarter of their phone records), a family mailbox (on a third of
   * their email records, next to their own) and sometimes a tablet. Rate: the chance that a
   * household starts at a given person (default 0.15, so about a third of people live in one).
   */
  HOUSEHOLD(0.15),
  /**
   * Father and son in one household with the same full name and address and birth dates 22 to 35
   * years apart; 40 % of their named records carry a generational suffix ({@code Jr}, {@code Sr},
   * {@code II}, {@code hijo}, {@code padre}) after the family name. Rate: the share of households
   * (default 0.10).
   */
  JUNIOR_SENIOR(0.10),
  /**
   * A person who is not in a household with the previous person but has that person's full name
   * (a different person: own mailbox, phones and birth date). Default 0.02.
   */
  NAMESAKE(0.02),
  /**
   * The one deliberate namesake collision: a namesake (as {@link #NAMESAKE}) who typed the other
   * person's mailbox on a third of their email records (a typo'd or recycled address). Every other
   * personal mailbox belongs to exactly one person. Default 0.002.
   */
  MISTYPED_EMAIL(0.002),
  /**
   * People who work at a company and give its shared mailbox ({@code info@}, {@code ventas@},
   * ...) on 40 % of their email records; a company has about 12 such people, differently named.
   * Default 0.02.
   */
  SHARED_MAILBOX(0.02),
  /**
   * A mobile of another country (a US number for people elsewhere, a Spanish one for people in the
   * US) written without its country code on two thirds of the records, so that it reads as a
   * wrong national number in the record's country. Default 0.02.
   */
  FOREIGN_PHONE(0.02),
  /**
   * A mobile in a range libphonenumber's metadata does not list (Spain {@code +34 75/76/79},
   * Argentina {@code +54 9 119}, Colombia {@code +57 38}, US exchanges starting with 0 or 1);
   * Mexico has none, so Mexican people are never given it. Default 0.02.
   */
  UNLISTED_PHONE_RANGE(0.02),
  /** The phone written as its last 7 digits (a local number) on a third of the phone records. Default 0.02. */
  LOCAL_PHONE(0.02),
  /**
   * The national id and the loyalty id written with separators ({@code 123-45-6789},
   * {@code 12.345.678-Z}, {@code LOY 1ABC}) on half of the records that carry them, compact on the
   * others. Default 0.05.
   */
  ID_SEPARATORS(0.05),
  /** Given and family name columns swapped ({@code García López | Ana}) on half the named records. Default 0.02. */
  SURNAME_FIRST(0.02),
  /** The email column holding a display name ({@code María Pérez <mperez12@x.com>}) on half the email records. Default 0.02. */
  DISPLAY_NAME_EMAIL(0.02),
  /**
   * Birth dates with slashes written in the other order than the person's country uses (month
   * first outside the US, day first in it) on half the records, as a source system set to another
   * locale writes them. Default 0.03.
   */
  MONTH_FIRST_DATE(0.03);

  private final double defaultRate;

  Pattern(double defaultRate) {
    this.defaultRate = defaultRate;
  }

  /**
   * The rate used unless the builder sets another.
   *
   * @return the rate in {@code [0, 1]}, a share of what the constant's description says (people,
   *     households, records)
   */
  public double defaultRate() {
    return defaultRate;
  }

  /**
   * The lower-case name written in {@code labels.csv}, e.g. {@code shared_mailbox}.
   *
   * @return the constant's name in lower case ({@link Locale#ROOT})
   */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
