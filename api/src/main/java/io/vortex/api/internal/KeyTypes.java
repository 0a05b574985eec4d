package io.vortex.api.internal;

import io.vortex.api.function.KeySelector;
import java.lang.reflect.Method;

/**
 * Refuses, when the job is built, key selectors whose declared key type can never be hashed
 * stably (see {@link KeyHashes}), the way Flink refuses array keys. A selector whose key type is
 * only known at run time (a generic or erased one) is checked on its first record instead.
 */
public final class KeyTypes {
  private KeyTypes() {}

  /** Throws {@link IllegalArgumentException} naming {@code where} if the key type is refused. */
  public static void check(KeySelector<?, ?> selector, String where) {
    Class<?> type = declaredKeyType(selector);
    String refusal = type == null ? null : KeyHashes.refusal(type);
    if (refusal != null) {
      throw new IllegalArgumentException(where + ": " + refusal);
    }
  }

  /** The key type the selector declares, or null when it cannot be told. */
  static Class<?> declaredKeyType(KeySelector<?, ?> selector) {
    Class<?> cls = selector.getClass();
    if (cls.isSynthetic() || cls.isHidden()) {
      return RecordTypes.lambdaReturnType(selector);
    }
    Class<?> best = null;
    for (Method m : cls.getMethods()) {
      if (m.getName().equals("getKey") && m.getParameterCount() == 1 && !m.isBridge()) {
        best = m.getReturnType();
      }
    }
    return best == null || best == Object.class ? null : best;
  }
}
