/** A seeded generator of synthetic omnichannel customers and their touchpoints, with ground truth. */
module dev.omniid.datagen {
  requires transitive dev.omniid.core;
  exports dev.omniid.datagen;
}
