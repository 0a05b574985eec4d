package io.vortex.state.heap;

import io.vortex.api.state.KeyedStateBackend;
import io.vortex.api.state.State;
import io.vortex.api.state.StateDescriptor;
import io.vortex.state.KeyGroupRange;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyed state on the heap. Per state: for the void namespace one hash table per key group (so
 * it can later be snapshotted and restored by key group), holding values by key; for every
 * other namespace (a window) one table of its own, holding values by key with each key's key
 * group. A window's state is therefore found with the key alone, its keys can be walked ({@link
 * #keys}) and it is dropped in one step ({@link #clearNamespace}); a namespace whose last entry
 * goes is removed.
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
  public KeyCursor keys(String stateName, Object namespace) {
    if (namespace == VOID_NAMESPACE) {
      throw new IllegalArgumentException("keys(..) walks a window namespace, not the void one");
    }
    HeapState state = states.get(stateName);
    StateTable table = state == null ? null : state.namespaceTable(namespace, false);
    return table == null ? () -> false : new TableCursor(table, namespace);
  }

  @Override
  public void clearNamespace(String stateName, Object namespace) {
    HeapState state = states.get(stateName);
    if (state != null) {
      state.dropNamespace(namespace);
    }
  }

  /** Walks one namespace's table slot by slot. Threading: as the backend. */
  private final class TableCursor implements KeyCursor {
    private final StateTable table;
    private final Object cursorNamespace;
    private int next;

    TableCursor(StateTable table, Object namespace) {
      this.table = table;
      this.cursorNamespace = namespace;
    }

    @Override
    public boolean advance() {
      int slot = next < 0 ? -1 : table.nextOccupied(next);
      if (slot < 0) {
        next = -1;
        return false;
      }
      next = slot + 1;
      setCurrentKey(table.keyAt(slot), table.keyGroupAt(slot));
      namespace = cursorNamespace;
      return true;
    }
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

  /** The key group of the current key, checked to be set. */
  int currentKeyGroup(HeapState state) {
    if (currentKey == null) {
      throw new IllegalStateException(
          "keyed state '" + state.descriptor.name() + "' used without a current key (keyBy first)");
    }
    return currentKeyGroup;
  }

  /**
   * The base of the heap state kinds: one table per key group of the range for the void
   * namespace, one per other namespace.
   */
  abstract static class HeapState implements State {
    private static final int NAMESPACE_INITIAL_CAPACITY = 4;

    final HeapKeyedStateBackend backend;
    final StateDescriptor<?> descriptor;
    private final StateTable[] tables;
    private final Map<Object, StateTable> namespaces = new HashMap<>();
    // The last namespace looked up and its table (null: none): records mostly hit one window.
    private Object lastNamespace;
    private StateTable lastNamespaceTable;

    HeapState(HeapKeyedStateBackend backend, StateDescriptor<?> descriptor) {
      this.backend = backend;
      this.descriptor = descriptor;
      this.tables = new StateTable[backend.range.size()];
    }

    /** The table of the current key and namespace; null if absent and not {@code create}. */
    private StateTable table(boolean create) {
      int keyGroup = backend.currentKeyGroup(this);
      Object namespace = backend.namespace;
      if (namespace == VOID_NAMESPACE) {
        int index = keyGroup - backend.range.start();
        StateTable table = tables[index];
        if (table == null && create) {
          table = new StateTable();
          tables[index] = table;
        }
        return table;
      }
      return namespaceTable(namespace, create);
    }

    StateTable namespaceTable(Object namespace, boolean create) {
      if (namespace == lastNamespace) {
        return lastNamespaceTable;
      }
      StateTable table = namespaces.get(namespace);
      if (table == null) {
        if (!create) {
          return null;
        }
        table = new StateTable(NAMESPACE_INITIAL_CAPACITY, true);
        namespaces.put(namespace, table);
      }
      lastNamespace = namespace;
      lastNamespaceTable = table;
      return table;
    }

    void dropNamespace(Object namespace) {
      namespaces.remove(namespace);
      if (lastNamespace != null && lastNamespace.equals(namespace)) {
        lastNamespace = null;
        lastNamespaceTable = null;
      }
    }

    Object get() {
      StateTable table = table(false);
      return table == null ? null : table.get(backend.currentKey);
    }

    void put(Object value) {
      if (value == null) {
        clear();
      } else {
        table(true).put(backend.currentKey, backend.currentKeyGroup, value);
      }
    }

    @Override
    public void clear() {
      StateTable table = table(false);
      if (table == null) {
        return;
      }
      table.remove(backend.currentKey);
      if (table.size() == 0 && backend.namespace != VOID_NAMESPACE) {
        dropNamespace(backend.namespace);
      }
    }

    long size() {
      long n = 0;
      for (StateTable t : tables) {
        n += t == null ? 0 : t.size();
      }
      for (StateTable t : namespaces.values()) {
        n += t.size();
      }
      return n;
    }
  }
}
