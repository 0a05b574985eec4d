package io.vortex.api.state;

import java.util.Map;

/** A map per key. */
public interface MapState<UK, UV> extends State {
  UV get(UK key);

  void put(UK key, UV value);

  void remove(UK key);

  boolean contains(UK key);

  /** A live view of the current key's entries (empty, never null). */
  Map<UK, UV> entries();

  boolean isEmpty();
}
