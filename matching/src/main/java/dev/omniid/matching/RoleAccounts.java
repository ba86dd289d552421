package dev.omniid.matching;

import java.util.LinkedHashSet;
import java.util.function.Predicate;

/**
 * Predicates over <em>normalized</em> values that name a function rather than a person, for
 * {@link dev.omniid.core.ResolverBuilder#roleAccounts}: an office's {@code info@}, {@code sales@},
 * {@code ventas@} or {@code contacto@} mailbox is read by whoever answers it, so the customers who
 * type it are often strangers (the clerk who orders for the shop, a colleague, the owner). The
 * {@link OmniId} defaults declare them for e-mails: such an address then links two touchpoints
 * only when both name an agreeing person by a given name. The list is a resource
 * ({@code role-accounts.txt}). Thread-safe.
 */
public final class RoleAccounts {
  /** The role local parts, and an open-addressing table of their positions (plus one) by hash. */
  private static final String[] WORDS;
  private static final int[] TABLE;

  static {
    WORDS = new LinkedHashSet<>(ReferenceData.lines("role-accounts.txt")).toArray(new String[0]);
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
   * Role-account e-mails (as normalized by {@link EmailNormalizer}).
   *
   * @return a thread-safe predicate that holds for an address whose local part is a listed role
   *     ({@code info@}, {@code ventas@}, RFC 2142's mailbox names), or starts with one followed by
   *     digits or by a {@code .}, {@code -}, {@code _} or {@code +} and more ({@code ventas2@},
   *     {@code info.madrid@}, {@code sales-es@}); not for {@code ana.ventas@} or {@code informatica@}
   */
  public static Predicate<String> emails() {
    return RoleAccounts::isRoleEmail;
  }

  /**
   * Reads the local part's leading letters once, hashing them as {@link String#hashCode} would,
   * and looks the hash up: asked of every e-mail a resolver meets (its node, its digest, its match
   * field), it allocates nothing (a substring per call was 57 of the 4,441 bytes a fuzzy resolve
   * allocated, {@code CpuTimeProbe resolve-fuzzy}).
   */
  static boolean isRoleEmail(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return false;
    }
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

  private static int slot(int hash) {
    return (hash ^ (hash >>> 16)) * 0x9E3779B1 >>> 1 & (TABLE.length - 1);
  }
}
