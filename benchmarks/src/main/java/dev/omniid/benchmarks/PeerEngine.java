package dev.omniid.benchmarks;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.FieldSource;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import dev.omniid.core.ModelEstimator;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import dev.omniid.matching.TextMatcher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The entity-resolution engines that {@link PeerBenchmark} runs side by side on a Febrl data set.
 * Each turns the raw rows into its own input, resolves them, and returns the predicted partition
 * (row id to cluster id) for {@link dev.omniid.core.PartitionEvaluation}.
 */
enum PeerEngine {
  /**
   * OmniID with its defaults, as matching's {@code FebrlAccuracyTest} runs it: the default
   * Australian match model plus the file's social-security-like id, weights fitted by EM on the
   * data itself (no labels; the fit is part of the timed run), then one {@code resolveAll} over
   * all rows (for dataset4 both files together).
   */
  OMNIID {
    @Override
    Map<String, String> partition(Febrl.Dataset dataset) {
      List<Touchpoint> touchpoints = new ArrayList<>(dataset.rows().size());
      for (Febrl.Row row : dataset.rows()) {
        touchpoints.add(touchpoint(row));
      }
      ModelEstimator.Estimate estimate = OmniId.estimate(startModel(), touchpoints);
      // The social-security number names one person: shared, it outweighs the names.
      IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("AU")
          .matchModel(estimate.model()).toResolverBuilder().personalIdentifier(SOC_SEC_ID).build();
      resolver.resolveAll(touchpoints);
      Map<String, String> predicted = new HashMap<>(touchpoints.size() * 2);
      resolver.profiles().forEach(p -> {
        String cluster = p.id().toString();
        p.touchpointIds().forEach(id -> predicted.put(id, cluster));
      });
      return predicted;
    }
  },

  /** Duke 1.2, configured as {@link DukePeer} documents. */
  DUKE {
    @Override
    Map<String, String> partition(Febrl.Dataset dataset) {
      return DukePeer.partition(dataset);
    }
  };

  private static final IdentifierType SOC_SEC_ID = IdentifierType.of("soc_sec_id");
  private static final AttributeKey ADDRESS_LINE = AttributeKey.of("address_line");
  private static final Instant T0 = Instant.parse("2020-01-01T00:00:00Z");

  /** The predicted partition of the data set's rows: row id to cluster id. */
  abstract Map<String, String> partition(Febrl.Dataset dataset);

  /** The engine by its {@code @Param} name, e.g. {@code "duke"}. */
  static PeerEngine of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /** The default model for Australian data, plus the file's social-security-like id. */
  static MatchModel startModel() {
    return OmniId.defaultMatchModel("AU", false).toBuilder()
        .field(MatchField.newBuilder("soc_sec_id", FieldSource.identifier(SOC_SEC_ID))
            .matcher(TextMatcher.typo()).build())
        .build();
  }

  private static Touchpoint touchpoint(Febrl.Row row) {
    Touchpoint.Builder b = Touchpoint.newBuilder(row.id()).channel(Channel.of("crm")).timestamp(T0);
    attribute(b, AttributeKey.GIVEN_NAME, row.field(Febrl.GIVEN_NAME));
    attribute(b, AttributeKey.FAMILY_NAME, row.field(Febrl.SURNAME));
    attribute(b, ADDRESS_LINE, String.join(" ", row.field(Febrl.STREET_NUMBER),
        row.field(Febrl.ADDRESS_1), row.field(Febrl.ADDRESS_2)).strip().replaceAll(" +", " "));
    attribute(b, AttributeKey.CITY, row.field(Febrl.SUBURB));
    attribute(b, AttributeKey.POSTAL_CODE, row.field(Febrl.POSTCODE));
    attribute(b, AttributeKey.REGION, row.field(Febrl.STATE));
    attribute(b, AttributeKey.BIRTH_DATE, row.field(Febrl.DATE_OF_BIRTH));
    if (!row.field(Febrl.SOC_SEC_ID).isEmpty()) {
      b.identifier(SOC_SEC_ID, row.field(Febrl.SOC_SEC_ID));
    }
    if (!row.field(Febrl.STREET_NUMBER).isEmpty()) {
      b.payload("street_number", row.field(Febrl.STREET_NUMBER));
    }
    return b.build();
  }

  private static void attribute(Touchpoint.Builder b, AttributeKey key, String value) {
    if (!value.isEmpty()) {
      b.attribute(key, value);
    }
  }
}
