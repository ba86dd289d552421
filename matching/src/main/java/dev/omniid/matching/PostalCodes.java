package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.util.Locale;
import java.util.Objects;

/**
 * Postal code normalization: spaces and hyphens removed, upper case, leading zeros kept, with a
 * few per-country rules chosen by an ISO 3166-1 alpha-2 region hint.
 *
 * <ul>
 *   <li>{@code ES}, {@code MX}: 5 digits; 4 digits get their lost leading zero back
 *       ({@code 8001} → {@code 08001}, a spreadsheet's doing).
 *   <li>{@code US}: 5 digits; ZIP+4 ({@code 12345-6789}, {@code 123456789}) keeps the 5; 4 digits
 *       get their leading zero back.
 *   <li>{@code AU}: 4 digits.
 *   <li>{@code AR}: a CPA ({@code C1425DKB}: a letter, 4 digits, 3 letters) or the older 4 digits.
 *   <li>Any other region, or none: letters and digits only, upper case, 2 to 10 of them.
 * </ul>
 *
 * <p>Invalid values throw {@link OmniIdException} ({@link Reason#INVALID_VALUE}, field
 * {@code postal_code}) without the value in the message. Stateless and thread-safe.
 */
public final class PostalCodes {
  private static final String FIELD = "postal_code";
  private static final int MAX_LENGTH = 32;

  private PostalCodes() {}

  /**
   * Returns the canonical postal code.
   *
   * @param value the raw postal code
   * @param regionHint an ISO 3166-1 alpha-2 code (any case), or {@code null} or empty when unknown
   * @return the code in upper case without separators, in the region's canonical form (a US
   *     ZIP+4 cut to its five digits)
   * @throws OmniIdException if the value is not a postal code of the region
   *     ({@link Reason#INVALID_VALUE}) or longer than 32 characters ({@link Reason#TOO_LARGE})
   */
  public static String normalize(String value, String regionHint) {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, FIELD, "is longer than " + MAX_LENGTH);
    }
    StringBuilder kept = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
        kept.append(c);
      } else if (c >= 'a' && c <= 'z') {
        kept.append((char) (c - 'a' + 'A'));
      } else if (c != ' ' && c != '-' && c != '\t' && c != '.') {
        throw invalid("has an unexpected character");
      }
    }
    String code = kept.toString();
    String region = regionHint == null ? "" : regionHint.strip().toUpperCase(Locale.ROOT);
    return switch (region) {
      case "ES", "MX" -> fiveDigits(code, false);
      case "US" -> fiveDigits(code, true);
      case "AU" -> digits(code, 4);
      case "AR" -> argentina(code);
      default -> generic(code);
    };
  }

  /**
   * Returns a normalizer of postal codes of one region ({@code null} or empty for unknown).
   *
   * @param regionHint an ISO 3166-1 alpha-2 code (any case), or {@code null} or empty
   * @return a thread-safe normalizer applying {@link #normalize(String, String)} with that hint
   */
  public static Normalizer normalizer(String regionHint) {
    return value -> normalize(value, regionHint);
  }

  private static String fiveDigits(String code, boolean zipPlusFour) {
    if (zipPlusFour && code.length() == 9 && allDigits(code)) {
      return code.substring(0, 5);
    }
    if (code.length() == 4 && allDigits(code)) {
      return "0" + code;
    }
    return digits(code, 5);
  }

  private static String digits(String code, int length) {
    if (code.length() != length || !allDigits(code)) {
      throw invalid("is not " + length + " digits");
    }
    return code;
  }

  private static String argentina(String code) {
    if (code.length() == 4 && allDigits(code)) {
      return code;
    }
    boolean cpa =
        code.length() == 8
            && Character.isLetter(code.charAt(0))
            && allDigits(code.substring(1, 5))
            && Character.isLetter(code.charAt(5))
            && Character.isLetter(code.charAt(6))
            && Character.isLetter(code.charAt(7));
    if (!cpa) {
      throw invalid("is not an Argentine CPA or 4 digits");
    }
    return code;
  }

  private static String generic(String code) {
    if (code.length() < 2 || code.length() > 10) {
      throw invalid("is not 2 to 10 letters or digits");
    }
    return code;
  }

  private static boolean allDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static OmniIdException invalid(String detail) {
    return new OmniIdException(Reason.INVALID_VALUE, FIELD, detail);
  }
}
