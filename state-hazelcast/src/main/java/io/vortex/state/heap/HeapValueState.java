package io.vortex.state.heap;

import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;

/** Threading: confined to the owning task's thread. */
final class HeapValueState<T> extends HeapKeyedStateBackend.HeapState implements ValueState<T> {
  HeapValueState(HeapKeyedStateBackend backend, StateDescriptor<?> descriptor) {
    super(backend, descriptor);
  }

  @Override
  @SuppressWarnings("unchecked")
  public T value() {
    return (T) get();
  }

  @Override
  public void update(T value) {
    put(value);
  }
}
