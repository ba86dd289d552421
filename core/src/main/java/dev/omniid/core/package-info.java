/**
 * The public API of OmniID: touchpoints and their identifiers, the
 * {@link dev.omniid.core.IdentityResolver} that groups them into
 * {@link dev.omniid.core.Profile profiles}, and the small SPI through which normalizers and
 * listeners plug in.
 *
 * <h2>Where to start</h2>
 * <pre>{@code
 * IdentityResolver resolver = IdentityResolver.newBuilder().build();
 *
 * resolver.resolve(Touchpoint.newBuilder("pos-0193").channel(Channel.STORE)
 *     .timestamp(Instant.parse("2026-11-20T10:15:00Z")).eventKind(EventKind.TRY_ON)
 *     .identifier(IdentifierType.PHONE, "+34 612 345 678").build());
 * Resolution r = resolver.resolve(Touchpoint.newBuilder("wa-5531").channel(Channel.WHATSAPP)
 *     .timestamp(Instant.parse("2026-11-21T12:15:00Z")).eventKind(EventKind.INQUIRY)
 *     .identifier(IdentifierType.PHONE, "+34612345678").build());
 *
 * r.outcome();                               // ATTACHED: same customer as the store visit
 * Profile ana = resolver.profile(r.profileId()).orElseThrow();
 * ana.journey();                             // store try-on, then WhatsApp question
 * ana.evidence().get(0).explain();           // "pos-0193 and wa-5531 share phone:+34*******78"
 * }</pre>
 *
 * <ul>
 *   <li>{@link dev.omniid.core.Touchpoint}: one interaction on one channel, with its
 *       {@link dev.omniid.core.Identifier identifiers} and person attributes.
 *   <li>{@link dev.omniid.core.ResolverBuilder}: identifier policies, normalizers, junk values,
 *       a {@link dev.omniid.core.MatchModel match model} with its
 *       {@link dev.omniid.core.BlockingKey blocking keys}, a
 *       {@link dev.omniid.core.PersonRule person rule}, listeners and a durable
 *       {@link dev.omniid.core.Journal journal}.
 *   <li>{@link dev.omniid.core.Resolution}, {@link dev.omniid.core.Profile},
 *       {@link dev.omniid.core.PairExplanation}: what the resolver answers, and why.
 *   <li>{@link dev.omniid.core.OmniIdException}: the one exception for data the library refuses,
 *       with an enum {@link dev.omniid.core.OmniIdException.Reason reason}; it never carries a
 *       personal value.
 * </ul>
 *
 * <p>Every value type here is an immutable record; the resolver is thread-safe. Nothing in this
 * package returns {@code null} unless its documentation says so: an unknown
 * {@link dev.omniid.core.PersonTraits person trait} is null, and so is the identifying level of a
 * {@linkplain dev.omniid.core.MatchField#identifiesFrom() match field} that only describes.
 */
package dev.omniid.core;
