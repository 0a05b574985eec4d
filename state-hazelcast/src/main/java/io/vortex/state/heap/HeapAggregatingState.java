package io.vortex.state.heap;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.state.AggregatingState;
import io.vortex.api.state.StateDescriptor;

/** Threading: confined to the owning task's thread. */
final class HeapAggregatingState<I, A, O> extends HeapKeyedStateBackend.HeapState
    implements AggregatingState<I, O> {
  private final AggregateFunction<I, A, O> function;

  @SuppressWarnings("unchecked")
  HeapAggregatingState(HeapKeyedStateBackend backend, StateDescriptor.Aggregating<?, ?, ?> d) {
    super(backend, d);
    this.function = (AggregateFunction<I, A, O>) d.function();
  }

  @Override
  @SuppressWarnings("unchecked")
  public O get() {
    A acc = (A) super.get();
    return acc == null ? null : function.getResult(acc);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void add(I value) {
    A acc = (A) super.get();
    put(function.add(value, acc == null ? function.createAccumulator() : acc));
  }
}
