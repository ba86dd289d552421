package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * People of one household who agree on everything a record says but one trait: twins (the given
 * name differs), a father and a son who write no suffix (the birth date differs). However heavy
 * the rest of the evidence, one record each must not merge them: nothing tells a twin from a
 * record whose given name was mistyped into another name, and a wrong merge costs more.
 */
class TwinsAndGenerationsTest {
  private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");

  private static Touchpoint.Builder resident(String id, String given, String birthDate) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0)
        .attribute(AttributeKey.GIVEN_NAME, given)
        .attribute(AttributeKey.FAMILY_NAME, "Pérez Gómez")
        .attribute(AttributeKey.BIRTH_DATE, birthDate)
        .attribute(AttributeKey.ADDRESS, "Calle Mayor 12, 3º A")
        .attribute(AttributeKey.POSTAL_CODE, "28013")
        .attribute(AttributeKey.CITY, "Madrid")
        .attribute(AttributeKey.COUNTRY, "ES");
  }

  @Test
  void twinsWithOneRecordEachStayTwoCustomers() {
    for (List<Touchpoint> order : orders(
        resident("luis", "Luis", "1990-04-17").identifier(IdentifierType.EMAIL, "luis.pg@correo-ficticio.es").build(),
        resident("pedro", "Pedro", "1990-04-17").identifier(IdentifierType.EMAIL, "pedro.pg@correo-ficticio.es").build())) {
      IdentityResolver r = OmniId.resolverBuilder().build();
      order.forEach(r::resolve);
      assertEquals(2, r.profileCount(), r.why("luis", "pedro").toString());
    }
  }

  @Test
  void aFatherAndSonOfOneNameWithoutSuffixStayTwoCustomers() {
    for (List<Touchpoint> order : orders(
        resident("father", "Antonio", "1961-09-03").identifier(IdentifierType.PHONE, "+34 915 550 123").build(),
        resident("son", "Antonio", "1992-01-28").identifier(IdentifierType.PHONE, "+34 915 550 123").build())) {
      IdentityResolver r = OmniId.resolverBuilder().build();
      order.forEach(r::resolve);
      assertEquals(2, r.profileCount(), r.why("father", "son").toString());
    }
  }

  private static List<List<Touchpoint>> orders(Touchpoint a, Touchpoint b) {
    return List.of(List.of(a, b), List.of(b, a));
  }
}
