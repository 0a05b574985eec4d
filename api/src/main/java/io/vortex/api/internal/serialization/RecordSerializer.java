package io.vortex.api.internal.serialization;

import static java.lang.invoke.MethodType.methodType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Immutable. Serializes a Java record component by component, in declaration order.
 *
 * <p>All reflection happens once, in the constructor: it composes one method handle that writes
 * every component and one that reads every component and calls the canonical constructor, and
 * runs them through a {@link RecordCodec} of the record type's own, where they are constants.
 * Primitive components go straight to {@link DataOut#writeLong} and friends, without boxing;
 * reference components use the serializer of their declared type, made nullable, or the
 * {@link DynamicSerializer} when that type is generic, abstract or an interface. A concrete
 * declared type is trusted: a subclass instance in such a component is written as its declared
 * type, as Flink's POJO serializer does without registration.
 *
 * @param <T> the record type
 */
public final class RecordSerializer<T extends Record> implements TypeSerializer<T> {

  private static final MethodHandle SERIALIZE;
  private static final MethodHandle DESERIALIZE;
  private static final Map<Class<?>, String> PRIMITIVE_SUFFIX = Map.of(
      long.class, "Long", int.class, "Int", double.class, "Double", float.class, "Float",
      short.class, "Short", byte.class, "Byte", boolean.class, "Boolean", char.class, "Char");

  static {
    try {
      MethodHandles.Lookup lookup = MethodHandles.lookup();
      SERIALIZE = lookup.findVirtual(TypeSerializer.class, "serialize",
          methodType(void.class, Object.class, DataOut.class));
      DESERIALIZE = lookup.findVirtual(TypeSerializer.class, "deserialize",
          methodType(Object.class, DataIn.class));
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final Class<T> type;
  private final RecordCodec codec;

  /**
   * @param type the record class
   * @param componentSerializers the serializer for a reference component's declared type
   */
  RecordSerializer(Class<T> type, Function<Class<?>, TypeSerializer<?>> componentSerializers) {
    this.type = Objects.requireNonNull(type, "type");
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    RecordComponent[] components = type.getRecordComponents();
    TypeSerializer<?>[] serializers = new TypeSerializer<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> c = components[i].getType();
      serializers[i] = c.isPrimitive() ? null : componentSerializers.apply(c);
    }
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      this.codec = RecordCodecs.spin(composeWriter(lookup, components, serializers),
          composeReader(lookup, type, components, serializers));
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException("cannot access record " + type.getName()
          + " (open its package to io.vortex.api?): " + e.getMessage(), e);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot serialize record " + type.getName() + ": " + e, e);
    }
  }

  @Override
  public void serialize(T value, DataOut out) {
    Objects.requireNonNull(value, "value");
    codec.write(out, value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T deserialize(DataIn in) {
    return (T) codec.read(in);
  }

  @Override
  public Class<T> type() {
    return type;
  }

  /** (DataOut, Object) void: writes component 0, then 1, ... */
  private static MethodHandle composeWriter(MethodHandles.Lookup lookup, RecordComponent[] components,
      TypeSerializer<?>[] serializers) throws ReflectiveOperationException {
    MethodHandle all = MethodHandles.empty(methodType(void.class, DataOut.class, Object.class));
    for (int i = components.length - 1; i >= 0; i--) {
      Class<?> c = components[i].getType();
      MethodHandle getter = lookup.unreflect(components[i].getAccessor()).asType(methodType(c, Object.class));
      MethodHandle step = MethodHandles.filterArguments(writerFor(c, serializers[i]), 1, getter);
      // foldArguments runs the (void) step first, then the rest
      all = i == components.length - 1 ? step : MethodHandles.foldArguments(all, step);
    }
    return all;
  }

  /** (DataIn) Object: reads component 0, then 1, ..., then calls the canonical constructor. */
  private static MethodHandle composeReader(MethodHandles.Lookup lookup, Class<?> type,
      RecordComponent[] components, TypeSerializer<?>[] serializers) throws ReflectiveOperationException {
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
    MethodHandle ctor = lookup.findConstructor(type, methodType(void.class, types));
    // (c0 .. cn-1, DataIn) Object; each fold below reads one more component from the DataIn
    MethodHandle all = MethodHandles.dropArguments(ctor.asType(ctor.type().changeReturnType(Object.class)),
        types.length, DataIn.class);
    for (int k = types.length - 1; k >= 0; k--) {
      all = MethodHandles.foldArguments(all, k, readerFor(types[k], serializers[k]));
    }
    return all;
  }

  /** (DataOut, c) void. */
  private static MethodHandle writerFor(Class<?> c, TypeSerializer<?> serializer) throws ReflectiveOperationException {
    if (c.isPrimitive()) {
      Class<?> arg = c == long.class || c == double.class || c == float.class || c == boolean.class ? c : int.class;
      MethodHandle write = MethodHandles.publicLookup().findVirtual(DataOut.class,
          "write" + PRIMITIVE_SUFFIX.get(c), methodType(void.class, arg));
      return write.asType(methodType(void.class, DataOut.class, c));
    }
    MethodHandle bound = SERIALIZE.bindTo(serializer); // (Object, DataOut) void
    MethodHandle swapped = MethodHandles.permuteArguments(bound,
        methodType(void.class, DataOut.class, Object.class), 1, 0);
    return swapped.asType(methodType(void.class, DataOut.class, c));
  }

  /** (DataIn) c. */
  private static MethodHandle readerFor(Class<?> c, TypeSerializer<?> serializer) throws ReflectiveOperationException {
    if (c.isPrimitive()) {
      return MethodHandles.publicLookup().findVirtual(DataIn.class, "read" + PRIMITIVE_SUFFIX.get(c),
          methodType(c));
    }
    return DESERIALIZE.bindTo(serializer).asType(methodType(c, DataIn.class));
  }
}
