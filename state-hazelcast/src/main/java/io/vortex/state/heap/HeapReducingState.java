package io.vortex.state.heap;

import io.vortex.api.state.ReducingState;
import io.vortex.api.state.StateDescriptor;

/** Threading: confined to the owning task's thread. */
final class HeapReducingState<T> extends HeapKeyedStateBackend.HeapState
    implements ReducingState<T> {
  private final StateDescriptor.Reducing<T> reducing;

  @SuppressWarnings("unchecked")
  HeapReducingState(HeapKeyedStateBackend backend, StateDescriptor.Reducing<?> descriptor) {
    super(backend, descriptor);
    this.reducing = (StateDescriptor.Reducing<T>) descriptor;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) super.get();
  }

  @Override
  public void add(T value) throws Exception {
    T current = get();
    put(current == null ? value : reducing.function().reduce(current, value));
  }
}
