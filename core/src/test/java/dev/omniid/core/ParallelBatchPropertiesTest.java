package dev.omniid.core;

import static dev.omniid.core.RandomTouchpoints.generate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Speed never buys a different answer: a batch prepared, scored and clustered on the fork-join
 * pool in slices gives exactly what the sequential loop gives. The same random batches (with
 * refused touchpoints, duplicates, ids repeated with other content, nulls, values pushed over
 * their limits and blocks past their maximum) go to a resolver that runs every batch on the
 * calling thread and to one that runs every batch in parallel in slices of a random size, first
 * into an empty graph and then into the warm one; the batch results (counts, problems in order,
 * events), every profile (id, aliases, identifiers, journey, evidence) and the generic values
 * must be equal.
 */
class ParallelBatchPropertiesTest {

  static Stream<Arguments> seeds() {
    return Stream.of(Configuration.DETERMINISTIC, Configuration.SCORED).flatMap(config ->
        java.util.stream.LongStream.range(0, 12).mapToObj(i -> Arguments.of(config,
            0xBA7C_0000L + i)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theParallelBatchIsTheSequentialOne(Configuration config, long seed) {
    Random random = new Random(seed);
    int slice = 1 + random.nextInt(64);
    IdentityResolver sequential = build(config, Integer.MAX_VALUE, 4_096, Integer.MAX_VALUE);
    IdentityResolver parallel = build(config, 1, slice, 1 + random.nextInt(8));
    List<Touchpoint> pool = generate(random, 200 + random.nextInt(400));
    int half = pool.size() / 2;
    for (List<Touchpoint> part : List.of(pool.subList(0, half), pool.subList(half, pool.size()))) {
      List<Touchpoint> batch = withTrouble(new ArrayList<>(part), random);
      String context = "seed=" + seed + " " + config + " slice=" + slice;
      BatchResult expected = sequential.resolveAll(batch);
      BatchResult actual = parallel.resolveAll(batch);
      assertEquals(expected.accepted(), actual.accepted(), context);
      assertEquals(expected.duplicates(), actual.duplicates(), context);
      assertEquals(expected.rejected(), actual.rejected(), context);
      assertEquals(expected.problems(), actual.problems(), context);
      assertEquals(expected.events(), actual.events(), context);
      assertEquals(sequential.profiles().toList(), parallel.profiles().toList(), context);
      assertEquals(sequential.genericValues(), parallel.genericValues(), context);
    }
  }

  private static IdentityResolver build(Configuration config, int parallelBatch, int slice,
      int parallelCluster) {
    ResolverBuilder b = config.builder().get();
    b.parallelBatch = parallelBatch;
    b.batchSlice = slice;
    b.parallelCluster = parallelCluster;
    return b.build();
  }

  /**
   * The batch with what a loader meets: a touchpoint with two customer ids (refused whole), one
   * given twice (a duplicate), an id repeated with other content (refused), a null; shuffled.
   */
  private static List<Touchpoint> withTrouble(List<Touchpoint> batch, Random random) {
    for (int i = 0; i < 1 + random.nextInt(4); i++) {
      batch.add(Touchpoint.newBuilder("conflict-" + random.nextInt(1_000_000))
          .channel(Channel.WEB).identifier(IdentifierType.CUSTOMER_ID, "C" + random.nextInt(9))
          .identifier(IdentifierType.CUSTOMER_ID, "D" + random.nextInt(9))
          .identifier(IdentifierType.EMAIL, "p" + random.nextInt(20) + "@mail.example").build());
    }
    Touchpoint some = batch.get(random.nextInt(batch.size()));
    batch.add(some);
    batch.add(Touchpoint.newBuilder(some.id()).channel(Channel.STORE)
        .identifier(IdentifierType.PHONE, "+34611000999").build());
    batch.add(null);
    Collections.shuffle(batch, random);
    return batch;
  }
}
