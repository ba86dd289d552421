package dev.omniid.core;

/**
 * A settled partition as a snapshot stores it: profile {@code p} holds the touchpoints at
 * positions {@code members[starts[p]]} to {@code members[starts[p + 1] - 1]} of the snapshot's
 * touchpoint order, in touchpoint-id order (the order the clusterer gives its groups), and
 * {@code clean[p]} says whether it is clean (see {@link Cluster}).
 */
record Settled(int[] starts, int[] members, boolean[] clean, Edges edges) {
  int profiles() {
    return clean.length;
  }

  /**
   * The scored edges of a settled graph, as a snapshot stores them, or null when it stores none
   * (no scored side, or a snapshot of an earlier build). Edge {@code k} joins the touchpoints at
   * positions {@code later[k]} and {@code earlier[k] < later[k]} of the snapshot's order. The
   * edges come grouped by {@code later}, ascending, and in a group by the earlier touchpoint's
   * id: the order in which inserting the touchpoints one by one, in snapshot order, links them
   * ({@link ScoredLinks#link}), so that every node's edge list comes out as it does then.
   */
  record Edges(int[] later, int[] earlier, double[] weights, int[] supports,
      boolean[] vouches) {
    int size() {
      return later.length;
    }

    /**
     * Whether these edges can be installed on {@code touchpoints} (in snapshot order): every
     * position in range, each pair once and in the order described above.
     */
    boolean fit(Touchpoint[] touchpoints) {
      int previousLater = -1;
      int previousEarlier = -1;
      for (int k = 0; k < later.length; k++) {
        int l = later[k];
        int e = earlier[k];
        if (l >= touchpoints.length || e < 0 || e >= l || l < previousLater
            || supports[k] <= 0 || Double.isNaN(weights[k])) {
          return false;
        }
        if (l == previousLater
            && touchpoints[e].id().compareTo(touchpoints[previousEarlier].id()) <= 0) {
          return false;
        }
        previousLater = l;
        previousEarlier = e;
      }
      return true;
    }

    /** Gathers the edges of a snapshot's edge records as they are read. */
    static final class Reader {
      private int[] later = new int[1024];
      private int[] earlier = new int[1024];
      private double[] weights = new double[1024];
      private int[] supports = new int[1024];
      private boolean[] vouches = new boolean[1024];
      private int size;

      /** Adds an edge; false if it breaks the order (its later end before the last one's). */
      boolean add(int laterEnd, int earlierEnd, double weight, int support, boolean vouch) {
        if (size > 0 && laterEnd < later[size - 1]) {
          return false;
        }
        if (size == later.length) {
          int grown = size * 2;
          later = java.util.Arrays.copyOf(later, grown);
          earlier = java.util.Arrays.copyOf(earlier, grown);
          weights = java.util.Arrays.copyOf(weights, grown);
          supports = java.util.Arrays.copyOf(supports, grown);
          vouches = java.util.Arrays.copyOf(vouches, grown);
        }
        later[size] = laterEnd;
        earlier[size] = earlierEnd;
        weights[size] = weight;
        supports[size] = support;
        vouches[size] = vouch;
        size++;
        return true;
      }

      int size() {
        return size;
      }

      Edges finish() {
        return new Edges(java.util.Arrays.copyOf(later, size),
            java.util.Arrays.copyOf(earlier, size), java.util.Arrays.copyOf(weights, size),
            java.util.Arrays.copyOf(supports, size), java.util.Arrays.copyOf(vouches, size));
      }
    }
  }

  /** Gathers the profiles of a snapshot's partition records as they are read. */
  static final class Reader {
    private int[] starts = new int[1024];
    private int[] members = new int[1024];
    private boolean[] clean = new boolean[1024];
    private int profiles;
    private int size;
    private java.util.BitSet seen = new java.util.BitSet();

    void startProfile(boolean isClean, int memberCount) {
      if (profiles + 1 >= starts.length) {
        starts = java.util.Arrays.copyOf(starts, starts.length * 2);
        clean = java.util.Arrays.copyOf(clean, clean.length * 2);
      }
      if (size + memberCount > members.length) {
        members = java.util.Arrays.copyOf(members,
            Math.max(members.length * 2, size + memberCount));
      }
      starts[profiles] = size;
      clean[profiles] = isClean;
      profiles++;
      starts[profiles] = size;
    }

    /** Adds a member to the profile started last; false if it is in a profile already. */
    boolean add(int member) {
      if (seen.get(member)) {
        return false;
      }
      seen.set(member);
      members[size++] = member;
      starts[profiles] = size;
      return true;
    }

    int profiles() {
      return profiles;
    }

    /** How many touchpoints the profiles hold. */
    int members() {
      return size;
    }

    /** The profiles read, with {@code edges} (null when the snapshot stores none). */
    Settled finish(Edges edges) {
      return new Settled(java.util.Arrays.copyOf(starts, profiles + 1),
          java.util.Arrays.copyOf(members, size), java.util.Arrays.copyOf(clean, profiles),
          edges);
    }
  }
}
