package io.vortex.api.internal.serialization;

import io.vortex.api.tuple.Tuple2;
import io.vortex.api.tuple.Tuple3;
import io.vortex.api.tuple.Tuple4;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-safe. Serializes values whose class is known only at run time (fields declared as
 * {@code Object}, a type variable or an interface, and tuple fields): a 1-byte type tag, then the
 * value. {@code null} is allowed.
 *
 * <p>Common types have their own tag, checked first for Long, Integer, String and Double. Tuples,
 * lists, sets, maps and Optional nest dynamically (a List reads back as an ArrayList, a Set as a
 * LinkedHashSet, a Map as a LinkedHashMap, a SortedSet or SortedMap in natural order as a TreeSet
 * or TreeMap; one with its own comparator reads back in its order, without the comparator).
 * BigInteger, UUID and the java.time values Instant, Duration, LocalDate, LocalTime and
 * LocalDateTime have tags too. Any other class (records, enums, POJOs) is written as {@link
 * #CLASS}, its name and then the value with {@link Serializers#forClass}: a name per value,
 * so prefer a typed serializer on hot paths. The name is resolved with the given class loader, then
 * the thread's context class loader; this input must come from a trusted peer (our own tasks).
 */
public final class DynamicSerializer implements TypeSerializer<Object> {

  static final byte NULL = 0;
  static final byte LONG = 1;
  static final byte INT = 2;
  static final byte STRING = 3;
  static final byte DOUBLE = 4;
  static final byte FLOAT = 5;
  static final byte SHORT = 6;
  static final byte BYTE = 7;
  static final byte BOOLEAN = 8;
  static final byte CHAR = 9;
  static final byte BYTES = 10;
  static final byte LONGS = 11;
  static final byte INTS = 12;
  static final byte DOUBLES = 13;
  static final byte BIG_DECIMAL = 14;
  static final byte TUPLE2 = 15;
  static final byte TUPLE3 = 16;
  static final byte TUPLE4 = 17;
  static final byte LIST = 18;
  static final byte MAP = 19;
  static final byte CLASS = 20;
  static final byte BIG_INTEGER = 21;
  static final byte UUID = 22;
  static final byte INSTANT = 23;
  static final byte DURATION = 24;
  static final byte LOCAL_DATE = 25;
  static final byte LOCAL_TIME = 26;
  static final byte LOCAL_DATE_TIME = 27;
  static final byte SET = 28;
  static final byte SORTED_SET = 29;
  static final byte SORTED_MAP = 30;
  static final byte OPTIONAL = 31;

  private static final ClassValue<Byte> TAGS = new ClassValue<>() {
    @Override
    protected Byte computeValue(Class<?> c) {
      return tagOf(c);
    }
  };

  private final ClassLoader loader;
  // Only names that resolved are cached, so corrupt input cannot grow it.
  private final Map<String, TypeSerializer<Object>> byName = new ConcurrentHashMap<>();
  private final ListSerializer<Object> list = new ListSerializer<>(this);
  private final MapSerializer<Object, Object> map = new MapSerializer<>(this, this);
  private final CollectionSerializer<Set<Object>, Object> set =
      new CollectionSerializer<>(Set.class, this, n -> new LinkedHashSet<>(Serializers.hashCapacity(n)));
  private final CollectionSerializer<SortedSet<Object>, Object> sortedSet =
      new CollectionSerializer<>(SortedSet.class, this, n -> new TreeSet<>());
  private final MapSerializer<Object, Object> sortedMap = new MapSerializer<>(this, this, n -> new TreeMap<>());
  private final OptionalSerializer<Object> optional = new OptionalSerializer<>(this);

  public DynamicSerializer(ClassLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  @Override
  public void serialize(Object value, DataOut out) {
    if (value == null) {
      out.writeByte(NULL);
      return;
    }
    Class<?> c = value.getClass();
    // the types that dominate keys and payloads skip the ClassValue lookup
    if (c == Long.class) {
      out.writeByte(LONG);
      out.writeLong((Long) value);
    } else if (c == Integer.class) {
      out.writeByte(INT);
      out.writeInt((Integer) value);
    } else if (c == String.class) {
      out.writeByte(STRING);
      out.writeString((String) value);
    } else if (c == Double.class) {
      out.writeByte(DOUBLE);
      out.writeDouble((Double) value);
    } else {
      writeOther(value, c, out);
    }
  }

  private void writeOther(Object value, Class<?> c, DataOut out) {
    byte tag = unsorted(TAGS.get(c), value);
    out.writeByte(tag);
    switch (tag) {
      case FLOAT -> out.writeFloat((Float) value);
      case SHORT -> out.writeShort((Short) value);
      case BYTE -> out.writeByte((Byte) value);
      case BOOLEAN -> out.writeBoolean((Boolean) value);
      case CHAR -> out.writeChar((Character) value);
      case BYTES -> BasicSerializers.BYTES.serialize((byte[]) value, out);
      case LONGS -> BasicSerializers.LONGS.serialize((long[]) value, out);
      case INTS -> BasicSerializers.INTS.serialize((int[]) value, out);
      case DOUBLES -> BasicSerializers.DOUBLES.serialize((double[]) value, out);
      case BIG_DECIMAL -> BasicSerializers.BIG_DECIMAL.serialize((BigDecimal) value, out);
      case TUPLE2 -> {
        Tuple2<?, ?> t = (Tuple2<?, ?>) value;
        serialize(t.f0(), out);
        serialize(t.f1(), out);
      }
      case TUPLE3 -> {
        Tuple3<?, ?, ?> t = (Tuple3<?, ?, ?>) value;
        serialize(t.f0(), out);
        serialize(t.f1(), out);
        serialize(t.f2(), out);
      }
      case TUPLE4 -> {
        Tuple4<?, ?, ?, ?> t = (Tuple4<?, ?, ?, ?>) value;
        serialize(t.f0(), out);
        serialize(t.f1(), out);
        serialize(t.f2(), out);
        serialize(t.f3(), out);
      }
      case LIST, SET, SORTED_SET -> writeElements((Collection<?>) value, out);
      case MAP, SORTED_MAP -> writeMap((Map<?, ?>) value, out);
      case OPTIONAL -> optional.serialize(asObjectOptional(value), out);
      case BIG_INTEGER -> JdkSerializers.BIG_INTEGER.serialize((BigInteger) value, out);
      case UUID -> JdkSerializers.UUID.serialize((java.util.UUID) value, out);
      case INSTANT -> JdkSerializers.INSTANT.serialize((Instant) value, out);
      case DURATION -> JdkSerializers.DURATION.serialize((Duration) value, out);
      case LOCAL_DATE -> JdkSerializers.LOCAL_DATE.serialize((LocalDate) value, out);
      case LOCAL_TIME -> JdkSerializers.LOCAL_TIME.serialize((LocalTime) value, out);
      case LOCAL_DATE_TIME -> JdkSerializers.LOCAL_DATE_TIME.serialize((LocalDateTime) value, out);
      default -> writeClass(value, out);
    }
  }

  private void writeElements(Collection<?> elements, DataOut out) {
    out.writeVarInt(elements.size());
    for (Object e : elements) {
      serialize(e, out);
    }
  }

  @SuppressWarnings("unchecked")
  private static Optional<Object> asObjectOptional(Object value) {
    return (Optional<Object>) value;
  }

  /** A sorted set or map with its own comparator is written unsorted: it keeps its order only. */
  private static byte unsorted(byte tag, Object value) {
    if (tag == SORTED_SET && ((SortedSet<?>) value).comparator() != null) {
      return SET;
    }
    return tag == SORTED_MAP && ((SortedMap<?, ?>) value).comparator() != null ? MAP : tag;
  }

  private void writeMap(Map<?, ?> map, DataOut out) {
    out.writeVarInt(map.size());
    for (Map.Entry<?, ?> e : map.entrySet()) {
      serialize(e.getKey(), out);
      serialize(e.getValue(), out);
    }
  }

  @SuppressWarnings("unchecked")
  private void writeClass(Object value, DataOut out) {
    // constants with a body are instances of an anonymous subclass
    Class<?> c = value instanceof Enum<?> e ? e.getDeclaringClass() : value.getClass();
    if (c == Object.class) {
      throw new IllegalArgumentException("cannot serialize a plain java.lang.Object");
    }
    out.writeString(c.getName());
    ((TypeSerializer<Object>) Serializers.forClass(c)).serialize(value, out);
  }

  @Override
  public Object deserialize(DataIn in) {
    int at = in.position();
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case LONG -> in.readLong();
      case INT -> in.readInt();
      case STRING -> in.readString();
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case SHORT -> in.readShort();
      case BYTE -> in.readByte();
      case BOOLEAN -> in.readBoolean();
      case CHAR -> in.readChar();
      case BYTES -> BasicSerializers.BYTES.deserialize(in);
      case LONGS -> BasicSerializers.LONGS.deserialize(in);
      case INTS -> BasicSerializers.INTS.deserialize(in);
      case DOUBLES -> BasicSerializers.DOUBLES.deserialize(in);
      case BIG_DECIMAL -> BasicSerializers.BIG_DECIMAL.deserialize(in);
      case TUPLE2 -> readTuple2(in);
      case TUPLE3 -> readTuple3(in);
      case TUPLE4 -> readTuple4(in);
      case LIST -> list.deserialize(in);
      case MAP -> map.deserialize(in);
      case SORTED_MAP -> sortedMap.deserialize(in);
      case SET -> set.deserialize(in);
      case SORTED_SET -> sortedSet.deserialize(in);
      case OPTIONAL -> optional.deserialize(in);
      case BIG_INTEGER -> JdkSerializers.BIG_INTEGER.deserialize(in);
      case UUID -> JdkSerializers.UUID.deserialize(in);
      case INSTANT -> JdkSerializers.INSTANT.deserialize(in);
      case DURATION -> JdkSerializers.DURATION.deserialize(in);
      case LOCAL_DATE -> JdkSerializers.LOCAL_DATE.deserialize(in);
      case LOCAL_TIME -> JdkSerializers.LOCAL_TIME.deserialize(in);
      case LOCAL_DATE_TIME -> JdkSerializers.LOCAL_DATE_TIME.deserialize(in);
      case CLASS -> byName(in.readString(), at).deserialize(in);
      default -> throw new IllegalArgumentException("corrupt input: unknown type tag " + tag + " at position " + at);
    };
  }

  private Tuple2<Object, Object> readTuple2(DataIn in) {
    Object f0 = deserialize(in);
    return new Tuple2<>(f0, deserialize(in));
  }

  private Tuple3<Object, Object, Object> readTuple3(DataIn in) {
    Object f0 = deserialize(in);
    Object f1 = deserialize(in);
    return new Tuple3<>(f0, f1, deserialize(in));
  }

  private Tuple4<Object, Object, Object, Object> readTuple4(DataIn in) {
    Object f0 = deserialize(in);
    Object f1 = deserialize(in);
    Object f2 = deserialize(in);
    return new Tuple4<>(f0, f1, f2, deserialize(in));
  }

  private TypeSerializer<Object> byName(String name, int at) {
    TypeSerializer<Object> s = byName.get(name);
    return s != null ? s : byName.computeIfAbsent(name, n -> resolve(n, at));
  }

  @SuppressWarnings("unchecked")
  private TypeSerializer<Object> resolve(String name, int at) {
    Class<?> c = load(name);
    if (c == null) {
      throw new IllegalArgumentException("corrupt input or missing class: unknown class " + name
          + " at position " + at);
    }
    TypeSerializer<?> s = Serializers.forClass(c);
    if (s instanceof DynamicSerializer) {
      // writers only name concrete classes; an interface here means corrupt input
      throw new IllegalArgumentException("corrupt input: " + name + " at position " + at + " is not concrete");
    }
    return (TypeSerializer<Object>) s;
  }

  private Class<?> load(String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException e) {
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      try {
        return context == null || context == loader ? null : Class.forName(name, false, context);
      } catch (ClassNotFoundException again) {
        return null;
      }
    }
  }

  @Override
  public Class<Object> type() {
    return Object.class;
  }

  private static byte tagOf(Class<?> c) {
    if (c == Float.class) {
      return FLOAT;
    } else if (c == Short.class) {
      return SHORT;
    } else if (c == Byte.class) {
      return BYTE;
    } else if (c == Boolean.class) {
      return BOOLEAN;
    } else if (c == Character.class) {
      return CHAR;
    } else if (c == byte[].class) {
      return BYTES;
    } else if (c == long[].class) {
      return LONGS;
    } else if (c == int[].class) {
      return INTS;
    } else if (c == double[].class) {
      return DOUBLES;
    } else if (c == BigDecimal.class) {
      return BIG_DECIMAL;
    } else if (c == Tuple2.class) {
      return TUPLE2;
    } else if (c == Tuple3.class) {
      return TUPLE3;
    } else if (c == Tuple4.class) {
      return TUPLE4;
    } else if (List.class.isAssignableFrom(c)) {
      return LIST;
    } else if (Map.class.isAssignableFrom(c)) {
      return SortedMap.class.isAssignableFrom(c) ? SORTED_MAP : MAP;
    } else if (Set.class.isAssignableFrom(c)) {
      return SortedSet.class.isAssignableFrom(c) ? SORTED_SET : SET;
    } else if (c == Optional.class) {
      return OPTIONAL;
    }
    return jdkTagOf(c); // Long, Integer, String and Double never get here
  }

  private static byte jdkTagOf(Class<?> c) {
    if (c == BigInteger.class) {
      return BIG_INTEGER;
    } else if (c == java.util.UUID.class) {
      return UUID;
    } else if (c == Instant.class) {
      return INSTANT;
    } else if (c == Duration.class) {
      return DURATION;
    } else if (c == LocalDate.class) {
      return LOCAL_DATE;
    } else if (c == LocalTime.class) {
      return LOCAL_TIME;
    } else if (c == LocalDateTime.class) {
      return LOCAL_DATE_TIME;
    }
    return CLASS;
  }
}
