/**
 * OmniID core: the omnichannel model, the resolver and its merge graph, and the SPI that
 * the {@code dev.omniid.matching} module plugs into. Depends on the JDK only.
 */
module dev.omniid.core {
  exports dev.omniid.core;
}
