package io.vortex.api.internal;

import io.vortex.api.function.KeySelector;
import java.lang.invoke.SerializedLambda;
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
      return lambdaReturnType(selector);
    }
    Class<?> best = null;
    for (Method m : cls.getMethods()) {
      if (m.getName().equals("getKey") && m.getParameterCount() == 1 && !m.isBridge()) {
        best = m.getReturnType();
      }
    }
    return best == null || best == Object.class ? null : best;
  }

  /** A serializable lambda's instantiated return type, from its {@link SerializedLambda}. */
  private static Class<?> lambdaReturnType(Object lambda) {
    try {
      Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (!(writeReplace.invoke(lambda) instanceof SerializedLambda serialized)) {
        return null;
      }
      String descriptor = serialized.getInstantiatedMethodType();
      String ret = descriptor.substring(descriptor.indexOf(')') + 1);
      if (ret.length() == 1) {
        return null; // a primitive: boxed, always fine
      }
      String name = ret.startsWith("[") ? ret.replace('/', '.') : ret.substring(1, ret.length() - 1).replace('/', '.');
      return Class.forName(name, false, lambda.getClass().getClassLoader());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null; // not inspectable: the first record decides
    }
  }
}
