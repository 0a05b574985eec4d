package io.vortex.api.internal.operators;

/**
 * Output too large to emit in one call (every window a watermark fires, a join's cross product,
 * the records of a {@code flatMapIterable} or the overflow of a {@code Collector} flatMap call,
 * a combiner's flush), emitted in bounded pieces through {@link Output#emitBurst}: the task calls
 * {@link #emitNext} while downstream has room and again in a later step when it had none.
 * Between two calls nothing else reaches the operator from the task (no input, no timer), except
 * records that an upstream operator of the same chain emits in the call that filled the room.
 *
 * <p>Threading: confined to the owning task's thread.
 */
@FunctionalInterface
public interface Burst {
  /**
   * Emits the next piece (a bounded amount: one window's result, one joined pair) through the
   * operator's output. Returns false when nothing is left (this call may have emitted nothing).
   */
  boolean emitNext() throws Exception;
}
