package dev.omniid.cli;

import dev.omniid.core.Touchpoint;
import java.util.List;
import java.util.Objects;

/**
 * An input record as mapped: where it came from and the touchpoint it became.
 *
 * @param row the line where the record starts
 * @param recordId the record id written to the output (as in the input, or {@code row-N} when blank)
 * @param touchpoint the touchpoint; its id differs from {@code recordId} when the id was used by an
 *     earlier record with other content
 * @param identifierColumns the column each of the touchpoint's identifiers came from, by position
 */
record MappedRecord(long row, String recordId, Touchpoint touchpoint, List<String> identifierColumns) {
  MappedRecord {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(touchpoint, "touchpoint");
    identifierColumns = List.copyOf(identifierColumns);
  }
}
