package io.vortex.api.internal.serialization;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Immutable (static helpers). Serializes, deserializes and checks that every byte was read. */
final class RoundTrip {

  private RoundTrip() {
  }

  static <T> T roundTrip(TypeSerializer<T> serializer, T value) {
    DataOut out = new DataOut(4); // tiny, so growth is exercised too
    serializer.serialize(value, out);
    DataIn in = new DataIn(out.toByteArray());
    T copy = serializer.deserialize(in);
    assertEquals(0, in.remaining(), "unread bytes after " + value);
    return copy;
  }

  @SuppressWarnings("unchecked")
  static <T> T viaClass(T value) {
    return roundTrip((TypeSerializer<T>) Serializers.forClass(value.getClass()), value);
  }
}
