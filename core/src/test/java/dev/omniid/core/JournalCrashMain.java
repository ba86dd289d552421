package dev.omniid.core;

import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link JournalCrashTest}: recovers a journal directory, then makes one
 * run's changes ({@link CrashScript}) with {@link Durability#syncEachWrite()}, printing
 * {@code durable N} after the N-th change returned (and so was forced). Killed at random moments.
 *
 * <p>Arguments: directory, seed, run, number of changes, compaction threshold in bytes; the
 * journal is encrypted with the Base64 key in {@value #KEY_VARIABLE} when it is set.
 */
public final class JournalCrashMain {
  static final String KEY_VARIABLE = "OMNIID_CRASH_JOURNAL_KEY";
  private JournalCrashMain() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    long seed = Long.parseLong(args[1]);
    int run = Integer.parseInt(args[2]);
    int count = Integer.parseInt(args[3]);
    long threshold = Long.parseLong(args[4]);
    // An encrypted journal's key comes from the environment, as an application's would.
    String key = System.getenv(KEY_VARIABLE);
    ResolverBuilder builder = key == null
        ? JournalFixtures.builder().journal(dir, Durability.syncEachWrite())
        : JournalFixtures.builder().journal(dir, Durability.syncEachWrite(),
            JournalKey.fromBase64(key));
    IdentityResolver r = builder.journalCompactionThreshold(threshold).build();
    System.out.println("recovered " + r.touchpointCount());
    System.out.flush();
    List<CrashScript.Op> ops = CrashScript.ops(seed, run, count);
    int n = 0;
    for (CrashScript.Op op : ops) {
      switch (op.kind()) {
        case RESOLVE -> r.resolve(op.touchpoint());
        case REMOVE -> r.remove(op.id());
        case NEVER_LINK -> r.neverLink(op.id(), op.other());
      }
      n++;
      System.out.println("durable " + n);
      System.out.flush();
    }
    r.journal().orElseThrow().close();
    System.out.println("done " + n);
    System.out.flush();
  }
}
