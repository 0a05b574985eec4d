package io.vortex.api.state;

/** Values added per key are folded into an accumulator; {@link #get()} returns its result. */
public interface AggregatingState<IN, OUT> extends State {
  /** The result of the current key's accumulator, or {@code null} when nothing was added. */
  OUT get();

  void add(IN value);
}
