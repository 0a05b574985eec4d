package io.vortex.api.state;

import java.util.List;

/** A list of values per key. */
public interface ListState<T> extends State {
  /** The values of the current key in insertion order (empty, never null). Do not modify. */
  List<T> get();

  void add(T value);

  void update(List<T> values);
}
