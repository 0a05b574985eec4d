package io.vortex.api.state;

import io.vortex.api.function.AggregateFunction;
import io.vortex.api.function.ReduceFunction;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of keyed state and says its kind. Descriptors with the same name within one
 * operator refer to the same state.
 */
public sealed interface StateDescriptor<S extends State> extends Serializable {
  String name();

  private static String checkName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a state name must not be blank");
    }
    return name;
  }

  /** {@link ValueState}. */
  record Value<T>(String name) implements StateDescriptor<ValueState<T>> {
    public Value {
      checkName(name);
    }
  }

  /** {@link ListState}. */
  record ListOf<T>(String name) implements StateDescriptor<ListState<T>> {
    public ListOf {
      checkName(name);
    }
  }

  /** {@link MapState}. */
  record MapOf<K, V>(String name) implements StateDescriptor<MapState<K, V>> {
    public MapOf {
      checkName(name);
    }
  }

  /** {@link ReducingState}. */
  record Reducing<T>(String name, ReduceFunction<T> function)
      implements StateDescriptor<ReducingState<T>> {
    public Reducing {
      checkName(name);
      Objects.requireNonNull(function, "function");
    }
  }

  /** {@link AggregatingState}. */
  record Aggregating<I, A, O>(String name, AggregateFunction<I, A, O> function)
      implements StateDescriptor<AggregatingState<I, O>> {
    public Aggregating {
      checkName(name);
      Objects.requireNonNull(function, "function");
    }
  }

  static <T> Value<T> value(String name) {
    return new Value<>(name);
  }

  static <T> ListOf<T> list(String name) {
    return new ListOf<>(name);
  }

  static <K, V> MapOf<K, V> map(String name) {
    return new MapOf<>(name);
  }

  static <T> Reducing<T> reducing(String name, ReduceFunction<T> function) {
    return new Reducing<>(name, function);
  }

  static <I, A, O> Aggregating<I, A, O> aggregating(
      String name, AggregateFunction<I, A, O> function) {
    return new Aggregating<>(name, function);
  }
}
