package io.vortex.taskmanager.network.tcp;

import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.api.internal.serialization.Serializers;
import io.vortex.api.internal.serialization.TypeSerializer;
import io.vortex.taskmanager.network.RecordBatch;
import java.util.HashMap;
import java.util.Map;

/**
 * Serializes record batches for one channel without a class name per value. On an edge whose
 * record type the job graph knows ({@code JobEdge.recordType}), a batch of values of exactly that
 * class names no class at all ({@code EDGE} mode): both ends use that class's binary serializer
 * ({@link Serializers#forClass}: primitives, strings, records, tuples, Jackson Smile as the
 * fallback). Otherwise a batch whose values all share one class names it once in its header
 * ({@code TYPED}), and a mixed batch, or one with nulls, writes each value with the {@link
 * Serializers#dynamic() dynamic} serializer's type tags ({@code DYNAMIC}): so on a typed edge
 * subclasses of its type and nulls still travel (nulls are allowed as inside one TaskManager,
 * where records pass as objects), but a value that is not an instance of the edge's type fails
 * the producer with a {@link RecordTypeException} instead of reaching the consumer as something
 * else. Timestamps travel as zig-zag deltas. Body: {@code [int count][byte mode][class name if
 * TYPED]} then per record {@code [delta][value]}.
 *
 * <p>Threading: confined to one channel end (its task's thread); serializers are thread-safe.
 */
public final class BatchCodec {
  private static final byte TYPED = 1;
  private static final byte DYNAMIC = 2;
  private static final byte EDGE = 3;

  private final ClassLoader loader;
  /** The edge's record class name, or null when the edge is untyped. */
  private final String edgeType;
  /** The operator that produces the edge's records, for messages. */
  private final String producer;
  private Class<?> edgeClass;
  private TypeSerializer<Object> edgeSerializer;
  private final Map<String, TypeSerializer<Object>> byName = new HashMap<>();
  private Class<?> lastClass;
  private TypeSerializer<Object> lastSerializer;

  /** A codec for an untyped edge: batches name their class. */
  public BatchCodec(ClassLoader loader) {
    this(loader, null, null);
  }

  /**
   * A codec for an edge carrying records of class {@code edgeType} (null: untyped), produced by
   * the operator {@code producer}; {@code loader} resolves the job's record classes.
   */
  public BatchCodec(ClassLoader loader, String edgeType, String producer) {
    this.loader = loader;
    this.edgeType = edgeType;
    this.producer = producer;
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
    if (edgeType != null && type == edgeClass()) {
      out.writeByte(EDGE);
      serializer = edgeSerializer;
    } else {
      if (edgeType != null) {
        checkInstances(batch, from, to); // subclasses of the edge's type and nulls: named below
      }
      serializer = writeHeader(type, out);
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
          case EDGE -> edgeSerializer();
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

  /** A TYPED header naming {@code type}, or DYNAMIC for mixed classes or nulls (null type). */
  private TypeSerializer<Object> writeHeader(Class<?> type, DataOut out) {
    if (type == null) {
      out.writeByte(DYNAMIC);
      return Serializers.dynamic();
    }
    out.writeByte(TYPED);
    out.writeString(type.getName());
    return serializerFor(type);
  }

  /** Throws unless every value is null or an instance of the edge's type. */
  private void checkInstances(RecordBatch batch, int from, int to) {
    Class<?> expected = edgeClass();
    for (int i = from; i < to; i++) {
      Object v = batch.value(i);
      if (v != null && !expected.isInstance(v)) {
        throw new RecordTypeException(producer, expected, v.getClass());
      }
    }
  }

  /** The edge's record class, loaded on first use (so a missing class fails the task using it). */
  private Class<?> edgeClass() {
    if (edgeClass == null) {
      try {
        edgeClass = Class.forName(edgeType, false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalArgumentException("record class " + edgeType + " of the edge from '" + producer
            + "' not found in the job's classes", e);
      }
      edgeSerializer = serializerFor(edgeClass);
    }
    return edgeClass;
  }

  private TypeSerializer<Object> edgeSerializer() {
    if (edgeType == null) {
      throw new IllegalArgumentException("a batch in its edge's record type on an edge without one");
    }
    edgeClass();
    return edgeSerializer;
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
