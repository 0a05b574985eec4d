package io.vortex.api.state;

/** Keyed state, scoped to the key (and window) of the record or timer being processed. */
public interface State {
  /** Removes the value of the current key. */
  void clear();
}
