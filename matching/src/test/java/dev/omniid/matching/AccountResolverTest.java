package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AccountBatchResult;
import dev.omniid.core.AccountJourneyEntry;
import dev.omniid.core.AccountResolution;
import dev.omniid.core.AccountResolver;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Problem;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Accounts and contacts with OmniID's defaults: each look-up, and the cases of issue 17. */
class AccountResolverTest {

  /** A valid Spanish CIF built on {@code B} and seven digits: the check digit is computed. */
  static String cif(String sevenDigits) {
    for (char c : "0123456789".toCharArray()) {
      String candidate = "B" + sevenDigits + c;
      if (TaxIds.verdict("ES", candidate) == TaxIds.Verdict.VALID) {
        return candidate;
      }
    }
    throw new AssertionError("no check digit for " + sevenDigits);
  }

  /** The same CIF with a wrong check digit. */
  static String wrongCheckDigit(String validCif) {
    char last = validCif.charAt(validCif.length() - 1);
    char wrong = last == '9' ? '0' : (char) (last + 1);
    return validCif.substring(0, validCif.length() - 1) + wrong;
  }

  private static int second;

  private static Touchpoint.Builder tp(String id, Channel channel) {
    return Touchpoint.newBuilder(id).channel(channel).timestamp(Instant.ofEpochSecond(++second))
        .attribute(AttributeKey.COUNTRY, "ES");
  }

  private static AccountResolver resolver() {
    return OmniId.accountResolverBuilder().defaultRegion("ES").build();
  }

  @Test
  void aContactOrderingForTheShopIsRelatedToItAndEveryLookUpAnswers() {
    try (AccountResolver r = resolver()) {
      String shop = cif("1234567");
      AccountResolution app = r.resolve(tp("app-1", Channel.MOBILE_APP)
          .identifier(IdentifierType.EMAIL, "ana@ferreteria-sol.es")
          .attribute(AttributeKey.FULL_NAME, "Ana Pérez")
          .identifier(TaxIds.TAX_ID, shop)
          .attribute(CompanyNames.ORG_NAME, "Ferretería El Sol, S.L.").build());
      r.resolve(tp("portal-1", Channel.WEB)
          .identifier(IdentifierType.EMAIL, "ana@ferreteria-sol.es")
          .attribute(CompanyNames.ORG_NAME, "Ferreteria El Sol SL")
          .identifier(TaxIds.TAX_ID, "ES" + shop).build());
      // A rep's order names the shop only: an account touchpoint without a contact.
      AccountResolution rep = r.resolve(tp("rep-1", Channel.SALES_REP)
          .identifier(TaxIds.TAX_ID, shop.charAt(0) + "-" + shop.substring(1, 3) + "."
              + shop.substring(3, 6) + "." + shop.substring(6))
          .payload("order", "A-77").build());
      // Another contact of the same shop, through the portal.
      r.resolve(tp("portal-2", Channel.WEB)
          .identifier(IdentifierType.EMAIL, "luis@ferreteria-sol.es")
          .attribute(AttributeKey.FULL_NAME, "Luis Gómez")
          .identifier(TaxIds.TAX_ID, shop).build());

      assertTrue(rep.contact().isEmpty(), "a rep's order names no person");
      ProfileId account = app.account().orElseThrow().profileId();
      ProfileId ana = app.contact().orElseThrow().profileId();
      assertTrue(account.value() >= AccountResolver.FIRST_ACCOUNT_ID);
      assertTrue(ana.value() < AccountResolver.FIRST_ACCOUNT_ID);
      for (String id : List.of("app-1", "portal-1", "rep-1", "portal-2")) {
        assertEquals(Optional.of(account), r.accountOf(id), id);
      }
      assertEquals(Optional.of(ana), r.contactOf("portal-1"));
      assertEquals(Optional.empty(), r.contactOf("rep-1"));
      ProfileId luis = r.contactOf("portal-2").orElseThrow();
      assertNotEquals(ana, luis);
      assertEquals(List.of(ana, luis), r.contactsOf(account));
      assertEquals(List.of(account), r.accountsOf(ana));
      assertEquals(List.of(account), r.accountsOf(luis));

      List<AccountJourneyEntry> journey = r.accountJourney(account);
      assertEquals(List.of("app-1", "portal-1", "rep-1", "portal-2"),
          journey.stream().map(e -> e.touchpoint().id()).toList());
      assertEquals(List.of(Channel.MOBILE_APP, Channel.WEB, Channel.SALES_REP, Channel.WEB),
          journey.stream().map(AccountJourneyEntry::channel).toList());
      assertEquals(List.of(Optional.of(ana), Optional.of(ana), Optional.<ProfileId>empty(),
          Optional.of(luis)), journey.stream().map(AccountJourneyEntry::contact).toList());
      assertEquals("A-77", journey.get(2).touchpoint().payload().get("order"));

      // The account holds the company; the contact holds the person.
      assertEquals(4, r.account(account).orElseThrow().size());
      assertTrue(r.account(account).orElseThrow().identifiers().stream()
          .allMatch(i -> i.type().equals(TaxIds.TAX_ID)));
      assertEquals(2, r.contact(ana).orElseThrow().size());
      assertTrue(r.contact(ana).orElseThrow().journey().stream()
          .noneMatch(t -> t.identifiers().stream().anyMatch(i -> i.type().equals(TaxIds.TAX_ID))));
      assertEquals(Optional.empty(), r.account(ana), "a contact's id is no account's");
      assertEquals(Optional.empty(), r.contact(account), "an account's id is no contact's");
      assertEquals(4, r.organisations().touchpointCount());
      assertEquals(3, r.persons().touchpointCount());
    }
  }

  /** The README's example, as written there. */
  @Test
  void theReadmeExample() {
    try (AccountResolver accounts = OmniId.accountResolverBuilder().defaultRegion("ES").build()) {
      accounts.resolve(Touchpoint.newBuilder("app-1").channel(Channel.MOBILE_APP)
          .identifier(IdentifierType.EMAIL, "ana@ferreteria-sol.es")
          .identifier(TaxIds.TAX_ID, "B-12.345.674")
          .attribute(CompanyNames.ORG_NAME, "Ferretería El Sol, S.L.").build());
      accounts.resolve(Touchpoint.newBuilder("rep-7").channel(Channel.SALES_REP)
          .identifier(TaxIds.TAX_ID, "ESB12345674").build());
      ProfileId shop = accounts.accountOf("rep-7").orElseThrow();
      assertEquals("P-1000000000001", shop.toString());
      assertEquals(List.of(ProfileId.parse("P-1")), accounts.contactsOf(shop));
      assertEquals(List.of(shop), accounts.accountsOf(accounts.contactOf("app-1").orElseThrow()));
      List<AccountJourneyEntry> journey = accounts.accountJourney(shop);
      assertEquals(List.of("app-1", "rep-7"), journey.stream().map(e -> e.touchpoint().id()).toList());
      assertEquals(List.of(Optional.of(ProfileId.parse("P-1")), Optional.<ProfileId>empty()),
          journey.stream().map(AccountJourneyEntry::contact).toList());
    }
  }

  @Test
  void aContactActingForTwoShopsIsRelatedToBothAndNothingMerges() {
    try (AccountResolver r = resolver()) {
      r.resolve(tp("a", Channel.WEB).identifier(IdentifierType.EMAIL, "marta.ruiz@gmail.com")
          .identifier(TaxIds.TAX_ID, cif("1234567"))
          .attribute(CompanyNames.ORG_NAME, "Ferretería El Sol S.L.").build());
      r.resolve(tp("b", Channel.MOBILE_APP).identifier(IdentifierType.EMAIL, "marta.ruiz@gmail.com")
          .identifier(TaxIds.TAX_ID, cif("7654321"))
          .attribute(CompanyNames.ORG_NAME, "Droguería La Luna S.L.").build());
      ProfileId marta = r.contactOf("a").orElseThrow();
      assertEquals(Optional.of(marta), r.contactOf("b"), "one person");
      ProfileId sol = r.accountOf("a").orElseThrow();
      ProfileId luna = r.accountOf("b").orElseThrow();
      assertNotEquals(sol, luna, "two shops");
      assertEquals(List.of(sol, luna).stream().sorted().toList(), r.accountsOf(marta));
      assertEquals(List.of(marta), r.contactsOf(sol));
      assertEquals(List.of(marta), r.contactsOf(luna));
      assertEquals(2, r.organisations().profileCount());
      assertEquals(1, r.persons().profileCount());
    }
  }

  @Test
  void similarNamesWithDifferentTaxIdsStayApart() {
    try (AccountResolver r = resolver()) {
      r.resolve(tp("x", Channel.WEB).identifier(TaxIds.TAX_ID, cif("1111111"))
          .attribute(CompanyNames.ORG_NAME, "Distribuciones García Hnos. S.L.")
          .attribute(Organisations.ORG_POSTAL_CODE, "28001")
          .attribute(Organisations.ORG_CITY, "Madrid").build());
      r.resolve(tp("y", Channel.WEB).identifier(TaxIds.TAX_ID, cif("2222222"))
          .attribute(CompanyNames.ORG_NAME, "Distribuciones Garcia Hermanos SL")
          .attribute(Organisations.ORG_POSTAL_CODE, "28001")
          .attribute(Organisations.ORG_CITY, "Madrid").build());
      assertNotEquals(r.accountOf("x"), r.accountOf("y"));
      // Without its tax id, the same name and address still goes with one of them.
      r.resolve(tp("z", Channel.CATALOG)
          .attribute(CompanyNames.ORG_NAME, "Distrib. García Hnos.")
          .attribute(Organisations.ORG_POSTAL_CODE, "28001").build());
      assertEquals(2, r.organisations().profileCount());
    }
  }

  @Test
  void oneCompanyWrittenManyWaysIsOneAccount() {
    try (AccountResolver r = resolver()) {
      String shop = cif("5555555");
      List<Touchpoint> spellings = List.of(
          tp("s1", Channel.WEB).identifier(TaxIds.TAX_ID, shop)
              .attribute(CompanyNames.ORG_NAME, "Distribuciones Hermanos Núñez, S.L.")
              .attribute(Organisations.ORG_POSTAL_CODE, "41001")
              .attribute(Organisations.ORG_CITY, "Sevilla").build(),
          tp("s2", Channel.SALES_REP).identifier(TaxIds.TAX_ID, "ES " + shop.toLowerCase())
              .attribute(CompanyNames.ORG_NAME, "Distrib. Hnos. Nunez SL").build(),
          tp("s3", Channel.CATALOG)
              .attribute(CompanyNames.ORG_NAME, "DISTRIBUCIONES HNOS NUÑEZ S.L.U.")
              .attribute(Organisations.ORG_POSTAL_CODE, "41001").build(),
          tp("s4", Channel.MOBILE_APP)
              .attribute(CompanyNames.ORG_NAME, "Hermanos Núñez Distribuciones")
              .attribute(Organisations.ORG_CITY, "sevilla").build(),
          tp("s5", Channel.WEB).identifier(TaxIds.TAX_ID,
                  shop.charAt(0) + "-" + shop.substring(1, 3) + "." + shop.substring(3, 6) + "."
                      + shop.substring(6))
              .attribute(CompanyNames.ORG_NAME, "Núñez Hnos.").build());
      AccountBatchResult result = r.resolveAll(spellings);
      assertEquals(5, result.accepted());
      assertEquals(1, r.organisations().profileCount(),
          () -> r.organisations().profiles().toList().toString());
      assertEquals(0, r.persons().touchpointCount(), "no person named");
    }
  }

  @Test
  void aWrongCheckDigitIsReportedAndTheRecordResolvesOnItsOtherEvidence() {
    try (AccountResolver r = resolver()) {
      String shop = cif("3333333");
      r.resolve(tp("ok", Channel.WEB).identifier(TaxIds.TAX_ID, shop)
          .attribute(CompanyNames.ORG_NAME, "Papelería Central S.L.")
          .attribute(Organisations.ORG_POSTAL_CODE, "08001")
          .attribute(Organisations.ORG_CITY, "Barcelona").build());
      AccountResolution typo = r.resolve(tp("typo", Channel.SALES_REP)
          .identifier(TaxIds.TAX_ID, wrongCheckDigit(shop))
          .identifier(IdentifierType.EMAIL, "jordi@papeleriacentral.cat")
          .attribute(CompanyNames.ORG_NAME, "Papeleria Central SL")
          .attribute(Organisations.ORG_POSTAL_CODE, "08001").build());
      List<Problem> problems = typo.problems();
      assertEquals(1, problems.size(), problems::toString);
      Problem p = problems.get(0);
      assertEquals("typo", p.touchpointId());
      assertEquals(OmniIdException.Reason.INVALID_VALUE, p.reason());
      assertTrue(p.detail().contains("check digit"), p.detail());
      assertFalse(p.toString().contains(wrongCheckDigit(shop).substring(1, 8)),
          "never the number");
      assertEquals(problems, typo.account().orElseThrow().problems());
      assertEquals(r.accountOf("ok"), r.accountOf("typo"), "name and postal code still link");
      assertTrue(typo.contact().isPresent());
    }
  }

  @Test
  void removeAndForgetReachBothSides() {
    try (AccountResolver r = resolver()) {
      String shop = cif("4444444");
      r.resolve(tp("t1", Channel.WEB).identifier(IdentifierType.EMAIL, "eva@tienda.es")
          .identifier(TaxIds.TAX_ID, shop).build());
      r.resolve(tp("t2", Channel.WEB).identifier(IdentifierType.EMAIL, "eva@tienda.es").build());
      r.resolve(tp("t3", Channel.SALES_REP).identifier(TaxIds.TAX_ID, shop).build());
      assertFalse(r.remove("t3").isEmpty());
      assertEquals(Optional.empty(), r.accountOf("t3"));
      assertEquals(List.of("t1", "t2"), r.forget(IdentifierType.EMAIL, "EVA@tienda.es"));
      assertEquals(0, r.persons().touchpointCount());
      assertEquals(0, r.organisations().touchpointCount(), "t1's account part went with it");

      r.resolve(tp("u1", Channel.WEB).identifier(IdentifierType.EMAIL, "leo@tienda.es")
          .identifier(TaxIds.TAX_ID, shop).build());
      ProfileId account = r.accountOf("u1").orElseThrow();
      assertEquals(List.of("u1"), r.forget(account));
      assertEquals(0, r.persons().touchpointCount());
      assertEquals(List.of(), r.remove("unknown"));
    }
  }

  @Test
  void aRepeatIsADuplicateAndOtherContentUnderAKnownIdIsRefused() {
    try (AccountResolver r = resolver()) {
      Touchpoint t = tp("d", Channel.WEB).identifier(IdentifierType.EMAIL, "rosa@bar.es")
          .identifier(TaxIds.TAX_ID, cif("6666666")).build();
      r.resolve(t);
      AccountResolution again = r.resolve(t);
      assertEquals(Resolution.Outcome.DUPLICATE, again.contact().orElseThrow().outcome());
      assertEquals(Resolution.Outcome.DUPLICATE, again.account().orElseThrow().outcome());
      Touchpoint personOnly = Touchpoint.newBuilder("d").channel(Channel.WEB)
          .timestamp(t.timestamp().orElseThrow()).identifier(IdentifierType.EMAIL, "rosa@bar.es")
          .attribute(AttributeKey.COUNTRY, "ES").build();
      OmniIdException e = assertThrows(OmniIdException.class, () -> r.resolve(personOnly));
      assertEquals(OmniIdException.Reason.DUPLICATE_TOUCHPOINT, e.reason());
      AccountBatchResult batch = r.resolveAll(java.util.Arrays.asList(t, personOnly, null));
      assertEquals(0, batch.accepted());
      assertEquals(1, batch.duplicates());
      assertEquals(2, batch.rejected());
    }
  }

  @Test
  void aTouchpointOneSideRefusesIsRefusedWhole() {
    try (AccountResolver r = resolver()) {
      // Two tax ids on one touchpoint: the organisations side refuses it, so the person goes too.
      Touchpoint two = tp("two", Channel.WEB).identifier(IdentifierType.EMAIL, "pablo@bar.es")
          .identifier(TaxIds.TAX_ID, cif("1212121")).identifier(TaxIds.TAX_ID, cif("3434343"))
          .build();
      OmniIdException e = assertThrows(OmniIdException.class, () -> r.resolve(two));
      assertEquals(OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES, e.reason());
      assertEquals(0, r.persons().touchpointCount());
      AccountBatchResult batch = r.resolveAll(List.of(two,
          tp("fine", Channel.WEB).identifier(IdentifierType.EMAIL, "pablo@bar.es").build()));
      assertEquals(1, batch.accepted());
      assertEquals(1, batch.rejected());
      assertEquals(Optional.empty(), r.contactOf("two"));
      assertTrue(r.contactOf("fine").isPresent());
      assertEquals(1, r.persons().touchpointCount());
    }
  }

  @Test
  void theBuilderChecksItsSettingsAtOnce() {
    assertThrows(IllegalStateException.class, () -> AccountResolver.newBuilder()
        .organisations(IdentityResolver.newBuilder())
        .organisationAttributes(Set.of(CompanyNames.ORG_NAME)).build());
    assertThrows(IllegalStateException.class, () -> AccountResolver.newBuilder()
        .persons(IdentityResolver.newBuilder()).organisations(IdentityResolver.newBuilder())
        .build(), "nothing names an organisation");
    assertThrows(IllegalStateException.class,
        () -> AccountResolver.newBuilder().organisationAttributes(Set.of(AttributeKey.COUNTRY)));
    assertThrows(IllegalArgumentException.class, () -> AccountResolver.newBuilder()
        .persons(IdentityResolver.newBuilder().firstProfileId(AccountResolver.FIRST_ACCOUNT_ID)));
    try (IdentityResolver plain = IdentityResolver.newBuilder().build()) {
      assertThrows(IllegalStateException.class, () -> AccountResolver.newBuilder()
          .persons(IdentityResolver.newBuilder()).organisations(plain)
          .organisationIdentifierTypes(Set.of(TaxIds.TAX_ID)).build(),
          "an organisations resolver handing out person ids");
    }
    try (IdentityResolver one = IdentityResolver.newBuilder().build()) {
      assertThrows(IllegalStateException.class, () -> AccountResolver.newBuilder()
          .persons(one).organisations(one)
          .organisationIdentifierTypes(Set.of(TaxIds.TAX_ID)).build());
    }
  }
}
