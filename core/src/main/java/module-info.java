/**
 * OmniID core: the omnichannel model, the resolver and its merge graph, and the SPI that the
 * {@code dev.omniid.matching} module plugs into. Depends on the JDK only.
 *
 * <p>Start with {@link dev.omniid.core.IdentityResolver}: build one with
 * {@link dev.omniid.core.IdentityResolver#newBuilder()}, feed it
 * {@link dev.omniid.core.Touchpoint touchpoints} from every channel, and read back the
 * {@link dev.omniid.core.Profile profiles} they form and the
 * {@link dev.omniid.core.Evidence evidence} that holds each together. The core's own normalizers
 * are deliberately minimal; most applications depend on {@code omniid-matching} instead and start
 * from {@code dev.omniid.matching.OmniId.newBuilder()}, which configures the same builder with
 * real normalizers for phones, emails, names and birth dates, junk lists and a match model.
 */
module dev.omniid.core {
  exports dev.omniid.core;
}
