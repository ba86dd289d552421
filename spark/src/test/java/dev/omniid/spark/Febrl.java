package dev.omniid.spark;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.FieldSource;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.MatchField;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import dev.omniid.matching.TextMatcher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Febrl synthetic person files (the matching module's test resources, BSD-3-Clause) read as
 * the matching module's Febrl tests read them, and their configuration.
 */
final class Febrl {
  static final IdentifierType SOC_SEC_ID = IdentifierType.of("soc_sec_id");
  private static final AttributeKey ADDRESS_LINE = AttributeKey.of("address_line");
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  private Febrl() {}

  /** The Australian defaults, the social-security number scored and declared personal. */
  static ResolverBuilder resolverBuilder() {
    return OmniId.resolverBuilder().defaultRegion("AU")
        .matchModel(OmniId.defaultMatchModel("AU", false).toBuilder()
            .field(MatchField.newBuilder("soc_sec_id", FieldSource.identifier(SOC_SEC_ID))
                .matcher(TextMatcher.typo()).build())
            .build())
        .toResolverBuilder()
        .personalIdentifier(SOC_SEC_ID);
  }

  static List<Touchpoint> load(String file, String source) {
    InputStream in = Febrl.class.getResourceAsStream("/febrl/" + file);
    Objects.requireNonNull(in, "test resource febrl/" + file);
    List<Touchpoint> out = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      String line;
      while ((line = reader.readLine()) != null) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
          f[i] = f[i].strip();
        }
        Touchpoint.Builder b = Touchpoint.newBuilder(source + f[0]).channel(Channel.of("crm"))
            .timestamp(T0);
        attribute(b, AttributeKey.GIVEN_NAME, f[1]);
        attribute(b, AttributeKey.FAMILY_NAME, f[2]);
        attribute(b, ADDRESS_LINE, String.join(" ", f[3], f[4], f[5]).strip().replaceAll(" +", " "));
        attribute(b, AttributeKey.CITY, f[6]);
        attribute(b, AttributeKey.POSTAL_CODE, f[7]);
        attribute(b, AttributeKey.REGION, f[8]);
        attribute(b, AttributeKey.BIRTH_DATE, f[9]);
        if (!f[10].isEmpty()) {
          b.identifier(SOC_SEC_ID, f[10]);
        }
        out.add(b.build());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static void attribute(Touchpoint.Builder b, AttributeKey key, String value) {
    if (!value.isEmpty()) {
      b.attribute(key, value);
    }
  }
}
