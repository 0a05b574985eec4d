package io.vortex.state.heap;

import io.vortex.api.state.ListState;
import io.vortex.api.state.StateDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** Threading: confined to the owning task's thread. */
final class HeapListState<T> extends HeapKeyedStateBackend.HeapState implements ListState<T> {
  HeapListState(HeapKeyedStateBackend backend, StateDescriptor<?> descriptor) {
    super(backend, descriptor);
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<T> get() {
    List<T> list = (List<T>) super.get();
    return list == null ? List.of() : Collections.unmodifiableList(list);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(T value) {
    Objects.requireNonNull(value, "list state values must not be null");
    List<T> list = (List<T>) super.get();
    if (list == null) {
      list = new ArrayList<>();
      put(list);
    }
    list.add(value);
  }

  @Override
  public void update(List<T> values) {
    put(values == null || values.isEmpty() ? null : new ArrayList<>(values));
  }
}
