package io.vortex.api.internal.serialization;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * Immutable. Writes any {@link Map} as a varint size and its key/value pairs, in iteration order;
 * reads a {@link LinkedHashMap} (so the order is kept), or the map a given factory makes from the
 * expected size (e.g. a {@code TreeMap}).
 *
 * @param <K> type of the keys
 * @param <V> type of the values
 */
public final class MapSerializer<K, V> implements TypeSerializer<Map<K, V>> {

  private final TypeSerializer<K> keys;
  private final TypeSerializer<V> values;
  private final IntFunction<? extends Map<K, V>> factory;

  public MapSerializer(TypeSerializer<K> keys, TypeSerializer<V> values) {
    this(keys, values, expected -> new LinkedHashMap<>((int) (expected / 0.75f) + 1));
  }

  public MapSerializer(TypeSerializer<K> keys, TypeSerializer<V> values, IntFunction<? extends Map<K, V>> factory) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.values = Objects.requireNonNull(values, "values");
    this.factory = Objects.requireNonNull(factory, "factory");
  }

  @Override
  public void serialize(Map<K, V> value, DataOut out) {
    out.writeVarInt(value.size());
    for (Map.Entry<K, V> e : value.entrySet()) {
      keys.serialize(e.getKey(), out);
      values.serialize(e.getValue(), out);
    }
  }

  @Override
  public Map<K, V> deserialize(DataIn in) {
    int size = in.readLength(0);
    Map<K, V> map = factory.apply(Math.min(size, in.remaining()));
    for (int i = 0; i < size; i++) {
      K key = keys.deserialize(in);
      map.put(key, values.deserialize(in));
    }
    return map;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Class<Map<K, V>> type() {
    return (Class) Map.class;
  }
}
