package io.vortex.api.function;

import java.io.Serializable;

/** A function with a life cycle: {@code open} before the first record, {@code close} after the last. */
public interface RichFunction extends Serializable {
  default void open(RuntimeContext context) throws Exception {}

  default void close() throws Exception {}
}
