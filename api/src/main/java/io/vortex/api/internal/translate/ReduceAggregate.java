package io.vortex.api.internal.translate;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.ReduceFunction;
import io.vortex.api.function.RichFunction;
import io.vortex.api.function.RuntimeContext;

/**
 * A reduce as an aggregate whose accumulator holds the reduced value, so that a BATCH combiner
 * ships each partial together with the key it was reduced under. A reduce function need not keep
 * its input's key ({@code keyBy(i -> i % 10).reduce(Long::sum)}), so the partial's key cannot be
 * taken from the reduced value.
 *
 * <p>Threading: the accumulator is confined to the owning task's thread.
 */
final class ReduceAggregate<T> implements AggregateFunction<T, Object[], T>, RichFunction {
  private static final long serialVersionUID = 1L;
  private final ReduceFunction<T> reduce;

  ReduceAggregate(ReduceFunction<T> reduce) {
    this.reduce = reduce;
  }

  @Override
  public Object[] createAccumulator() {
    return new Object[1];
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object[] add(T value, Object[] accumulator) {
    accumulator[0] = accumulator[0] == null ? value : reduce((T) accumulator[0], value);
    return accumulator;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Object[] merge(Object[] a, Object[] b) {
    if (a[0] == null) {
      return b;
    }
    if (b[0] != null) {
      a[0] = reduce((T) a[0], (T) b[0]);
    }
    return a;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T getResult(Object[] accumulator) {
    return (T) accumulator[0];
  }

  private T reduce(T a, T b) {
    try {
      return reduce.reduce(a, b);
    } catch (Exception e) {
      throw ReduceAggregate.<RuntimeException>rethrow(e); // keep the user's exception as the cause
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Exception> E rethrow(Exception e) throws E {
    throw (E) e;
  }

  @Override
  public void open(RuntimeContext context) throws Exception {
    if (reduce instanceof RichFunction rich) {
      rich.open(context);
    }
  }

  @Override
  public void close() throws Exception {
    if (reduce instanceof RichFunction rich) {
      rich.close();
    }
  }
}
