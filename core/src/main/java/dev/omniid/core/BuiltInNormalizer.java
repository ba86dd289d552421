package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.util.Locale;

/** The core's trivial normalizers, as singletons behind {@link Normalizer}'s factories. */
enum BuiltInNormalizer implements Normalizer {
  IDENTITY {
    @Override
    public String normalize(String value) {
      return value.strip();
    }
  },
  LOWER_CASE {
    @Override
    public String normalize(String value) {
      return value.strip().toLowerCase(Locale.ROOT);
    }
  },
  BASIC_EMAIL {
    @Override
    public String normalize(String value) {
      String email = value.strip().toLowerCase(Locale.ROOT);
      int at = email.indexOf('@');
      if (at <= 0 || at != email.lastIndexOf('@') || at == email.length() - 1) {
        throw new OmniIdException(Reason.INVALID_VALUE, "email", "needs one @ with text on both sides");
      }
      for (int i = 0; i < email.length(); i++) {
        if (Character.isWhitespace(email.charAt(i)) || Character.isISOControl(email.charAt(i))) {
          throw new OmniIdException(Reason.INVALID_VALUE, "email", "has a space or control character at index " + i);
        }
      }
      return email;
    }
  },
  DIGITS {
    @Override
    public String normalize(String value) {
      String v = value.strip();
      StringBuilder out = new StringBuilder(v.length());
      int digits = 0;
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c >= '0' && c <= '9') {
          out.append(c);
          digits++;
        } else if (c == '+' && out.length() == 0) {
          out.append(c);
        }
      }
      if (digits < 5) {
        throw new OmniIdException(Reason.INVALID_VALUE, "phone", "has fewer than 5 digits");
      }
      return out.toString();
    }
  },
  COMPACT_ID {
    @Override
    public String normalize(String value) {
      // Upper case first: no upper-case mapping yields a separator, so the result is stable.
      String upper = value.strip().toUpperCase(Locale.ROOT);
      StringBuilder out = new StringBuilder(upper.length());
      for (int i = 0; i < upper.length(); i++) {
        char c = upper.charAt(i);
        if (!isIdSeparator(c)) {
          out.append(c);
        }
      }
      if (out.length() == 0) {
        throw new OmniIdException(Reason.INVALID_VALUE, "identifier",
            "has nothing but spaces, dashes, dots or slashes");
      }
      return out.length() == upper.length() ? upper : out.toString();
    }
  },
  HANDLE {
    @Override
    public String normalize(String value) {
      String v = value.strip().toLowerCase(Locale.ROOT);
      while (v.startsWith("@")) {
        // "@ ana" is "ana": strip again, or the result would change when normalized again.
        v = v.substring(1).strip();
      }
      if (v.isEmpty()) {
        throw new OmniIdException(Reason.INVALID_VALUE, "social_handle", "is only '@'");
      }
      return v;
    }
  };

  /**
   * What people put between the groups of an id: any space (including no-break ones), any dash
   * ({@code -}, en and em dashes, the minus sign), dots and slashes.
   */
  static boolean isIdSeparator(char c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '.' || c == '/'
        || c == '\\' || c == '\u2212' || Character.getType(c) == Character.DASH_PUNCTUATION;
  }
}
