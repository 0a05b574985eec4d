package io.vortex.api.internal.serialization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Immutable. Writes any {@link List} as a varint size and its elements; reads an {@link ArrayList}.
 *
 * @param <E> type of the elements
 */
public final class ListSerializer<E> implements TypeSerializer<List<E>> {

  private final TypeSerializer<E> elements;

  public ListSerializer(TypeSerializer<E> elements) {
    this.elements = Objects.requireNonNull(elements, "elements");
  }

  @Override
  public void serialize(List<E> value, DataOut out) {
    out.writeVarInt(value.size());
    for (E e : value) {
      elements.serialize(e, out);
    }
  }

  @Override
  public List<E> deserialize(DataIn in) {
    int size = in.readLength(0);
    // cap the presize: a corrupt size must not allocate more than the input could hold
    List<E> list = new ArrayList<>(Math.min(size, in.remaining()));
    for (int i = 0; i < size; i++) {
      list.add(elements.deserialize(in));
    }
    return list;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<List<E>> type() {
    return (Class) List.class;
  }
}
