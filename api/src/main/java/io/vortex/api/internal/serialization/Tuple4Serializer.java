package io.vortex.api.internal.serialization;

import io.vortex.api.tuple.Tuple4;
import java.util.Objects;

/**
 * Immutable. Serializes a {@link Tuple4} field by field (see {@link Tuple2Serializer}).
 *
 * @param <T0> type of field 0
 * @param <T1> type of field 1
 * @param <T2> type of field 2
 * @param <T3> type of field 3
 */
public final class Tuple4Serializer<T0, T1, T2, T3> implements TypeSerializer<Tuple4<T0, T1, T2, T3>> {

  private final TypeSerializer<T0> s0;
  private final TypeSerializer<T1> s1;
  private final TypeSerializer<T2> s2;
  private final TypeSerializer<T3> s3;

  public Tuple4Serializer(TypeSerializer<T0> s0, TypeSerializer<T1> s1, TypeSerializer<T2> s2,
      TypeSerializer<T3> s3) {
    this.s0 = Objects.requireNonNull(s0, "s0");
    this.s1 = Objects.requireNonNull(s1, "s1");
    this.s2 = Objects.requireNonNull(s2, "s2");
    this.s3 = Objects.requireNonNull(s3, "s3");
  }

  @Override
  public void serialize(Tuple4<T0, T1, T2, T3> value, DataOut out) {
    s0.serialize(value.f0(), out);
    s1.serialize(value.f1(), out);
    s2.serialize(value.f2(), out);
    s3.serialize(value.f3(), out);
  }

  @Override
  public Tuple4<T0, T1, T2, T3> deserialize(DataIn in) {
    T0 f0 = s0.deserialize(in);
    T1 f1 = s1.deserialize(in);
    T2 f2 = s2.deserialize(in);
    return new Tuple4<>(f0, f1, f2, s3.deserialize(in));
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Tuple4<T0, T1, T2, T3>> type() {
    return (Class) Tuple4.class;
  }
}
