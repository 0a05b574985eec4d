package io.vortex.api.internal.serialization;

import java.util.Objects;

/**
 * Immutable. Lets another serializer's values be null, at the cost of one presence byte.
 *
 * @param <T> type of the values
 */
public final class NullableSerializer<T> implements TypeSerializer<T> {

  private final TypeSerializer<T> inner;

  public NullableSerializer(TypeSerializer<T> inner) {
    this.inner = Objects.requireNonNull(inner, "inner");
  }

  @Override
  public void serialize(T value, DataOut out) {
    if (value == null) {
      out.writeBoolean(false);
    } else {
      out.writeBoolean(true);
      inner.serialize(value, out);
    }
  }

  @Override
  public T deserialize(DataIn in) {
    return in.readBoolean() ? inner.deserialize(in) : null;
  }

  @Override
  public Class<T> type() {
    return inner.type();
  }
}
