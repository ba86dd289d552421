package com.example.shop;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.time.Instant;

/**
 * What a shop in Mexico does with OmniID: one resolver with the defaults, fed its CRM, its tills
 * and its web shop.
 */
public final class CustomerIdentity implements AutoCloseable {
  private final IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("MX").build();

  /**
   * The resolver, for the questions the shop asks of it.
   *
   * @return the resolver
   */
  public IdentityResolver resolver() {
    return resolver;
  }

  /**
   * A customer as the CRM holds her: full name, international phone.
   *
   * @return the resolution
   */
  public Resolution fromCrm() {
    return resolver.resolve(Touchpoint.newBuilder("crm-17").channel(Channel.SALES_REP)
        .timestamp(Instant.parse("2026-11-20T10:15:00Z"))
        .identifier(IdentifierType.PHONE, "+52 55 1234 5678")
        .attribute(AttributeKey.GIVEN_NAME, "José").attribute(AttributeKey.FAMILY_NAME, "Ruiz")
        .build());
  }

  /**
   * The same customer at a till: his nickname, the phone in national form.
   *
   * @return the resolution
   */
  public Resolution fromTill() {
    return resolver.resolve(Touchpoint.newBuilder("pos-0193").channel(Channel.STORE)
        .timestamp(Instant.parse("2026-11-21T12:15:00Z"))
        .identifier(IdentifierType.PHONE, "55 1234 5678")
        .attribute(AttributeKey.GIVEN_NAME, "Pepe").attribute(AttributeKey.FAMILY_NAME, "Ruiz")
        .build());
  }

  /**
   * Another customer from a web form export that has no time, with a birth date that does not
   * exist.
   *
   * @return the resolution
   */
  public Resolution fromWebExport() {
    return resolver.resolve(Touchpoint.newBuilder("web-88").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, "ana.lopez@example.com")
        .attribute(AttributeKey.GIVEN_NAME, "Ana").attribute(AttributeKey.FAMILY_NAME, "López")
        .attribute(AttributeKey.BIRTH_DATE, "31/02/1990")
        .build());
  }

  @Override
  public void close() {
    resolver.close();
  }

  /**
   * Resolves the three touchpoints and prints why the first two are one customer.
   *
   * @param args none
   */
  public static void main(String[] args) {
    try (CustomerIdentity shop = new CustomerIdentity()) {
      shop.fromCrm();
      shop.fromTill();
      shop.fromWebExport();
      System.out.println(shop.resolver().profileCount() + " profiles");
      System.out.print(shop.resolver().why("crm-17", "pos-0193").explain());
    }
  }
}
