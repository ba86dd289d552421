/**
 * The default configuration and the real normalizers and matchers behind it.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("MX").build();
 * resolver.resolve(touchpoint);                       // as with the core's resolver
 * PairExplanation why = resolver.why("crm-17", "pos-0193");
 * System.out.println(why.explain());                  // per-field levels and weights
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.omniid.matching.OmniId}: the defaults in one builder; its
 *       {@link dev.omniid.matching.OmniId.Builder#resolverBuilder() resolverBuilder()} hands over
 *       the core builder to add a journal or settings of your own, and
 *       {@link dev.omniid.matching.OmniId#estimate OmniId.estimate} fits the match model to your
 *       data without labels.
 *   <li>Normalizers (the form values are compared in):
 *       {@link dev.omniid.matching.EmailNormalizer}, {@link dev.omniid.matching.PhoneNormalizer},
 *       {@link dev.omniid.matching.DeviceIdNormalizer}, {@link dev.omniid.matching.NameNormalizer},
 *       {@link dev.omniid.matching.BirthDateNormalizer},
 *       {@link dev.omniid.matching.AddressNormalizer}, {@link dev.omniid.matching.PostalCodes},
 *       {@link dev.omniid.matching.HashedIdentifiers}, {@link dev.omniid.matching.DeviceFingerprint};
 *       {@link dev.omniid.matching.Normalizers#cached Normalizers.cached} puts a cache in front
 *       of one.
 *   <li>Matchers (how alike two normalized values are): {@link dev.omniid.matching.EmailMatcher},
 *       {@link dev.omniid.matching.PhoneMatcher}, {@link dev.omniid.matching.NameMatcher},
 *       {@link dev.omniid.matching.BirthDateMatcher}, {@link dev.omniid.matching.AddressMatcher},
 *       {@link dev.omniid.matching.DeviceFingerprintMatcher},
 *       {@link dev.omniid.matching.TextMatcher}.
 *   <li>Organisations (building blocks; the person defaults do not use them):
 *       {@link dev.omniid.matching.CompanyNameNormalizer} reads a company name and its
 *       {@link dev.omniid.matching.LegalForm} apart ({@link dev.omniid.matching.CompanyName}),
 *       {@link dev.omniid.matching.CompanyNameMatcher} grades two of them, and
 *       {@link dev.omniid.matching.CompanyNames} holds the {@code org_name} attribute and the
 *       organisation blocking keys.
 *   <li>Reference data, keys and rules: {@link dev.omniid.matching.Nicknames},
 *       {@link dev.omniid.matching.PhoneticKey} (for blocking keys),
 *       {@link dev.omniid.matching.JunkValues}, {@link dev.omniid.matching.PersonRules}.
 * </ul>
 *
 * <p>Every normalizer refuses a value it cannot read with an
 * {@link dev.omniid.core.OmniIdException} whose message never holds the value; the resolver
 * reports it as a problem and resolves the touchpoint on its other fields. Everything here is
 * immutable and thread-safe unless its documentation says otherwise (the builders).
 */
package dev.omniid.matching;
