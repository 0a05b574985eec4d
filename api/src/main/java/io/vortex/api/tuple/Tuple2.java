package io.vortex.api.tuple;

import io.vortex.api.internal.Strings;
import java.io.Serializable;

/**
 * Immutable pair of two fields, named as in Flink ({@code f0}, {@code f1}). Fields may be null.
 *
 * @param <T0> type of the first field
 * @param <T1> type of the second field
 */
public record Tuple2<T0, T1>(T0 f0, T1 f1) implements Serializable {

  public static <T0, T1> Tuple2<T0, T1> of(T0 f0, T1 f1) {
    return new Tuple2<>(f0, f1);
  }

  public <N> Tuple2<N, T1> withF0(N value) {
    return new Tuple2<>(value, f1);
  }

  public <N> Tuple2<T0, N> withF1(N value) {
    return new Tuple2<>(f0, value);
  }

  /** As Flink shows tuples: {@code (f0,f1)}, arrays element by element. */
  @Override
  public String toString() {
    return "(" + Strings.valueOf(f0) + "," + Strings.valueOf(f1) + ")";
  }
}
