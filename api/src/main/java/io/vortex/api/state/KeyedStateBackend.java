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

  /** Marker for state that belongs to no window. */
  enum VoidNamespace {
    INSTANCE
  }
}
