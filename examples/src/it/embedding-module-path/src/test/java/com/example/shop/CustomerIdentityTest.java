package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Problem;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A smoke test of OmniID's packaging as an application meets it: the BOM, the module descriptors
 * and what omniid-matching brings with it. The matching itself is tested in OmniID's own build.
 */
class CustomerIdentityTest {

  @Test
  void runsOnTheModulePath() {
    // On the class path every one of these would be the unnamed module.
    assertEquals("com.example.shop", CustomerIdentity.class.getModule().getName());
    assertEquals("dev.omniid.matching", OmniId.class.getModule().getName());
    assertEquals("dev.omniid.core", IdentityResolver.class.getModule().getName());
  }

  @Test
  void linksANicknameAndANationalPhoneAndExplainsWhy() {
    try (CustomerIdentity shop = new CustomerIdentity()) {
      Resolution crm = shop.fromCrm();
      Resolution till = shop.fromTill();
      Resolution web = shop.fromWebExport();
      IdentityResolver r = shop.resolver();

      assertEquals(crm.profileId(), till.profileId());
      assertEquals(2, r.profileCount());
      String first = r.why("crm-17", "pos-0193").explain().lines().findFirst().orElseThrow();
      assertTrue(first.startsWith("crm-17 and pos-0193 are in the same profile "), first);
      assertTrue(first.contains(": linked by a shared phone ("), first);

      Touchpoint untimed = r.profile(web.profileId()).orElseThrow().journey().get(0);
      assertTrue(untimed.timestamp().isEmpty(), untimed.toString());
      List<String> fields = web.problems().stream().map(Problem::field).toList();
      assertEquals(List.of("attributes[birth_date]"), fields, web.problems().toString());
    }
  }
}
