package io.vortex.api.internal.serialization;

import io.vortex.api.tuple.Tuple2;
import io.vortex.api.tuple.Tuple3;
import io.vortex.api.tuple.Tuple4;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Thread-safe. Chooses a serializer per class and caches it for the life of the class.
 *
 * <p>In order: boxed primitives (and their primitive classes), String, byte[], long[], int[],
 * double[], BigDecimal, BigInteger, UUID, Instant, Duration, LocalDate, LocalTime,
 * LocalDateTime, enums, Tuple2/3/4 (dynamic fields), collections and maps (dynamic elements; a
 * concrete class with a public no-argument constructor reads back as itself, otherwise a List
 * as an ArrayList, a Set as a LinkedHashSet, a SortedSet as a TreeSet, a Map as a LinkedHashMap,
 * a SortedMap as a TreeMap, in natural order, a Queue as an ArrayDeque), Optional, records, then {@link
 * DynamicSerializer} for {@code Object}, interfaces and abstract classes, and finally {@link
 * JacksonSerializer} (Smile) for any other class.
 */
public final class Serializers {

  private static final DynamicSerializer DYNAMIC = new DynamicSerializer(Serializers.class.getClassLoader());

  private static final ClassValue<TypeSerializer<?>> CACHE = new ClassValue<>() {
    @Override
    protected TypeSerializer<?> computeValue(Class<?> type) {
      Set<Class<?>> building = BUILDING.get();
      building.add(type);
      try {
        return create(type);
      } finally {
        building.remove(type);
      }
    }
  };

  // Classes whose serializer this thread is building: a record that contains itself gets a lazy
  // reference instead of recursing forever.
  private static final ThreadLocal<Set<Class<?>>> BUILDING = ThreadLocal.withInitial(HashSet::new);

  private Serializers() {
  }

  /** The serializer for values of exactly {@code type} (for records: of their components' types). */
  @SuppressWarnings("unchecked")
  public static <T> TypeSerializer<T> forClass(Class<T> type) {
    Objects.requireNonNull(type, "type");
    if (BUILDING.get().contains(type)) {
      return new LazySerializer<>(type);
    }
    return (TypeSerializer<T>) CACHE.get(type);
  }

  /** The tagged serializer for values whose class is known only at run time; allows null. */
  public static TypeSerializer<Object> dynamic() {
    return DYNAMIC;
  }

  /** {@code serializer}, allowing null at the cost of one byte per value. */
  public static <T> TypeSerializer<T> nullable(TypeSerializer<T> serializer) {
    return serializer instanceof NullableSerializer<T> || serializer instanceof DynamicSerializer
        ? serializer
        : new NullableSerializer<>(serializer);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<?> create(Class<?> type) {
    TypeSerializer<?> basic = basic(type);
    if (basic != null) {
      return basic;
    }
    if (type.isEnum()) {
      return new EnumSerializer(type);
    }
    if (type.getSuperclass() != null && type.getSuperclass().isEnum()) {
      return forClass(type.getSuperclass()); // a constant with a body
    }
    if (type == Tuple2.class) {
      return new Tuple2Serializer<>(DYNAMIC, DYNAMIC);
    }
    if (type == Tuple3.class) {
      return new Tuple3Serializer<>(DYNAMIC, DYNAMIC, DYNAMIC);
    }
    if (type == Tuple4.class) {
      return new Tuple4Serializer<>(DYNAMIC, DYNAMIC, DYNAMIC, DYNAMIC);
    }
    if (type.isRecord()) {
      DynamicSerializer dynamic = new DynamicSerializer(loaderOf(type));
      return new RecordSerializer(type, c -> componentSerializer((Class<?>) c, dynamic));
    }
    TypeSerializer<?> container = container(type);
    if (container != null) {
      return container;
    }
    if (type == Object.class || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
      return DYNAMIC;
    }
    return new JacksonSerializer<>(type);
  }

  private static TypeSerializer<?> basic(Class<?> type) {
    if (type == Long.class || type == long.class) {
      return BasicSerializers.LONG;
    } else if (type == Integer.class || type == int.class) {
      return BasicSerializers.INT;
    } else if (type == String.class) {
      return BasicSerializers.STRING;
    } else if (type == Double.class || type == double.class) {
      return BasicSerializers.DOUBLE;
    } else if (type == Float.class || type == float.class) {
      return BasicSerializers.FLOAT;
    } else if (type == Short.class || type == short.class) {
      return BasicSerializers.SHORT;
    } else if (type == Byte.class || type == byte.class) {
      return BasicSerializers.BYTE;
    } else if (type == Boolean.class || type == boolean.class) {
      return BasicSerializers.BOOLEAN;
    } else if (type == Character.class || type == char.class) {
      return BasicSerializers.CHAR;
    } else if (type == byte[].class) {
      return BasicSerializers.BYTES;
    } else if (type == long[].class) {
      return BasicSerializers.LONGS;
    } else if (type == int[].class) {
      return BasicSerializers.INTS;
    } else if (type == double[].class) {
      return BasicSerializers.DOUBLES;
    } else if (type == BigDecimal.class) {
      return BasicSerializers.BIG_DECIMAL;
    }
    return jdk(type);
  }

  private static TypeSerializer<?> jdk(Class<?> type) {
    if (type == BigInteger.class) {
      return JdkSerializers.BIG_INTEGER;
    } else if (type == UUID.class) {
      return JdkSerializers.UUID;
    } else if (type == Instant.class) {
      return JdkSerializers.INSTANT;
    } else if (type == Duration.class) {
      return JdkSerializers.DURATION;
    } else if (type == LocalDate.class) {
      return JdkSerializers.LOCAL_DATE;
    } else if (type == LocalTime.class) {
      return JdkSerializers.LOCAL_TIME;
    } else if (type == LocalDateTime.class) {
      return JdkSerializers.LOCAL_DATE_TIME;
    }
    return null;
  }

  /**
   * Collections, maps and Optional, with dynamic elements; null for other types. A concrete class
   * is made through its public no-argument constructor, else read back as its kind's default
   * (ArrayList, LinkedHashSet, TreeSet, LinkedHashMap, TreeMap).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static TypeSerializer<?> container(Class<?> type) {
    if (type == Optional.class) {
      return new OptionalSerializer<>(DYNAMIC);
    } else if (!Collection.class.isAssignableFrom(type) && !Map.class.isAssignableFrom(type)) {
      return null;
    }
    boolean concrete = !type.isInterface() && !Modifier.isAbstract(type.getModifiers());
    MethodHandle ctor = concrete ? noArgConstructor(type) : null;
    if (ctor != null && Collection.class.isAssignableFrom(type)) {
      return new CollectionSerializer(type, DYNAMIC, n -> (Collection) newInstance(ctor));
    } else if (ctor != null) {
      return new MapSerializer<>(DYNAMIC, DYNAMIC, n -> (Map) newInstance(ctor));
    } else if (SortedSet.class.isAssignableFrom(type)) {
      return new CollectionSerializer(type, DYNAMIC, n -> new TreeSet<>());
    } else if (Set.class.isAssignableFrom(type)) {
      return new CollectionSerializer(type, DYNAMIC, n -> new LinkedHashSet<>(hashCapacity(n)));
    } else if (SortedMap.class.isAssignableFrom(type)) {
      return new MapSerializer<>(DYNAMIC, DYNAMIC, n -> new TreeMap<>());
    } else if (Map.class.isAssignableFrom(type)) {
      return new MapSerializer<>(DYNAMIC, DYNAMIC);
    } else if (Queue.class.isAssignableFrom(type)) {
      return new CollectionSerializer(type, DYNAMIC, n -> new ArrayDeque<>(n));
    }
    return new ListSerializer<>(DYNAMIC); // any other collection reads back as a list
  }

  static int hashCapacity(int expected) {
    return (int) (expected / 0.75f) + 1;
  }

  /** The public no-argument constructor of a public class, or null. */
  private static MethodHandle noArgConstructor(Class<?> type) {
    try {
      return MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  private static Object newInstance(MethodHandle ctor) {
    try {
      return ctor.invoke();
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new IllegalStateException(t);
    }
  }

  /** Record components may hold null: a presence byte, or the dynamic form's own null tag. */
  private static TypeSerializer<?> componentSerializer(Class<?> declared, DynamicSerializer dynamic) {
    TypeSerializer<?> s = forClass(declared);
    return s == DYNAMIC ? dynamic : nullable(s);
  }

  private static ClassLoader loaderOf(Class<?> type) {
    ClassLoader loader = type.getClassLoader();
    return loader != null ? loader : Serializers.class.getClassLoader();
  }

  /**
   * Immutable. Stands for a serializer still being built (a self-referencing record) and looks it
   * up on each use; the cached lookup is a ClassValue read.
   */
  private static final class LazySerializer<T> implements TypeSerializer<T> {
    private final Class<T> type;

    LazySerializer(Class<T> type) {
      this.type = type;
    }

    @Override
    public void serialize(T value, DataOut out) {
      forClass(type).serialize(value, out);
    }

    @Override
    public T deserialize(DataIn in) {
      return forClass(type).deserialize(in);
    }

    @Override
    public Class<T> type() {
      return type;
    }
  }
}
