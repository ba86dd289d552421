package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.PersonConflict;
import dev.omniid.core.PersonRule;
import dev.omniid.core.PersonTraits;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Example tables for {@link PersonRules#standard()}: EN and ES families, namesakes, keying slips. */
class PersonRulesTest {
  private static final PersonRule RULE = PersonRules.standard();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Touchpoint touchpoint(String given, String family, String full, String birthDate) {
    Touchpoint.Builder b = Touchpoint.newBuilder("t").channel(Channel.WEB).timestamp(T0);
    if (given != null) {
      b.attribute(AttributeKey.GIVEN_NAME, given);
    }
    if (family != null) {
      b.attribute(AttributeKey.FAMILY_NAME, family);
    }
    if (full != null) {
      b.attribute(AttributeKey.FULL_NAME, full);
    }
    if (birthDate != null) {
      b.attribute(AttributeKey.BIRTH_DATE, birthDate);
    }
    return b.build();
  }

  private static PersonConflict conflict(Touchpoint a, Touchpoint b) {
    PersonConflict forward = RULE.conflict(RULE.traits(a), RULE.traits(b));
    assertEquals(forward, RULE.conflict(RULE.traits(b), RULE.traits(a)), "symmetric");
    return forward;
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Luis          | Pedro         | GIVEN_NAME
      José          | Pepe          | NONE
      Francisco     | Paco          | NONE
      Dolores       | Lola          | NONE
      William       | Bill          | NONE
      Robert        | Bob           | NONE
      J.            | Juan          | NONE
      Juan          | Juana         | GIVEN_NAME
      Luis          | Luisa         | GIVEN_NAME
      Mario         | María         | GIVEN_NAME
      Daniel        | Daniela       | GIVEN_NAME
      Francisco     | Francisca     | GIVEN_NAME
      José Luis     | José          | NONE
      José Luis     | José Antonio  | GIVEN_NAME
      María José    | María         | NONE
      María José    | José          | GIVEN_NAME
      María Carmen  | Carmen        | NONE
      María Dolores | Lola          | NONE
      María Dolores | Mariloli      | NONE
      Chema         | José          | NONE
      Chema         | José María    | NONE
      J. L.         | José Luis     | NONE
      JOSÉ          | jose          | NONE
      Jose          | Joes          | NONE
      Michael       | Micheal       | NONE
      Catherine     | Katherine     | NONE
      Ana           | Eva           | GIVEN_NAME
      John          | James         | GIVEN_NAME
      Ma. Guadalupe | Lupe          | NONE
      """)
  void givenNames(String a, String b, PersonConflict expected) {
    assertEquals(expected, conflict(touchpoint(a, "García", null, "1985-03-12"),
        touchpoint(b, "García", null, "1985-03-12")));
  }

  // A space keyed into, dropped from or moved within a given name: the letters agree once the
  // spaces go, or are one typo apart when the spaces sit in different places. Names split alike
  // are still compared token by token, so "maria jose" / "mario jose" stays two people.
  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Luc y          | Lucy          | NONE
      Mari a         | María         | NONE
      Ma ria         | Maria         | NONE
      Lu cy          | Luc y         | NONE
      Mariajose      | María José    | NONE
      Josel uis      | José Luis     | NONE
      Lachlq njohn   | Lachlan John  | NONE
      Lachlan joh n  | Lachlanjonh   | NONE
      Glen da        | Glenda        | NONE
      Pau la         | Paula         | NONE
      María de los Ángeles | María Ángeles | NONE
      María José     | Maria Jose    | NONE
      María José     | Mario José    | GIVEN_NAME
      Luc y          | Lucas         | GIVEN_NAME
      Luc y          | Luis          | GIVEN_NAME
      Ana Luisa      | Ana Luis      | GIVEN_NAME
      Jo se          | Jesus         | GIVEN_NAME
      Lachlq njohn   | Lachlan James | GIVEN_NAME
      """)
  void aSpaceSlippedIntoAGivenNameIsAKeyingError(String a, String b, PersonConflict expected) {
    assertEquals(expected, conflict(touchpoint(a, "García", null, "1985-03-12"),
        touchpoint(b, "García", null, "1985-03-12")));
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      1985-03-12 | 1985-03-12 | NONE
      1985-03-12 | 1985-12-03 | NONE
      1985-03-12 | 1985-03-13 | NONE
      1985-03-12 | 1958-03-12 | NONE
      1985-03-12 | 1985-03-21 | NONE
      1985-03-12 | 1986-03-12 | NONE
      12/03/1985 | 1985-03-12 | NONE
      1985-03-12 | 1990-07-01 | BIRTH_DATE
      1985-03-12 | 2012-06-30 | BIRTH_DATE
      1985-03-12 | 1989-03-12 | NONE
      1985-03-12 | 1990-03-12 | BIRTH_DATE
      1985-03-12 | 1985-04-13 | BIRTH_DATE
      """)
  void birthDates(String a, String b, PersonConflict expected) {
    assertEquals(expected, conflict(touchpoint("Ana", "García", null, a), touchpoint("Ana", "García", null, b)));
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      Juan García Jr        | Juan García Sr        | SUFFIX
      Juan García Jr.       | Juan García           | NONE
      Juan García hijo      | Juan García padre     | SUFFIX
      Juan García hijo      | Juan García Jr        | NONE
      Juan García (h)       | Juan García Sr.       | SUFFIX
      John Smith II         | John Smith III        | SUFFIX
      John Smith II         | John Smith Jr         | NONE
      John Smith III        | John Smith III        | NONE
      John Smith Senior     | John Smith Junior     | SUFFIX
      Sr. Juan García       | Juan García Jr        | NONE
      """)
  void generationalSuffixes(String a, String b, PersonConflict expected) {
    assertEquals(expected, conflict(touchpoint(null, null, a, null), touchpoint(null, null, b, null)));
  }

  @ParameterizedTest(name = "{0} / {1} {2}")
  @CsvSource(delimiter = '|', textBlock = """
      García Ana          | Ana             | García
      García López, Ana   | Ana             | García López
      Ana García, Jr.     | Ana             | García
      Fco. García         | Paco            | García
      Ana García          | Ana             | García
      Ana María García    | Ana             | García
      """)
  void surnameFirstFullNamesAgreeWithGivenAndFamilyColumns(String full, String given, String family) {
    assertEquals(PersonConflict.NONE, conflict(touchpoint(null, null, full, null),
        touchpoint(given, family, null, null)));
  }

  @ParameterizedTest(name = "{0} {1} / {2} {3} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      Ana    | García | García | Ana    | NONE
      Pedro  | Gómez  | Gómez  | Pedro  | NONE
      Luis   | García | Pedro  | García | GIVEN_NAME
      Luis   | García | García | Pedro  | GIVEN_NAME
      Ana    | García López | López  | Ana | NONE
      Ana    | López García | López  | Ana | NONE
      Ana    | García  López | Lopes | Ana | NONE
      Ana    | García López | Ruiz   | Ana | GIVEN_NAME
      Ana    | García López | Gómez  | Ana López | GIVEN_NAME
      """)
  void givenAndFamilySwappedBetweenRecordsIsNoConflict(String g1, String f1, String g2, String f2,
      PersonConflict expected) {
    assertEquals(expected, conflict(touchpoint(g1, f1, null, null), touchpoint(g2, f2, null, null)));
  }

  @ParameterizedTest(name = "{0} / {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Luis García    | Pedro García
      García Luis    | García Pedro
      """)
  void differentPeopleOfOneFamilyInFullNamesConflict(String a, String b) {
    assertEquals(PersonConflict.GIVEN_NAME, conflict(touchpoint(null, null, a, null), touchpoint(null, null, b, null)));
  }

  @org.junit.jupiter.api.Test
  void familyNamesAloneNeverConflict() {
    // Marriage, a second surname, a mother's surname used alone.
    assertEquals(PersonConflict.NONE, conflict(touchpoint("Ana", "García", null, "1985-03-12"),
        touchpoint("Ana", "Martínez Ruiz", null, "1985-03-12")));
  }

  @org.junit.jupiter.api.Test
  void aTraitOneSideLacksIsNoConflict() {
    Touchpoint givenOnly = touchpoint("Luis", null, null, null);
    Touchpoint dateOnly = touchpoint(null, null, null, "1985-03-12");
    Touchpoint familyOnly = touchpoint(null, "García", null, null);
    Touchpoint other = touchpoint(null, "Gómez", null, "1970-01-01");
    assertEquals(PersonConflict.NONE, conflict(givenOnly, other));
    assertEquals(PersonConflict.NONE, conflict(givenOnly, dateOnly));
    assertEquals(PersonConflict.NONE, conflict(familyOnly, other));
    assertEquals(PersonConflict.NONE, conflict(dateOnly, touchpoint("Pedro", "Gómez", null, null)));
    assertEquals(PersonConflict.BIRTH_DATE, conflict(dateOnly, other));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      Ana          | García      |              | 07/03/1985 | ana   | garcia      | 1985-03-07 |
      Juan Jr.     | Pérez       |              |            | juan  | perez       |            | JR
                   |             | Pérez, Juan  | not a date | juan  | perez       |            |
                   |             | García Ana   |            | ana   | garcia      |            |
                   |             | Robert Miller, Sr. |      | robert | miller     |            | SR
                   |             | José Luis Martín Pardo, padre | | jose | luis martin pardo | | SR
                   |             | Miller Jr, Robert |       | robert | miller      |            | JR
                   |             | Ana          |            |       |             |            |
      ###          | ###         |              | 31/02/1985 |       |             |            |
      Luc y        | García      |              |            | luc y | garcia      |            |
      María de la Paz | de la Cruz |             |            | maria paz | cruz    |            |
      """)
  void traits(String given, String family, String full, String birthDate,
      String tGiven, String tFamily, String tBirthDate, String tSuffix) {
    assertEquals(new PersonTraits(tGiven, tFamily, tBirthDate, tSuffix),
        RULE.traits(touchpoint(given, family, full, birthDate)));
  }
}
