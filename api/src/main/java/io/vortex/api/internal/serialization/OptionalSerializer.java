package io.vortex.api.internal.serialization;

import java.util.Objects;
import java.util.Optional;

/**
 * Immutable. Writes an {@link Optional} as a presence byte and, when present, its value.
 *
 * @param <T> type of the value
 */
public final class OptionalSerializer<T> implements TypeSerializer<Optional<T>> {

  private final TypeSerializer<T> value;

  public OptionalSerializer(TypeSerializer<T> value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  @Override
  public void serialize(Optional<T> optional, DataOut out) {
    out.writeBoolean(optional.isPresent());
    if (optional.isPresent()) {
      value.serialize(optional.get(), out);
    }
  }

  @Override
  public Optional<T> deserialize(DataIn in) {
    if (!in.readBoolean()) {
      return Optional.empty();
    }
    int at = in.position();
    T v = value.deserialize(in);
    if (v == null) {
      throw new IllegalArgumentException("corrupt input: null in a present Optional at position " + at);
    }
    return Optional.of(v);
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Optional<T>> type() {
    return (Class) Optional.class;
  }
}
