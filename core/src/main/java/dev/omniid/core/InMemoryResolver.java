package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The in-memory merge graph: touchpoint nodes, identifier value nodes, and the current partition.
 * Every change collects the touchpoints it affects, recomputes their connected components with
 * {@link ComponentClusterer}, then gives the new clusters ids and reports the difference as
 * events.
 */
final class InMemoryResolver implements IdentityResolver {
  private static final System.Logger LOG = System.getLogger(IdentityResolver.class.getName());
  private static final Comparator<Entry> BY_TIME_THEN_ID =
      Comparator.<Entry, java.time.Instant>comparing(e -> e.touchpoint.timestamp()).thenComparing(e -> e.id);
  private static final Predicate<String> NO_JUNK = v -> false;

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<IdentifierType, IdentifierPolicy> policies;
  private final Map<IdentifierType, Normalizer> normalizers;
  private final Map<IdentifierType, Predicate<String>> junkPredicates;
  private final List<ProfileListener> listeners;
  private final int exclusiveSlots;
  private final String[] noExclusive;
  private final List<ResolverBuilder.Derivation> derivations;
  /** Blocks and scored-match edges; null without a match model. */
  private final ScoredLinks scored;
  /** Touchpoints whose components an insertion or removal changed besides its own (scratch). */
  private final ArrayList<Entry> extraSeeds = new ArrayList<>();
  private final ArrayList<Identifier> scratchIdentifiers = new ArrayList<>();
  private final ArrayList<TypeInfo> scratchInfos = new ArrayList<>();
  // For each of scratchIdentifiers, the position of the touchpoint identifier it comes from (for a
  // derived one, its source's), so that a problem found later names that identifier.
  private int[] scratchOrigins = new int[Touchpoint.MAX_IDENTIFIERS];
  private final Cluster[] scratchTargets = new Cluster[4];
  private final ArrayList<Problem> scratchProblems = new ArrayList<>();
  private final Erasure erasure;

  private final HashMap<IdentifierType, TypeInfo> types = new HashMap<>();
  private final KeyedTable<Entry> entries = new KeyedTable<>(e -> e.id);
  private final KeyedTable<IdRecord> ids = new KeyedTable<>(r -> r.id);
  /** The current profiles, in no order; each knows its position (swap-remove). */
  private final ArrayList<Cluster> live = new ArrayList<>();
  private final Set<ValueNode> generic = Collections.newSetFromMap(new IdentityHashMap<>());
  private long nextProfileId = 1;

  InMemoryResolver(ResolverBuilder builder) {
    this.policies = Map.copyOf(builder.policies);
    this.normalizers = Map.copyOf(builder.normalizers);
    this.junkPredicates = Map.copyOf(builder.junk);
    this.listeners = List.copyOf(builder.listeners);
    this.scored = builder.matchModel == null ? null
        : new ScoredLinks(builder.matchModel, builder.blockingKeys, builder.maxBlockSize);
    this.derivations = List.copyOf(builder.derivations);
    this.erasure = new Erasure(builder);
    int slots = 0;
    for (Map.Entry<IdentifierType, IdentifierPolicy> e : builder.policies.entrySet()) {
      if (e.getValue().exclusive()) {
        registerType(e.getKey(), slots++);
      }
    }
    this.exclusiveSlots = slots;
    this.noExclusive = new String[slots];
    for (IdentifierType type : builder.policies.keySet()) {
      if (!types.containsKey(type)) {
        registerType(type, -1);
      }
    }
  }

  // ---------------------------------------------------------------- changes

  @Override
  public List<String> forget(IdentifierType type, String rawValue) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawValue, "rawValue");
    // The write lock throughout: the reads inside take the read lock, which its holder may.
    lock.writeLock().lock();
    try {
      List<String> ids = erasure.carriers(this, type, rawValue);
      ids.forEach(this::remove);
      return ids;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<String> forget(ProfileId profileId) {
    Objects.requireNonNull(profileId, "profileId");
    lock.writeLock().lock();
    try {
      return IdentityResolver.super.forget(profileId);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Resolution resolve(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    lock.writeLock().lock();
    try {
      Entry existing = entries.get(touchpoint.id());
      if (existing != null) {
        requireSameContent(existing, touchpoint);
        return new Resolution(touchpoint.id(), Resolution.Outcome.DUPLICATE, existing.cluster.id,
            List.of(), List.of(), List.of(), List.of());
      }
      List<Problem> found = scratchProblems;
      found.clear();
      Entry entry = insert(touchpoint, found);
      List<Problem> problems = found.isEmpty() ? List.of() : List.copyOf(found);
      Resolution fast = entry.flipped || !extraSeeds.isEmpty() ? null : fastAttach(entry, problems);
      if (fast != null) {
        fire(fast.events());
        return fast;
      }
      List<Entry> seeds = new ArrayList<>(seedsOf(entry));
      seeds.addAll(extraSeeds);
      extraSeeds.clear();
      Change change = recompute(seeds, entry, null);
      Cluster cluster = entry.cluster;
      LinkedHashSet<ProfileId> mergedIds = new LinkedHashSet<>();
      boolean joinedExisting = false;
      for (Entry member : cluster.members) {
        Cluster previous = change.previous.get(member);
        if (previous == null) {
          continue;
        }
        joinedExisting = true;
        if (!previous.id.equals(cluster.id)) {
          mergedIds.add(previous.id);
        }
      }
      Resolution.Outcome outcome = !joinedExisting ? Resolution.Outcome.CREATED
          : mergedIds.isEmpty() ? Resolution.Outcome.ATTACHED : Resolution.Outcome.MERGED;
      List<ProfileId> merged = new ArrayList<>(mergedIds);
      Collections.sort(merged);
      fire(change.events);
      return new Resolution(touchpoint.id(), outcome, cluster.id, merged, change.evidence,
          change.events, problems);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public BatchResult resolveAll(Collection<Touchpoint> touchpoints) {
    Objects.requireNonNull(touchpoints, "touchpoints");
    lock.writeLock().lock();
    try {
      List<Problem> problems = new ArrayList<>();
      List<Entry> added = new ArrayList<>(touchpoints.size());
      int duplicates = 0;
      int rejected = 0;
      int position = 0;
      for (Touchpoint touchpoint : touchpoints) {
        if (touchpoint == null) {
          problems.add(new Problem("#" + position, "touchpoints[" + position + "]",
              Reason.MISSING_FIELD, "is null"));
          rejected++;
        } else {
          try {
            Entry existing = entries.get(touchpoint.id());
            if (existing != null) {
              requireSameContent(existing, touchpoint);
              duplicates++;
            } else {
              added.add(insert(touchpoint, problems));
            }
          } catch (OmniIdException e) {
            problems.add(Problem.of(touchpoint.id(), e));
            rejected++;
          }
        }
        position++;
      }
      List<Entry> seeds = new ArrayList<>(added);
      for (Entry e : added) {
        if (e.flipped) {
          seeds.addAll(seedsOf(e));
        }
      }
      seeds.addAll(extraSeeds);
      extraSeeds.clear();
      Change change = recompute(seeds, null, null);
      fire(change.events);
      return new BatchResult(added.size(), duplicates, rejected, problems, change.events);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The profile ids in use (current ids and aliases), each with the touchpoint it is anchored on,
   * and the next id to hand out: with the touchpoints and rules, what gives the same ids again
   * ({@link #restore}). A snapshot keeps it so that profile ids survive a restart.
   */
  IdAnchors idAnchors() {
    lock.readLock().lock();
    try {
      TreeMap<Long, String> anchors = new TreeMap<>();
      ids.forEach(record -> anchors.put(record.id.value(), record.anchor.id));
      return new IdAnchors(nextProfileId, anchors);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Profile ids by number with their anchor touchpoint ids, and the next number to hand out. */
  record IdAnchors(long nextProfileId, java.util.SortedMap<Long, String> anchors) {}

  /**
   * Fills an empty resolver with touchpoints, never-link rules and profile-id anchors, and
   * clusters once: each profile takes the oldest id anchored on its members, as it did when the
   * anchors were read, so the partition and its ids are the ones {@link #idAnchors} described.
   * Anchors on unknown touchpoints are ignored; listeners hear nothing.
   */
  BatchResult restore(Collection<Touchpoint> touchpoints, List<String[]> rules, IdAnchors anchors) {
    lock.writeLock().lock();
    try {
      if (entries.size() > 0) {
        throw new IllegalStateException("restore needs an empty resolver");
      }
      List<Problem> problems = new ArrayList<>();
      List<Entry> added = new ArrayList<>(touchpoints.size());
      int rejected = 0;
      for (Touchpoint touchpoint : touchpoints) {
        try {
          added.add(insert(touchpoint, problems));
        } catch (OmniIdException e) {
          problems.add(Problem.of(touchpoint.id(), e));
          rejected++;
        }
      }
      for (String[] rule : rules) {
        Entry a = entries.get(rule[0]);
        Entry b = entries.get(rule[1]);
        if (a != null && b != null && a != b) {
          addNeverLink(a, b);
        }
      }
      for (Map.Entry<Long, String> anchor : anchors.anchors().entrySet()) {
        Entry on = entries.get(anchor.getValue());
        if (on != null) {
          IdRecord record = new IdRecord(new ProfileId(anchor.getKey()), on);
          record.nextAnchored = on.anchored;
          on.anchored = record;
          ids.add(record);
        }
      }
      nextProfileId = Math.max(nextProfileId, anchors.nextProfileId());
      List<Entry> seeds = new ArrayList<>(added);
      for (Entry e : added) {
        e.flipped = false;
      }
      seeds.addAll(extraSeeds);
      extraSeeds.clear();
      Change change = recompute(seeds, null, null);
      return new BatchResult(added.size(), 0, rejected, problems, change.events);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ProfileEvent> remove(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    lock.writeLock().lock();
    try {
      Entry entry = entries.remove(touchpointId);
      if (entry == null) {
        return List.of();
      }
      entry.removed = true;
      List<Entry> neighbours = new ArrayList<>();
      for (ValueNode v : entry.values) {
        v.removeEntry(entry);
        if (v.limited()) {
          v.removeCarrier(entry);
        }
        if (v.carrierCount() == 0) {
          v.type.values.remove(v.value);
          generic.remove(v);
        } else {
          if (v.overLimit && !v.exceedsLimit()) {
            // Back under the limit: it links its carriers again.
            v.overLimit = false;
            generic.remove(v);
          }
          if (v.connects()) {
            v.addEntriesTo(neighbours);
          }
        }
      }
      if (scored != null) {
        scored.removeFromBlocks(entry, extraSeeds);
      }
      if (entry.edges() != null) {
        for (Edge edge : entry.edges()) {
          Entry other = edge.other(entry);
          other.edges().remove(edge);
          neighbours.add(other);
        }
        entry.extras.edges = null;
      }
      if (entry.neverLink() != null) {
        for (Entry partner : entry.neverLink()) {
          partner.neverLink().remove(entry);
          neighbours.add(partner);
        }
        entry.extras.neverLink = null;
      }
      reanchor(entry);
      neighbours.addAll(extraSeeds);
      extraSeeds.clear();
      Change change = recompute(neighbours, null, entry.cluster);
      fire(change.events);
      return change.events;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ProfileEvent> neverLink(String touchpointId, String otherTouchpointId) {
    lock.writeLock().lock();
    try {
      Entry a = known(touchpointId, "touchpointId");
      Entry b = known(otherTouchpointId, "otherTouchpointId");
      if (a == b) {
        throw new OmniIdException(Reason.INVALID_VALUE, "otherTouchpointId",
            "a touchpoint cannot be kept apart from itself");
      }
      boolean added = addNeverLink(a, b);
      // A rule between touchpoints already in different profiles blocks no union the
      // clusterer made, so the partition stands as it is.
      if (!added || a.cluster != b.cluster) {
        return List.of();
      }
      return applyAndFire(List.of(a));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ProfileEvent> allowLink(String touchpointId, String otherTouchpointId) {
    lock.writeLock().lock();
    try {
      Entry a = known(touchpointId, "touchpointId");
      Entry b = known(otherTouchpointId, "otherTouchpointId");
      if (a.neverLink() == null || !a.neverLink().remove(b)) {
        return List.of();
      }
      b.neverLink().remove(a);
      return applyAndFire(List.of(a, b));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ProfileId> split(ProfileId profileId, Set<String> touchpointIds) {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(touchpointIds, "touchpointIds");
    lock.writeLock().lock();
    try {
      Cluster cluster = clusterOf(profileId).orElseThrow(() -> new OmniIdException(
          Reason.UNKNOWN_REFERENCE, "profileId", "no profile " + profileId));
      if (touchpointIds.isEmpty() || touchpointIds.size() >= cluster.members.size()) {
        throw new OmniIdException(Reason.INVALID_VALUE, "touchpointIds",
            "must name some but not all of the profile's " + cluster.members.size()
                + " touchpoints");
      }
      List<Entry> side = new ArrayList<>();
      for (String id : touchpointIds) {
        Entry e = entries.get(id);
        if (e == null || e.cluster != cluster) {
          throw new OmniIdException(Reason.UNKNOWN_REFERENCE, "touchpointIds",
              "touchpoint " + id + " is not in profile " + profileId);
        }
        side.add(e);
      }
      Set<Entry> sideSet = Collections.newSetFromMap(new IdentityHashMap<>());
      sideSet.addAll(side);
      for (Entry a : side) {
        for (Entry b : cluster.members) {
          if (!sideSet.contains(b)) {
            addNeverLink(a, b);
          }
        }
      }
      applyAndFire(List.of(side.get(0)));
      Set<ProfileId> result = new java.util.TreeSet<>();
      for (Entry e : cluster.members) {
        result.add(e.cluster.id);
      }
      return List.copyOf(result);
    } finally {
      lock.writeLock().unlock();
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<Profile> profile(ProfileId profileId) {
    Objects.requireNonNull(profileId, "profileId");
    lock.readLock().lock();
    try {
      return clusterOf(profileId).map(c -> views(List.of(c)).get(0));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<Profile> profileOfTouchpoint(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    lock.readLock().lock();
    try {
      Entry e = entries.get(touchpointId);
      return e == null ? Optional.empty() : Optional.of(views(List.of(e.cluster)).get(0));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<ProfileId> profileIdOf(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    lock.readLock().lock();
    try {
      Entry e = entries.get(touchpointId);
      return e == null ? Optional.empty() : Optional.of(e.cluster.id);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Profile> findProfiles(IdentifierType type, String rawValue) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawValue, "rawValue");
    lock.readLock().lock();
    try {
      TypeInfo info = types.get(type);
      if (info == null || rawValue.isBlank()) {
        return List.of();
      }
      String normalized;
      try {
        normalized = info.normalizer.normalize(rawValue.strip());
      } catch (RuntimeException e) {
        return List.of();
      }
      ValueNode node = info.values.get(normalized);
      if (node == null) {
        return List.of();
      }
      Set<Cluster> clusters = new LinkedHashSet<>();
      for (int i = 0; i < node.carrierCount(); i++) {
        clusters.add(node.carrier(i).cluster);
      }
      List<Cluster> sorted = new ArrayList<>(clusters);
      sorted.sort(Comparator.comparing(c -> c.id));
      return views(sorted);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Stream<Profile> profiles() {
    lock.readLock().lock();
    try {
      List<Cluster> all = new ArrayList<>(live);
      all.sort(Comparator.comparing(c -> c.id));
      return views(all).stream();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int profileCount() {
    lock.readLock().lock();
    try {
      return live.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int touchpointCount() {
    lock.readLock().lock();
    try {
      return entries.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<GenericValue> genericValues() {
    lock.readLock().lock();
    try {
      List<ValueNode> nodes = new ArrayList<>(generic);
      nodes.sort(Comparator.<ValueNode>comparingInt(v -> v.type.rank).thenComparing(v -> v.value));
      List<GenericValue> out = new ArrayList<>(nodes.size());
      for (ValueNode v : nodes) {
        out.add(new GenericValue(v.identifier,
            v.junk ? GenericValue.Reason.JUNK : GenericValue.Reason.OVER_LIMIT, v.carrierCount()));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public PairExplanation why(String touchpointId, String otherTouchpointId) {
    lock.readLock().lock();
    try {
      Entry a = known(touchpointId, "touchpointId");
      Entry b = known(otherTouchpointId, "otherTouchpointId");
      List<Identifier> shared = new ArrayList<>();
      List<Identifier> sharedGeneric = new ArrayList<>();
      for (ValueNode v : a.values) {
        for (ValueNode w : b.values) {
          if (v == w && v.connects()) {
            (v.generic() ? sharedGeneric : shared).add(v.identifier);
          } else if (v == w) {
            sharedGeneric.add(v.identifier);
          }
        }
      }
      Optional<MatchScore> score = scored == null ? Optional.empty()
          : Optional.of(scored.model.score(a.extras.prepared, b.extras.prepared));
      List<Evidence> between = new ArrayList<>();
      Set<Entry> visited = Collections.newSetFromMap(new IdentityHashMap<>());
      visited.add(a);
      List<Entry> component = component(a, visited);
      if (visited.contains(b)) {
        for (Evidence e : ComponentClusterer.cluster(component, true).evidence()) {
          if ((e.touchpointId().equals(a.id) && e.otherTouchpointId().equals(b.id))
              || (e.touchpointId().equals(b.id) && e.otherTouchpointId().equals(a.id))) {
            between.add(e);
          }
        }
      }
      return new PairExplanation(a.id, b.id, a.cluster == b.cluster, shared, sharedGeneric, score,
          between);
    } finally {
      lock.readLock().unlock();
    }
  }

  // ---------------------------------------------------------------- ingestion

  private void requireSameContent(Entry existing, Touchpoint touchpoint) {
    if (!existing.touchpoint.equals(touchpoint)) {
      throw new OmniIdException(Reason.DUPLICATE_TOUCHPOINT, "id",
          "touchpoint " + touchpoint.id() + " was already resolved with different content");
    }
  }

  /**
   * Normalizes a touchpoint's identifiers and adds it to the graph (not yet to the partition).
   * Identifiers the normalizer refuses go to {@code problems}; a touchpoint with two values of
   * an exclusive type is refused whole, before anything is changed.
   */
  private Entry insert(Touchpoint touchpoint, List<Problem> problems) {
    List<Identifier> input = touchpoint.identifiers();
    // Scratch, reused: the write lock makes the resolver single-writer.
    List<Identifier> normalized = scratchIdentifiers;
    List<TypeInfo> infos = scratchInfos;
    normalized.clear();
    infos.clear();
    boolean inOrder = true;
    String[] exclusive = noExclusive;
    List<Problem> found = null;
    for (int i = 0; i < input.size(); i++) {
      Identifier raw = input.get(i);
      TypeInfo info = typeInfo(raw.type());
      String value;
      try {
        value = info.normalizer.normalize(raw.value(), touchpoint);
        if (value == null || value.isEmpty()) {
          throw new OmniIdException(Reason.INVALID_VALUE, fieldOf(i, raw), "normalizes to nothing");
        }
      } catch (OmniIdException e) {
        found = add(found, new Problem(touchpoint.id(), fieldOf(i, raw), e.reason(), e.detail(),
            OptionalInt.of(i)));
        inOrder = false;
        continue;
      } catch (RuntimeException e) {
        // The message of a foreign exception may quote the value: report only its class.
        found = add(found, new Problem(touchpoint.id(), fieldOf(i, raw), Reason.INVALID_VALUE,
            "normalizer failed with " + e.getClass().getSimpleName(), OptionalInt.of(i)));
        inOrder = false;
        continue;
      }
      if (info.exclusiveSlot >= 0) {
        String held = exclusive[info.exclusiveSlot];
        if (held != null && !held.equals(value)) {
          throw new OmniIdException(Reason.CONFLICTING_EXCLUSIVE_VALUES, fieldOf(i, raw),
              "a second, different value of exclusive type " + raw.type(), i);
        }
        if (exclusive == noExclusive) {
          exclusive = new String[exclusiveSlots];
        }
        exclusive[info.exclusiveSlot] = value;
      }
      if (containsValue(normalized, info, value)) {
        inOrder = false;
      } else {
        // The touchpoint's own identifier when normalizing changed nothing: nothing new to keep.
        origin(normalized.size(), i);
        normalized.add(value.equals(raw.value()) ? raw : new Identifier(raw.type(), value, raw.raw()));
        infos.add(info);
      }
    }
    int given = normalized.size();
    found = derive(touchpoint, normalized, infos, found);
    if (found != null) {
      problems.addAll(found);
    }
    ValueNode[] values = new ValueNode[normalized.size()];
    for (int i = 0; i < values.length; i++) {
      TypeInfo info = infos.get(i);
      Identifier identifier = normalized.get(i);
      ValueNode node = info.values.get(identifier.value());
      if (node == null) {
        boolean junk = isJunk(info, identifier.value(), touchpoint, problems, scratchOrigins[i]);
        node = new ValueNode(info, identifier, junk);
        info.values.add(node);
        if (junk) {
          generic.add(node);
        }
      }
      values[i] = node;
      if (i < given && info.exclusiveSlot >= 0) {
        // The node's copy of the value, so the entry keeps no second copy of the string.
        exclusive[info.exclusiveSlot] = node.value;
      }
    }
    byte[] sources = inOrder && given == values.length ? Entry.inOrder(given)
        : sourcesOf(input, normalized, given);
    Entry entry = new Entry(touchpoint, sources, values, exclusive);
    for (ValueNode node : values) {
      node.addEntry(entry);
      if (node.limited()) {
        node.addCarrier(entry);
        if (!node.overLimit && node.exceedsLimit()) {
          // Over the limit now: it stops linking the carriers it linked until now.
          node.overLimit = true;
          generic.add(node);
          entry.flipped = true;
        }
      }
    }
    if (scored != null) {
      scored.add(entry, extraSeeds);
    }
    entries.add(entry);
    return entry;
  }

  /**
   * Whether the type's junk predicate calls the value junk. A predicate that fails counts the
   * value as junk (it then links nothing) and is reported by the class of its exception only:
   * its message may quote the value, and the touchpoint is still resolved.
   */
  private static boolean isJunk(TypeInfo info, String value, Touchpoint touchpoint,
      List<Problem> problems, int identifierIndex) {
    try {
      return info.junk.test(value);
    } catch (RuntimeException e) {
      if (problems != null) {
        problems.add(new Problem(touchpoint.id(), "identifiers (" + info.type + ")",
            Reason.INVALID_VALUE, "junk check failed with " + e.getClass().getSimpleName(),
            OptionalInt.of(identifierIndex)));
      }
      return true;
    }
  }

  private void origin(int kept, int identifierIndex) {
    if (kept == scratchOrigins.length) {
      scratchOrigins = Arrays.copyOf(scratchOrigins, 2 * kept);
    }
    scratchOrigins[kept] = identifierIndex;
  }

  private static String fieldOf(int position, Identifier raw) {
    return "identifiers[" + position + "] (" + raw.type() + ")";
  }

  private static List<Problem> add(List<Problem> list, Problem problem) {
    List<Problem> out = list == null ? new ArrayList<>(1) : list;
    out.add(problem);
    return out;
  }

  /**
   * For each kept identifier, the position of the touchpoint identifier it came from, or -1 for a
   * derived one (when some were refused, merged as duplicates, or derived).
   */
  private static byte[] sourcesOf(List<Identifier> input, List<Identifier> normalized, int given) {
    byte[] sources = new byte[normalized.size()];
    int next = 0;
    for (int k = 0; k < sources.length; k++) {
      if (k >= given) {
        sources[k] = -1;
        continue;
      }
      Identifier kept = normalized.get(k);
      // Kept identifiers keep the touchpoint's order, so the search only moves forward.
      while (!sameSource(input.get(next), kept)) {
        next++;
      }
      sources[k] = (byte) next++;
    }
    return sources;
  }

  private static boolean sameSource(Identifier given, Identifier kept) {
    return given == kept || (given.type().equals(kept.type()) && given.raw().equals(kept.raw()));
  }

  /** Adds the identifiers derived from the normalized ones (hashes of emails and phones). */
  private List<Problem> derive(Touchpoint touchpoint, List<Identifier> normalized,
      List<TypeInfo> infos, List<Problem> found) {
    if (derivations.isEmpty()) {
      return found;
    }
    int given = normalized.size();
    for (ResolverBuilder.Derivation d : derivations) {
      for (int i = 0; i < given; i++) {
        Identifier source = normalized.get(i);
        // A digest of a junk value (test@test.com) would link what the value itself may not.
        if (!source.type().equals(d.from())
            || isJunk(infos.get(i), source.value(), touchpoint, null, -1)) {
          continue;
        }
        TypeInfo info = typeInfo(d.to());
        try {
          String derived = d.function().apply(source.value());
          String value = info.normalizer.normalize(derived, touchpoint);
          if (value != null && !value.isEmpty() && !containsValue(normalized, info, value)) {
            origin(normalized.size(), scratchOrigins[i]);
            normalized.add(new Identifier(d.to(), value, derived));
            infos.add(info);
          }
        } catch (RuntimeException e) {
          found = add(found, new Problem(touchpoint.id(), "derived " + d.to() + " of " + d.from(),
              Reason.INVALID_VALUE,
              "derivation failed with " + e.getClass().getSimpleName(),
              OptionalInt.of(scratchOrigins[i])));
        }
      }
    }
    return found;
  }

  private static boolean containsValue(List<Identifier> identifiers, TypeInfo info, String value) {
    for (int i = 0; i < identifiers.size(); i++) {
      Identifier identifier = identifiers.get(i);
      if (identifier.type().equals(info.type) && identifier.value().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private TypeInfo typeInfo(IdentifierType type) {
    TypeInfo info = types.get(type);
    return info != null ? info : registerType(type, -1);
  }

  private TypeInfo registerType(IdentifierType type, int exclusiveSlot) {
    IdentifierPolicy policy = policies.getOrDefault(type, IdentifierPolicy.defaultFor(type));
    if (exclusiveSlot < 0 && policy.exclusive()) {
      // Only configured types have exclusive slots; an unconfigured one falls back to DEFAULT.
      policy = IdentifierPolicy.DEFAULT;
    }
    TypeInfo info = new TypeInfo(type, policy,
        normalizers.getOrDefault(type, Normalizer.defaultFor(type)),
        junkPredicates.getOrDefault(type, NO_JUNK), exclusiveSlot);
    types.put(type, info);
    List<TypeInfo> ordered = new ArrayList<>(types.values());
    ordered.sort(TypeInfo::compareStrength);
    for (int i = 0; i < ordered.size(); i++) {
      ordered.get(i).rank = i;
    }
    return info;
  }

  private Entry known(String touchpointId, String field) {
    Objects.requireNonNull(touchpointId, field);
    Entry e = entries.get(touchpointId);
    if (e == null) {
      throw new OmniIdException(Reason.UNKNOWN_REFERENCE, field, "no touchpoint " + touchpointId);
    }
    return e;
  }

  private static boolean addNeverLink(Entry a, Entry b) {
    if (a.neverLink() == null) {
      a.extras().neverLink = new HashSet<>(4);
    }
    if (b.neverLink() == null) {
      b.extras().neverLink = new HashSet<>(4);
    }
    b.neverLink().add(a);
    return a.neverLink().add(b);
  }

  /** Moves the ids anchored on a removed touchpoint to the first remaining member of its profile. */
  private void reanchor(Entry removed) {
    if (removed.anchored == null) {
      return;
    }
    Entry heir = null;
    for (Entry member : removed.cluster.members) {
      if (!member.removed && (heir == null || member.id.compareTo(heir.id) < 0)) {
        heir = member;
      }
    }
    IdRecord next;
    for (IdRecord record = removed.anchored; record != null; record = next) {
      next = record.nextAnchored;
      if (heir == null) {
        ids.remove(record.id);
      } else {
        record.anchor = heir;
        record.nextAnchored = heir.anchored;
        heir.anchored = record;
      }
    }
    removed.anchored = null;
  }

  // ---------------------------------------------------------------- the partition

  /**
   * Adds a new touchpoint without recomputing, when the result is known: it connects to nothing
   * (a new profile), or to a few clean clusters whose exclusive values agree with each other and
   * with it, with no never-link rule among their members, and it pushed no value over its limit.
   * The full computation would then return exactly the union of those clusters and the
   * touchpoint: no union can be refused, and the values that link are the same as before.
   *
   * <p>It also joins one cluster that is not clean (a component split by refused links, such as
   * a household whose members have different customer ids) when every carrier of every value
   * the touchpoint links through is in that cluster, its exclusive values agree with the
   * cluster's, and there are no scored edges. Replaying the greedy clustering with the
   * touchpoint, every group is the group it was, or that group plus the touchpoint: a union that
   * succeeded inside the cluster still succeeds (its exclusive values are the cluster's plus
   * agreeing ones, and a new touchpoint has no never-link rule), and a union that was refused
   * is still refused (the values it clashed on are still there). So the result is the old
   * partition with the touchpoint added to that cluster, which stays not clean.
   *
   * <p>Returns null when it cannot tell.
   */
  private Resolution fastAttach(Entry entry, List<Problem> problems) {
    // The distinct clusters the entry connects to; a handful at most when the fast path applies.
    // Reused scratch and immutable result lists: this runs for most returning touchpoints.
    Cluster[] targets = scratchTargets;
    int count = 0;
    int linking = 0;
    boolean unclean = false;
    for (ValueNode v : entry.values) {
      if (v.connects() && v.carrierCount() > 1) {
        // One carrier tells: a clean cluster is its whole component, so it holds every carrier of
        // a value that connects. A cluster that is not clean must be seen to hold them all.
        Entry other = v.carrierOtherThan(entry);
        if (!other.cluster.clean) {
          if (!holdsAllCarriers(other.cluster, v, entry)) {
            Arrays.fill(targets, 0, count, null);
            return null;
          }
          unclean = true;
        }
        count = addTarget(targets, count, other.cluster);
        if (count < 0) {
          return null;
        }
        linking++;
      }
    }
    ArrayList<Edge> edges = entry.edges();
    if (unclean && (count > 1 || (edges != null && !edges.isEmpty()))) {
      // Only one cluster that is not clean can be joined without recomputing (see below).
      Arrays.fill(targets, 0, count, null);
      return null;
    }
    if (edges != null) {
      for (int i = 0; i < edges.size(); i++) {
        count = addTarget(targets, count, edges.get(i).other(entry).cluster);
        if (count < 0) {
          return null;
        }
      }
    }
    if (count == 0) {
      Cluster cluster = newCluster(new ArrayList<>(List.of(entry)), true);
      return new Resolution(entry.id, Resolution.Outcome.CREATED, cluster.id, List.of(), List.of(),
          List.of(new ProfileEvent(ProfileEvent.Kind.CREATED, cluster.id, List.of(), List.of(entry.id))),
          problems);
    }
    // Every cluster clean, exclusive values compatible across all of them and the entry, and no
    // never-link rule inside the union: then no union can be refused and the result is the union.
    String[] exclusive = entry.exclusive;
    Cluster target = targets[0];
    for (int i = 0; i < count; i++) {
      Cluster c = targets[i];
      exclusive = mergeExclusive(exclusive, c.exclusive);
      if (exclusive == null) {
        return null;
      }
      if (c.id.compareTo(target.id) < 0) {
        target = c;
      }
    }
    if (count > 1) {
      for (int i = 0; i < count; i++) {
        ArrayList<Entry> members = targets[i].members;
        for (int m = 0; m < members.size(); m++) {
          if (members.get(m).hasNeverLinks()) {
            return null;
          }
        }
      }
    }
    // Committed: from here on the outcome is the union of the clusters plus the touchpoint.
    int edgeCount = edges == null ? 0 : edges.size();
    Evidence[] evidence = new Evidence[linking + edgeCount];
    int k = 0;
    for (ValueNode v : entry.values) {
      if (v.connects() && v.carrierCount() > 1) {
        Entry partner = v.carrierOtherThan(entry);
        evidence[k++] = new Evidence(Evidence.Kind.SHARED_IDENTIFIER, partner.id, entry.id,
            List.of(v.identifier), Double.POSITIVE_INFINITY);
      }
    }
    for (int i = 0; i < edgeCount; i++) {
      Edge edge = edges.get(i);
      evidence[k++] = new Evidence(Evidence.Kind.SCORED_MATCH, edge.first.id, edge.second.id,
          List.of(), edge.weight);
    }
    List<ProfileId> merged = List.of();
    if (count > 1) {
      ProfileId[] mergedIds = new ProfileId[count - 1];
      int n = 0;
      for (int i = 0; i < count; i++) {
        Cluster c = targets[i];
        if (c == target) {
          continue;
        }
        mergedIds[n++] = c.id;
        removeLive(c);
        for (int m = 0; m < c.members.size(); m++) {
          c.members.get(m).cluster = target;
        }
        target.members.addAll(c.members);
      }
      Arrays.sort(mergedIds);
      merged = List.of(mergedIds);
    }
    Arrays.fill(targets, 0, count, null);
    target.exclusive = exclusive;
    target.members.add(entry);
    entry.cluster = target;
    ProfileEvent attached =
        new ProfileEvent(ProfileEvent.Kind.ATTACHED, target.id, List.of(), List.of(entry.id));
    if (merged.isEmpty()) {
      return new Resolution(entry.id, Resolution.Outcome.ATTACHED, target.id, merged,
          List.of(evidence), List.of(attached), problems);
    }
    return new Resolution(entry.id, Resolution.Outcome.MERGED, target.id, merged,
        List.of(evidence),
        List.of(new ProfileEvent(ProfileEvent.Kind.MERGED, target.id, merged, List.of()), attached),
        problems);
  }

  /**
   * Adds a cluster to the fast path's targets unless present; returns the new count, or -1 when
   * the fast path cannot tell (a second cluster when one is not clean, or too many clusters).
   */
  private static int addTarget(Cluster[] targets, int count, Cluster cluster) {
    for (int i = 0; i < count; i++) {
      if (targets[i] == cluster) {
        return count;
      }
    }
    boolean anyUnclean = !cluster.clean;
    for (int i = 0; i < count; i++) {
      anyUnclean |= !targets[i].clean;
    }
    if ((anyUnclean && count > 0) || count == targets.length) {
      Arrays.fill(targets, 0, count, null);
      return -1;
    }
    targets[count] = cluster;
    return count + 1;
  }

  /**
   * Whether every carrier of {@code v} but {@code entry} is in {@code cluster}; false for values
   * with so many carriers that looking is not worth it (the full computation then decides).
   */
  private static boolean holdsAllCarriers(Cluster cluster, ValueNode v, Entry entry) {
    if (v.carrierCount() > 64) {
      return false;
    }
    for (int i = 0; i < v.carrierCount(); i++) {
      Entry carrier = v.carrier(i);
      if (carrier != entry && carrier.cluster != cluster) {
        return false;
      }
    }
    return true;
  }

  /** The exclusive values of two groups together, or null if they clash in some slot. */
  private static String[] mergeExclusive(String[] a, String[] b) {
    String[] out = a;
    for (int s = 0; s < b.length; s++) {
      if (b[s] == null) {
        continue;
      }
      if (a[s] != null) {
        if (!a[s].equals(b[s])) {
          return null;
        }
      } else {
        if (out == a) {
          out = a.clone();
        }
        out[s] = b[s];
      }
    }
    return out;
  }

  /**
   * The touchpoints whose components a new entry changes: itself, and when it pushed a value over
   * its limit, every carrier of that value (they were connected through it and may now fall apart).
   */
  private static List<Entry> seedsOf(Entry entry) {
    if (!entry.flipped) {
      return List.of(entry);
    }
    entry.flipped = false;
    List<Entry> seeds = new ArrayList<>();
    seeds.add(entry);
    for (ValueNode v : entry.values) {
      if (v.overLimit) {
        v.addEntriesTo(seeds);
      }
    }
    return seeds;
  }

  /** The outcome of one recomputation: events, and the evidence around one entry if asked. */
  private record Change(List<ProfileEvent> events, List<Evidence> evidence,
      Map<Entry, Cluster> previous) {}

  private List<ProfileEvent> applyAndFire(List<Entry> seeds) {
    Change change = recompute(seeds, null, null);
    fire(change.events);
    return change.events;
  }

  /**
   * Recomputes the components of {@code seeds}, reassigns profile ids, and diffs the partition.
   *
   * @param evidenceFor an entry whose evidence to return, or null
   * @param removedFrom the cluster of a touchpoint just removed, or null
   */
  private Change recompute(Collection<Entry> seeds, Entry evidenceFor, Cluster removedFrom) {
    Set<Entry> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    List<List<Entry>> components = new ArrayList<>();
    for (Entry seed : seeds) {
      if (!seed.removed && visited.add(seed)) {
        components.add(component(seed, visited));
      }
    }
    Set<Cluster> oldClusters = Collections.newSetFromMap(new IdentityHashMap<>());
    // Each touched entry's cluster before the change (none for a new one), for the events.
    IdentityHashMap<Entry, Cluster> previous = new IdentityHashMap<>(visited.size());
    for (List<Entry> component : components) {
      for (Entry e : component) {
        if (e.cluster != null) {
          previous.put(e, e.cluster);
          oldClusters.add(e.cluster);
        }
      }
    }
    if (removedFrom != null) {
      oldClusters.add(removedFrom);
    }
    for (Cluster old : oldClusters) {
      removeLive(old);
    }

    List<Cluster> newClusters = new ArrayList<>();
    List<Evidence> evidence = List.of();
    for (List<Entry> component : components) {
      boolean wantEvidence = evidenceFor != null && component.contains(evidenceFor);
      ComponentClusterer.Result result =
          ComponentClusterer.cluster(component, wantEvidence, evidenceFor);
      boolean clean = result.groups().size() == 1 && result.refused() == 0;
      for (List<Entry> group : result.groups()) {
        newClusters.add(newCluster(new ArrayList<>(group), clean));
      }
      if (wantEvidence) {
        evidence = new ArrayList<>();
        for (Evidence ev : result.evidence()) {
          if (ev.touchpointId().equals(evidenceFor.id)
              || ev.otherTouchpointId().equals(evidenceFor.id)) {
            evidence.add(ev);
          }
        }
      }
    }
    return new Change(PartitionDiff.events(oldClusters, newClusters, previous), evidence, previous);
  }

  /** The connected component of {@code start} through values that can link, read-only. */
  private static List<Entry> component(Entry start, Set<Entry> visited) {
    List<Entry> out = new ArrayList<>();
    ArrayDeque<Entry> queue = new ArrayDeque<>();
    queue.add(start);
    Set<ValueNode> seenValues = Collections.newSetFromMap(new IdentityHashMap<>());
    while (!queue.isEmpty()) {
      Entry e = queue.poll();
      out.add(e);
      for (ValueNode v : e.values) {
        if (v.connects() && v.carrierCount() > 1 && seenValues.add(v)) {
          for (int i = 0; i < v.carrierCount(); i++) {
            Entry next = v.carrier(i);
            if (visited.add(next)) {
              queue.add(next);
            }
          }
        }
      }
      if (e.edges() != null) {
        for (Edge edge : e.edges()) {
          Entry next = edge.other(e);
          if (visited.add(next)) {
            queue.add(next);
          }
        }
      }
    }
    return out;
  }

  /** Gives a group the oldest id anchored in it, or a new id anchored on its first touchpoint. */
  private Cluster newCluster(ArrayList<Entry> group, boolean clean) {
    IdRecord oldest = null;
    for (Entry e : group) {
      for (IdRecord record = e.anchored; record != null; record = record.nextAnchored) {
        if (oldest == null || record.id.compareTo(oldest.id) < 0) {
          oldest = record;
        }
      }
    }
    if (oldest == null) {
      Entry anchor = group.get(0);
      oldest = new IdRecord(new ProfileId(nextProfileId++), anchor);
      oldest.nextAnchored = anchor.anchored;
      anchor.anchored = oldest;
      ids.add(oldest);
    }
    String[] exclusive = noExclusive;
    for (Entry e : group) {
      for (int s = 0; s < exclusiveSlots; s++) {
        if (e.exclusive[s] != null && exclusive[s] == null) {
          if (exclusive == noExclusive) {
            exclusive = new String[exclusiveSlots];
          }
          exclusive[s] = e.exclusive[s];
        }
      }
    }
    Cluster cluster = new Cluster(oldest.id, group, exclusive, clean);
    for (Entry e : group) {
      e.cluster = cluster;
    }
    cluster.liveIndex = live.size();
    live.add(cluster);
    return cluster;
  }

  /** Takes a cluster out of the current profiles, if it is one (swap-remove). */
  private void removeLive(Cluster cluster) {
    int at = cluster.liveIndex;
    if (at < 0) {
      return;
    }
    Cluster last = live.remove(live.size() - 1);
    if (last != cluster) {
      live.set(at, last);
      last.liveIndex = at;
    }
    cluster.liveIndex = -1;
  }

  private void fire(List<ProfileEvent> events) {
    if (listeners.isEmpty()) {
      return;
    }
    for (ProfileEvent event : events) {
      for (ProfileListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING,
              "profile listener " + listener.getClass().getName() + " failed on " + event.kind(), e);
        }
      }
    }
  }

  // ---------------------------------------------------------------- views

  private Optional<Cluster> clusterOf(ProfileId id) {
    IdRecord record = ids.get(id);
    return record == null ? Optional.empty() : Optional.of(record.anchor.cluster);
  }

  /** Snapshots of clusters, each component's evidence computed once for all its clusters. */
  private List<Profile> views(List<Cluster> clusters) {
    Map<Cluster, List<Evidence>> evidence = new IdentityHashMap<>();
    Set<Entry> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Cluster cluster : clusters) {
      Entry first = cluster.members.get(0);
      if (visited.contains(first)) {
        continue;
      }
      visited.add(first);
      List<Entry> component = component(first, visited);
      for (Evidence ev : ComponentClusterer.cluster(component, true).evidence()) {
        Cluster owner = entries.get(ev.touchpointId()).cluster;
        Cluster other = entries.get(ev.otherTouchpointId()).cluster;
        evidence.computeIfAbsent(owner, c -> new ArrayList<>()).add(ev);
        if (other != owner) {
          evidence.computeIfAbsent(other, c -> new ArrayList<>()).add(ev);
        }
      }
    }
    List<Profile> out = new ArrayList<>(clusters.size());
    for (Cluster cluster : clusters) {
      out.add(view(cluster, evidence.getOrDefault(cluster, List.of())));
    }
    return out;
  }

  private static Profile view(Cluster cluster, List<Evidence> evidence) {
    List<Entry> journey = new ArrayList<>(cluster.members);
    journey.sort(BY_TIME_THEN_ID);
    LinkedHashMap<String, Identifier> identifiers = new LinkedHashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    LinkedHashSet<Channel> channels = new LinkedHashSet<>();
    List<ProfileId> aliases = new ArrayList<>();
    List<Touchpoint> touchpoints = new ArrayList<>(journey.size());
    for (Entry e : journey) {
      touchpoints.add(e.touchpoint);
      channels.add(e.touchpoint.channel());
      for (int i = 0; i < e.values.length; i++) {
        Identifier identifier = e.identifier(i);
        String key = identifier.type().name() + '\u0000' + identifier.value();
        if (identifiers.putIfAbsent(key, identifier) == null) {
          rank.put(key, e.values[i].type.rank);
        }
      }
      for (IdRecord record = e.anchored; record != null; record = record.nextAnchored) {
        if (!record.id.equals(cluster.id)) {
          aliases.add(record.id);
        }
      }
    }
    Collections.sort(aliases);
    List<Map.Entry<String, Identifier>> sorted = new ArrayList<>(identifiers.entrySet());
    sorted.sort(Comparator.<Map.Entry<String, Identifier>>comparingInt(x -> rank.get(x.getKey()))
        .thenComparing(x -> x.getValue().value()));
    List<Identifier> ids = sorted.stream().map(Map.Entry::getValue).toList();
    return new Profile(cluster.id, aliases, ids, channels,
        journey.get(0).touchpoint.timestamp(),
        journey.get(journey.size() - 1).touchpoint.timestamp(), touchpoints, evidence);
  }

  @Override
  public String toString() {
    return "IdentityResolver[" + touchpointCount() + " touchpoints, " + profileCount()
        + " profiles]";
  }
}
