package io.vortex.api.source;

import io.vortex.api.internal.serialization.DataIn;
import io.vortex.api.internal.serialization.DataOut;
import io.vortex.api.internal.serialization.DynamicSerializer;
import io.vortex.api.internal.serialization.Serializers;
import io.vortex.api.internal.serialization.TypeSerializer;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A bounded source over a list of elements, which travel inside the job graph. They are written
 * with Vortex's binary serializers, so tuples, records, enums, collections and the usual JDK
 * value types need not be {@link Serializable}; an element those cannot write is shipped with
 * Java serialization if it is Serializable, and refused with its index otherwise. Split across
 * instances like {@link GeneratorSource}; at parallelism 1 the elements come in list order.
 * Readers get copies of the elements.
 */
public final class CollectionSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;
  private final int size;
  /** The elements in binary form, or null when {@link #serializable} holds them. */
  private final byte[] encoded;
  private final ArrayList<T> serializable;

  public CollectionSource(List<T> elements) {
    Objects.requireNonNull(elements, "elements");
    for (T e : elements) {
      Objects.requireNonNull(e, "a source element must not be null");
    }
    this.size = elements.size();
    byte[] bytes = null;
    ArrayList<T> copy = null;
    try {
      bytes = encode(elements);
      decode(bytes, size, Serializers.dynamic()); // fail here, naming the element, rather than in every reader
    } catch (RuntimeException e) {
      if (!elements.stream().allMatch(Serializable.class::isInstance)) {
        throw new IllegalArgumentException("cannot ship the elements of a collection source: " + e.getMessage(), e);
      }
      bytes = null;
      copy = new ArrayList<>(elements);
    }
    this.encoded = bytes;
    this.serializable = copy;
  }

  private static byte[] encode(List<?> elements) {
    TypeSerializer<Object> serializer = Serializers.dynamic();
    DataOut out = new DataOut();
    for (int i = 0; i < elements.size(); i++) {
      Object e = elements.get(i);
      try {
        serializer.serialize(e, out);
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException("element " + i + " (" + e.getClass().getName() + "): " + ex.getMessage(), ex);
      }
    }
    return out.toByteArray();
  }

  @SuppressWarnings("unchecked")
  private static <T> ArrayList<T> decode(byte[] bytes, int size, TypeSerializer<Object> serializer) {
    DataIn in = new DataIn(bytes);
    ArrayList<T> elements = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      try {
        elements.add((T) serializer.deserialize(in));
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException("element " + i + " cannot be read back: " + ex.getMessage(), ex);
      }
    }
    return elements;
  }

  @Override
  public boolean isBounded() {
    return true;
  }

  @Override
  public List<SourceSplit> createSplits(int parallelism) {
    return GeneratorSource.of(size, i -> null).createSplits(parallelism);
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    // the elements' classes may come from the job's jar, which only the task's loader sees
    // (no context: a reader made outside a task, as tests do, sees the thread's classes)
    TypeSerializer<Object> serializer = context == null ? Serializers.dynamic() : new DynamicSerializer(context.classLoader());
    ArrayList<T> list = encoded != null ? decode(encoded, size, serializer) : serializable;
    return new GeneratorReader<>((i, t) -> list.get((int) i), list.size(), 0);
  }
}
