package io.vortex.api.internal.serialization;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable. Writes any {@link Map} as a varint size and its key/value pairs; reads a {@link HashMap}.
 *
 * @param <K> type of the keys
 * @param <V> type of the values
 */
public final class MapSerializer<K, V> implements TypeSerializer<Map<K, V>> {

  private final TypeSerializer<K> keys;
  private final TypeSerializer<V> values;

  public MapSerializer(TypeSerializer<K> keys, TypeSerializer<V> values) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.values = Objects.requireNonNull(values, "values");
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
    int expected = Math.min(size, in.remaining());
    Map<K, V> map = new HashMap<>((int) (expected / 0.75f) + 1);
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
