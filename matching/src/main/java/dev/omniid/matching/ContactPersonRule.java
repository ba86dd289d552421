package dev.omniid.matching;

import dev.omniid.core.PersonConflict;
import dev.omniid.core.PersonRule;
import dev.omniid.core.PersonTraits;
import dev.omniid.core.Touchpoint;
import java.util.Objects;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** The standard rule with family names that conflict: see {@link PersonRules#contacts}. */
final class ContactPersonRule implements PersonRule {
  static final ContactPersonRule DAY_FIRST = new ContactPersonRule(PersonRules.standard(false));
  static final ContactPersonRule MONTH_FIRST = new ContactPersonRule(PersonRules.standard(true));

  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final double CLOSE = 0.92;
  private static final int MIN_FUZZY_LENGTH = 5;

  private final PersonRule standard;

  private ContactPersonRule(PersonRule standard) {
    this.standard = standard;
  }

  @Override
  public PersonTraits traits(Touchpoint touchpoint) {
    return standard.traits(touchpoint);
  }

  @Override
  public String countingKey(PersonTraits traits) {
    return standard.countingKey(traits);
  }

  @Override
  public PersonConflict conflict(PersonTraits a, PersonTraits b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    PersonConflict first = standard.conflict(a, b);
    return first != PersonConflict.NONE ? first : familyNamesConflict(a, b);
  }

  /**
   * {@link PersonConflict#FAMILY_NAME} when both name a family and the names share no word (nor a
   * mistyped one, nor given and family names swapped between the two), else {@code NONE}.
   */
  static PersonConflict familyNamesConflict(PersonTraits a, PersonTraits b) {
    if (a.familyName() == null || b.familyName() == null) {
      return PersonConflict.NONE;
    }
    String[] x = a.familyName().split(" ");
    String[] y = b.familyName().split(" ");
    for (String s : x) {
      for (String t : y) {
        if (agree(s, t)) {
          return PersonConflict.NONE;
        }
      }
    }
    // Given and family names swapped between the records ("García Ana" / "Ana García").
    if (a.givenName() != null && b.givenName() != null
        && contains(y, first(a.givenName())) && contains(x, first(b.givenName()))) {
      return PersonConflict.NONE;
    }
    return PersonConflict.FAMILY_NAME;
  }

  private static boolean agree(String s, String t) {
    if (s.equals(t)) {
      return true;
    }
    return s.length() >= MIN_FUZZY_LENGTH && t.length() >= MIN_FUZZY_LENGTH
        && JARO_WINKLER.apply(s, t) >= CLOSE;
  }

  private static boolean contains(String[] tokens, String token) {
    for (String t : tokens) {
      if (t.equals(token)) {
        return true;
      }
    }
    return false;
  }

  private static String first(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }
}
