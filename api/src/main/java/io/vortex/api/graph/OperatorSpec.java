package io.vortex.api.graph;

import java.util.Arrays;
import java.util.Objects;

/**
 * One operator of a vertex's chain: its name (shown in errors and events), kind, and the
 * serialized factory carrying the user function.
 */
public record OperatorSpec(String name, OperatorKind kind, byte[] factory) {
  public OperatorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(factory, "factory");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OperatorSpec s
        && name.equals(s.name)
        && kind == s.kind
        && Arrays.equals(factory, s.factory);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, kind, Arrays.hashCode(factory));
  }

  @Override
  public String toString() {
    return "OperatorSpec[" + name + ", " + kind + ", " + factory.length + " bytes]";
  }
}
