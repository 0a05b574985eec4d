package io.vortex.api.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hash codes of keys that are the same in every JVM, so that a key lands in the same key group
 * on every TaskManager and after a restart. {@code Object.hashCode} is an identity hash that
 * differs between JVMs, and so is every hash built on it: an enum's, and a record's, tuple's or
 * list's that contains one. Hence:
 *
 * <ul>
 *   <li>an enum hashes by its name;
 *   <li>records (the built-in tuples too), lists, sets, maps and optionals hash from their
 *       components or elements, recursively, with the formulas of their {@code hashCode};
 *   <li>other classes that override {@code hashCode} and {@code equals} (strings, numbers, most
 *       value classes) use their own {@code hashCode};
 *   <li>arrays and classes without their own {@code hashCode} or {@code equals} are refused: they
 *       hash and compare by identity, so every record would be its own key (as Flink refuses
 *       array keys).
 * </ul>
 *
 * <p>Threading: thread-safe (per-class strategies are immutable and cached in a {@link
 * ClassValue}).
 */
public final class KeyHashes {
  private KeyHashes() {}

  /** How keys of one class are hashed. */
  @FunctionalInterface
  private interface Strategy {
    int hash(Object key) throws Throwable;
  }

  private static final ClassValue<Strategy> STRATEGIES =
      new ClassValue<>() {
        @Override
        protected Strategy computeValue(Class<?> type) {
          return strategyFor(type);
        }
      };

  /** The JVM-independent hash of {@code key} (not null). */
  public static int hash(Object key) {
    if (key instanceof String || key instanceof Long || key instanceof Integer) {
      return key.hashCode(); // specified by the JDK, and the common case
    }
    try {
      return STRATEGIES.get(key.getClass()).hash(key);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException("cannot hash the key " + key + ": " + e, e);
    }
  }

  /** Fails with the reason when keys of {@code key}'s class cannot be hashed stably. */
  public static void check(Object key) {
    hash(key);
  }

  /**
   * Why keys declared as {@code type} are certainly refused, or null when they may be fine. A
   * non-final class without its own {@code hashCode} is not refused here: its instances may be
   * of a subclass that has one (the first record decides).
   */
  public static String refusal(Class<?> type) {
    if (type.isArray()) {
      return arrayReason(type);
    }
    boolean exact = java.lang.reflect.Modifier.isFinal(type.getModifiers()) && !type.isInterface();
    if (exact && !ownsHashCode(type) && !type.isEnum() && !type.isRecord()) {
      return identityReason(type);
    }
    return null;
  }

  private static Strategy strategyFor(Class<?> type) {
    if (type.isArray()) {
      return refuse(arrayReason(type));
    }
    if (Enum.class.isAssignableFrom(type)) {
      return key -> ((Enum<?>) key).name().hashCode();
    }
    if (type.isRecord()) {
      return recordStrategy(type);
    }
    if (List.class.isAssignableFrom(type)) {
      return key -> {
        int h = 1;
        for (Object e : (List<?>) key) {
          h = 31 * h + nullableHash(e);
        }
        return h;
      };
    }
    if (Set.class.isAssignableFrom(type)) {
      return key -> {
        int h = 0;
        for (Object e : (Set<?>) key) {
          h += nullableHash(e);
        }
        return h;
      };
    }
    if (Map.class.isAssignableFrom(type)) {
      return key -> {
        int h = 0;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) key).entrySet()) {
          h += nullableHash(e.getKey()) ^ nullableHash(e.getValue());
        }
        return h;
      };
    }
    if (type == Optional.class) {
      return key -> ((Optional<?>) key).map(KeyHashes::hash).orElse(0);
    }
    if (!ownsHashCode(type)) {
      return refuse(identityReason(type));
    }
    return Object::hashCode;
  }

  /** {@code 31 * h + hash(component)} over the components, as a record's own hashCode does. */
  private static Strategy recordStrategy(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    MethodHandle[] accessors = new MethodHandle[components.length];
    try {
      for (int i = 0; i < components.length; i++) {
        Method accessor = components[i].getAccessor();
        accessor.setAccessible(true);
        accessors[i] = MethodHandles.lookup().unreflect(accessor);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      return refuse("the components of the record " + type.getName() + " cannot be read (" + e
          + "); make it accessible or key by its fields");
    }
    return key -> {
      int h = 0;
      for (MethodHandle accessor : accessors) {
        h = 31 * h + nullableHash(accessor.invoke(key));
      }
      return h;
    };
  }

  private static int nullableHash(Object value) {
    return value == null ? 0 : hash(value);
  }

  private static boolean ownsHashCode(Class<?> type) {
    try {
      return type.getMethod("hashCode").getDeclaringClass() != Object.class
          && type.getMethod("equals", Object.class).getDeclaringClass() != Object.class;
    } catch (NoSuchMethodException e) {
      return false; // an interface: decided per instance class
    }
  }

  private static Strategy refuse(String reason) {
    return key -> {
      throw new IllegalArgumentException(reason);
    };
  }

  private static String arrayReason(Class<?> type) {
    return "a key of type " + type.getComponentType().getTypeName() + "[] cannot be used in keyBy: "
        + "arrays hash and compare by identity, so every record would be its own key; "
        + "key by a List, a String or a record of the values instead";
  }

  private static String identityReason(Class<?> type) {
    return "a key of type " + type.getName() + " cannot be used in keyBy: it does not override "
        + "hashCode() and equals(), so it hashes by identity (different in every JVM) and no two "
        + "records would have equal keys; give it hashCode() and equals(), or make it a record";
  }
}
