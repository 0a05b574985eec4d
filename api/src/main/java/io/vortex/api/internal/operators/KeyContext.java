package io.vortex.api.internal.operators;

import io.vortex.api.function.KeySelector;
import io.vortex.api.internal.KeyGroups;
import io.vortex.api.state.KeyedStateBackend;

/**
 * Positions a keyed operator's state backend on the key of the record being processed.
 *
 * <p>Threading: confined to the owning task's thread.
 */
public final class KeyContext<T> {
  private final KeySelector<T, ?> selector;
  private final KeyedStateBackend backend;
  private final int maxParallelism;

  public KeyContext(KeySelector<T, ?> selector, OperatorContext context) {
    this.selector = selector;
    this.backend = context.stateBackend();
    this.maxParallelism = context.maxParallelism();
    if (backend == null) {
      throw new IllegalStateException(context.operatorName() + " is keyed but has no state backend");
    }
  }

  /** Sets the backend's current key to the key of {@code value}; returns the key. */
  public Object setKeyOf(T value) throws Exception {
    Object key = selector.getKey(value);
    backend.setCurrentKey(key, KeyGroups.assign(key, maxParallelism));
    return key;
  }

  public KeyedStateBackend backend() {
    return backend;
  }
}
