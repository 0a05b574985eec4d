package io.vortex.api.tuple;

import io.vortex.api.internal.Strings;
import java.io.Serializable;

/**
 * Immutable triple of fields, named as in Flink ({@code f0} to {@code f2}). Fields may be null.
 *
 * @param <T0> type of the first field
 * @param <T1> type of the second field
 * @param <T2> type of the third field
 */
public record Tuple3<T0, T1, T2>(T0 f0, T1 f1, T2 f2) implements Serializable {

  public static <T0, T1, T2> Tuple3<T0, T1, T2> of(T0 f0, T1 f1, T2 f2) {
    return new Tuple3<>(f0, f1, f2);
  }

  public <N> Tuple3<N, T1, T2> withF0(N value) {
    return new Tuple3<>(value, f1, f2);
  }

  public <N> Tuple3<T0, N, T2> withF1(N value) {
    return new Tuple3<>(f0, value, f2);
  }

  public <N> Tuple3<T0, T1, N> withF2(N value) {
    return new Tuple3<>(f0, f1, value);
  }

  /** As Flink shows tuples: {@code (f0,f1,f2)}, arrays element by element. */
  @Override
  public String toString() {
    return "(" + Strings.valueOf(f0) + "," + Strings.valueOf(f1) + "," + Strings.valueOf(f2) + ")";
  }
}
