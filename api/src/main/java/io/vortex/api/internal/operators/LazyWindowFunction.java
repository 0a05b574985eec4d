package io.vortex.api.internal.operators;

/**
 * A window function whose result for one window can be too large to emit in one call (a join's
 * cross product): the window operator takes the results one at a time, as pieces of a burst
 * ({@link Output#emitBurst}), instead of having them pushed into a collector.
 */
interface LazyWindowFunction<IN, OUT> {
  /**
   * The results for one key and window, produced as they are taken. The elements are the
   * window's state: read what is needed before returning, they may be cleared right after.
   */
  Results<OUT> results(Object key, Iterable<IN> elements) throws Exception;

  /** Results produced one at a time. Threading: confined to the owning task's thread. */
  interface Results<OUT> {
    boolean hasNext();

    /** The next result; call only after {@link #hasNext()} said true. */
    OUT next() throws Exception;
  }
}
