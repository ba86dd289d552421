package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Resolves wholesale customers: <em>accounts</em> (the organisations that buy: a shop, a
 * distributor's client) and their <em>contacts</em> (the people who order for them), from
 * touchpoints that may name a person, an organisation, or both. Build one with
 * {@link #newBuilder()}; {@code dev.omniid.matching.OmniId.accountResolverBuilder()} gives the
 * defaults.
 *
 * <h2>Two resolvers, one touchpoint</h2>
 * An account resolver holds two ordinary {@link IdentityResolver}s: one for persons, one for
 * organisations. Each touchpoint is split in two parts with the same id, channel, time, event kind
 * and payload:
 * <ul>
 *   <li>the <b>organisation part</b>: the identifiers of the
 *       {@linkplain Builder#organisationIdentifierTypes organisation types} (a tax id) and the
 *       {@linkplain Builder#organisationAttributes organisation attributes} (the company's name
 *       and address);
 *   <li>the <b>person part</b>: every other identifier and attribute (the buyer's email, phone,
 *       name).
 * </ul>
 * The {@linkplain Builder#sharedAttributes shared attributes} (the {@code country}, which the
 * normalizers of both sides read) go to both parts without making a part by themselves, and the
 * {@linkplain Builder#personContext person context} (the company's name) is copied to a person
 * part as context. A part
 * with nothing of its own is not resolved: an order a sales rep enters naming only the shop has no
 * contact, a consumer's order no account. A touchpoint with nothing of either kind is resolved as
 * a person part, so that every touchpoint is in some profile.
 *
 * <p>Each side resolves its parts with its own rules, by the same sequence-neutral machinery: the
 * account partition and the person partition are each a function of the set of touchpoints, never
 * of their order. Account ids and person ids never meet: the organisations resolver hands out ids
 * from {@link #FIRST_ACCOUNT_ID} up.
 *
 * <h2>Contacts are related, never merged</h2>
 * A contact is related to the accounts its touchpoints name: {@link #accountsOf} and
 * {@link #contactsOf} read the relation off the two partitions (the person and the account of
 * each touchpoint), so it is sequence neutral too, and a person who orders for two shops is one
 * contact related to two accounts; the two shops stay two accounts, and the person stays one
 * person.
 *
 * <h2>Threads</h2>
 * Thread-safe. Changes through this class are serialized by its write lock and reads that
 * combine both sides share its read lock, so a reader never sees a touchpoint on one side and not
 * the other. {@link #persons()} and {@link #organisations()} are for reads and rules (never-link,
 * split, why); a touchpoint resolved or removed through them directly skips the split and the
 * other side.
 */
public final class AccountResolver implements AutoCloseable {

  /**
   * The number of the first account id: the organisations resolver counts up from here, the
   * persons resolver from 1, so a person id ({@code P-1}) is never an account id
   * ({@code P-1000000000001}) for the first 10<sup>12</sup> person ids.
   */
  public static final long FIRST_ACCOUNT_ID = 1_000_000_000_001L;

  private final IdentityResolver persons;
  private final IdentityResolver organisations;
  private final Set<IdentifierType> organisationTypes;
  private final Set<AttributeKey> organisationAttributes;
  private final Set<AttributeKey> sharedAttributes;
  private final Set<AttributeKey> personContext;
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  /** How a single resolve takes the write lock while other threads resolve too. */
  private final ResolveGate gate;

  private AccountResolver(IdentityResolver persons, IdentityResolver organisations,
      Builder builder) {
    this.persons = persons;
    this.organisations = organisations;
    this.organisationTypes = Set.copyOf(builder.organisationTypes);
    this.organisationAttributes = Set.copyOf(builder.organisationAttributes);
    this.sharedAttributes = Set.copyOf(builder.sharedAttributes);
    this.personContext = Set.copyOf(builder.personContext);
    this.gate = new ResolveGate(lock.writeLock(),
        scoresAhead(persons) || scoresAhead(organisations));
  }

  /** Whether {@code side} scores a touchpoint's candidates when it reads it ahead. */
  private static boolean scoresAhead(IdentityResolver side) {
    if (side instanceof InMemoryResolver memory) {
      return memory.scoresAhead();
    }
    return ((JournaledResolver) side).scoresAhead();
  }

  /**
   * Starts configuring an account resolver.
   *
   * @return a new, mutable builder with no resolvers, no organisation types or attributes, and the
   *     {@code country} shared
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- changes

  /**
   * Splits a touchpoint into its person and organisation parts and resolves each on its side.
   *
   * <p>Resolving a touchpoint equal to one already resolved is a no-op, each part reported as
   * {@link Resolution.Outcome#DUPLICATE}. Unusable values (a tax id with a wrong check digit) are
   * reported in the parts' problems ({@link AccountResolution#problems()}) and the touchpoint is
   * resolved on the others.
   *
   * @param touchpoint the touchpoint, not null
   * @return the resolution of each part it has
   * @throws OmniIdException as {@link IdentityResolver#resolve} does, for either part
   *     ({@code DUPLICATE_TOUCHPOINT} also when the id was resolved before with other parts); the
   *     resolver is then unchanged (a person part already added is removed again, so the persons
   *     resolver's listeners hear it come and go)
   */
  public AccountResolution resolve(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Parts parts = split(touchpoint);
    // As each side's resolver does with its own lock (ResolveGate): alone, each side reads under
    // its own; else both parts are read while the others work (else concurrent resolves would
    // read them here one after the other), then this lock is waited for.
    ReadAhead contactRead = null;
    ReadAhead accountRead = null;
    if (!gate.tryAlone()) {
      gate.startReadingAhead();
      try {
        contactRead = parts.person == null ? null : readAhead(persons, parts.person);
        accountRead = parts.organisation == null ? null
            : readAhead(organisations, parts.organisation);
      } catch (RuntimeException | Error e) {
        release(contactRead);
        throw e;
      } finally {
        gate.stopReadingAhead();
      }
      gate.lock();
    }
    try {
      requireSameShape(parts);
      Resolution contact = parts.person == null ? null
          : resolve(persons, parts.person, contactRead);
      Resolution account = null;
      if (parts.organisation != null) {
        try {
          account = resolve(organisations, parts.organisation, accountRead);
        } catch (RuntimeException e) {
          if (contact != null && contact.outcome() != Resolution.Outcome.DUPLICATE) {
            persons.remove(touchpoint.id());
          }
          throw e;
        }
      }
      return new AccountResolution(Optional.ofNullable(contact), Optional.ofNullable(account));
    } finally {
      lock.writeLock().unlock();
      release(contactRead);
      release(accountRead);
    }
  }

  /** What {@code side} reads off {@code part} before its lock ({@link ReadAhead}), or null. */
  private static ReadAhead readAhead(IdentityResolver side, Touchpoint part) {
    if (side instanceof InMemoryResolver memory) {
      return memory.readAhead(part);
    }
    return ((JournaledResolver) side).readAhead(part);
  }

  /** {@code side}'s resolve of {@code part} with what was read ahead; null reads under its lock. */
  private static Resolution resolve(IdentityResolver side, Touchpoint part, ReadAhead read) {
    if (read == null) {
      return side.resolve(part);
    }
    if (side instanceof InMemoryResolver memory) {
      return memory.resolve(part, read);
    }
    return ((JournaledResolver) side).resolve(part, read);
  }

  private static void release(ReadAhead read) {
    if (read != null) {
      read.release();
    }
  }

  /**
   * Adds many touchpoints at once: the same partitions and relations as resolving them one by
   * one, each side in one pass. A touchpoint either part of which would be refused is refused
   * whole and reported in {@link AccountBatchResult#problems()}; the others are resolved.
   *
   * @param touchpoints the touchpoints, in any order; not null; a null element is refused
   *     ({@code MISSING_FIELD}, field {@code touchpoints[i]}); an id repeated in the batch with
   *     other content is refused ({@code DUPLICATE_TOUCHPOINT}) after its first occurrence
   * @return the counts, the problems, and each side's result
   */
  public AccountBatchResult resolveAll(Collection<Touchpoint> touchpoints) {
    Objects.requireNonNull(touchpoints, "touchpoints");
    lock.writeLock().lock();
    try {
      List<Problem> problems = new ArrayList<>();
      int duplicates = 0;
      int rejected = 0;
      Map<String, Touchpoint> seen = new HashMap<>();
      List<Parts> fresh = new ArrayList<>();
      int position = 0;
      for (Touchpoint t : touchpoints) {
        int at = position++;
        if (t == null) {
          problems.add(new Problem("#" + at, "touchpoints[" + at + "]", Reason.MISSING_FIELD,
              "is null"));
          rejected++;
          continue;
        }
        Touchpoint first = seen.putIfAbsent(t.id(), t);
        if (first != null) {
          if (first.equals(t)) {
            duplicates++;
          } else {
            problems.add(Problem.of(t.id(), differentContent(t.id())));
            rejected++;
          }
          continue;
        }
        Parts parts = split(t);
        boolean knownAsPerson = persons.profileIdOf(t.id()).isPresent();
        boolean knownAsOrganisation = organisations.profileIdOf(t.id()).isPresent();
        if (!knownAsPerson && !knownAsOrganisation) {
          fresh.add(parts);
          continue;
        }
        // Known: a repeat, refused unless each part is the one resolved before. A known part's
        // resolve changes nothing, it only compares.
        try {
          requireSameShape(parts);
          if (parts.person != null) {
            persons.resolve(parts.person);
          }
          if (parts.organisation != null) {
            organisations.resolve(parts.organisation);
          }
          duplicates++;
        } catch (OmniIdException e) {
          problems.add(Problem.of(t.id(), e));
          rejected++;
        }
      }
      List<Touchpoint> personParts = new ArrayList<>(fresh.size());
      List<Touchpoint> organisationParts = new ArrayList<>(fresh.size());
      for (Parts parts : fresh) {
        if (parts.person != null) {
          personParts.add(parts.person);
        }
        if (parts.organisation != null) {
          organisationParts.add(parts.organisation);
        }
      }
      BatchResult contacts = persons.resolveAll(personParts);
      BatchResult accounts = organisations.resolveAll(organisationParts);
      // A touchpoint one side refused leaves the other side too: refused whole, as resolve does.
      List<ProfileEvent> personUndo = new ArrayList<>();
      List<ProfileEvent> organisationUndo = new ArrayList<>();
      int personUndone = 0;
      int organisationUndone = 0;
      int accepted = 0;
      for (Parts parts : fresh) {
        String id = parts.id;
        boolean personOk = parts.person == null || persons.profileIdOf(id).isPresent();
        boolean organisationOk =
            parts.organisation == null || organisations.profileIdOf(id).isPresent();
        if (personOk && organisationOk) {
          accepted++;
          continue;
        }
        rejected++;
        if (parts.person != null && personOk) {
          personUndo.addAll(persons.remove(id));
          personUndone++;
        }
        if (parts.organisation != null && organisationOk) {
          organisationUndo.addAll(organisations.remove(id));
          organisationUndone++;
        }
      }
      problems.addAll(contacts.problems());
      problems.addAll(accounts.problems());
      return new AccountBatchResult(accepted, duplicates, rejected, problems,
          undone(contacts, personUndone, personUndo),
          undone(accounts, organisationUndone, organisationUndo));
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static BatchResult undone(BatchResult result, int undone, List<ProfileEvent> events) {
    if (undone == 0) {
      return result;
    }
    List<ProfileEvent> all = new ArrayList<>(result.events());
    all.addAll(events);
    return new BatchResult(result.accepted() - undone, result.duplicates(),
        result.rejected() + undone, result.problems(), all);
  }

  /**
   * Removes a touchpoint from both sides, as if it had never been resolved.
   *
   * @param touchpointId the touchpoint's id, not null
   * @return the events it caused: the persons resolver's, then the organisations resolver's (their
   *     profile ids never meet, so each event's side is plain); empty if the id is unknown
   */
  public List<ProfileEvent> remove(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    lock.writeLock().lock();
    try {
      List<ProfileEvent> events = new ArrayList<>(persons.remove(touchpointId));
      events.addAll(organisations.remove(touchpointId));
      return List.copyOf(events);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Erases an identifier (the right to be forgotten) on the side its type belongs to, as
   * {@link IdentityResolver#forget(IdentifierType, String)} does, and removes the touchpoints it
   * erased from the other side too: a person's email takes the orders it is on away from their
   * accounts' journeys. When the other side has a journal, it is compacted afterwards, so its
   * files keep nothing of the erased touchpoints.
   *
   * @param type the identifier type, not null; an organisation type erases on the organisations
   *     side, any other on the persons side
   * @param rawValue the value as a customer would spell it, not null
   * @return the ids of the touchpoints removed, in id order; empty if nothing was erased
   */
  public List<String> forget(IdentifierType type, String rawValue) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawValue, "rawValue");
    lock.writeLock().lock();
    try {
      boolean organisation = organisationTypes.contains(type);
      IdentityResolver side = organisation ? organisations : persons;
      List<String> removed = side.forget(type, rawValue);
      removeFromOther(organisation ? persons : organisations, removed);
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Erases a contact or an account with every touchpoint of it, from both sides, as
   * {@link #forget(IdentifierType, String)} erases the carriers of a value.
   *
   * @param profileId a contact's or an account's id or alias, not null
   * @return the ids of the touchpoints removed, in id order; empty if no profile has the id
   */
  public List<String> forget(ProfileId profileId) {
    Objects.requireNonNull(profileId, "profileId");
    lock.writeLock().lock();
    try {
      if (persons.profile(profileId).isPresent()) {
        List<String> removed = persons.forget(profileId);
        removeFromOther(organisations, removed);
        return removed;
      }
      List<String> removed = organisations.forget(profileId);
      removeFromOther(persons, removed);
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static void removeFromOther(IdentityResolver other, List<String> removed) {
    boolean any = false;
    for (String id : removed) {
      any |= other.profileIdOf(id).isPresent();
      other.remove(id);
    }
    if (any) {
      other.journal().ifPresent(Journal::compact);
    }
  }

  // ---------------------------------------------------------------- look-ups

  /**
   * The account a touchpoint named.
   *
   * @param touchpointId the touchpoint's id, not null
   * @return the account's current id; empty if the touchpoint is unknown or named no organisation
   */
  public Optional<ProfileId> accountOf(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    return organisations.profileIdOf(touchpointId);
  }

  /**
   * The contact (person) who acted in a touchpoint.
   *
   * @param touchpointId the touchpoint's id, not null
   * @return the contact's current id; empty if the touchpoint is unknown or named no person
   */
  public Optional<ProfileId> contactOf(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    return persons.profileIdOf(touchpointId);
  }

  /**
   * The contacts of an account: the persons who acted in the touchpoints that name it.
   *
   * @param account an account's id or alias, not null
   * @return the contacts' current ids, in id order without repeats; empty for an unknown account
   *     or one whose touchpoints named nobody
   */
  public List<ProfileId> contactsOf(ProfileId account) {
    Objects.requireNonNull(account, "account");
    return related(organisations, persons, account);
  }

  /**
   * The accounts of a contact: the organisations named by the touchpoints the person acted in.
   *
   * @param contact a contact's id or alias, not null
   * @return the accounts' current ids, in id order without repeats; empty for an unknown contact
   *     or one who never acted for an organisation
   */
  public List<ProfileId> accountsOf(ProfileId contact) {
    Objects.requireNonNull(contact, "contact");
    return related(persons, organisations, contact);
  }

  private List<ProfileId> related(IdentityResolver from, IdentityResolver to, ProfileId id) {
    lock.readLock().lock();
    try {
      Optional<Profile> profile = from.profile(id);
      if (profile.isEmpty()) {
        return List.of();
      }
      TreeSet<ProfileId> out = new TreeSet<>();
      for (String touchpointId : profile.get().touchpointIds()) {
        to.profileIdOf(touchpointId).ifPresent(out::add);
      }
      return List.copyOf(out);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * An account's journey across channels and contacts: every touchpoint that names it, in time
   * order (untimed ones last, as {@link Profile#journey()}), each with the contact who acted.
   *
   * @param account an account's id or alias, not null
   * @return a new list of the entries; empty for an unknown account
   */
  public List<AccountJourneyEntry> accountJourney(ProfileId account) {
    Objects.requireNonNull(account, "account");
    lock.readLock().lock();
    try {
      Optional<Profile> profile = organisations.profile(account);
      if (profile.isEmpty()) {
        return List.of();
      }
      List<AccountJourneyEntry> out = new ArrayList<>(profile.get().size());
      for (Touchpoint t : profile.get().journey()) {
        out.add(new AccountJourneyEntry(t, persons.profileIdOf(t.id())));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * An account's profile: the organisation parts of its touchpoints, its identifiers (tax ids),
   * evidence and aliases.
   *
   * @param account an account's id or alias, not null
   * @return a snapshot of the profile; empty if no account has the id (a contact's id included)
   */
  public Optional<Profile> account(ProfileId account) {
    Objects.requireNonNull(account, "account");
    return organisations.profile(account);
  }

  /**
   * A contact's profile: the person parts of the touchpoints the person acted in.
   *
   * @param contact a contact's id or alias, not null
   * @return a snapshot of the profile; empty if no contact has the id (an account's id included)
   */
  public Optional<Profile> contact(ProfileId contact) {
    Objects.requireNonNull(contact, "contact");
    return persons.profile(contact);
  }

  /**
   * The persons resolver, for reads and rules on contacts ({@link IdentityResolver#why},
   * {@link IdentityResolver#neverLink}, {@link IdentityResolver#split}). Resolve and remove through
   * this class, which keeps both sides together.
   *
   * @return the persons resolver
   */
  public IdentityResolver persons() {
    return persons;
  }

  /**
   * The organisations resolver, for reads and rules on accounts, as {@link #persons()}.
   *
   * @return the organisations resolver
   */
  public IdentityResolver organisations() {
    return organisations;
  }

  /**
   * Closes both resolvers (the organisations first), as {@link IdentityResolver#close()} does.
   */
  @Override
  public void close() {
    RuntimeException failure = null;
    for (IdentityResolver r : List.of(organisations, persons)) {
      try {
        r.close();
      } catch (RuntimeException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  // ---------------------------------------------------------------- splitting

  /** A touchpoint's two parts; null for a part that is not resolved. */
  private record Parts(String id, Touchpoint person, Touchpoint organisation) {}

  private Parts split(Touchpoint t) {
    List<Identifier> personIds = new ArrayList<>(t.identifiers().size());
    List<Identifier> organisationIds = new ArrayList<>(2);
    for (Identifier identifier : t.identifiers()) {
      (organisationTypes.contains(identifier.type()) ? organisationIds : personIds).add(identifier);
    }
    Map<AttributeKey, String> personAttributes = new LinkedHashMap<>();
    Map<AttributeKey, String> organisationAttributes = new LinkedHashMap<>();
    boolean personOwn = !personIds.isEmpty();
    boolean organisationOwn = !organisationIds.isEmpty();
    for (Map.Entry<AttributeKey, String> e : t.attributes().entrySet()) {
      if (sharedAttributes.contains(e.getKey())) {
        personAttributes.put(e.getKey(), e.getValue());
        organisationAttributes.put(e.getKey(), e.getValue());
      } else if (this.organisationAttributes.contains(e.getKey())) {
        organisationAttributes.put(e.getKey(), e.getValue());
        organisationOwn = true;
        if (personContext.contains(e.getKey())) {
          personAttributes.put(e.getKey(), e.getValue());
        }
      } else {
        personAttributes.put(e.getKey(), e.getValue());
        personOwn = true;
      }
    }
    Touchpoint organisation = organisationOwn ? part(t, organisationIds, organisationAttributes)
        : null;
    // Without an organisation part the person part is the touchpoint itself.
    Touchpoint person = !organisationOwn ? t
        : personOwn ? part(t, personIds, personAttributes) : null;
    return new Parts(t.id(), person, organisation);
  }

  private static Touchpoint part(Touchpoint t, List<Identifier> identifiers,
      Map<AttributeKey, String> attributes) {
    return new Touchpoint(t.id(), t.channel(), t.timestamp(), t.eventKind(), identifiers,
        attributes, t.payload());
  }

  /**
   * A known id must come back with the parts it had: a side without a part must not know it, a
   * side with one must (else the content differs from what was resolved).
   */
  private void requireSameShape(Parts parts) {
    boolean knownAsPerson = persons.profileIdOf(parts.id).isPresent();
    boolean knownAsOrganisation = organisations.profileIdOf(parts.id).isPresent();
    if (!knownAsPerson && !knownAsOrganisation) {
      return;
    }
    if (knownAsPerson != (parts.person != null)
        || knownAsOrganisation != (parts.organisation != null)) {
      throw differentContent(parts.id);
    }
  }

  private static OmniIdException differentContent(String id) {
    return new OmniIdException(Reason.DUPLICATE_TOUCHPOINT, "id",
        "touchpoint " + id + " was already resolved with different content");
  }

  // ---------------------------------------------------------------- builder

  /**
   * Configures an {@link AccountResolver}. Setters check their argument at once (an
   * {@link IllegalArgumentException} for a bad value, an {@link IllegalStateException} for a
   * conflict with an earlier setting); {@link #build()} checks the whole. Not thread-safe.
   */
  public static final class Builder {
    private ResolverBuilder personsBuilder;
    private IdentityResolver personsResolver;
    private ResolverBuilder organisationsBuilder;
    private IdentityResolver organisationsResolver;
    private Set<IdentifierType> organisationTypes = Set.of();
    private Set<AttributeKey> organisationAttributes = Set.of();
    private Set<AttributeKey> sharedAttributes = Set.of(AttributeKey.COUNTRY);
    private Set<AttributeKey> personContext = Set.of();

    private Builder() {}

    /**
     * The persons side, built by {@link #build()}: its ids must start below
     * {@link AccountResolver#FIRST_ACCOUNT_ID} (the default, 1, does).
     *
     * @param builder the configured builder, not null; replaces an earlier persons setting
     * @return this builder
     * @throws IllegalArgumentException if its first profile id is in the accounts' range
     */
    public Builder persons(ResolverBuilder builder) {
      Objects.requireNonNull(builder, "builder");
      if (builder.firstProfileId >= FIRST_ACCOUNT_ID) {
        throw new IllegalArgumentException(
            "persons: firstProfileId must be below AccountResolver.FIRST_ACCOUNT_ID");
      }
      this.personsBuilder = builder;
      this.personsResolver = null;
      return this;
    }

    /**
     * The persons side, already built (with a journal, say): its ids must be below
     * {@link AccountResolver#FIRST_ACCOUNT_ID}, which {@link #build()} checks. Closing the account
     * resolver closes it.
     *
     * @param resolver the resolver, not null; replaces an earlier persons setting
     * @return this builder
     */
    public Builder persons(IdentityResolver resolver) {
      this.personsResolver = Objects.requireNonNull(resolver, "resolver");
      this.personsBuilder = null;
      return this;
    }

    /**
     * The organisations side, built by {@link #build()}. Its first profile id is raised to
     * {@link AccountResolver#FIRST_ACCOUNT_ID} when below it (the builder is changed), so that
     * account ids never equal person ids.
     *
     * @param builder the configured builder, not null; replaces an earlier organisations setting
     * @return this builder
     */
    public Builder organisations(ResolverBuilder builder) {
      this.organisationsBuilder = Objects.requireNonNull(builder, "builder");
      this.organisationsResolver = null;
      return this;
    }

    /**
     * The organisations side, already built: it must have been built with
     * {@link ResolverBuilder#firstProfileId firstProfileId}{@code (FIRST_ACCOUNT_ID)} or higher,
     * which {@link #build()} checks. Closing the account resolver closes it.
     *
     * @param resolver the resolver, not null; replaces an earlier organisations setting
     * @return this builder
     */
    public Builder organisations(IdentityResolver resolver) {
      this.organisationsResolver = Objects.requireNonNull(resolver, "resolver");
      this.organisationsBuilder = null;
      return this;
    }

    /**
     * The identifier types that name an organisation (a tax id): they go to the organisation part.
     *
     * @param types the types, not null, no null element; replaces an earlier set
     * @return this builder
     */
    public Builder organisationIdentifierTypes(Set<IdentifierType> types) {
      this.organisationTypes = Set.copyOf(Objects.requireNonNull(types, "types"));
      return this;
    }

    /**
     * The attributes that describe an organisation (its name, its address): they go to the
     * organisation part.
     *
     * @param keys the attributes, not null, no null element; replaces an earlier set
     * @return this builder
     * @throws IllegalStateException if one of them is a shared attribute
     */
    public Builder organisationAttributes(Set<AttributeKey> keys) {
      Set<AttributeKey> copy = Set.copyOf(Objects.requireNonNull(keys, "keys"));
      requireDisjoint(copy, sharedAttributes);
      this.organisationAttributes = copy;
      return this;
    }

    /**
     * The attributes both parts carry, for the normalizers of both sides (a phone's or a tax id's
     * country); they do not make a part by themselves. {@code country} unless set.
     *
     * @param keys the attributes, not null, no null element; replaces an earlier set
     * @return this builder
     * @throws IllegalStateException if one of them is an organisation attribute
     */
    public Builder sharedAttributes(Set<AttributeKey> keys) {
      Set<AttributeKey> copy = Set.copyOf(Objects.requireNonNull(keys, "keys"));
      requireDisjoint(organisationAttributes, copy);
      this.sharedAttributes = copy;
      return this;
    }

    /**
     * Organisation attributes that the person part also carries, as context, when the touchpoint
     * names a person: the persons side's model may then weigh who a person buys for (the same
     * name at the same company is the same contact; namesakes at two companies are two). They
     * stay the organisation's: they never make a person part by themselves. None unless set.
     *
     * @param keys organisation attributes (checked by {@link #build()}), not null, no null
     *     element; replaces an earlier set
     * @return this builder
     */
    public Builder personContext(Set<AttributeKey> keys) {
      this.personContext = Set.copyOf(Objects.requireNonNull(keys, "keys"));
      return this;
    }

    private static void requireDisjoint(Set<AttributeKey> organisation, Set<AttributeKey> shared) {
      for (AttributeKey key : organisation) {
        if (shared.contains(key)) {
          throw new IllegalStateException("organisationAttributes: " + key.name()
              + " is a shared attribute; an attribute is either the organisation's or shared");
        }
      }
    }

    /**
     * Builds the account resolver, building the sides given as builders.
     *
     * @return a new account resolver
     * @throws IllegalStateException if a side is missing, both are one resolver, no organisation
     *     type or attribute is set, or a built side's profile ids are in the other's range
     */
    public AccountResolver build() {
      if (personsBuilder == null && personsResolver == null) {
        throw new IllegalStateException("persons: a resolver or builder is required");
      }
      if (organisationsBuilder == null && organisationsResolver == null) {
        throw new IllegalStateException("organisations: a resolver or builder is required");
      }
      if (personsResolver != null && personsResolver == organisationsResolver) {
        throw new IllegalStateException("persons and organisations must be two resolvers");
      }
      if (organisationTypes.isEmpty() && organisationAttributes.isEmpty()) {
        throw new IllegalStateException(
            "organisationIdentifierTypes or organisationAttributes: nothing would name an"
                + " organisation");
      }
      if (!organisationAttributes.containsAll(personContext)) {
        throw new IllegalStateException(
            "personContext: every key must be one of the organisationAttributes");
      }
      if (personsResolver != null) {
        requireRange("persons", personsResolver, false);
      }
      if (organisationsResolver != null) {
        requireRange("organisations", organisationsResolver, true);
      }
      IdentityResolver organisations = organisationsResolver;
      if (organisations == null) {
        if (organisationsBuilder.firstProfileId < FIRST_ACCOUNT_ID) {
          organisationsBuilder.firstProfileId(FIRST_ACCOUNT_ID);
        }
        organisations = organisationsBuilder.build();
        try {
          requireRange("organisations", organisations, true);
        } catch (RuntimeException e) {
          organisations.close();
          throw e;
        }
      }
      IdentityResolver persons = personsResolver;
      if (persons == null) {
        try {
          persons = personsBuilder.build();
          requireRange("persons", persons, false);
        } catch (RuntimeException e) {
          if (organisationsResolver == null) {
            organisations.close();
          }
          if (persons != null) {
            persons.close();
          }
          throw e;
        }
      }
      return new AccountResolver(persons, organisations, this);
    }

    /**
     * A side's ids must lie in its range: the ids it will hand out and those it holds (a journal
     * written with other settings holds its own).
     */
    private static void requireRange(String side, IdentityResolver resolver, boolean accounts) {
      long first = resolver instanceof InMemoryResolver m ? m.firstProfileId()
          : ((JournaledResolver) resolver).firstProfileId();
      boolean ok = accounts == (first >= FIRST_ACCOUNT_ID)
          && resolver.profiles().allMatch(p -> inRange(p, accounts));
      if (!ok) {
        throw new IllegalStateException(side + ": profile ids must be "
            + (accounts ? "at least" : "below")
            + " AccountResolver.FIRST_ACCOUNT_ID (see ResolverBuilder.firstProfileId)");
      }
    }

    private static boolean inRange(Profile p, boolean accounts) {
      LinkedHashSet<ProfileId> ids = new LinkedHashSet<>(p.aliases());
      ids.add(p.id());
      for (ProfileId id : ids) {
        if (accounts != (id.value() >= FIRST_ACCOUNT_ID)) {
          return false;
        }
      }
      return true;
    }
  }
}
