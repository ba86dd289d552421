package dev.omniid.matching;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Predicates over <em>normalized</em> values that name a function or a household rather than a
 * person, for {@link dev.omniid.core.ResolverBuilder#roleAccounts}: an office's {@code info@},
 * {@code sales@}, {@code ventas@} or {@code contacto@} mailbox is read by whoever answers it, and a
 * family's {@code casagarcia@} or {@code thesmiths@} by whoever of the family writes, so the
 * customers who type it are often different people (the clerk who orders for the shop, a
 * colleague, the owner; a parent, a child). The {@link OmniId} defaults declare them for e-mails:
 * such an address then links two touchpoints only when both name an agreeing person by a given
 * name. The lists are resources ({@code role-accounts.txt}, {@code family-mailboxes.txt}).
 * Thread-safe.
 */
public final class RoleAccounts {
  /** The role local parts, and an open-addressing table of their positions (plus one) by hash. */
  private static final String[] WORDS;
  private static final int[] TABLE;
  /** The family mailboxes' shapes: what comes before the family name, and what after it. */
  private static final String[] FAMILY_PREFIXES;
  private static final String[] FAMILY_SUFFIXES;
  /** The fewest letters a family name in a family mailbox's shape has. */
  private static final int FAMILY_NAME_LETTERS = 3;
  private static final Predicate<String> EMAILS;

  static {
    List<String> roles = ReferenceData.lines("role-accounts.txt");
    List<String> shapes = ReferenceData.lines("family-mailboxes.txt");
    FAMILY_PREFIXES = new String[shapes.size()];
    FAMILY_SUFFIXES = new String[shapes.size()];
    for (int i = 0; i < shapes.size(); i++) {
      String shape = shapes.get(i);
      int star = shape.indexOf('*');
      if (star < 0 || shape.indexOf('*', star + 1) >= 0 || shape.length() == 1) {
        throw new IllegalStateException("family-mailboxes.txt line " + (i + 1)
            + ": a shape has one * (the family name) and letters before or after it: " + shape);
      }
      FAMILY_PREFIXES[i] = shape.substring(0, star);
      FAMILY_SUFFIXES[i] = shape.substring(star + 1);
    }
    EMAILS = new ListedEmails(31 * roles.hashCode() + shapes.hashCode());
    WORDS = new LinkedHashSet<>(roles).toArray(new String[0]);
    TABLE = new int[Integer.highestOneBit(WORDS.length * 4) * 2];
    for (int i = 0; i < WORDS.length; i++) {
      int slot = slot(WORDS[i].hashCode());
      while (TABLE[slot] != 0) {
        slot = (slot + 1) & (TABLE.length - 1);
      }
      TABLE[slot] = i + 1;
    }
  }

  private RoleAccounts() {}

  /**
   * Role-account e-mails (as normalized by {@link EmailNormalizer}): an office's and a family's.
   *
   * @return a thread-safe predicate that holds for an address whose local part is a listed role
   *     ({@code info@}, {@code ventas@}, RFC 2142's mailbox names), or starts with one followed by
   *     digits or by a {@code .}, {@code -}, {@code _} or {@code +} and more ({@code ventas2@},
   *     {@code info.madrid@}, {@code sales-es@}); not for {@code ana.ventas@} or
   *     {@code informatica@}. It also holds for a family's mailbox: a local part whose letters (up
   *     to its first digit or {@code +}, with {@code .}, {@code -} and {@code _} skipped) are a
   *     family name of three letters or more in one of the listed shapes ({@code casagarcia12@},
   *     {@code thesmiths@}, {@code familia.lopez@}, {@code millerfamily@}); not for
   *     {@code ana.garcia@}, {@code casas@} or {@code thomas@}
   */
  public static Predicate<String> emails() {
    return EMAILS;
  }

  /**
   * The predicate {@link #emails} returns, a record of its lists' hash: a resolver's configuration
   * fingerprint knows a predicate by its class name, and a record by its value too, so a journal's
   * snapshot written under other lists is clustered again rather than restored as it was.
   */
  private record ListedEmails(int lists) implements Predicate<String> {
    @Override
    public boolean test(String email) {
      int at = email.lastIndexOf('@');
      return at > 0 && (isRoleLocalPart(email, at) || isFamilyLocalPart(email, at));
    }
  }

  /**
   * Reads the local part's leading letters once, hashing them as {@link String#hashCode} would,
   * and looks the hash up: asked of every e-mail a resolver meets (its node, its digest, its match
   * field), it allocates nothing (a substring per call was 57 of the 4,441 bytes a fuzzy resolve
   * allocated, {@code CpuTimeProbe resolve-fuzzy}). {@code at} is the position of the {@code @}
   * that ends the local part, above 0.
   */
  private static boolean isRoleLocalPart(String email, int at) {
    int end = 0;
    int hash = 0;
    while (end < at && Character.isLetter(email.charAt(end))) {
      hash = 31 * hash + email.charAt(end);
      end++;
    }
    if (end == 0) {
      return false;
    }
    if (end < at) {
      char next = email.charAt(end);
      if (!(next >= '0' && next <= '9') && next != '.' && next != '-' && next != '_'
          && next != '+') {
        return false;
      }
    }
    for (int slot = slot(hash); TABLE[slot] != 0; slot = (slot + 1) & (TABLE.length - 1)) {
      String word = WORDS[TABLE[slot] - 1];
      if (word.length() == end && email.startsWith(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the local part's letters, up to its first character that is neither a letter nor a
   * {@code .}, {@code -} or {@code _} (a digit, a {@code +}, the {@code @}), are a family name in
   * one of the listed shapes. Reads the letters in place: it allocates nothing. {@code at} is the
   * position of the {@code @} that ends the local part, above 0.
   */
  private static boolean isFamilyLocalPart(String email, int at) {
    int end = 0;
    int letters = 0;
    for (; end < at; end++) {
      char c = email.charAt(end);
      if (Character.isLetter(c)) {
        letters++;
      } else if (c != '.' && c != '-' && c != '_') {
        break;
      }
    }
    for (int i = 0; i < FAMILY_PREFIXES.length; i++) {
      String prefix = FAMILY_PREFIXES[i];
      String suffix = FAMILY_SUFFIXES[i];
      if (letters >= prefix.length() + suffix.length() + FAMILY_NAME_LETTERS
          && lettersStartWith(email, end, prefix) && lettersEndWith(email, end, suffix)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the letters of {@code email}'s first {@code end} characters start with {@code s}. */
  private static boolean lettersStartWith(String email, int end, String s) {
    int at = 0;
    for (int k = 0; k < s.length(); k++, at++) {
      while (at < end && !Character.isLetter(email.charAt(at))) {
        at++;
      }
      if (at == end || email.charAt(at) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the letters of {@code email}'s first {@code end} characters end with {@code s}. */
  private static boolean lettersEndWith(String email, int end, String s) {
    int at = end - 1;
    for (int k = s.length() - 1; k >= 0; k--, at--) {
      while (at >= 0 && !Character.isLetter(email.charAt(at))) {
        at--;
      }
      if (at < 0 || email.charAt(at) != s.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 1 & (TABLE.length - 1);
  }
}
