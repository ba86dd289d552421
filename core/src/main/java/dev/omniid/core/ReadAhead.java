package dev.omniid.core;

/**
 * What a resolve reads off its touchpoint alone, read before it takes the resolver's write lock
 * when another thread holds it or waits for it: the identifiers normalized
 * ({@link MergeGraph#readAhead}) and, with a match model, the prepared field values and the
 * blocking keys ({@link ScoredLinks#readAhead}). Those are functions of the touchpoint and the
 * configuration only, so threads resolving at once read them in parallel and hold the lock only
 * for what reads or changes the graph. Under the lock the resolve uses them as if it had read them
 * there: the same nodes, edges, problems and events.
 *
 * <p>One per thread, reused, so that reading ahead allocates nothing a resolve did not allocate
 * before (the deterministic path's few hundred bytes a resolve are mostly the graph's own growth).
 * {@link #release} empties it, so a pooled thread keeps no customer's values between resolves. A
 * resolve that starts while its thread's holder is taken (a listener or a normalizer resolving
 * on the same thread) gets a holder of its own.
 */
final class ReadAhead {
  private static final ThreadLocal<ReadAhead> OF_THREAD = ThreadLocal.withInitial(ReadAhead::new);

  final MergeGraph.Normalized normalized = new MergeGraph.Normalized(Touchpoint.MAX_IDENTIFIERS);
  /**
   * Whether {@link #normalized} holds the touchpoint: false when it names a type the graph did not
   * know yet, which only the insertion under the lock may register (it then normalizes there).
   */
  boolean normalizedKnown;
  final ScoredLinks.Reading scoring = new ScoredLinks.Reading();
  private boolean taken;

  private ReadAhead() {}

  /** This thread's holder, or a new one while this thread's is taken; {@link #release} it. */
  static ReadAhead take() {
    ReadAhead mine = OF_THREAD.get();
    ReadAhead taken = mine.taken ? new ReadAhead() : mine;
    taken.taken = true;
    return taken;
  }

  /** Empties it and gives it back to its thread. */
  void release() {
    normalized.release();
    scoring.release();
    normalizedKnown = false;
    taken = false;
  }
}
