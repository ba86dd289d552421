/**
 * The public API of OmniID: touchpoints and their identifiers, the {@link dev.omniid.core.IdentityResolver}
 * that groups them into {@link dev.omniid.core.Profile profiles}, and the small SPI through which
 * normalizers and listeners plug in.
 *
 * <p>Every value type here is an immutable record; the resolver is thread-safe. Nothing in this
 * package returns {@code null}.
 */
package dev.omniid.core;
