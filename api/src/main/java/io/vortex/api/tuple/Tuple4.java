package io.vortex.api.tuple;

import io.vortex.api.internal.Strings;
import java.io.Serializable;

/**
 * Immutable tuple of four fields, named as in Flink ({@code f0} to {@code f3}). Fields may be null.
 *
 * @param <T0> type of the first field
 * @param <T1> type of the second field
 * @param <T2> type of the third field
 * @param <T3> type of the fourth field
 */
public record Tuple4<T0, T1, T2, T3>(T0 f0, T1 f1, T2 f2, T3 f3) implements Serializable {

  public static <T0, T1, T2, T3> Tuple4<T0, T1, T2, T3> of(T0 f0, T1 f1, T2 f2, T3 f3) {
    return new Tuple4<>(f0, f1, f2, f3);
  }

  public <N> Tuple4<N, T1, T2, T3> withF0(N value) {
    return new Tuple4<>(value, f1, f2, f3);
  }

  public <N> Tuple4<T0, N, T2, T3> withF1(N value) {
    return new Tuple4<>(f0, value, f2, f3);
  }

  public <N> Tuple4<T0, T1, N, T3> withF2(N value) {
    return new Tuple4<>(f0, f1, value, f3);
  }

  public <N> Tuple4<T0, T1, T2, N> withF3(N value) {
    return new Tuple4<>(f0, f1, f2, value);
  }

  /** As Flink shows tuples: {@code (f0,f1,f2,f3)}, arrays element by element. */
  @Override
  public String toString() {
    return "(" + Strings.valueOf(f0) + "," + Strings.valueOf(f1) + "," + Strings.valueOf(f2) + "," + Strings.valueOf(f3) + ")";
  }
}
