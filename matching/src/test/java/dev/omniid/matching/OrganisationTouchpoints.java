package dev.omniid.matching;

import dev.omniid.core.Channel;
import dev.omniid.core.Touchpoint;
import java.time.Instant;

/** Touchpoints that name an organisation, for the company-name tests. */
final class OrganisationTouchpoints {
  private OrganisationTouchpoints() {}

  static Touchpoint of(String id, String orgName) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(Instant.EPOCH)
        .attribute(CompanyNames.ORG_NAME, orgName).build();
  }
}
