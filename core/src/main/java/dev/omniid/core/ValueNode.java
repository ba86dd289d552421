package dev.omniid.core;

/** An identifier node of the merge graph: one normalized value and the touchpoints carrying it. */
class ValueNode {
  final TypeInfo type;
  final String value;
  /**
   * The touchpoints carrying it, in arrival order: the carrier itself while the value has had only
   * one (most values never get a second: no array for them, 24 bytes less), else an array whose
   * first {@link #carrierCount()} slots hold them; null when a lone carrier was removed. An array
   * in the node rather than a list object: one object less for each of the graph's values.
   */
  private Object carriers;
  /**
   * Its carrier count (the low bits) and four flags, {@link #ROLE_ACCOUNT}, {@link #JUNK},
   * {@link #OVER_LIMIT} and {@link #COUNTED}, in one int: with booleans beside the count the node
   * took 40 bytes, packed it takes 32 (a node per distinct value).
   */
  private int bits;
  /**
   * For a limited type: for each stronger identifier value held by its carriers, how many of its
   * carriers hold it. The limit is judged on these counts alone, so it depends on this value's
   * carriers and nothing else. Null until counting starts.
   */
  StrongerCounts stronger;

  private static final int COUNT = (1 << 28) - 1;
  /** A role account: its type's role test accepts it (final: set at construction). */
  private static final int ROLE_ACCOUNT = 1 << 28;
  /** A junk value: its type's junk test accepts it (final: set at construction). */
  private static final int JUNK = 1 << 29;
  /** Over its type's limit: its carriers hold too many people (see {@link #exceedsLimit}). */
  private static final int OVER_LIMIT = 1 << 30;
  /** {@link #stronger} counts every carrier (see {@link #counted()}). */
  private static final int COUNTED = 1 << 31;

  ValueNode(TypeInfo type, String value, boolean junk) {
    this(type, value, junk, false);
  }

  ValueNode(TypeInfo type, String value, boolean junk, boolean roleAccount) {
    this.type = type;
    this.value = value;
    this.bits = (junk ? JUNK : 0) | (roleAccount ? ROLE_ACCOUNT : 0);
  }

  /**
   * Whether the value names a function, not a person (an office's {@code info@} mailbox: see
   * {@link ResolverBuilder#roleAccounts}): it links only carriers that name agreeing people.
   */
  boolean roleAccount() {
    return (bits & ROLE_ACCOUNT) != 0;
  }

  /** Whether the value is junk (its type's junk test accepts it): it never links. */
  boolean junk() {
    return (bits & JUNK) != 0;
  }

  /**
   * Whether {@link #stronger} counts every carrier. A value is not counted while it has at most
   * its limit of carriers, none holding two values of one stronger type (see {@link #countIn}):
   * then no stronger type can be over the limit.
   */
  boolean counted() {
    return (bits & COUNTED) != 0;
  }

  /**
   * The value as an identifier, with the raw form its carrier with the smallest touchpoint id
   * sent. Computed from the live carriers on each call rather than kept: a kept raw form would
   * outlive the touchpoint that sent it (a removed or forgotten customer's spelling shown for
   * someone else's value), and the field would cost memory on every value. A scan of the carriers:
   * for reads (generic values), not for the resolution path.
   */
  Identifier identifier() {
    TouchpointNode smallest = carrier(0);
    for (int i = 1; i < carrierCount(); i++) {
      TouchpointNode c = carrier(i);
      if (c.id.compareTo(smallest.id) < 0) {
        smallest = c;
      }
    }
    return identifierOf(smallest);
  }

  /**
   * The value as an identifier shared by two of its carriers, with the raw form the one with the
   * smaller touchpoint id sent: what evidence between them shows, from the two touchpoints it is
   * about, whatever else carries the value or did.
   */
  Identifier identifierBetween(TouchpointNode a, TouchpointNode b) {
    return identifierOf(a.id.compareTo(b.id) <= 0 ? a : b);
  }

  /** The value as an identifier with the raw form {@code carrier} sent. */
  Identifier identifierOf(TouchpointNode carrier) {
    ValueNode[] held = carrier.values;
    for (int i = 0; i < held.length; i++) {
      if (held[i] == this) {
        return carrier.identifier(i);
      }
    }
    throw new IllegalStateException("not a carrier of the value");
  }

  int carrierCount() {
    return bits & COUNT;
  }

  TouchpointNode carrier(int i) {
    Object c = carriers;
    return c instanceof TouchpointNode[] array ? array[i] : (TouchpointNode) c;
  }

  /** A carrier other than {@code entry}; the value must have at least two carriers. */
  TouchpointNode carrierOtherThan(TouchpointNode entry) {
    TouchpointNode first = carrier(0);
    return first != entry ? first : carrier(1);
  }

  /**
   * Adds a carrier, and counts it toward the limit when the type has one. Returns whether this
   * carrier pushed the value over its limit (it then stops linking the carriers it linked until
   * now: their components must be recomputed).
   */
  boolean addCarrier(TouchpointNode carrier) {
    if (carriers instanceof TouchpointNode[] array) {
      if (carrierCount() == array.length) {
        array = java.util.Arrays.copyOf(array, carrierCount() * 2);
        carriers = array;
      }
      array[carrierCount()] = carrier;
    } else if (carrierCount() == 0) {
      carriers = carrier;
    } else {
      carriers = new TouchpointNode[] {(TouchpointNode) carriers, carrier};
    }
    bits++;
    if (!limited()) {
      return false;
    }
    countIn(carrier);
    // A carrier with no stronger value that names nobody adds no person: the scan is skipped.
    if (!overLimit() && (strongerOverLimit() || carrierCount() > type.policy.limit()
        && (carrier.personKey() != 0 || strongestStronger(carrier) != null) && peopleOverLimit())) {
      bits |= OVER_LIMIT;
      return true;
    }
    return false;
  }

  /**
   * Removes a carrier and counts it out. Returns whether the value came back under its limit (it
   * links its carriers again).
   */
  boolean removeCarrier(TouchpointNode carrier) {
    if (carriers instanceof TouchpointNode[] array) {
      for (int i = 0; i < carrierCount(); i++) {
        if (array[i] == carrier) {
          System.arraycopy(array, i + 1, array, i, carrierCount() - i - 1);
          bits--;
          array[carrierCount()] = null;
          break;
        }
      }
    } else if (carrierCount() == 1 && carriers == carrier) {
      carriers = null;
      bits &= ~COUNT;
    }
    if (counted()) {
      countStronger(carrier, -1);
    }
    if (overLimit() && !exceedsLimit()) {
      bits &= ~OVER_LIMIT;
      return true;
    }
    return false;
  }

  void addCarriersTo(java.util.Collection<TouchpointNode> out) {
    for (int i = 0; i < carrierCount(); i++) {
      out.add(carrier(i));
    }
  }

  /** Whether the value links its carriers: it links alone, is not junk and not over its limit. */
  boolean connects() {
    return !junk() && !overLimit() && type.policy.linksAlone();
  }

  /** Whether the value links a carrier to another: it {@link #connects}, and has two or more. */
  boolean linksCarriers() {
    return connects() && carrierCount() > 1;
  }

  /** Whether the value's type has a limit that applies to it (junk never links anyway). */
  boolean limited() {
    return !junk() && type.policy.linksAlone() && type.policy.limit() > 0;
  }

  /**
   * Counts a carrier's stronger identifiers in (+1) or out (-1). Junk is skipped: it tells no
   * person apart ({@code junk} is final, so counting in and out stay symmetric).
   */
  private void countStronger(TouchpointNode carrier, int delta) {
    for (ValueNode w : carrier.values) {
      if (!w.junk() && w.type.rank < type.rank) {
        if (stronger == null) {
          stronger = new StrongerCounts();
        }
        stronger.add(w, delta);
      }
    }
  }

  /**
   * Counts a new carrier's stronger values in, once counting can tell something. While the value
   * has at most {@code limit} carriers and none of them holds two values of one stronger type,
   * no stronger type can have more than {@code limit} distinct values among them, so the verdict
   * needs no count: most values (a customer's own email or phone, carried by a handful of their
   * touchpoints) never start one. When either stops being true, every carrier is counted.
   */
  private void countIn(TouchpointNode carrier) {
    if (!counted() && carrierCount() <= type.policy.limit() && !holdsTwoOfAStrongerType(carrier)) {
      return;
    }
    if (!counted()) {
      bits |= COUNTED;
      for (int i = 0; i < carrierCount(); i++) {
        TouchpointNode earlier = carrier(i);
        if (earlier != carrier) {
          countStronger(earlier, +1);
        }
      }
    }
    countStronger(carrier, +1);
  }

  /** Whether a touchpoint holds two (non-junk) values of one type stronger than this value's. */
  boolean holdsTwoOfAStrongerType(TouchpointNode carrier) {
    // Allocation-free: it runs for every new carrier, and a touchpoint holds a handful of values.
    ValueNode[] held = carrier.values;
    for (int i = 0; i < held.length; i++) {
      TypeInfo t = held[i].type;
      if (held[i].junk() || t.rank >= type.rank) {
        continue;
      }
      for (int j = i + 1; j < held.length; j++) {
        if (held[j].type == t && !held[j].junk()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether its carriers hold more people than the limit: more distinct values of one stronger
   * type, more distinct strongest stronger values (one per carrier, across types), or more
   * distinct people named. A function of the carriers alone, like everything the verdict reads.
   */
  private boolean exceedsLimit() {
    return strongerOverLimit() || peopleOverLimit();
  }

  private boolean strongerOverLimit() {
    return stronger != null && stronger.anyTypeOver(type.policy.limit());
  }

  /**
   * Whether more than the limit of people are told apart among the carriers, one carrier counting
   * by its strongest stronger value and by the person it names. A scan of the carriers, stopped
   * once the limit is passed: it runs only while the value is under its limit and holds more
   * carriers than the limit (a kiosk's value is generic long before it has thousands), and on
   * a removal from a value over its limit.
   */
  private boolean peopleOverLimit() {
    int limit = type.policy.limit();
    if (carrierCount() <= limit) {
      return false;
    }
    int[] keys = null;
    int keyCount = 0;
    ValueNode[] strongest = null;
    int strongestCount = 0;
    for (int i = 0; i < carrierCount(); i++) {
      TouchpointNode carrier = carrier(i);
      int key = carrier.personKey();
      if (key != 0) {
        if (keys == null) {
          keys = new int[limit + 1];
        }
        if (!contains(keys, keyCount, key)) {
          keys[keyCount++] = key;
          if (keyCount > limit) {
            return true;
          }
        }
      }
      ValueNode best = strongestStronger(carrier);
      if (best != null) {
        if (strongest == null) {
          strongest = new ValueNode[limit + 1];
        }
        if (!containsNode(strongest, strongestCount, best)) {
          strongest[strongestCount++] = best;
          if (strongestCount > limit) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The carrier's strongest linking value of a type stronger than this value's, ties broken by
   * value; null when it has none. One per carrier, so a visitor who gives an email and a phone
   * counts once, while an email-only and a phone-only visitor count twice.
   */
  private ValueNode strongestStronger(TouchpointNode carrier) {
    ValueNode best = null;
    for (ValueNode w : carrier.values) {
      if (w.junk() || !w.type.policy.linksAlone() || w.type.rank >= type.rank) {
        continue;
      }
      if (best == null) {
        best = w;
        continue;
      }
      int byType = Integer.compare(w.type.rank, best.type.rank);
      if (byType < 0 || byType == 0 && w.value.compareTo(best.value) < 0) {
        best = w;
      }
    }
    return best;
  }

  private static boolean contains(int[] keys, int count, int key) {
    for (int i = 0; i < count; i++) {
      if (keys[i] == key) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsNode(ValueNode[] nodes, int count, ValueNode node) {
    for (int i = 0; i < count; i++) {
      if (nodes[i] == node) {
        return true;
      }
    }
    return false;
  }

  /**
   * Marks the value over its limit on the word of a count made elsewhere (all of its carriers
   * counted by {@link BatchSteps}), in a graph that holds only some of them.
   */
  void markOverLimit() {
    bits |= OVER_LIMIT;
  }

  /**
   * What {@code carrier} counts toward this value's limit, as {@code (group, item)} pairs: the
   * value is over its limit exactly when, in some group, its carriers count more than the limit
   * of distinct items. Groups: each stronger type (its non-junk values; see
   * {@link #strongerOverLimit}), {@code "person"} (the counting key's hash) and
   * {@code "strongest"} (the carrier's strongest stronger value; both as in
   * {@link #peopleOverLimit}, whose carrier-count condition these distinct counts imply). The
   * same verdict as {@link #addCarrier}, written as counts that can be summed anywhere.
   */
  void countedBy(TouchpointNode carrier, java.util.function.BiConsumer<String, String> out) {
    for (ValueNode w : carrier.values) {
      if (!w.junk() && w.type.rank < type.rank) {
        out.accept("type " + w.type.type.name(), w.value);
      }
    }
    if (carrier.personKey() != 0) {
      out.accept("person", Integer.toString(carrier.personKey()));
    }
    ValueNode best = strongestStronger(carrier);
    if (best != null) {
      out.accept("strongest", best.type.type.name() + "\t" + best.value);
    }
  }

  /** Whether its carriers hold more people than its type's limit allows. */
  boolean overLimit() {
    return (bits & OVER_LIMIT) != 0;
  }

  boolean generic() {
    return (bits & (JUNK | OVER_LIMIT)) != 0;
  }
}
