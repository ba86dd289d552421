/**
 * A seeded generator of synthetic omnichannel customers and their touchpoints, with ground truth.
 *
 * <p>Generate, resolve, and score the result against the truth:
 * <pre>{@code
 * OmniChannelGenerator generator = OmniChannelGenerator.newBuilder().people(5_000).seed(2026).build();
 * List<GeneratedTouchpoint> data = generator.generate();
 * IdentityResolver resolver = OmniId.resolverBuilder().build();   // omniid-matching
 * resolver.resolveAll(data.stream().map(GeneratedTouchpoint::touchpoint).toList());
 *
 * Map<String, String> predicted = new HashMap<>();
 * Map<String, String> truth = new HashMap<>();
 * for (GeneratedTouchpoint g : data) {
 *   String id = g.touchpoint().id();
 *   resolver.profileIdOf(id).ifPresent(p -> predicted.put(id, p.toString()));
 *   truth.put(id, g.personId());
 * }
 * System.out.println(PartitionEvaluation.evaluateCommon(predicted, truth).format());
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.omniid.datagen.OmniChannelGenerator}: the generator and its builder; the same
 *       seed and settings give the same touchpoints everywhere.
 *   <li>{@link dev.omniid.datagen.GeneratedTouchpoint}: a touchpoint with the person, the
 *       household and the patterns behind it.
 *   <li>{@link dev.omniid.datagen.Pattern}: the situations of real customer files (households,
 *       shared mailboxes, namesakes, unvalidatable phones...) and their default rates.
 *   <li>{@link dev.omniid.datagen.DistributorGenerator}: a wholesale distributor's accounts and
 *       their contacts, with tax ids and company names in many spellings; each
 *       {@link dev.omniid.datagen.AccountTouchpoint} carries the account and the person behind it,
 *       and the {@link dev.omniid.datagen.AccountPattern}s that shaped it.
 *   <li>{@link dev.omniid.datagen.GeneratedDataWriter}: the data set as files, with the truth,
 *       the labels and a mapping for the command-line tool.
 * </ul>
 *
 * <p>Every person is invented, drawn from word lists and number ranges; no real customer file
 * went into the data. The phone numbers are valid in form, so some may belong to real
 * subscribers: never dial or message them.
 */
package dev.omniid.datagen;
