package dev.omniid.cli;

import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import java.util.Objects;

/**
 * A problem with one input record, for the rejects file: where it is and what is wrong, with the
 * value masked. The record itself is still resolved on its valid fields unless {@code rejected}.
 *
 * @param row the line where the record starts
 * @param recordId the record's id, or empty if unknown
 * @param column the column concerned, empty for the whole row
 * @param maskedValue the value, masked as identifiers are in messages; empty if none
 * @param reason what is wrong and what was done about it
 * @param rejected whether the whole record was lost (nothing could be read from it)
 */
record Warning(long row, String recordId, String column, String maskedValue, String reason,
    boolean rejected) {
  private static final IdentifierType ANY = IdentifierType.of("value");
  private static final int MAX_MASKED = 40;

  Warning {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(maskedValue, "maskedValue");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Masks a customer value with the core's identifier masking ({@code a***@g***.com},
   * {@code +34*******78}): enough to recognise a value one already knows, not to learn it.
   */
  static String mask(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String masked = Identifier.of(ANY, raw).masked();
    return masked.length() > MAX_MASKED ? masked.substring(0, MAX_MASKED) + "..." : masked;
  }
}
