/**
 * OmniID synthetic data: a seeded generator of omnichannel customers and their touchpoints, with
 * ground truth, to measure and test identity resolution without real personal data.
 *
 * <p>Start with {@link dev.omniid.datagen.OmniChannelGenerator#newBuilder()}: choose how many
 * people, a seed and the rates of the messy {@link dev.omniid.datagen.Pattern patterns} of real
 * customer files, then feed the generated touchpoints to an {@code IdentityResolver} and score
 * its profiles against the truth with {@code dev.omniid.core.PartitionEvaluation}, or write them
 * as CSV and JSON Lines files with {@link dev.omniid.datagen.GeneratedDataWriter}.
 */
module dev.omniid.datagen {
  requires transitive dev.omniid.core;
  exports dev.omniid.datagen;
}
