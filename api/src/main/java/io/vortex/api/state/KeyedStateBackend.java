package io.vortex.api.state;

/**
 * The SPI a state backend implements: holds the keyed state of one operator instance for the
 * key groups it owns. Operators set the current key (and namespace, e.g. the window) before
 * touching state; every state handle then reads and writes that key's slot.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public interface KeyedStateBackend extends KeyedStateStore {
  /** Namespace of state that is not scoped to a window. */
  Object VOID_NAMESPACE = VoidNamespace.INSTANCE;

  /** Sets the key (and its key group, computed by the caller) of subsequent state accesses. */
  void setCurrentKey(Object key, int keyGroup);

  Object currentKey();

  /** Sets the namespace of subsequent state accesses; {@link #VOID_NAMESPACE} by default. */
  void setCurrentNamespace(Object namespace);

  /** The number of (key, namespace) entries of the named state, for tests and metrics. */
  long size(String stateName);

  /**
   * A cursor over the keys that hold a value of state {@code stateName} in {@code namespace}
   * (not the void namespace): each {@link KeyCursor#advance()} makes the next such key, with
   * its key group, the current key and {@code namespace} the current namespace. Values may be
   * read and updated in place while the cursor is open, but no entry of that state and
   * namespace may be added or removed until the cursor is exhausted.
   */
  KeyCursor keys(String stateName, Object namespace);

  /** Drops every key's value of state {@code stateName} in {@code namespace} at once. */
  void clearNamespace(String stateName, Object namespace);

  /**
   * Walks the keys of one state and namespace; resumable: a caller may stop between calls and
   * go on later. Threading: confined to the owning task's thread.
   */
  interface KeyCursor {
    /** Moves to the next key and makes it current; false (and no change) when there is none. */
    boolean advance();
  }

  /** Marker for state that belongs to no window. */
  enum VoidNamespace {
    INSTANCE
  }
}
