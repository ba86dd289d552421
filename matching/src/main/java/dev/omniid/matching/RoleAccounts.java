package dev.omniid.matching;

import java.util.HashSet;
import java.util.Set;
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
  private static final Set<String> LOCAL_PARTS = new HashSet<>(
      ReferenceData.lines("role-accounts.txt"));

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

  static boolean isRoleEmail(String email) {
    int at = email.lastIndexOf('@');
    if (at <= 0) {
      return false;
    }
    int end = 0;
    while (end < at && Character.isLetter(email.charAt(end))) {
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
    return LOCAL_PARTS.contains(email.substring(0, end));
  }
}
