package io.vortex.api.internal.serialization;

/**
 * Immutable (static helpers). UTF-8 encoding that round-trips every Java string: valid surrogate
 * pairs become standard 4-byte sequences, lone surrogates 3-byte ones (WTF-8). The JDK's encoder
 * would replace lone surrogates with '?', silently changing user data.
 */
final class Utf8 {

  private Utf8() {
  }

  /** Number of bytes {@link #encode} writes for {@code s} from index {@code from}. */
  static long encodedLength(String s, int from) {
    long bytes = 0;
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (isPair(s, i, n)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  /** Encodes {@code s} from index {@code from} into {@code b} at {@code p}; returns the end position. */
  static int encode(String s, int from, byte[] b, int p) {
    int n = s.length();
    for (int i = from; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[p++] = (byte) c;
      } else if (c < 0x800) {
        b[p++] = (byte) (0xC0 | (c >> 6));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (isPair(s, i, n)) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        b[p++] = (byte) (0xF0 | (cp >> 18));
        b[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        b[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        b[p++] = (byte) (0xE0 | (c >> 12));
        b[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        b[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return p;
  }

  /**
   * Decodes {@code length} bytes of {@code b} at {@code p} into {@code chars} (at least
   * {@code length} long, since no sequence yields more chars than bytes); returns the char count.
   */
  static int decode(byte[] b, int p, int length, char[] chars) {
    int end = p + length;
    int n = 0;
    while (p < end) {
      int b0 = b[p++];
      if (b0 >= 0) {
        chars[n++] = (char) b0;
      } else if ((b0 & 0xE0) == 0xC0) {
        check(p + 1 <= end, p);
        chars[n++] = (char) (((b0 & 0x1F) << 6) | cont(b[p++], p));
      } else if ((b0 & 0xF0) == 0xE0) {
        check(p + 2 <= end, p);
        int c = ((b0 & 0x0F) << 12) | (cont(b[p++], p) << 6);
        chars[n++] = (char) (c | cont(b[p++], p));
      } else if ((b0 & 0xF8) == 0xF0) {
        check(p + 3 <= end, p);
        int cp = ((b0 & 0x07) << 18) | (cont(b[p++], p) << 12);
        cp |= cont(b[p++], p) << 6;
        cp |= cont(b[p++], p);
        check(cp >= Character.MIN_SUPPLEMENTARY_CODE_POINT && cp <= Character.MAX_CODE_POINT, p);
        chars[n++] = Character.highSurrogate(cp);
        chars[n++] = Character.lowSurrogate(cp);
      } else {
        throw malformed(p);
      }
    }
    return n;
  }

  private static boolean isPair(String s, int i, int n) {
    return Character.isHighSurrogate(s.charAt(i)) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1));
  }

  private static int cont(byte b, int p) {
    check((b & 0xC0) == 0x80, p);
    return b & 0x3F;
  }

  private static void check(boolean ok, int p) {
    if (!ok) {
      throw malformed(p);
    }
  }

  private static IllegalArgumentException malformed(int p) {
    return new IllegalArgumentException("corrupt input: malformed UTF-8 near position " + p);
  }
}
