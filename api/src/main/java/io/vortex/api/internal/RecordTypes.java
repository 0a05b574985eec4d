package io.vortex.api.internal;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, when the job is built, the record type a user function produces, where Java keeps it
 * (as Flink's {@code TypeExtractor} does, for classes only): the type argument of the function's
 * generic interface or base class for a named or anonymous class, and the instantiated return
 * type of its {@link SerializedLambda} for a lambda or method reference. Null when it cannot be
 * told (a lambda whose output is not its return value, a type variable, a raw class): the
 * edge is then untyped and its batches name their class.
 *
 * <p>Threading: stateless.
 */
public final class RecordTypes {
  private RecordTypes() {}

  /**
   * The class bound to type parameter {@code index} of {@code declaring} (a generic interface or
   * class the function implements or extends), or, for a lambda when {@code lambdaReturns}, its
   * return type; null when unknown.
   */
  public static Class<?> argument(Object function, Class<?> declaring, int index, boolean lambdaReturns) {
    Class<?> cls = function.getClass();
    if (cls.isSynthetic() || cls.isHidden()) {
      return lambdaReturns ? lambdaReturnType(function) : null;
    }
    return resolve(cls, declaring, index);
  }

  /**
   * The class a serializable lambda returns, boxed, from its {@link SerializedLambda}'s
   * instantiated method type (so {@code (String s) -> s.length()} as a {@code MapFunction} gives
   * {@code Integer}); null when it is not a serializable lambda or the class cannot be loaded.
   */
  public static Class<?> lambdaReturnType(Object lambda) {
    try {
      Method writeReplace = lambda.getClass().getDeclaredMethod("writeReplace");
      writeReplace.setAccessible(true);
      if (!(writeReplace.invoke(lambda) instanceof SerializedLambda serialized)) {
        return null;
      }
      String descriptor = serialized.getInstantiatedMethodType();
      return fromDescriptor(descriptor.substring(descriptor.indexOf(')') + 1), lambda.getClass().getClassLoader());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return null; // not inspectable: unknown
    }
  }

  private static Class<?> fromDescriptor(String d, ClassLoader loader) throws ClassNotFoundException {
    return switch (d.charAt(0)) {
      case 'V' -> null;
      case 'Z' -> Boolean.class;
      case 'B' -> Byte.class;
      case 'C' -> Character.class;
      case 'S' -> Short.class;
      case 'I' -> Integer.class;
      case 'J' -> Long.class;
      case 'F' -> Float.class;
      case 'D' -> Double.class;
      case '[' -> Class.forName(d.replace('/', '.'), false, loader);
      default -> Class.forName(d.substring(1, d.length() - 1).replace('/', '.'), false, loader);
    };
  }

  /**
   * Walks from {@code cls} up to {@code declaring}, binding type variables on the way, and
   * returns the class of its parameter {@code index}; null when it stays a variable or a wildcard.
   */
  private static Class<?> resolve(Class<?> cls, Class<?> declaring, int index) {
    Map<TypeVariable<?>, Type> bindings = new HashMap<>();
    Type found = find(cls, declaring, bindings);
    if (!(found instanceof ParameterizedType p)) {
      return null; // raw, or not implemented
    }
    Type arg = p.getActualTypeArguments()[index];
    while (arg instanceof TypeVariable<?> v && bindings.containsKey(v)) {
      arg = bindings.get(v);
    }
    return rawClass(arg);
  }

  /** The parameterization of {@code declaring} in {@code type}'s hierarchy, collecting bindings. */
  private static Type find(Type type, Class<?> declaring, Map<TypeVariable<?>, Type> bindings) {
    Class<?> raw = rawClass(type);
    if (raw == null) {
      return null;
    }
    if (type instanceof ParameterizedType p) {
      TypeVariable<?>[] vars = raw.getTypeParameters();
      Type[] args = p.getActualTypeArguments();
      for (int i = 0; i < vars.length; i++) {
        bindings.put(vars[i], args[i]);
      }
    }
    if (raw == declaring) {
      return type;
    }
    List<Type> supers = new java.util.ArrayList<>(List.of(raw.getGenericInterfaces()));
    if (raw.getGenericSuperclass() != null) {
      supers.add(raw.getGenericSuperclass());
    }
    for (Type s : supers) {
      Class<?> sRaw = rawClass(s);
      if (sRaw != null && declaring.isAssignableFrom(sRaw)) {
        return find(s, declaring, bindings);
      }
    }
    return null;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    } else if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return null; // a type variable, wildcard or generic array
  }

  /**
   * The class name an edge is typed with, or null when {@code type} cannot type an edge: unknown,
   * {@code Object}, an interface or abstract class (whose values' classes vary). Primitive
   * classes become their boxes.
   */
  public static String edgeType(Class<?> type) {
    if (type == null || type == Object.class || type.isInterface() || (!type.isArray() && !type.isPrimitive() && Modifier.isAbstract(type.getModifiers()))) {
      return null;
    }
    return box(type).getName();
  }

  /** {@code type}'s box if it is primitive, else itself. */
  public static Class<?> box(Class<?> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    return switch (type.getName()) {
      case "int" -> Integer.class;
      case "long" -> Long.class;
      case "double" -> Double.class;
      case "float" -> Float.class;
      case "short" -> Short.class;
      case "byte" -> Byte.class;
      case "char" -> Character.class;
      case "boolean" -> Boolean.class;
      default -> throw new IllegalArgumentException("void types no records");
    };
  }

  /** The nearest class all {@code values} are instances of (null for none or a null value). */
  public static Class<?> commonClass(List<?> values) {
    Class<?> common = null;
    for (Object v : values) {
      if (v == null) {
        return null;
      }
      common = common == null ? v.getClass() : nearest(common, v.getClass());
    }
    return common;
  }

  private static Class<?> nearest(Class<?> a, Class<?> b) {
    Class<?> c = a;
    while (c != null && !c.isAssignableFrom(b)) {
      c = c.getSuperclass();
    }
    return c == null ? Object.class : c;
  }
}
