package io.vortex.api.state;

/** Values added per key are combined with the descriptor's reduce function. */
public interface ReducingState<T> extends State {
  T get();

  void add(T value) throws Exception;
}
