package io.vortex.api.internal;

import java.util.Arrays;

/** Immutable (static helpers). How sinks and tuples show values: arrays element by element. */
public final class Strings {
  private Strings() {}

  /** {@code String.valueOf(value)}, but arrays show their elements, not their identity hash. */
  public static String valueOf(Object value) {
    if (value == null || !value.getClass().isArray()) {
      return String.valueOf(value);
    } else if (value instanceof Object[] a) {
      return Arrays.deepToString(a);
    } else if (value instanceof byte[] a) {
      return Arrays.toString(a);
    } else if (value instanceof int[] a) {
      return Arrays.toString(a);
    } else if (value instanceof long[] a) {
      return Arrays.toString(a);
    } else if (value instanceof double[] a) {
      return Arrays.toString(a);
    } else if (value instanceof char[] a) {
      return Arrays.toString(a);
    } else if (value instanceof boolean[] a) {
      return Arrays.toString(a);
    } else if (value instanceof float[] a) {
      return Arrays.toString(a);
    }
    return Arrays.toString((short[]) value);
  }
}
