package io.vortex.taskmanager.network.tcp;

import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.api.internal.serialization.Serializers;
import io.vortex.api.internal.serialization.TypeSerializer;
import io.vortex.taskmanager.network.RecordBatch;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializes record batches for one channel without a class name per value: a batch whose
 * values all share one class names it once in its header and writes every value with that
 * class's binary serializer ({@link Serializers#forClass}: primitives, strings, records, tuples,
 * Jackson Smile as the fallback); a mixed batch (or one with nulls) writes each value with the
 * {@link Serializers#dynamic() dynamic} serializer's type tags. Timestamps travel as zig-zag
 * deltas. Body: {@code [int count][byte mode][class name if typed]} then per record {@code
 * [delta][value]}.
 *
 * <p>Threading: confined to one channel end (its task's thread); serializers are thread-safe.
 */
public final class BatchCodec {
  private static final byte TYPED = 1;
  private static final byte DYNAMIC = 2;

  private final ClassLoader loader;
  private final Map<String, TypeSerializer<Object>> byName = new HashMap<>();
  private Class<?> lastClass;
  private TypeSerializer<Object> lastSerializer;

  public BatchCodec(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Appends records {@code [from, to)} of {@code batch}, as one frame body, until {@code
   * softLimit} bytes are written (at least one record); returns the index after the last record written.
   */
  public int write(RecordBatch batch, int from, int to, DataOut out, int softLimit) {
    int start = out.position();
    int countAt = out.skip(4);
    Class<?> type = commonClass(batch, from, to);
    TypeSerializer<Object> serializer;
    if (type == null) {
      out.writeByte(DYNAMIC);
      serializer = Serializers.dynamic();
    } else {
      out.writeByte(TYPED);
      out.writeString(type.getName());
      serializer = serializerFor(type);
    }
    long previous = 0;
    int i = from;
    while (i < to && (i == from || out.position() - start < softLimit)) {
      long ts = batch.timestamp(i);
      out.writeSignedVarLong(ts - previous);
      previous = ts;
      serializer.serialize(batch.value(i), out);
      i++;
    }
    out.setInt(countAt, i - from);
    return i;
  }

  /**
   * Reads a batch written by {@link #write}.
   *
   * @throws IllegalArgumentException when the bytes are not such a batch
   */
  public RecordBatch read(DataIn in) {
    int count = in.readInt();
    if (count < 1 || count > in.remaining()) {
      throw new IllegalArgumentException("bad record count " + count + " with " + in.remaining() + " bytes left");
    }
    byte mode = in.readByte();
    TypeSerializer<Object> serializer =
        switch (mode) {
          case TYPED -> serializerFor(in.readString());
          case DYNAMIC -> Serializers.dynamic();
          default -> throw new IllegalArgumentException("unknown batch mode " + mode);
        };
    RecordBatch batch = new RecordBatch(count);
    long ts = 0;
    for (int i = 0; i < count; i++) {
      ts += in.readSignedVarLong();
      batch.add(serializer.deserialize(in), ts);
    }
    if (in.hasRemaining()) {
      throw new IllegalArgumentException(in.remaining() + " bytes after " + count + " records");
    }
    return batch;
  }

  private static Class<?> commonClass(RecordBatch batch, int from, int to) {
    Object first = batch.value(from);
    if (first == null) {
      return null;
    }
    Class<?> type = first.getClass();
    for (int i = from + 1; i < to; i++) {
      Object v = batch.value(i);
      if (v == null || v.getClass() != type) {
        return null;
      }
    }
    return type;
  }

  @SuppressWarnings("unchecked")
  private TypeSerializer<Object> serializerFor(Class<?> type) {
    if (type != lastClass) {
      lastSerializer = (TypeSerializer<Object>) Serializers.forClass(type);
      lastClass = type;
    }
    return lastSerializer;
  }

  private TypeSerializer<Object> serializerFor(String className) {
    TypeSerializer<Object> serializer = byName.get(className);
    if (serializer == null) {
      try {
        serializer = serializerFor(Class.forName(className, false, loader));
      } catch (ClassNotFoundException e) {
        throw new IllegalArgumentException("record class " + className + " not found", e);
      }
      byName.put(className, serializer);
    }
    return serializer;
  }
}
