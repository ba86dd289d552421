/**
 * OmniID matching: real normalizers and fuzzy matchers for emails, phones (libphonenumber), tax
 * ids (with check digits), device ids, names, birth dates, addresses and company names, and the
 * {@code OmniId} default configuration.
 *
 * <p>Start with {@link dev.omniid.matching.OmniId#resolverBuilder()}: one line gives an
 * {@link dev.omniid.core.IdentityResolver} configured for real-world customer data (phones read
 * in a default region, provider rules and typo correction for emails, nicknames in English and
 * Spanish, junk values, a probabilistic match model with its blocking keys and a person rule).
 * The classes of this module are also usable one by one, to configure a
 * {@link dev.omniid.core.ResolverBuilder} or a {@link dev.omniid.core.MatchModel} by hand.
 */
module dev.omniid.matching {
  requires transitive dev.omniid.core;
  requires com.google.i18n.phonenumbers.libphonenumber;
  requires org.apache.commons.text;
  requires com.github.benmanes.caffeine;

  exports dev.omniid.matching;
}
