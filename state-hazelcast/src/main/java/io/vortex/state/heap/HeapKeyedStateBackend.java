package io.vortex.state.heap;

import io.vortex.api.state.KeyedStateBackend;
import io.vortex.api.state.State;
import io.vortex.api.state.StateDescriptor;
import io.vortex.state.KeyGroupRange;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state on the heap: per state, one hash map per key group (so it can later be
 * snapshotted and restored by key group), holding values by key, or by (key, namespace) for
 * window-scoped state.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class HeapKeyedStateBackend implements KeyedStateBackend {
  private final KeyGroupRange range;
  private final Map<String, HeapState> states = new HashMap<>();
  private Object currentKey;
  private int currentKeyGroup = -1;
  private Object namespace = VOID_NAMESPACE;

  public HeapKeyedStateBackend(KeyGroupRange range) {
    this.range = range;
  }

  @Override
  public void setCurrentKey(Object key, int keyGroup) {
    if (!range.contains(keyGroup)) {
      throw new IllegalStateException(
          "key " + key + " is in key group " + keyGroup + ", outside this subtask's range " + range
              + " (does the key's hashCode differ between JVMs or calls?)");
    }
    currentKey = key;
    currentKeyGroup = keyGroup;
  }

  @Override
  public Object currentKey() {
    return currentKey;
  }

  @Override
  public void setCurrentNamespace(Object namespace) {
    this.namespace = namespace;
  }

  @Override
  public long size(String stateName) {
    HeapState state = states.get(stateName);
    return state == null ? 0 : state.size();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <S extends State> S getState(StateDescriptor<S> descriptor) {
    HeapState existing = states.get(descriptor.name());
    if (existing != null) {
      if (!existing.descriptor.getClass().equals(descriptor.getClass())) {
        throw new IllegalArgumentException(
            "state '" + descriptor.name() + "' already exists as another kind of state");
      }
      return (S) existing;
    }
    HeapState state = create(descriptor);
    states.put(descriptor.name(), state);
    return (S) state;
  }

  private HeapState create(StateDescriptor<?> descriptor) {
    if (descriptor instanceof StateDescriptor.Value<?>) {
      return new HeapValueState<>(this, descriptor);
    } else if (descriptor instanceof StateDescriptor.ListOf<?>) {
      return new HeapListState<>(this, descriptor);
    } else if (descriptor instanceof StateDescriptor.MapOf<?, ?>) {
      return new HeapMapState<>(this, descriptor);
    } else if (descriptor instanceof StateDescriptor.Reducing<?> r) {
      return new HeapReducingState<>(this, r);
    } else if (descriptor instanceof StateDescriptor.Aggregating<?, ?, ?> a) {
      return new HeapAggregatingState<>(this, a);
    }
    throw new IllegalArgumentException("unknown state descriptor " + descriptor);
  }

  /** The table of the current key group. */
  StateTable table(HeapState state) {
    if (currentKey == null) {
      throw new IllegalStateException(
          "keyed state '" + state.descriptor.name() + "' used without a current key (keyBy first)");
    }
    return state.table(currentKeyGroup - range.start());
  }

  /** The map key of the current key and namespace. */
  Object slotKey() {
    return namespace == VOID_NAMESPACE ? currentKey : new NamespacedKey(currentKey, namespace);
  }

  /** A key within a namespace (e.g. a window). */
  record NamespacedKey(Object key, Object namespace) {}

  /** The base of the heap state kinds: one map per key group of the range. */
  abstract static class HeapState implements State {
    final HeapKeyedStateBackend backend;
    final StateDescriptor<?> descriptor;
    private final StateTable[] tables;

    HeapState(HeapKeyedStateBackend backend, StateDescriptor<?> descriptor) {
      this.backend = backend;
      this.descriptor = descriptor;
      this.tables = new StateTable[backend.range.size()];
    }

    StateTable table(int index) {
      StateTable table = tables[index];
      if (table == null) {
        table = new StateTable();
        tables[index] = table;
      }
      return table;
    }

    Object get() {
      return backend.table(this).get(backend.slotKey());
    }

    void put(Object value) {
      if (value == null) {
        clear();
      } else {
        backend.table(this).put(backend.slotKey(), value);
      }
    }

    @Override
    public void clear() {
      backend.table(this).remove(backend.slotKey());
    }

    long size() {
      long n = 0;
      for (StateTable t : tables) {
        n += t == null ? 0 : t.size();
      }
      return n;
    }
  }
}
