package dev.omniid.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Configures an {@link IdentityResolver}. Each setter checks its argument at once; the built
 * resolver copies the configuration, so later changes to this builder do not affect it. Not
 * thread-safe; the resolver it builds is.
 *
 * <p>Types that are not configured use {@link IdentifierPolicy#defaultFor} and
 * {@link Normalizer#defaultFor}; a touchpoint may carry any type, configured or not.
 */
public final class ResolverBuilder {
  final Map<IdentifierType, IdentifierPolicy> policies = new LinkedHashMap<>();
  final Map<IdentifierType, Normalizer> normalizers = new HashMap<>();
  final Map<IdentifierType, Predicate<String>> junk = new HashMap<>();
  final Map<IdentifierType, Predicate<String>> roleAccounts = new HashMap<>();
  final List<ProfileListener> listeners = new ArrayList<>();
  final List<BlockingKey> blockingKeys = new ArrayList<>();
  /** Each blocking key's own most touchpoints per key, or null for {@link #maxBlockSize}. */
  final List<Integer> blockLimits = new ArrayList<>();
  final List<Derivation> derivations = new ArrayList<>();

  /** An identifier computed from another: {@code to} = {@code function}(normalized {@code from}). */
  record Derivation(IdentifierType from, IdentifierType to, java.util.function.UnaryOperator<String> function) {}
  MatchModel matchModel;
  /** Decides which touchpoints cannot be one person; null: none are kept apart by person traits. */
  PersonRule personRule;
  /** Non-exclusive types whose shared value names one person despite person attributes. */
  final java.util.Set<IdentifierType> personalTypes = new java.util.HashSet<>();
  int maxBlockSize = 1_000;
  /** The number of the first profile id the resolver hands out. */
  long firstProfileId = 1;
  java.nio.file.Path journalDirectory;
  JournalKey journalKey;
  Durability durability = Durability.syncEachWrite();
  long journalCompactionThreshold = 64L << 20;
  private boolean compactionThresholdSet;
  /**
   * Whether new touchpoints may take the fast path. Off only in the tests that hold the fast path
   * against the full computation; never a user's choice (the answer is the same either way).
   */
  boolean fastPath = true;
  /**
   * Whether a resolve reads its touchpoint before it takes the write lock ({@link ReadAhead}). Off
   * only in the tests that hold reading ahead against reading under the lock; never a user's
   * choice (the answer is the same either way).
   */
  boolean readAhead = true;
  /** {@link #compactTouchpoints(boolean)}. */
  boolean compactTouchpoints;
  /**
   * Whether a restart restores a snapshot's stored profiles. Off only in the tests that hold the
   * restored partition against clustering the snapshot again.
   */
  boolean snapshotPartition = true;
  /**
   * Whether a snapshot stores the scored edges. Off only in the tests that write a snapshot as
   * the build before did, to restart from it.
   */
  boolean snapshotEdges = true;
  /**
   * The smallest {@code resolveAll} batch whose touchpoints are prepared (normalized, blocked,
   * scored) on the caller's fork-join pool, and the size of the slices it does so in. Changed only
   * by the tests that hold the parallel batch against the sequential one (the answer is the same
   * either way): {@code Integer.MAX_VALUE} keeps every batch on the calling thread.
   */
  int parallelBatch = 2_048;
  int batchSlice = 4_096;
  /** The touched nodes from which a recompute clusters its components in parallel (as above). */
  int parallelCluster = 4_096;

  ResolverBuilder() {
    for (IdentifierType type : List.of(IdentifierType.CUSTOMER_ID, IdentifierType.NATIONAL_ID,
        IdentifierType.PASSPORT, IdentifierType.LOYALTY_ID, IdentifierType.EMAIL,
        IdentifierType.PHONE, IdentifierType.SOCIAL_HANDLE, IdentifierType.DEVICE_ID,
        IdentifierType.COOKIE_ID)) {
      policies.put(type, IdentifierPolicy.defaultFor(type));
    }
  }

  /**
   * A copy of the resolution settings (policies, normalizers, junk, derivations, match model,
   * blocking keys, person rule): what {@link BatchSteps} keeps, independent of later changes to
   * this builder. Listeners and the journal are not copied: a batch step neither fires nor writes.
   */
  ResolverBuilder copyOfResolution() {
    ResolverBuilder copy = new ResolverBuilder();
    copy.policies.clear();
    copy.policies.putAll(policies);
    copy.normalizers.putAll(normalizers);
    copy.junk.putAll(junk);
    copy.roleAccounts.putAll(roleAccounts);
    copy.blockingKeys.addAll(blockingKeys);
    copy.blockLimits.addAll(blockLimits);
    copy.derivations.addAll(derivations);
    copy.matchModel = matchModel;
    copy.personRule = personRule;
    copy.personalTypes.addAll(personalTypes);
    copy.maxBlockSize = maxBlockSize;
    copy.firstProfileId = firstProfileId;
    return copy;
  }

  /**
   * Sets how the resolver treats values of {@code type}, replacing its default.
   *
   * @param type the identifier type, not null
   * @param policy whether it is exclusive, its sharing limit, whether it links alone and its
   *     strength; not null
   * @return this builder
   */
  public ResolverBuilder identifierPolicy(IdentifierType type, IdentifierPolicy policy) {
    policies.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(policy, "policy"));
    return this;
  }

  /**
   * Sets the normalizer of {@code type} (see the contract of {@link Normalizer}).
   *
   * @param type the identifier type, not null
   * @param normalizer the normalizer, replacing {@link Normalizer#defaultFor(IdentifierType)};
   *     not null
   * @return this builder
   */
  public ResolverBuilder normalizer(IdentifierType type, Normalizer normalizer) {
    normalizers.put(
        Objects.requireNonNull(type, "type"), Objects.requireNonNull(normalizer, "normalizer"));
    return this;
  }

  /**
   * Declares normalized values of {@code type} that must never link ({@code test@test.com},
   * {@code 0000000000}): they are kept on their touchpoints and listed as
   * {@link GenericValue.Reason#JUNK}. The predicate must be pure and thread-safe.
   *
   * @param type the identifier type, not null
   * @param isJunk holds for the normalized values that must never link; replaces an earlier
   *     predicate for the type; not null
   * @return this builder
   */
  public ResolverBuilder junkValues(IdentifierType type, Predicate<String> isJunk) {
    junk.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(isJunk, "isJunk"));
    return this;
  }

  /**
   * Declares normalized values of {@code type} that name a function rather than a person: an
   * office's {@code info@}, {@code sales@} or {@code ventas@} mailbox, read by whoever answers it.
   * With a {@linkplain #personRule person rule}, such a value links two touchpoints only when both
   * name a person by a given name the rule counts ({@link PersonRule#countingKey}: an initial does
   * not), {@link PersonRule#conflictAtRoleAccount} finds the two no different people, and the
   * union passes the rule as any other would (two people that method tells apart are a
   * {@link Evidence.Kind#PERSON_CONFLICT}); a touchpoint naming nobody, or naming someone by a
   * birth date alone, joins no one through it (it is listed as {@link Evidence.Kind#AMBIGUOUS}),
   * and scored matches resting on it are treated as resting on a value incompatible people share.
   * Such a value derives nothing ({@link #derivedIdentifier}): a digest would link what the value
   * itself may not. It still counts people against its type's limit. Without a person rule the
   * declaration changes nothing: there is no person to agree.
   * The predicate must be pure and thread-safe; one that fails calls the value a role account.
   *
   * @param type the identifier type, not null; neither exclusive nor declared
   *     {@linkplain #personalIdentifier personal} (checked by {@link #build()}): such a value names
   *     one person by its issuer's word
   * @param isRoleAccount holds for the normalized values that name a function; replaces an
   *     earlier predicate for the type; not null
   * @return this builder
   */
  public ResolverBuilder roleAccounts(IdentifierType type, Predicate<String> isRoleAccount) {
    roleAccounts.put(Objects.requireNonNull(type, "type"),
        Objects.requireNonNull(isRoleAccount, "isRoleAccount"));
    return this;
  }

  /**
   * Derives an extra identifier from each normalized value of {@code from}: typically the SHA-256
   * of an email, so that touchpoints carrying only a hashed email (ad-platform audiences) link with
   * those carrying the plain one. The derived value goes through {@code to}'s normalizer like any
   * other. The function must be pure and thread-safe; a failure leaves the value underived and is
   * reported as a problem.
   *
   * <p>When {@code to} is {@linkplain IdentifierPolicy#exclusive() exclusive}, a derived value
   * obeys the exclusive rule exactly as a given one does (a hashed national id names one person
   * as the plain one does): a profile never holds two distinct values of {@code to}, whether
   * given or derived, and a touchpoint whose given and derived values of {@code to} differ (or
   * whose values of {@code from} derive two different ones) is refused whole with
   * {@link OmniIdException.Reason#CONFLICTING_EXCLUSIVE_VALUES}, its field naming the source
   * identifier ({@code derived to of identifiers[i] (from)}). Derive into an exclusive type only
   * from a type that names one person too: deriving from an email into an exclusive type makes
   * every email a separate person's. Junk sources derive nothing; a junk derived value fills no
   * exclusive slot.
   *
   * @param from the type whose normalized values are derived from, not null
   * @param to the type of the derived values, not null and not {@code from} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE})
   * @param function computes the derived raw value from a normalized value of {@code from}, such
   *     as its SHA-256 in hex; not null
   * @return this builder
   */
  public ResolverBuilder derivedIdentifier(IdentifierType from, IdentifierType to,
      java.util.function.UnaryOperator<String> function) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(function, "function");
    if (from.equals(to)) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "derivedIdentifier",
          "from and to must differ");
    }
    derivations.add(new Derivation(from, to, function));
    return this;
  }

  /**
   * Adds a listener that hears every change to the partition.
   *
   * @param listener the listener, not null; several listeners hear each change in the order they
   *     were added
   * @return this builder
   */
  public ResolverBuilder listener(ProfileListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Links touchpoints that share no identifier when {@code model} scores them at or above its
   * threshold. Only pairs that a {@linkplain #blockingKey blocking key} brings together are
   * scored; at least one is required.
   *
   * @param model the model, not null; no model (and no scored link) unless set
   * @return this builder
   */
  public ResolverBuilder matchModel(MatchModel model) {
    this.matchModel = Objects.requireNonNull(model, "model");
    return this;
  }

  /**
   * Declares that a shared value of {@code type} names one person, like a value of an exclusive
   * type does, without making the type exclusive: a social-security-like number that files
   * sometimes mistype. Two touchpoints that share such a value are linked even when their person
   * attributes disagree (a {@linkplain #personRule person rule} does not keep them apart); a
   * shared email, phone or device is strong evidence, not a verdict. Exclusive types always
   * name one person.
   *
   * @param type the identifier type, not null
   * @return this builder
   */
  public ResolverBuilder personalIdentifier(IdentifierType type) {
    personalTypes.add(Objects.requireNonNull(type, "type"));
    return this;
  }

  /**
   * Keeps touchpoints of incompatible people apart (different given names, birth dates or
   * generational suffixes), whatever identifier or score would link them: see {@link PersonRule}.
   * No person rule unless set.
   *
   * @param rule the rule, such as {@code dev.omniid.matching.PersonRules.standard()}; not null
   * @return this builder
   */
  public ResolverBuilder personRule(PersonRule rule) {
    this.personRule = Objects.requireNonNull(rule, "rule");
    return this;
  }

  /**
   * The most touchpoints a blocking key may gather and still be compared: a key shared by more
   * (a common surname with a common birth year, a chain store's postal code) compares nothing,
   * so the cost of a touchpoint is bounded by this, not by the size of the graph. Like a generic
   * identifier, whether a key is too common depends on its carriers alone. 1,000 unless set; a
   * key added with a maximum of its own ({@link #blockingKey(BlockingKey, int)}) keeps that one.
   *
   * @param maxBlockSize the most touchpoints per key, {@code >= 2} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE})
   * @return this builder
   */
  public ResolverBuilder maxBlockSize(int maxBlockSize) {
    if (maxBlockSize < 2) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxBlockSize",
          "must be >= 2");
    }
    this.maxBlockSize = maxBlockSize;
    return this;
  }

  /**
   * Whether the resolver keeps each touchpoint in a compact encoded form (one byte array, about
   * 100 bytes for a customer record) instead of the {@link Touchpoint} object it was given (a dozen
   * objects and their strings, some 400 to 500 bytes). Worth it when the caller drops its
   * touchpoints once resolved, as a service answering one request at a time or a program reading
   * a large file does: the resolver then holds the only copy, smaller and far quicker for the
   * garbage collector to copy. It costs encoding each touchpoint once (a fraction of a microsecond)
   * and decoding it whenever it is read back (profiles, journeys, {@link
   * IdentityResolver#touchpoint}); what is read back is equal to what was given, not the same
   * object. The partition is the same either way. Off unless set: a caller that keeps its
   * touchpoints would hold both.
   *
   * @param compact whether to keep touchpoints encoded
   * @return this builder
   */
  public ResolverBuilder compactTouchpoints(boolean compact) {
    this.compactTouchpoints = compact;
    return this;
  }

  /**
   * The number of the first profile id the resolver hands out; later ids count up from it. Two
   * resolvers whose ids must never be confused (the persons and the organisations of an
   * {@link AccountResolver}) start far apart: an {@code AccountResolver} starts its organisations
   * at {@link AccountResolver#FIRST_ACCOUNT_ID}. The ids a journal's snapshot recorded are kept
   * whatever this says (an {@code AccountResolver} refuses a side holding ids outside its range).
   * 1 unless set.
   *
   * @param first the first id's number, {@code >= 1} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE})
   * @return this builder
   */
  public ResolverBuilder firstProfileId(long first) {
    if (first < 1) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "firstProfileId",
          "must be >= 1");
    }
    this.firstProfileId = first;
    return this;
  }

  /**
   * Adds a blocking key: touchpoints with a common key are scored by the match model.
   *
   * @param key the blocking key, not null; the keys of all blocking keys together decide which
   *     pairs are scored
   * @return this builder
   */
  public ResolverBuilder blockingKey(BlockingKey key) {
    return addBlockingKey(key, null);
  }

  /**
   * Adds a blocking key that compares nothing once more than {@code maxBlockSize} touchpoints
   * share one of its keys, whatever {@link #maxBlockSize(int)} says: a key that combines names
   * alone (given and family name in a city) gathers a large file's namesakes, dozens of people
   * per common name, where a key over an e-mail or a birth date stays small, and like a generic
   * identifier a block that large says nothing about who is who. Its pairs are then compared
   * only when another key brings them together. As with the resolver's maximum, whether a block
   * compares depends on its members alone, never on their order.
   *
   * @param key the blocking key, not null
   * @param maxBlockSize the most touchpoints per key of this blocking key, {@code >= 2} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE})
   * @return this builder
   */
  public ResolverBuilder blockingKey(BlockingKey key, int maxBlockSize) {
    if (maxBlockSize < 2) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxBlockSize",
          "must be >= 2");
    }
    return addBlockingKey(key, maxBlockSize);
  }

  private ResolverBuilder addBlockingKey(BlockingKey key, Integer limit) {
    Objects.requireNonNull(key, "key");
    if (blockingKeys.size() == MAX_BLOCKING_KEYS) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "blockingKey",
          "at most " + MAX_BLOCKING_KEYS + " blocking keys");
    }
    blockingKeys.add(key);
    blockLimits.add(limit);
    return this;
  }

  /** The most blocking keys: a block's fingerprint keeps its key's position in a byte. */
  static final int MAX_BLOCKING_KEYS = 255;

  /** The most touchpoints per key of each blocking key, in order. */
  int[] blockLimits() {
    int[] limits = new int[blockingKeys.size()];
    for (int k = 0; k < limits.length; k++) {
      Integer own = blockLimits.get(k);
      limits[k] = own == null ? maxBlockSize : own;
    }
    return limits;
  }

  /**
   * Makes the resolver durable with {@link Durability#syncEachWrite()}: see
   * {@link #journal(java.nio.file.Path, Durability)}.
   *
   * @param directory the journal's directory, created if absent; not null
   * @return this builder
   */
  public ResolverBuilder journal(java.nio.file.Path directory) {
    return journal(directory, Durability.syncEachWrite());
  }

  /**
   * Makes the resolver durable: it appends every accepted change (a new touchpoint, a removal, a
   * never-link or allow-link rule, a split, an erasure) to a journal in {@code directory} before
   * the change returns, forced as {@code durability} says; and {@link #build()} first rebuilds the
   * state the directory holds (the latest snapshot, then the journal after it), cutting off a
   * damaged tail and reporting it in {@link Journal#recoveryReport()}. The directory is created if
   * absent; one resolver at a time may own it. Touchpoints refused or resolved as duplicates are
   * not journaled.
   *
   * <p>The files hold every value in clear. On a POSIX file system the directory (and any parent
   * it creates) is made {@code rwx------} and every file in it is created {@code rw-------},
   * whatever the umask; files and a directory left wider by an older build are narrowed when the
   * resolver opens them (an existing directory the process does not own is left as it is, with a
   * warning). On a file system without POSIX permissions (Windows) nothing is changed: the files
   * inherit the directory's access control list, so choose a directory only the service's account
   * can read.
   *
   * <p>Recovery gives the partition and the profile ids (aliases included) the resolver had: the
   * snapshot is clustered once with its id anchors, and the changes after it are replayed as they
   * were made. Listeners do not hear the recovery; they
   * hear a change only after its record is written. The resolver must be built with the
   * configuration that wrote the journal. Close it with {@code journal().get().close()}.
   * No journal unless set.
   *
   * @param directory the journal's directory, created if absent; not null
   * @param durability when records are forced to the device, not null
   * @return this builder
   */
  public ResolverBuilder journal(java.nio.file.Path directory, Durability durability) {
    this.journalDirectory = Objects.requireNonNull(directory, "directory");
    this.durability = Objects.requireNonNull(durability, "durability");
    this.journalKey = null;
    return this;
  }

  /**
   * Makes the resolver durable as {@link #journal(java.nio.file.Path, Durability)} does, with the
   * journal's files encrypted at rest under {@code key}: every record of the journal and of its
   * snapshots is sealed with AES-GCM under a fresh random 96-bit nonce, so no file holds a value
   * in clear and a record altered on disk is refused. Recovery, durability and erasure behave as
   * with a clear journal (an erasure still rewrites the files, so the erased values are gone even
   * for someone holding the key).
   *
   * <p>A directory must always be opened with the key that wrote it: {@link #build()} throws
   * {@link OmniIdException} ({@code INVALID_VALUE} on {@code journalKey}, naming the file) when a
   * file was sealed with another key, when the files are clear, or when encrypted files are
   * opened without a key. A clear journal is not encrypted in place.
   *
   * @param directory the journal's directory, created if absent; not null
   * @param durability when records are forced to the device, not null
   * @param key the key that seals the files, not null; the application keeps it
   * @return this builder
   */
  public ResolverBuilder journal(java.nio.file.Path directory, Durability durability,
      JournalKey key) {
    journal(directory, durability);
    this.journalKey = Objects.requireNonNull(key, "key");
    return this;
  }

  /**
   * How many bytes the journal may grow past its latest snapshot before the resolver compacts it
   * on its own ({@link Journal#compact()}): it compacts when the journal exceeds both this and
   * the snapshot's own size, so the bytes rewritten stay proportional to the bytes journaled and a
   * restart reads at most about twice the live state. 64 MiB unless set; needs a journal.
   *
   * @param bytes the growth in bytes, {@code >= 1} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE})
   * @return this builder
   */
  public ResolverBuilder journalCompactionThreshold(long bytes) {
    if (bytes < 1) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "journalCompactionThreshold",
          "must be >= 1");
    }
    this.journalCompactionThreshold = bytes;
    this.compactionThresholdSet = true;
    return this;
  }

  /**
   * Builds a new resolver with this configuration: empty, or with a journal, holding what its
   * directory holds.
   *
   * @return a thread-safe resolver, independent of this builder
   * @throws IllegalStateException if a match model is set without a blocking key, or the reverse;
   *     if a compaction threshold is set without a journal; if role accounts are declared for an
   *     exclusive or personal type; if the journal directory is in use
   * @throws java.io.UncheckedIOException if the journal directory cannot be read, or a snapshot or
   *     a record that passes its checksum cannot be read (damage recovery does not repair)
   * @throws OmniIdException {@code INVALID_VALUE} on {@code journalKey} if the journal's files were
   *     encrypted with another key, are encrypted and no key is given, or are clear and one is
   */
  public IdentityResolver build() {
    if ((matchModel == null) != blockingKeys.isEmpty()) {
      throw new IllegalStateException(matchModel == null
          ? "blockingKey needs a matchModel to score the pairs it finds"
          : "matchModel needs at least one blockingKey: pairs are only scored within blocks");
    }
    if (compactionThresholdSet && journalDirectory == null) {
      throw new IllegalStateException("journalCompactionThreshold needs a journal");
    }
    for (IdentifierType type : roleAccounts.keySet()) {
      IdentifierPolicy policy = policies.get(type);
      if ((policy != null && policy.exclusive()) || personalTypes.contains(type)) {
        throw new IllegalStateException("roleAccounts(" + type.name() + "): an "
            + (personalTypes.contains(type) ? "identifier declared personal" : "exclusive type")
            + " names one person, never a function");
      }
    }
    if (journalDirectory != null) {
      return JournaledResolver.open(this);
    }
    return new InMemoryResolver(this);
  }
}
