package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.PersonConflict;
import dev.omniid.core.PersonRule;
import dev.omniid.core.Touchpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Example table for {@link PersonRules#contacts}: family names that share no word conflict, on top
 * of the standard rule, which alone never reads family names.
 */
class ContactPersonRuleTest {
  private static final PersonRule CONTACTS = PersonRules.contacts(false);
  private static final PersonRule STANDARD = PersonRules.standard();

  private static Touchpoint person(String given, String family) {
    Touchpoint.Builder b = Touchpoint.newBuilder("t").channel(Channel.WEB);
    if (!given.isEmpty()) {
      b.attribute(AttributeKey.GIVEN_NAME, given);
    }
    if (!family.isEmpty()) {
      b.attribute(AttributeKey.FAMILY_NAME, family);
    }
    return b.build();
  }

  @ParameterizedTest(name = "{0} {1} / {2} {3} -> {4}")
  @CsvSource(delimiter = '|', textBlock = """
      José      | Moore Sánchez     | José María | Ramírez Hernández | FAMILY_NAME
      Juan      | Gil Fernández     | Juan       | Jiménez Martínez  | FAMILY_NAME
      María     | Álvarez Rubio     | María José | Gutiérrez Núñez   | FAMILY_NAME
      Ana       | García            | Ana        | García López      | NONE
      Ana       | GARCIA LOPEZ      | ana        | garcía lópez      | NONE
      Ana       | López             | Ana        | García López      | NONE
      Laura     | Gutierrez         | Laura      | Gutiérres         | NONE
      Ana       | Torres Vega       | Ana        | ''                | NONE
      García    | Ana               | Ana        | García            | NONE
      Luis      | Pérez             | Pedro      | Pérez             | GIVEN_NAME
      Luis      | Pérez             | Pedro      | Gómez             | GIVEN_NAME
      """)
  void familyNamesThatShareNoWordAreTwoContacts(String given1, String family1, String given2,
      String family2, PersonConflict expected) {
    Touchpoint a = person(given1, family1);
    Touchpoint b = person(given2, family2);
    PersonConflict forward = CONTACTS.conflict(CONTACTS.traits(a), CONTACTS.traits(b));
    assertEquals(forward, CONTACTS.conflict(CONTACTS.traits(b), CONTACTS.traits(a)), "symmetric");
    assertEquals(expected, forward);
    // The standard rule never reads family names: a family conflict is the contacts rule's alone.
    PersonConflict standard = STANDARD.conflict(STANDARD.traits(a), STANDARD.traits(b));
    assertEquals(expected == PersonConflict.FAMILY_NAME ? PersonConflict.NONE : expected, standard);
  }
}
