package io.vortex.api.internal.serialization;

import java.util.Collection;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Immutable. Writes any {@link Collection} as a varint size and its elements, in iteration order;
 * reads the collection {@code factory} makes (given the size), e.g. a {@code LinkedHashSet}, so
 * a set keeps its order and a {@code TreeSet} its sorting.
 *
 * @param <C> type of the collection read back
 * @param <E> type of the elements
 */
public final class CollectionSerializer<C extends Collection<E>, E> implements TypeSerializer<C> {

  private final Class<C> type;
  private final TypeSerializer<E> elements;
  private final IntFunction<C> factory;

  @SuppressWarnings({"unchecked", "rawtypes"})
  public CollectionSerializer(Class<?> type, TypeSerializer<E> elements, IntFunction<C> factory) {
    this.type = (Class) Objects.requireNonNull(type, "type");
    this.elements = Objects.requireNonNull(elements, "elements");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public void serialize(C value, DataOut out) {
    out.writeVarInt(value.size());
    for (E e : value) {
      elements.serialize(e, out);
    }
  }

  @Override
  public C deserialize(DataIn in) {
    int size = in.readLength(0);
    // cap the presize: a corrupt size must not allocate more than the input could hold
    C collection = factory.apply(Math.min(size, in.remaining()));
    for (int i = 0; i < size; i++) {
      collection.add(elements.deserialize(in));
    }
    return collection;
  }

  @Override
  public Class<C> type() {
    return type;
  }
}
