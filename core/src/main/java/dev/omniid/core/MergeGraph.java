package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The nodes of the merge graph and their indexes: touchpoint nodes by id, value nodes by type and
 * normalized value, the generic values, never-link rules. Ingestion normalizes a touchpoint into
 * nodes and keeps each value's limit verdict current; removal takes them out again. It decides
 * nothing about the partition (that is {@link ComponentClusterer}'s) and owns no lock: the
 * resolver's write lock guards it.
 */
final class MergeGraph {
  private static final Predicate<String> NO_JUNK = v -> false;

  private final Map<IdentifierType, IdentifierPolicy> policies;
  private final Map<IdentifierType, Normalizer> normalizers;
  private final Map<IdentifierType, Predicate<String>> junkPredicates;
  private final Map<IdentifierType, Predicate<String>> roleAccountPredicates;
  private final List<ResolverBuilder.Derivation> derivations;
  private final java.util.Set<IdentifierType> personalTypes;
  /** Reads the person a touchpoint names; null when no person attribute keeps people apart. */
  final PersonRule personRule;
  private final int exclusiveSlots;
  /** The exclusive values of a touchpoint without any: one shared empty array. */
  final String[] noExclusive;

  /**
   * Concurrent because {@link #readAhead} reads it with no lock held while the insertion under the
   * write lock may register a type: a type, once known, keeps its info.
   */
  private final ConcurrentHashMap<IdentifierType, TypeInfo> types = new ConcurrentHashMap<>();
  private final KeyedTable<TouchpointNode> touchpoints = new KeyedTable<>(e -> e.id);
  /** The number of {@link #newWalk}'s last walk: never 0, the mark of a node no walk reached. */
  private int walkEpoch;
  private final Set<ValueNode> generic = Collections.newSetFromMap(new IdentityHashMap<>());
  /**
   * How many live touchpoints give each {@link AttributeKey#COUNTRY}, in sorted order: the
   * regions a look-up by a raw value tries after the normalizer's default (see {@link #lookUp}).
   */
  private final java.util.TreeMap<String, int[]> countries = new java.util.TreeMap<>();
  /**
   * Scratch of {@link #insert(Touchpoint, List)}, reused: the write lock makes the graph
   * single-writer.
   */
  private final Normalized scratch = new Normalized(Touchpoint.MAX_IDENTIFIERS);
  /** Scratch of {@link #place}'s look-ups ({@link KeyedTable#getAll}), under the resolver's lock. */
  @SuppressWarnings("rawtypes")
  private KeyedTable[] lookUpTables = new KeyedTable[8];
  private Object[] lookUpKeys = new Object[8];
  private Object[] lookUpFound = new Object[8];
  private long[] lookUpSlots = new long[8];

  /** {@link ResolverBuilder#compactTouchpoints(boolean)}. */
  private final boolean compactTouchpoints;
  /**
   * {@link TouchpointNode#sources} arrays by content, for the touchpoints whose identifiers are not
   * kept one for one (some derived, refused or merged): their shapes are few (a class histogram of
   * the command line's graph at 4.35 M touchpoints counted some 3 M such arrays), so they share
   * them. Read-only once made; past 1,024 shapes, later ones are kept unshared.
   */
  private final ArrayShapes<byte[]> sourceShapes = new ArrayShapes<>(
      sources -> new String(sources, java.nio.charset.StandardCharsets.ISO_8859_1), 1024);
  /**
   * The shared sources array given last; volatile, so that a thread that reads it sees its
   * content (a stale one only misses a sharing).
   */
  private volatile byte[] lastSources;
  /**
   * Whether an insertion derives values after looking the given ones up (see {@link #place}), so
   * that a known value's derived node is read off it: true unless some derivation yields an
   * exclusive type, whose derived values must be checked before the graph changes.
   */
  private final boolean deriveAfterLookUp;
  /** Scratch of the look-ups of derived values not known from their source's node. */
  @SuppressWarnings("rawtypes")
  private KeyedTable[] derivedTables = new KeyedTable[4];
  private Object[] derivedKeys = new Object[4];
  private Object[] derivedFound = new Object[4];
  private long[] derivedSlots = new long[4];
  private int[] derivedAt = new int[4];

  MergeGraph(ResolverBuilder builder) {
    this.policies = Map.copyOf(builder.policies);
    this.normalizers = Map.copyOf(builder.normalizers);
    this.junkPredicates = Map.copyOf(builder.junk);
    this.roleAccountPredicates = Map.copyOf(builder.roleAccounts);
    this.derivations = List.copyOf(builder.derivations);
    this.personalTypes = java.util.Set.copyOf(builder.personalTypes);
    this.personRule = builder.personRule;
    this.compactTouchpoints = builder.compactTouchpoints;
    int slots = 0;
    for (Map.Entry<IdentifierType, IdentifierPolicy> e : builder.policies.entrySet()) {
      if (e.getValue().exclusive()) {
        registerType(e.getKey(), slots++);
      }
    }
    this.exclusiveSlots = slots;
    this.noExclusive = new String[slots];
    boolean anyExclusiveTarget = false;
    for (ResolverBuilder.Derivation d : derivations) {
      IdentifierPolicy policy = policies.get(d.to());
      anyExclusiveTarget |= policy != null && policy.exclusive();
    }
    this.deriveAfterLookUp = !derivations.isEmpty() && !anyExclusiveTarget;
    for (IdentifierType type : builder.policies.keySet()) {
      if (!types.containsKey(type)) {
        registerType(type, -1);
      }
    }
  }

  // ---------------------------------------------------------------- look-ups

  TouchpointNode touchpoint(String id) {
    return touchpoints.get(id);
  }

  int touchpointCount() {
    return touchpoints.size();
  }

  void forEachTouchpoint(java.util.function.Consumer<TouchpointNode> action) {
    touchpoints.forEach(action);
  }

  /** What the resolver knows of {@code type}, or null when no touchpoint or setting named it. */
  TypeInfo knownType(IdentifierType type) {
    return types.get(type);
  }

  Iterable<TypeInfo> types() {
    return types.values();
  }

  /**
   * Whether a value of {@code type} names one person, whatever the person attributes say: a type
   * declared personal, or a configured exclusive type. The one rule for shared values and for
   * scored fields over such a type.
   */
  boolean namesOnePerson(IdentifierType type) {
    IdentifierPolicy policy = policies.get(type);
    return personalTypes.contains(type) || (policy != null && policy.exclusive());
  }

  /** The generic values (junk or over their limit), in no order. */
  Set<ValueNode> generic() {
    return Collections.unmodifiableSet(generic);
  }

  int exclusiveSlots() {
    return exclusiveSlots;
  }

  // ---------------------------------------------------------------- ingestion

  /**
   * What {@link #insert} reads off a touchpoint before it changes the graph: its identifiers
   * normalized (given, then derived) with their type infos and origins, its exclusive values, the
   * problems found, the person it names. A function of the touchpoint and the known types alone,
   * so a batch may compute it on other threads ({@link #normalizeAhead}) while insertion stays in
   * input order.
   */
  static final class Normalized {
    final ArrayList<Identifier> identifiers = new ArrayList<>();
    final ArrayList<TypeInfo> infos = new ArrayList<>();
    /**
     * For each of {@link #identifiers}, the position of the touchpoint identifier it comes from
     * (for a derived one, its source's), so that a problem found later names that identifier.
     */
    int[] origins;
    /**
     * For each derived one of {@link #identifiers}, the position there of its source value; null
     * until a value is derived (a batch makes one of these per touchpoint).
     */
    int[] sourceOf;
    /**
     * Derivations left to {@link #place} (see {@link #deriveAfterLookUp}), in the order they are
     * to be made: the position of each one's source among {@link #identifiers}, the derivation
     * and its type. The first {@link #pending} entries count; null until one is left.
     */
    int[] pendingSource;
    ResolverBuilder.Derivation[] pendingDerivation;
    TypeInfo[] pendingInfo;
    int pending;
    int given;
    boolean inOrder;
    String[] exclusive;
    List<Problem> found;
    PersonTraits person;
    int personKey;
    /** The refusal of the whole touchpoint, when normalized ahead; thrown when it is inserted. */
    OmniIdException refused;

    Normalized(int capacity) {
      origins = new int[Math.max(4, capacity)];
    }

    /**
     * Empties it of everything a touchpoint put there, values included: kept by a pooled thread
     * between resolves, it holds no customer's data.
     */
    void release() {
      clear();
      exclusive = null;
    }

    private void clear() {
      identifiers.clear();
      infos.clear();
      found = null;
      person = null;
      refused = null;
      if (pending > 0) {
        Arrays.fill(pendingDerivation, 0, pending, null);
        Arrays.fill(pendingInfo, 0, pending, null);
        pending = 0;
      }
    }

    private void origin(int kept, int identifierIndex) {
      if (kept == origins.length) {
        origins = java.util.Arrays.copyOf(origins, 2 * kept);
      }
      origins[kept] = identifierIndex;
    }

    /** Records the derived value kept at {@code kept}, made from the one kept at {@code source}. */
    private void derived(int kept, int source) {
      origin(kept, origins[source]);
      if (sourceOf == null || sourceOf.length < origins.length) {
        sourceOf = sourceOf == null ? new int[origins.length]
            : Arrays.copyOf(sourceOf, origins.length);
      }
      sourceOf[kept] = source;
    }

    private void defer(int source, ResolverBuilder.Derivation derivation, TypeInfo info) {
      if (pendingSource == null) {
        pendingSource = new int[4];
        pendingDerivation = new ResolverBuilder.Derivation[4];
        pendingInfo = new TypeInfo[4];
      } else if (pending == pendingSource.length) {
        pendingSource = Arrays.copyOf(pendingSource, 2 * pending);
        pendingDerivation = Arrays.copyOf(pendingDerivation, 2 * pending);
        pendingInfo = Arrays.copyOf(pendingInfo, 2 * pending);
      }
      pendingSource[pending] = source;
      pendingDerivation[pending] = derivation;
      pendingInfo[pending] = info;
      pending++;
    }
  }

  /**
   * Normalizes a touchpoint's identifiers and adds it to the graph (not yet to the partition).
   * Identifiers the normalizer refuses go to {@code problems}; a touchpoint with two values of an
   * exclusive type, given or derived (junk aside), is refused whole, before anything is changed.
   * The node's {@link TouchpointNode#pushedOverLimit} tells whether it made a value generic.
   */
  TouchpointNode insert(Touchpoint touchpoint, List<Problem> problems) {
    Normalized n = scratch;
    n.clear();
    normalize(touchpoint, n, true, deriveAfterLookUp);
    return place(touchpoint, n, problems, false);
  }

  /**
   * {@link #insert(Touchpoint, List)} unless the graph holds a touchpoint with the same id: then
   * null, with nothing changed, no type registered and no problem reported, whatever the new
   * touchpoint holds. The id is looked up together with the values, in one
   * {@link KeyedTable#getAll}: looked up first, alone, its cache miss was waited for on every
   * resolve before the values' were (4–7 % of a deterministic resolve at 1 M, measured with
   * {@code AlternatingProbe}).
   *
   * <p>The answers are the ones the look-up first gave: normalizing registers nothing until the
   * id is known to be new (an unknown type sends the touchpoint to the look-up alone first), and a
   * touchpoint refused whole whose id the graph holds is a repeat, not a refusal. A repeat is now
   * normalized before it is recognized, which the normalizers, pure functions, cannot tell.
   */
  TouchpointNode insertUnlessPresent(Touchpoint touchpoint, List<Problem> problems) {
    Normalized n = scratch;
    if (readAhead(touchpoint, n)) {
      return insertUnlessPresent(touchpoint, n, problems);
    }
    if (touchpoints.get(touchpoint.id()) != null) {
      return null;
    }
    n.clear();
    normalize(touchpoint, n, true, deriveAfterLookUp);
    return place(touchpoint, n, problems, false);
  }

  /**
   * Normalizes a touchpoint for {@link #insertUnlessPresent(Touchpoint, Normalized, List)}, as that
   * insertion would, into {@code into} (emptied first). Registers nothing and changes nothing it
   * does not own, and reads only what never changes once set (the configuration, the types known,
   * their infos): so a resolve calls it before it takes the write lock, on any thread, while
   * another thread changes the graph. A touchpoint refused whole is returned with its refusal.
   * Returns false when the touchpoint names a type the graph does not know yet: only the
   * insertion, in its turn under the lock, may register it.
   */
  boolean readAhead(Touchpoint touchpoint, Normalized into) {
    into.clear();
    try {
      return normalize(touchpoint, into, false, deriveAfterLookUp);
    } catch (OmniIdException e) {
      into.refused = e;
      return true;
    }
  }

  /**
   * {@link #insertUnlessPresent(Touchpoint, List)} of a touchpoint {@link #readAhead} normalized:
   * the same answers. Types only grow and a known type's info never changes, so what was read
   * before the lock holds under it. The id is still looked up with the values; a refused
   * touchpoint whose id the graph holds is a repeat, as there.
   */
  TouchpointNode insertUnlessPresent(Touchpoint touchpoint, Normalized ahead,
      List<Problem> problems) {
    if (ahead.refused != null) {
      if (touchpoints.get(touchpoint.id()) != null) {
        return null;
      }
      throw ahead.refused;
    }
    return place(touchpoint, ahead, problems, true);
  }

  /**
   * {@link #insert(Touchpoint, List)} of a touchpoint normalized ahead by
   * {@link #normalizeAhead}, which must have been called with the graph's types as they are now
   * or fewer of them: what it did not know it left to this call.
   */
  TouchpointNode insert(Touchpoint touchpoint, Normalized ahead, List<Problem> problems) {
    if (ahead.refused != null) {
      throw ahead.refused;
    }
    return place(touchpoint, ahead, problems, false);
  }

  /**
   * The normalized touchpoint {@link #insert(Touchpoint, Normalized, List)} takes, computed
   * without changing anything: safe on any thread while no thread changes the graph. Null when
   * the touchpoint names a type the graph does not know yet (only the insertion in input order
   * may register it: the order of registration is the strength order's tie-break).
   */
  Normalized normalizeAhead(Touchpoint touchpoint) {
    Normalized n = new Normalized(2 * touchpoint.identifiers().size());
    try {
      return normalize(touchpoint, n, false, false) ? n : null;
    } catch (OmniIdException e) {
      n.refused = e;
      return n;
    }
  }

  /**
   * Fills {@code n}: the identifiers normalized, refused ones reported, values derived, the
   * exclusive rule checked. Throws the touchpoint's refusal. With {@code register} false, changes
   * nothing and returns false as soon as a type is unknown. With {@code deferDerivations}, only
   * notes which values to derive, for {@link #place} (see {@link #deriveAfterLookUp}).
   */
  private boolean normalize(Touchpoint touchpoint, Normalized n, boolean register,
      boolean deferDerivations) {
    List<Identifier> input = touchpoint.identifiers();
    List<Identifier> normalized = n.identifiers;
    List<TypeInfo> infos = n.infos;
    boolean inOrder = true;
    String[] exclusive = noExclusive;
    List<Problem> found = null;
    for (int i = 0; i < input.size(); i++) {
      Identifier raw = input.get(i);
      TypeInfo info = register ? typeInfo(raw.type()) : types.get(raw.type());
      if (info == null) {
        return false;
      }
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
      // A junk value (customer id "unknown") links nothing, so it refuses nothing either: it
      // fills no exclusive slot. A failing predicate counts as junk here as below.
      if (info.exclusiveSlot >= 0 && !isJunk(info, value, touchpoint, null, i)) {
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
        n.origin(normalized.size(), i);
        normalized.add(value.equals(raw.value()) ? raw : new Identifier(raw.type(), value, raw.raw()));
        infos.add(info);
      }
    }
    int given = normalized.size();
    n.found = found;
    if (!derive(touchpoint, n, register, deferDerivations)) {
      return false;
    }
    found = n.found;
    // A derived value of an exclusive type is held to the type's rule like a given one (a hashed
    // national id names one person as the plain one does): a second, different value refuses
    // the touchpoint whole, still before anything is changed.
    for (int k = given; k < normalized.size(); k++) {
      TypeInfo info = infos.get(k);
      String value = normalized.get(k).value();
      if (info.exclusiveSlot < 0 || isJunk(info, value, touchpoint, null, -1)) {
        continue;
      }
      String held = exclusive[info.exclusiveSlot];
      if (held != null && !held.equals(value)) {
        int origin = n.origins[k];
        throw new OmniIdException(Reason.CONFLICTING_EXCLUSIVE_VALUES,
            "derived " + info.type + " of " + fieldOf(origin, input.get(origin)),
            "a second, different value of exclusive type " + info.type, origin);
      }
      if (exclusive == noExclusive) {
        exclusive = new String[exclusiveSlots];
      }
      exclusive[info.exclusiveSlot] = value;
    }
    n.given = given;
    n.inOrder = inOrder;
    n.exclusive = exclusive;
    n.person = personOf(touchpoint);
    n.personKey = personKeyOf(n.person);
    return true;
  }

  /**
   * Adds a normalized touchpoint to the graph: its value nodes, carriers, limits. With
   * {@code unlessPresent}, looks the touchpoint's id up with the values and, when the graph holds
   * it, returns null having changed nothing.
   */
  private TouchpointNode place(Touchpoint touchpoint, Normalized n, List<Problem> problems,
      boolean unlessPresent) {
    List<Identifier> input = touchpoint.identifiers();
    List<Identifier> normalized = n.identifiers;
    List<TypeInfo> infos = n.infos;
    int given = n.given;
    String[] exclusive = n.exclusive;
    int size = normalized.size();
    int lookUps = unlessPresent ? size + 1 : size;
    ensureLookUps(lookUps);
    for (int i = 0; i < size; i++) {
      lookUpTables[i] = infos.get(i).values;
      lookUpKeys[i] = normalized.get(i).value();
    }
    if (unlessPresent) {
      lookUpTables[size] = touchpoints;
      lookUpKeys[size] = touchpoint.id();
    }
    KeyedTable.getAll(lookUpTables, lookUpKeys, lookUps, lookUpFound, lookUpSlots);
    if (unlessPresent && lookUpFound[size] != null) {
      Arrays.fill(lookUpKeys, 0, lookUps, null);
      Arrays.fill(lookUpFound, 0, lookUps, null);
      return null;
    }
    if (n.pending > 0) {
      deriveFound(touchpoint, n);
      size = normalized.size();
      lookUps = Math.max(lookUps, size);
    }
    if (n.found != null) {
      problems.addAll(n.found);
    }
    ValueNode[] values = new ValueNode[size];
    for (int i = 0; i < values.length; i++) {
      TypeInfo info = infos.get(i);
      Identifier identifier = normalized.get(i);
      ValueNode node = (ValueNode) lookUpFound[i];
      if (node == null) {
        boolean junk = isJunk(info, identifier.value(), touchpoint, problems, n.origins[i]);
        boolean role = !junk
            && isRoleAccount(info, identifier.value(), touchpoint, problems, n.origins[i]);
        node = info.derivation != null
            ? new DerivingValueNode(info, identifier.value(), junk, role)
            : new ValueNode(info, identifier.value(), junk, role);
        info.values.add(node);
        if (junk) {
          generic.add(node);
        }
      }
      values[i] = node;
      if (info.exclusiveSlot >= 0 && !node.junk()) {
        // The node's copy of the value, so the touchpoint node keeps no second copy of the string.
        exclusive[info.exclusiveSlot] = node.value;
      }
    }
    for (int k = given; k < values.length; k++) {
      if (values[n.sourceOf[k]] instanceof DerivingValueNode source
          && source.type.derivation.to().equals(infos.get(k).type)) {
        source.derived(values[k]);
      }
    }
    // The scratch keeps no node or key alive past this call (a removed node, a caller's string).
    Arrays.fill(lookUpKeys, 0, lookUps, null);
    Arrays.fill(lookUpFound, 0, lookUps, null);
    byte[] sources = n.inOrder && given == values.length ? TouchpointNode.inOrder(given)
        : sharedSources(sourcesOf(input, normalized, given));
    TouchpointNode node = TouchpointNode.of(touchpoint, compactTouchpoints, sources, values,
        exclusive, n.person, n.personKey);
    for (ValueNode value : values) {
      if (value.addCarrier(node)) {
        // Over the limit now: it stops linking the carriers it linked until now.
        generic.add(value);
        node.pushedOverLimit = true;
      }
    }
    touchpoints.add(node);
    String country = touchpoint.attributes().get(AttributeKey.COUNTRY);
    if (country != null) {
      // A counter in an int[]: a boxed count would allocate an Integer on every insert.
      int[] count = countries.get(country);
      if (count == null) {
        countries.put(country, new int[] {1});
      } else {
        count[0]++;
      }
    }
    return node;
  }

  /**
   * The value nodes of {@code type} a raw value names, as a customer spells it. First the value
   * the type's normalizer gives without a touchpoint (its default region, for a phone); when that
   * value is unknown, the value it gives on a touchpoint of each country the live touchpoints
   * give, in sorted order, kept only when a carrier of that value gives that country (so
   * "55 1234 5678" finds the Mexican number +52 55 1234 5678 of a touchpoint whose country is MX,
   * and never a number that only another country's reading invents). A normalizer that ignores
   * the touchpoint gives one candidate. Deterministic: a function of the value and the graph.
   * Empty when nothing matches or the normalizer refuses the value everywhere.
   */
  List<ValueNode> lookUp(TypeInfo info, String raw) {
    String stripped = raw.strip();
    if (stripped.isEmpty()) {
      return List.of();
    }
    ValueNode direct = info.values.get(normalizeOrEmpty(info, stripped, null));
    if (direct != null) {
      return List.of(direct);
    }
    List<ValueNode> out = new ArrayList<>(1);
    for (String country : countries.keySet()) {
      Touchpoint probe = Touchpoint.newBuilder("look-up").channel(Channel.WEB)
          .attribute(AttributeKey.COUNTRY, country).build();
      ValueNode node = info.values.get(normalizeOrEmpty(info, stripped, probe));
      if (node != null && !out.contains(node) && carriedIn(node, country)) {
        out.add(node);
      }
    }
    return out;
  }

  private static boolean carriedIn(ValueNode node, String country) {
    for (int i = 0; i < node.carrierCount(); i++) {
      if (country.equals(node.carrier(i).touchpoint().attributes().get(AttributeKey.COUNTRY))) {
        return true;
      }
    }
    return false;
  }

  /** The normalized value, or the empty string (no node has it) when refused. */
  private static String normalizeOrEmpty(TypeInfo info, String value, Touchpoint context) {
    try {
      String out = context == null ? info.normalizer.normalize(value)
          : info.normalizer.normalize(value, context);
      return out == null ? "" : out;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /**
   * Takes a touchpoint node out of the graph: out of its values (a value back under its limit
   * links again), its scored edges and its never-link rules. Returns the touchpoints whose
   * components it may have held together; its profile is the caller's to recompute.
   */
  List<TouchpointNode> remove(TouchpointNode node) {
    touchpoints.remove(node.id);
    String country = node.touchpoint().attributes().get(AttributeKey.COUNTRY);
    if (country != null) {
      int[] count = countries.get(country);
      if (--count[0] == 0) {
        countries.remove(country);
      }
    }
    node.removed = true;
    List<TouchpointNode> neighbours = new ArrayList<>();
    for (ValueNode v : node.values) {
      if (v.removeCarrier(node)) {
        generic.remove(v);
      }
      if (v.carrierCount() == 0) {
        v.type.values.remove(v.value);
        generic.remove(v);
      } else if (v.connects()) {
        v.addCarriersTo(neighbours);
      }
    }
    for (int i = 0, n = node.edgeCount(); i < n; i++) {
      TouchpointNode other = node.edge(i).other(node);
      other.removeEdge(node.edge(i));
      neighbours.add(other);
    }
    node.clearEdges();
    if (node.neverLink() != null) {
      for (TouchpointNode partner : node.neverLink()) {
        partner.neverLink().remove(node);
        neighbours.add(partner);
      }
      node.extras.neverLink = null;
    }
    return neighbours;
  }

  /** Adds a never-link rule between two touchpoints; false when it was there already. */
  static boolean addNeverLink(TouchpointNode a, TouchpointNode b) {
    if (a.neverLink() == null) {
      a.extras().neverLink = new HashSet<>(4);
    }
    if (b.neverLink() == null) {
      b.extras().neverLink = new HashSet<>(4);
    }
    b.neverLink().add(a);
    return a.neverLink().add(b);
  }

  /** Removes a never-link rule; false when there was none. */
  static boolean removeNeverLink(TouchpointNode a, TouchpointNode b) {
    if (a.neverLink() == null || !a.neverLink().remove(b)) {
      return false;
    }
    b.neverLink().remove(a);
    return true;
  }

  /**
   * The touchpoints whose components a new node changes: itself, and when it pushed a value over
   * its limit, every carrier of that value (they were connected through it and may now fall apart).
   */
  static List<TouchpointNode> changedBy(TouchpointNode node) {
    if (!node.pushedOverLimit) {
      return List.of(node);
    }
    List<TouchpointNode> seeds = new ArrayList<>();
    seeds.add(node);
    for (ValueNode v : node.values) {
      if (v.overLimit()) {
        v.addCarriersTo(seeds);
      }
    }
    return seeds;
  }

  /** Carriers up to which {@link #component} reads a value again rather than remember it. */
  private static final int FEW_CARRIERS = 8;

  /**
   * The connected component of {@code start} through values that can link and scored edges.
   * {@code reach} is asked of each touchpoint met: true the first time (its add to a set of the
   * visited, or {@link #newWalk}'s mark); the caller has reached {@code start}.
   */
  static List<TouchpointNode> component(TouchpointNode start, Predicate<TouchpointNode> reach) {
    List<TouchpointNode> out = new ArrayList<>();
    ArrayDeque<TouchpointNode> queue = new ArrayDeque<>();
    queue.add(start);
    // Made when first needed: most components share no value with many carriers.
    Set<ValueNode> seenValues = null;
    while (!queue.isEmpty()) {
      TouchpointNode e = queue.poll();
      out.add(e);
      for (ValueNode v : e.values) {
        if (!v.linksCarriers()) {
          continue;
        }
        // A value met again has had every carrier reached: reading its few carriers again adds
        // nothing and costs less than an identity set. One with many is remembered, as reading
        // it again at each of its carriers would grow with the square of their number.
        if (v.carrierCount() > FEW_CARRIERS) {
          if (seenValues == null) {
            seenValues = Collections.newSetFromMap(new IdentityHashMap<>());
          }
          if (!seenValues.add(v)) {
            continue;
          }
        }
        for (int i = 0; i < v.carrierCount(); i++) {
          TouchpointNode next = v.carrier(i);
          if (reach.test(next)) {
            queue.add(next);
          }
        }
      }
      for (int i = 0, n = e.edgeCount(); i < n; i++) {
        TouchpointNode next = e.edge(i).other(e);
        if (reach.test(next)) {
          queue.add(next);
        }
      }
    }
    return out;
  }

  /**
   * A new walk of the write path for {@link #component}: it marks what it reaches on the nodes
   * instead of holding them in an identity set, whose hashing and probing JFR put at a fifth of a
   * recompute (measured: the warm fuzzy resolve at 1 M 1.024 times as fast, a batch about 7 %).
   * Under the write lock only, one walk at a time: read paths, which may run together, keep a
   * set.
   */
  Predicate<TouchpointNode> newWalk() {
    if (walkEpoch == Character.MAX_VALUE) {
      // The marks go round: clear them all, so that no mark of an old walk equals a new one.
      touchpoints.forEach(n -> n.walkMark = 0);
      walkEpoch = 0;
    }
    char mark = (char) ++walkEpoch;
    return node -> {
      if (node.walkMark == mark) {
        return false;
      }
      node.walkMark = mark;
      return true;
    };
  }

  /** Sets the number of the last walk, so that a test can reach the marks' wrap. */
  void setWalkEpoch(int epoch) {
    walkEpoch = epoch;
  }

  /**
   * The person a touchpoint names, or null for nobody. A rule that fails (its contract says it
   * does not) names nobody: the touchpoint is still resolved, on its identifiers.
   */
  private PersonTraits personOf(Touchpoint touchpoint) {
    if (personRule == null) {
      return null;
    }
    try {
      PersonTraits traits = personRule.traits(touchpoint);
      return traits == null || traits.isEmpty() ? null : traits;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The hash of the rule's counting key for a person, never 0 for a key (0 is "nobody"); 0 for
   * nobody, or when the rule fails (its contract says it does not).
   */
  private int personKeyOf(PersonTraits person) {
    if (person == null) {
      return 0;
    }
    try {
      String key = personRule.countingKey(person);
      if (key == null) {
        return 0;
      }
      int hash = key.hashCode();
      return hash == 0 ? 1 : hash;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /**
   * Whether the type's role-account predicate calls the value a role account. A predicate that
   * fails counts the value as one (the safe side: it then links only agreeing people) and is
   * reported as a failing junk check is.
   */
  private static boolean isRoleAccount(TypeInfo info, String value, Touchpoint touchpoint,
      List<Problem> problems, int identifierIndex) {
    if (info.roleAccount == null) {
      return false;
    }
    try {
      return info.roleAccount.test(value);
    } catch (RuntimeException e) {
      if (problems != null) {
        problems.add(new Problem(touchpoint.id(), "identifiers (" + info.type + ")",
            Reason.INVALID_VALUE, "role-account check failed with "
            + e.getClass().getSimpleName(), OptionalInt.of(identifierIndex)));
      }
      return true;
    }
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

  /** The one array of {@code sources}' content, while there are few shapes. */
  private byte[] sharedSources(byte[] sources) {
    byte[] last = lastSources;
    if (last != null && Arrays.equals(last, sources)) {
      // Most touchpoints with a derived value have the shape of the one before: no key is made.
      return last;
    }
    byte[] held = sourceShapes.share(sources);
    lastSources = held;
    return held;
  }

  private static boolean sameSource(Identifier given, Identifier kept) {
    return given == kept || (given.type().equals(kept.type()) && given.raw().equals(kept.raw()));
  }

  /**
   * Adds the identifiers derived from the normalized ones (hashes of emails and phones), and the
   * problems of derivations that fail to {@code n.found}. With {@code register} false, returns
   * false (having changed nothing of the graph) where a derived type is unknown. With
   * {@code defer}, notes each derivation to make instead of making it ({@link #deriveFound}).
   */
  private boolean derive(Touchpoint touchpoint, Normalized n, boolean register, boolean defer) {
    if (derivations.isEmpty()) {
      return true;
    }
    List<Identifier> normalized = n.identifiers;
    List<TypeInfo> infos = n.infos;
    int given = normalized.size();
    // By index: the list's iterator, not scalar-replaced here, was garbage on every resolve.
    for (int k = 0; k < derivations.size(); k++) {
      ResolverBuilder.Derivation d = derivations.get(k);
      for (int i = 0; i < given; i++) {
        Identifier source = normalized.get(i);
        // A digest of a junk value (test@test.com) or of a role account (info@) would link what
        // the value itself may not.
        if (!source.type().equals(d.from())
            || isJunk(infos.get(i), source.value(), touchpoint, null, -1)
            || isRoleAccount(infos.get(i), source.value(), touchpoint, null, -1)) {
          continue;
        }
        TypeInfo info = register ? typeInfo(d.to()) : types.get(d.to());
        if (info == null) {
          return false;
        }
        if (defer) {
          n.defer(i, d, info);
        } else {
          deriveOne(touchpoint, n, i, d, info, null);
        }
      }
    }
    return true;
  }

  /**
   * Derives one value of {@code info}'s type from the value kept at {@code source}, or takes
   * {@code known}, its node, when the source's node gave it; keeps it unless the touchpoint
   * holds it already. Returns whether it was kept. A failure is added to {@code n.found}.
   */
  private static boolean deriveOne(Touchpoint touchpoint, Normalized n, int source,
      ResolverBuilder.Derivation d, TypeInfo info, ValueNode known) {
    List<Identifier> normalized = n.identifiers;
    String derived;
    String value;
    if (known != null) {
      // The derived value's raw form is kept nowhere (sourcesOf gives a derived value none).
      derived = known.value;
      value = known.value;
    } else {
      try {
        derived = d.function().apply(normalized.get(source).value());
        value = info.normalizer.normalize(derived, touchpoint);
      } catch (RuntimeException e) {
        n.found = add(n.found, new Problem(touchpoint.id(), "derived " + d.to() + " of "
            + d.from(), Reason.INVALID_VALUE,
            "derivation failed with " + e.getClass().getSimpleName(),
            OptionalInt.of(n.origins[source])));
        return false;
      }
    }
    if (value == null || value.isEmpty() || containsValue(normalized, info, value)) {
      return false;
    }
    n.derived(normalized.size(), source);
    normalized.add(new Identifier(d.to(), value, derived));
    n.infos.add(info);
    return true;
  }

  /**
   * Makes the derivations {@link #derive} left to the insertion, in its order, once the given
   * values are looked up ({@link #lookUpFound}): a source value the graph knows names its derived
   * value's node, and only the others are computed and looked up. The derived values are kept
   * after the given ones with their nodes (or null, for a new value) in {@link #lookUpFound} at
   * the same positions, as if looked up with them.
   */
  private void deriveFound(Touchpoint touchpoint, Normalized n) {
    List<Identifier> normalized = n.identifiers;
    int computed = 0;
    for (int p = 0; p < n.pending; p++) {
      int source = n.pendingSource[p];
      ResolverBuilder.Derivation d = n.pendingDerivation[p];
      ValueNode known = lookUpFound[source] instanceof DerivingValueNode node
          && node.type.derivation == d ? node.liveDerived() : null;
      int at = normalized.size();
      if (!deriveOne(touchpoint, n, source, d, n.pendingInfo[p], known)) {
        continue;
      }
      ensureLookUps(at + 1);
      lookUpFound[at] = known;
      if (known == null) {
        if (computed == derivedAt.length) {
          derivedTables = Arrays.copyOf(derivedTables, 2 * computed);
          derivedKeys = Arrays.copyOf(derivedKeys, 2 * computed);
          derivedFound = Arrays.copyOf(derivedFound, 2 * computed);
          derivedSlots = Arrays.copyOf(derivedSlots, 2 * computed);
          derivedAt = Arrays.copyOf(derivedAt, 2 * computed);
        }
        derivedTables[computed] = n.pendingInfo[p].values;
        derivedKeys[computed] = normalized.get(at).value();
        derivedAt[computed++] = at;
      }
    }
    if (computed > 0) {
      KeyedTable.getAll(derivedTables, derivedKeys, computed, derivedFound, derivedSlots);
      for (int c = 0; c < computed; c++) {
        lookUpFound[derivedAt[c]] = derivedFound[c];
      }
      Arrays.fill(derivedKeys, 0, computed, null);
      Arrays.fill(derivedFound, 0, computed, null);
    }
  }

  /** Grows the look-up scratch to hold {@code size} keys, keeping what it holds. */
  private void ensureLookUps(int size) {
    if (lookUpTables.length < size) {
      int length = Math.max(size, 2 * lookUpTables.length);
      lookUpTables = Arrays.copyOf(lookUpTables, length);
      lookUpKeys = Arrays.copyOf(lookUpKeys, length);
      lookUpFound = Arrays.copyOf(lookUpFound, length);
      lookUpSlots = Arrays.copyOf(lookUpSlots, length);
    }
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

  /**
   * The one derivation from {@code type} when its derived value is a function of the source value
   * alone: the derivation's function is pure, and the derived type's normalizer does not override
   * {@link Normalizer#normalize(String, Touchpoint)}, so it ignores the touchpoint. Then a value's
   * node may remember its derived value's ({@link DerivingValueNode}). Null when there is none,
   * several (a node remembers one), or the normalizer reads the touchpoint.
   */
  ResolverBuilder.Derivation soleDerivation(IdentifierType type) {
    ResolverBuilder.Derivation sole = null;
    for (ResolverBuilder.Derivation d : derivations) {
      if (d.from().equals(type)) {
        if (sole != null) {
          return null;
        }
        sole = d;
      }
    }
    if (sole == null) {
      return null;
    }
    Normalizer target = normalizers.getOrDefault(sole.to(), Normalizer.defaultFor(sole.to()));
    return ignoresTouchpoint(target) ? sole : null;
  }

  /** Whether {@code normalizer} keeps {@link Normalizer}'s default contextual form. */
  static boolean ignoresTouchpoint(Normalizer normalizer) {
    try {
      return normalizer.getClass().getMethod("normalize", String.class, Touchpoint.class)
          .isDefault();
    } catch (NoSuchMethodException | SecurityException e) {
      return false;
    }
  }

  private TypeInfo registerType(IdentifierType type, int exclusiveSlot) {
    IdentifierPolicy policy = policies.getOrDefault(type, IdentifierPolicy.defaultFor(type));
    if (exclusiveSlot < 0 && policy.exclusive()) {
      // Only configured types have exclusive slots; an unconfigured one falls back to DEFAULT.
      policy = IdentifierPolicy.DEFAULT;
    }
    TypeInfo info = new TypeInfo(type, policy,
        normalizers.getOrDefault(type, Normalizer.defaultFor(type)),
        junkPredicates.getOrDefault(type, NO_JUNK), roleAccountPredicates.get(type), exclusiveSlot,
        namesOnePerson(type),
        soleDerivation(type));
    types.put(type, info);
    List<TypeInfo> ordered = new ArrayList<>(types.values());
    ordered.sort(TypeInfo::compareStrength);
    for (int i = 0; i < ordered.size(); i++) {
      ordered.get(i).rank = i;
    }
    return info;
  }
}
