package dev.omniid.explorer;

import dev.omniid.core.Channel;
import dev.omniid.core.Evidence;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * The profiles a page shows and the counts of the whole resolver, from one pass over its
 * profiles. The pass keeps only bounded heaps (the largest, the sample), so a resolver of a
 * million records costs the page no more memory than the resolver's own snapshot stream.
 */
final class Selection {
  /** Size buckets of the distribution, as {@code omniid stats} prints them. */
  static final String[] BUCKETS = {"1", "2", "3", "4", "5", "6-10", "11-50", "51+"};
  /** How many of the largest profiles the overview lists. */
  static final int LARGEST_LISTED = 20;

  final List<Profile> shown;
  final Set<ProfileId> requested;
  long records;
  long profiles;
  long conflicts;
  long relations;
  final long[] sizes = new long[BUCKETS.length];
  final List<Profile> largest = new ArrayList<>();
  final Map<String, Long> channels = new TreeMap<>();

  private Selection(List<Profile> shown, Set<ProfileId> requested) {
    this.shown = shown;
    this.requested = requested;
  }

  static int bucket(int size) {
    return size <= 5 ? size - 1 : size <= 10 ? 5 : size <= 50 ? 6 : 7;
  }

  /** Biggest first, then by id: the order of "largest". */
  private static final Comparator<Profile> LARGEST_FIRST =
      Comparator.comparingInt(Profile::size).reversed().thenComparing(Profile::id);

  /**
   * The largest {@code max / 2} profiles, then the profiles whose id hashes lowest until
   * {@code max}, then those asked for; counts over all.
   */
  static Selection bounded(IdentityResolver resolver, int max, Set<ProfileId> asked) {
    Map<ProfileId, Profile> requested = requested(resolver, asked);
    int largestQuota = (max + 1) / 2;
    int sampleQuota = max - largestQuota;
    // Min-heap on "largest first": its head is the smallest of those kept.
    PriorityQueue<Profile> top = new PriorityQueue<>(LARGEST_FIRST.reversed());
    // Max-heap on the hash: its head is the highest hash kept.
    PriorityQueue<Profile> sample = new PriorityQueue<>(
        Comparator.comparingLong((Profile p) -> hash(p.id())).reversed());
    PriorityQueue<Profile> listed = new PriorityQueue<>(LARGEST_FIRST.reversed());
    Counter counter = new Counter(resolver);
    resolver.profiles().forEach(p -> {
      counter.add(p);
      keep(listed, p, LARGEST_LISTED);
      Profile evicted = keep(top, p, largestQuota);
      // What the largest do not keep may be sampled.
      if (evicted != null && sampleQuota > 0) {
        sample.add(evicted);
        if (sample.size() > sampleQuota) {
          sample.poll();
        }
      }
    });
    List<Profile> picked = new ArrayList<>(requested.values());
    Set<ProfileId> seen = new HashSet<>(requested.keySet());
    List<Profile> topSorted = new ArrayList<>(top);
    topSorted.sort(LARGEST_FIRST);
    List<Profile> sampleSorted = new ArrayList<>(sample);
    sampleSorted.sort(LARGEST_FIRST);
    for (Profile p : topSorted) {
      if (seen.add(p.id())) {
        picked.add(p);
      }
    }
    for (Profile p : sampleSorted) {
      if (seen.add(p.id())) {
        picked.add(p);
      }
    }
    Selection s = new Selection(picked, requested.keySet());
    counter.into(s, listed);
    return s;
  }

  /** Exactly these profiles (and those asked for); counts over all of the resolver. */
  static Selection exactly(IdentityResolver resolver, List<Profile> profiles, Set<ProfileId> asked) {
    Map<ProfileId, Profile> requested = requested(resolver, asked);
    List<Profile> picked = new ArrayList<>(requested.values());
    Set<ProfileId> seen = new HashSet<>(requested.keySet());
    for (Profile p : profiles) {
      if (seen.add(p.id())) {
        picked.add(p);
      }
    }
    PriorityQueue<Profile> listed = new PriorityQueue<>(LARGEST_FIRST.reversed());
    Counter counter = new Counter(resolver);
    resolver.profiles().forEach(p -> {
      counter.add(p);
      keep(listed, p, LARGEST_LISTED);
    });
    Selection s = new Selection(picked, requested.keySet());
    counter.into(s, listed);
    return s;
  }

  private static Map<ProfileId, Profile> requested(IdentityResolver resolver, Set<ProfileId> asked) {
    Map<ProfileId, Profile> out = new LinkedHashMap<>();
    for (ProfileId id : asked) {
      Profile p = resolver.profile(id).orElseThrow(() -> new IllegalArgumentException(
          "no profile " + id + " in the resolver"));
      out.putIfAbsent(p.id(), p);
    }
    return out;
  }

  /** Adds {@code p} to a bounded min-heap; returns what fell out (p itself, or an evicted one). */
  private static Profile keep(PriorityQueue<Profile> heap, Profile p, int bound) {
    if (bound == 0) {
      return p;
    }
    heap.add(p);
    return heap.size() > bound ? heap.poll() : null;
  }

  /** A well-mixed hash of the id (SplitMix64's finalizer): the sample is spread, and repeatable. */
  static long hash(ProfileId id) {
    long z = id.value() + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** The counts of one pass. */
  private static final class Counter {
    private final IdentityResolver resolver;
    private long records;
    private long profiles;
    private long conflicts;
    private final Set<String> relations = new HashSet<>();
    private final long[] sizes = new long[BUCKETS.length];
    private final Map<String, Long> channels = new TreeMap<>();

    Counter(IdentityResolver resolver) {
      this.resolver = resolver;
    }

    void add(Profile p) {
      records += p.size();
      profiles++;
      sizes[bucket(p.size())]++;
      for (Channel c : p.channels()) {
        channels.merge(c.name(), 1L, Long::sum);
      }
      if (p.evidence().stream().anyMatch(e -> !e.links())) {
        Set<String> own = new HashSet<>(p.touchpointIds());
        for (Evidence e : p.evidence()) {
          // A refusal is listed by both profiles it keeps apart: counted where it starts.
          if (!e.links() && own.contains(e.touchpointId())) {
            conflicts++;
            resolver.profileIdOf(e.otherTouchpointId()).ifPresent(other -> {
              long lo = Math.min(p.id().value(), other.value());
              long hi = Math.max(p.id().value(), other.value());
              relations.add(lo + "-" + hi);
            });
          }
        }
      }
    }

    void into(Selection s, PriorityQueue<Profile> listed) {
      s.records = records;
      s.profiles = profiles;
      s.conflicts = conflicts;
      s.relations = relations.size();
      System.arraycopy(sizes, 0, s.sizes, 0, sizes.length);
      s.channels.putAll(channels);
      s.largest.addAll(listed);
      s.largest.sort(LARGEST_FIRST);
    }
  }
}
