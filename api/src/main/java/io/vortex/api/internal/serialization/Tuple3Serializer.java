package io.vortex.api.internal.serialization;

import io.vortex.api.tuple.Tuple3;
import java.util.Objects;

/**
 * Immutable. Serializes a {@link Tuple3} field by field (see {@link Tuple2Serializer}).
 *
 * @param <T0> type of field 0
 * @param <T1> type of field 1
 * @param <T2> type of field 2
 */
public final class Tuple3Serializer<T0, T1, T2> implements TypeSerializer<Tuple3<T0, T1, T2>> {

  private final TypeSerializer<T0> s0;
  private final TypeSerializer<T1> s1;
  private final TypeSerializer<T2> s2;

  public Tuple3Serializer(TypeSerializer<T0> s0, TypeSerializer<T1> s1, TypeSerializer<T2> s2) {
    this.s0 = Objects.requireNonNull(s0, "s0");
    this.s1 = Objects.requireNonNull(s1, "s1");
    this.s2 = Objects.requireNonNull(s2, "s2");
  }

  @Override
  public void serialize(Tuple3<T0, T1, T2> value, DataOut out) {
    s0.serialize(value.f0(), out);
    s1.serialize(value.f1(), out);
    s2.serialize(value.f2(), out);
  }

  @Override
  public Tuple3<T0, T1, T2> deserialize(DataIn in) {
    T0 f0 = s0.deserialize(in);
    T1 f1 = s1.deserialize(in);
    return new Tuple3<>(f0, f1, s2.deserialize(in));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Tuple3<T0, T1, T2>> type() {
    return (Class) Tuple3.class;
  }
}
