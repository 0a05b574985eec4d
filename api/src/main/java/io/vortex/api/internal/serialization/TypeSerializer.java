package io.vortex.api.internal.serialization;

/**
 * Writes values of one type to a {@link DataOut} and reads them back from a {@link DataIn}.
 *
 * <p>Implementations are immutable and thread-safe: one instance is shared by every task that
 * moves values of its type. The format carries no framing: a reader must know which serializer
 * wrote the bytes. Unless a serializer says otherwise, {@code null} values are not allowed; wrap it
 * with {@link Serializers#nullable} or use the {@link DynamicSerializer}.
 *
 * @param <T> type of the values
 */
public interface TypeSerializer<T> {

  /** Appends {@code value} to {@code out}. */
  void serialize(T value, DataOut out);

  /**
   * Reads one value written by {@link #serialize}.
   *
   * @throws IllegalArgumentException if the input is truncated or corrupt
   */
  T deserialize(DataIn in);

  /** The class of the values; for generic types, the raw class. */
  Class<T> type();
}
