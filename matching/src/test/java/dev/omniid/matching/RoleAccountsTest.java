package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.PersonConflict;
import dev.omniid.core.PersonTraits;
import dev.omniid.core.Touchpoint;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link RoleAccounts} and what the {@link OmniId} defaults do with an office's mailbox and a
 * family's.
 */
class RoleAccountsTest {
  @ParameterizedTest
  @ValueSource(strings = {"info@acme.example", "ventas@acme.example", "contacto@acme.example",
      "sales@acme.example", "oficina@acme.example", "postmaster@acme.example",
      "ventas2@acme.example", "info.madrid@acme.example", "sales-es@acme.example",
      "atencion_cliente@acme.example", "info+web@acme.example", "kontakt@firma.example"})
  void roleAddressesAreRoleAccounts(String email) {
    assertTrue(RoleAccounts.emails().test(email), email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ana.ventas@acme.example", "informatica@acme.example",
      "salesforce@acme.example", "juan.perez@gmail.com", "maria@acme.example", "@acme.example",
      "info", "2info@acme.example", "officer@acme.example"})
  void personalAddressesAreNot(String email) {
    assertFalse(RoleAccounts.emails().test(email), email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"casagarcia12@gmail.com", "casa.garcia@gmail.com",
      "thesmiths@gmail.com", "the.smiths2@gmail.com", "the-millers@aol.example",
      "familia.lopez@hotmail.com", "familialopez1990@hotmail.com", "lopezfamilia@gmail.com",
      "millerfamily@gmail.com", "family.miller@gmail.com", "famille-dupont@orange.fr",
      "familiemueller@web.de", "muellerfamilie@web.de", "famigliarossi@libero.it",
      "casagarcia+tienda@gmail.com", "ourfamily@gmail.com"})
  void familyMailboxesAreRoleAccounts(String email) {
    assertTrue(RoleAccounts.emails().test(email), email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ana.garcia@gmail.com", "casas@gmail.com", "casado2@gmail.com",
      "thomas@gmail.com", "theo@gmail.com", "these@gmail.com", "myfamily@gmail.com",
      "family@gmail.com", "garcia.casa@gmail.com", "ana.casagarcia@gmail.com",
      "12casagarcia@gmail.com", "the.smith@gmail.com", "casa@familia-ficticia.es"})
  void personalAddressesWithFamilyWordsAreNot(String email) {
    assertFalse(RoleAccounts.emails().test(email), email);
  }

  @Test
  void everyFamilyShapeHoldsAFamilyNameOfThreeLettersOrMore() {
    List<String> shapes = ReferenceData.lines("family-mailboxes.txt");
    assertTrue(shapes.size() >= 10, "the shapes: " + shapes);
    for (String shape : shapes) {
      assertTrue(RoleAccounts.emails().test(shape.replace("*", "ruiz") + "@x.example"), shape);
      assertTrue(RoleAccounts.emails().test(shape.replace("*", "r.u-iz") + "7@x.example"), shape);
      assertFalse(RoleAccounts.emails().test(shape.replace("*", "ru") + "@x.example"), shape);
      assertFalse(RoleAccounts.emails().test("x" + shape.replace("*", "ruiz") + "x@x.example"),
          shape);
    }
  }

  @Test
  void everyListedRoleIsOneAloneWithASuffixAndNotInsideAnotherWord() {
    List<String> roles = ReferenceData.lines("role-accounts.txt");
    assertTrue(roles.size() > 100, "the list: " + roles.size());
    for (String role : roles) {
      assertTrue(RoleAccounts.emails().test(role + "@acme.example"), role);
      assertTrue(RoleAccounts.emails().test(role + "2@acme.example"), role);
      assertTrue(RoleAccounts.emails().test(role + ".norte@acme.example"), role);
      assertFalse(RoleAccounts.emails().test("x" + role + "@acme.example"), role);
      assertFalse(RoleAccounts.emails().test(role + "x@acme.example"), role);
    }
  }

  @Test
  void theNormalizedFormIsWhatIsTested() {
    String normalized = EmailNormalizer.standard().normalize("  VENTAS@Acme.Example ");
    assertTrue(RoleAccounts.emails().test(normalized), normalized);
  }

  @Test
  void theStandardRuleTellsColleaguesApartByTheirFamilyNamesAtARoleAccount() {
    PersonTraits garcia = new PersonTraits("pablo", "alonso hernandez", null, null);
    PersonTraits nunez = new PersonTraits("pablo", "nunez martin", null, null);
    PersonTraits married = new PersonTraits("pablo", "nunez", null, null);
    PersonTraits unknown = new PersonTraits("pablo", null, null, null);
    var rule = PersonRules.standard();
    assertEquals(PersonConflict.NONE, rule.conflict(garcia, nunez), "elsewhere, never");
    assertEquals(PersonConflict.FAMILY_NAME, rule.conflictAtRoleAccount(garcia, nunez));
    assertEquals(PersonConflict.NONE, rule.conflictAtRoleAccount(nunez, married));
    assertEquals(PersonConflict.NONE, rule.conflictAtRoleAccount(garcia, unknown));
    PersonTraits luis = new PersonTraits("luis", "nunez", null, null);
    assertEquals(PersonConflict.GIVEN_NAME, rule.conflictAtRoleAccount(luis, married));
  }

  private static Touchpoint touchpoint(String id, String given, String family, String birth,
      String email) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .eventKind(EventKind.VISIT).identifier(IdentifierType.EMAIL, email);
    if (given != null) {
      b.attribute(AttributeKey.GIVEN_NAME, given);
    }
    if (family != null) {
      b.attribute(AttributeKey.FAMILY_NAME, family);
    }
    if (birth != null) {
      b.attribute(AttributeKey.BIRTH_DATE, birth);
    }
    return b.build();
  }

  private static Set<Set<String>> partition(List<Touchpoint> touchpoints) {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    resolver.resolveAll(touchpoints);
    return resolver.profiles().map(p -> (Set<String>) new TreeSet<>(p.touchpointIds()))
        .collect(Collectors.toSet());
  }

  /**
   * The cases of the generated files, at an office's mailbox and at a family's: a visit naming
   * nobody, or naming a birth date alone, is anyone's who reads it; the person herself, on two
   * records, links; a colleague of one given name and another family, or a daughter, stays apart.
   */
  @ParameterizedTest
  @CsvSource({"ventas@logistica.example, Antonio, Gil",
      "casadominguez@gmail.com, Lucía, Domínguez Ruiz"})
  void theDefaultsLinkAnOfficeOrFamilyMailboxOnlyBetweenAgreeingPeople(String mailbox,
      String otherGiven, String otherFamily) {
    List<Touchpoint> touchpoints = List.of(
        touchpoint("a1", "Antonio", "Domínguez", null, mailbox),
        touchpoint("a2", "Antonio", "Domínguez Ruiz", "1970-11-12",
            mailbox.toUpperCase(java.util.Locale.ROOT)),
        touchpoint("s1", null, null, "12/11/1982", mailbox),
        touchpoint("s2", null, null, null, mailbox),
        touchpoint("c1", otherGiven, otherFamily, null, mailbox));
    assertEquals(Set.of(Set.of("a1", "a2"), Set.of("s1"), Set.of("s2"), Set.of("c1")),
        partition(touchpoints));
  }

  /** A personal address links a visit naming nobody, as before: the mailbox is one person's. */
  @Test
  void aPersonalAddressStillLinksAVisitNamingNobody() {
    List<Touchpoint> touchpoints = List.of(
        touchpoint("a1", "Antonio", "Domínguez", null, "antonio.dominguez@gmail.com"),
        touchpoint("s1", null, null, null, "antonio.dominguez@gmail.com"));
    assertEquals(Set.of(Set.of("a1", "s1")), partition(touchpoints));
  }
}
