package io.vortex.api.state;

/** One value per key. */
public interface ValueState<T> extends State {
  /** The value of the current key, or {@code null} when there is none. */
  T value();

  void update(T value);
}
