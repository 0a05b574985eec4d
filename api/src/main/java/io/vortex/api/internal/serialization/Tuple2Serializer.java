package io.vortex.api.internal.serialization;

import io.vortex.api.tuple.Tuple2;
import java.util.Objects;

/**
 * Immutable. Serializes a {@link Tuple2} field by field. {@link Serializers#forClass} gives one with
 * {@link DynamicSerializer} fields; pass typed field serializers when the field types are known.
 *
 * @param <T0> type of field 0
 * @param <T1> type of field 1
 */
public final class Tuple2Serializer<T0, T1> implements TypeSerializer<Tuple2<T0, T1>> {

  private final TypeSerializer<T0> s0;
  private final TypeSerializer<T1> s1;

  public Tuple2Serializer(TypeSerializer<T0> s0, TypeSerializer<T1> s1) {
    this.s0 = Objects.requireNonNull(s0, "s0");
    this.s1 = Objects.requireNonNull(s1, "s1");
  }

  @Override
  public void serialize(Tuple2<T0, T1> value, DataOut out) {
    s0.serialize(value.f0(), out);
    s1.serialize(value.f1(), out);
  }

  @Override
  public Tuple2<T0, T1> deserialize(DataIn in) {
    T0 f0 = s0.deserialize(in);
    return new Tuple2<>(f0, s1.deserialize(in));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Tuple2<T0, T1>> type() {
    return (Class) Tuple2.class;
  }
}
