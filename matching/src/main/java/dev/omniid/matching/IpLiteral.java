package dev.omniid.matching;

import java.util.Arrays;

/**
 * A strict reader and writer of IP address literals, with no name look-up: text that is not an
 * IPv4 or IPv6 literal is refused before anything else happens (the JDK's
 * {@code InetAddress.getByName} would resolve it through DNS). The rules are those
 * DeviceFingerprint followed with Guava's {@code InetAddresses}: IPv4 as four decimal parts of
 * one to three digits up to 255 without a leading zero; IPv6 as eight groups of one to four hex
 * digits, one {@code ::} standing for at least one zero group, an optional embedded IPv4 address
 * as the last two groups; digits as {@link Character#digit(char, int)} reads them. An IPv6 zone
 * id ({@code %eth0}) is accepted and dropped when it is made of ASCII letters, digits and
 * {@code . _ - ~}; an IPv4-mapped address ({@code ::ffff:1.2.3.4}) reads as IPv4.
 */
final class IpLiteral {
  private IpLiteral() {}

  /**
   * The address's bytes: 4 for IPv4 (IPv4-mapped IPv6 included), 16 for IPv6; null when the
   * text is not an IP literal.
   */
  static byte[] parse(String text) {
    boolean colon = false;
    boolean dot = false;
    int percent = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dot = true;
      } else if (c == ':') {
        if (dot) {
          return null; // the IPv4 part, if any, comes last
        }
        colon = true;
      } else if (c == '%') {
        percent = i;
        break;
      } else if (Character.digit(c, 16) < 0) {
        return null;
      }
    }
    if (!colon) {
      return dot && percent < 0 ? ipv4(text) : null;
    }
    String address = text;
    if (percent >= 0) {
      if (dot || !zoneId(text.substring(percent + 1))) {
        return null; // no zone on an embedded IPv4 address
      }
      address = text.substring(0, percent);
    }
    byte[] bytes = ipv6(address);
    if (bytes == null) {
      return null;
    }
    if (isIpv4Mapped(bytes)) {
      return percent >= 0 ? null : Arrays.copyOfRange(bytes, 12, 16);
    }
    return bytes;
  }

  /**
   * The canonical text of 4 or 16 bytes: dotted decimal, or RFC 5952 (lower-case hex, no leading
   * zeros, the first longest run of two or more zero groups as {@code ::}).
   */
  static String format(byte[] bytes) {
    if (bytes.length == 4) {
      return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "."
          + (bytes[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
      } else {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
          out.append(':');
        }
        out.append(Integer.toHexString(groups[i]));
      }
    }
    return out.toString();
  }

  private static boolean zoneId(String zone) {
    for (int i = 0; i < zone.length(); i++) {
      char c = zone.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == '~';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }

  private static byte[] ipv4(String text) {
    byte[] bytes = new byte[4];
    int start = 0;
    for (int part = 0; part < 4; part++) {
      int end = text.indexOf('.', start);
      if (end < 0) {
        end = text.length();
      }
      if ((part < 3) != (end < text.length())) {
        return null; // not exactly four parts
      }
      int length = end - start;
      if (length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
        return null; // leading zeros could be octal to some readers: refused
      }
      int value = 0;
      for (int i = start; i < end; i++) {
        int digit = Character.digit(text.charAt(i), 10);
        if (digit < 0) {
          return null;
        }
        value = value * 10 + digit;
      }
      if (value > 255) {
        return null;
      }
      bytes[part] = (byte) value;
      start = end + 1;
    }
    return bytes;
  }

  private static byte[] ipv6(String text) {
    String hex = text;
    int lastColon = text.lastIndexOf(':');
    if (text.indexOf('.') >= 0) {
      byte[] v4 = ipv4(text.substring(lastColon + 1));
      if (v4 == null) {
        return null;
      }
      hex = text.substring(0, lastColon + 1)
          + Integer.toHexString((v4[0] & 0xff) << 8 | (v4[1] & 0xff))
          + ":" + Integer.toHexString((v4[2] & 0xff) << 8 | (v4[3] & 0xff));
    }
    int skip = hex.indexOf("::");
    if (skip >= 0 && hex.indexOf("::", skip + 1) >= 0) {
      return null; // at most one '::'
    }
    String[] head;
    String[] tail;
    if (skip < 0) {
      head = hex.split(":", -1);
      tail = new String[0];
      if (head.length != 8) {
        return null;
      }
    } else {
      String left = hex.substring(0, skip);
      String right = hex.substring(skip + 2);
      head = left.isEmpty() ? new String[0] : left.split(":", -1);
      tail = right.isEmpty() ? new String[0] : right.split(":", -1);
      if (head.length + tail.length > 7) {
        return null; // '::' stands for at least one group
      }
    }
    byte[] bytes = new byte[16];
    if (!groups(head, bytes, 0) || !groups(tail, bytes, 8 - tail.length)) {
      return null;
    }
    return bytes;
  }

  private static boolean groups(String[] groups, byte[] bytes, int first) {
    for (int g = 0; g < groups.length; g++) {
      String group = groups[g];
      if (group.isEmpty() || group.length() > 4) {
        return false;
      }
      int value = 0;
      for (int i = 0; i < group.length(); i++) {
        int digit = Character.digit(group.charAt(i), 16);
        if (digit < 0) {
          return false;
        }
        value = value << 4 | digit;
      }
      bytes[2 * (first + g)] = (byte) (value >>> 8);
      bytes[2 * (first + g) + 1] = (byte) value;
    }
    return true;
  }
}
