package dev.omniid.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a journaled resolver found on disk when it was built: how much it replayed and any damage
 * it repaired. Immutable.
 *
 * <p>A damaged journal tail (a record cut short by a crash, or one whose checksum does not match)
 * is cut off at the last whole record and listed here as {@link Damage}: every record before it is
 * kept, the damaged record and every byte after it are dropped. The resolver never skips a
 * damaged record to read the ones after it, because the state it would rebuild would be one that
 * never existed. A snapshot that fails its checks is not repaired: building the resolver fails.
 *
 * @param snapshotTouchpoints touchpoints restored from the snapshot (0 without one)
 * @param journalRecords records replayed from the journal after the snapshot
 * @param touchpoints touchpoints in the resolver after recovery
 * @param neverLinkRules never-link rules in the resolver after recovery (a split keeps its sides
 *     apart with one rule per pair of touchpoints across them)
 * @param damage the damage found and cut off, in file order; empty for a clean recovery
 * @param elapsed the time recovery took, reading and resolving
 */
public record RecoveryReport(
    int snapshotTouchpoints,
    long journalRecords,
    int touchpoints,
    int neverLinkRules,
    List<Damage> damage,
    Duration elapsed) {

  /**
   * Copies the damage list.
   *
   * @param snapshotTouchpoints touchpoints restored from the snapshot
   * @param journalRecords records replayed after the snapshot
   * @param touchpoints touchpoints after recovery
   * @param neverLinkRules never-link rules after recovery
   * @param damage the damage cut off, not null; copied
   * @param elapsed the time recovery took, not null
   */
  public RecoveryReport {
    damage = List.copyOf(damage);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /**
   * Whether recovery found nothing to repair.
   *
   * @return {@code true} when {@link #damage()} is empty: nothing was cut off
   */
  public boolean clean() {
    return damage.isEmpty();
  }

  /**
   * A damaged stretch of a journal file, cut off during recovery.
   *
   * @param kind what was wrong
   * @param file the file's name inside the journal directory
   * @param offset where the damaged record starts: the file's length after the repair
   * @param bytesDropped the bytes cut off, from {@code offset} to the end of the file
   * @param detail what was wrong, in words
   */
  public record Damage(Kind kind, String file, long offset, long bytesDropped, String detail) {
    /**
     * Checks the fields.
     *
     * @param kind what was wrong, not null
     * @param file the file's name, not null
     * @param offset where the damaged record starts
     * @param bytesDropped the bytes cut off
     * @param detail what was wrong, in words; not null
     */
    public Damage {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
      return kind + " in " + file + " at offset " + offset + ": " + detail + " (" + bytesDropped
          + " bytes dropped)";
    }
  }

  /** The kinds of damage. */
  public enum Kind {
    /** The file ends inside a record: a write interrupted by a crash. */
    TORN_TAIL,
    /**
     * A whole record whose checksum or length is wrong: bytes changed after they were written,
     * or a crash of the machine left garbage past the last forced record.
     */
    CORRUPT_RECORD
  }
}
