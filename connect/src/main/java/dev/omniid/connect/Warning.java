package dev.omniid.connect;

import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import java.util.Objects;

/**
 * A problem with one input record: where it is and what is wrong, with the value masked. The
 * record is still mapped on its valid fields unless {@code rejected}. The {@code omniid} tool
 * writes these to its rejects file. Immutable.
 *
 * @param row the line where the record starts
 * @param recordId the record's id, or empty if unknown
 * @param column the column concerned, empty for the whole row
 * @param maskedValue the value, masked as identifiers are in messages; empty if none
 * @param reason what is wrong and what was done about it
 * @param rejected whether the whole record was lost (nothing could be read from it)
 */
public record Warning(long row, String recordId, String column, String maskedValue, String reason,
    boolean rejected) {
  private static final IdentifierType ANY = IdentifierType.of("value");
  private static final int MAX_MASKED = 40;

  /**
   * Checks the components.
   *
   * @param row the line where the record starts
   * @param recordId the record's id, or empty if unknown
   * @param column the column concerned, empty for the whole row
   * @param maskedValue the value, masked; empty if none
   * @param reason what is wrong and what was done about it
   * @param rejected whether the whole record was lost
   * @throws NullPointerException if a component is null
   */
  public Warning {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(maskedValue, "maskedValue");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Masks a customer value with the core's identifier masking ({@code a***@g***.com},
   * {@code +34*******78}): enough to recognise a value one already knows, not to learn it.
   *
   * @param raw the value as written, may be null
   * @return the masked value, at most 43 characters; empty for a null or blank value
   */
  public static String mask(String raw) {
    if (raw == null || raw.isBlank()) {
      return "";
    }
    String masked = Identifier.of(ANY, raw).masked();
    return masked.length() > MAX_MASKED ? masked.substring(0, MAX_MASKED) + "..." : masked;
  }
}
