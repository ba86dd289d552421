package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.EvaluationReport;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.PartitionEvaluation;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The defaults on synthetic omnichannel data with all its messiness (datagen module): prints the
 * accuracy of exact identifiers alone and of the full default configuration.
 */
class SyntheticAccuracyTest {

  @Test
  void defaultsOnSyntheticOmnichannelCustomers() {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(5_000).seed(2026).build().generate();
    Map<String, String> truth = new HashMap<>();
    data.forEach(g -> truth.put(g.touchpoint().id(), g.personId()));

    IdentityResolver exactOnly = IdentityResolver.newBuilder().build();
    data.forEach(g -> exactOnly.resolve(g.touchpoint()));
    EvaluationReport core = PartitionEvaluation.evaluate(partition(exactOnly), truth);

    IdentityResolver defaults = OmniId.newBuilder().build();
    data.forEach(g -> defaults.resolve(g.touchpoint()));
    EvaluationReport full = PartitionEvaluation.evaluate(partition(defaults), truth);

    List<dev.omniid.core.Touchpoint> touchpoints = data.stream().map(GeneratedTouchpoint::touchpoint).toList();
    dev.omniid.core.MatchModel fitted =
        OmniId.estimate(OmniId.defaultMatchModel("ES", false), touchpoints).model();
    IdentityResolver estimated = OmniId.newBuilder().matchModel(fitted).build();
    estimated.resolveAll(touchpoints);
    EvaluationReport em = PartitionEvaluation.evaluate(partition(estimated), truth);

    System.out.printf("Synthetic omnichannel, %d touchpoints of 5,000 people%n-- core, exact identifiers only:%n%s%n"
        + "-- OmniId defaults:%n%s%n-- OmniId with weights estimated by EM on the data (no labels):%n%s%n",
        data.size(), core.format(), full.format(), em.format());
    assertTrue(full.pairwiseF1() > core.pairwiseF1(), "the defaults must beat exact matching");
  }

  private static Map<String, String> partition(IdentityResolver resolver) {
    Map<String, String> predicted = new HashMap<>();
    resolver.profiles().forEach(p -> p.touchpointIds().forEach(id -> predicted.put(id, p.id().toString())));
    return predicted;
  }
}
