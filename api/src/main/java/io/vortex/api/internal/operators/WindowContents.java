package io.vortex.api.internal.operators;

import io.vortex.api.function.Collector;
import io.vortex.api.function.ProcessWindowFunction;
import io.vortex.api.state.KeyedStateBackend;
import io.vortex.api.state.ListState;
import io.vortex.api.state.StateDescriptor;
import io.vortex.api.state.ValueState;
import io.vortex.api.window.Window;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * How a window operator keeps each window's contents in keyed state, namespaced by the window:
 * every element ({@link Elements}, for a process function) or one accumulator ({@link
 * Accumulator}, for reduce and aggregate). Every method works on the backend's current key and
 * namespace.
 *
 * <p>Threading: confined to the owning task's thread.
 */
abstract class WindowContents<IN, OUT> {
  final KeyedStateBackend backend;

  WindowContents(KeyedStateBackend backend) {
    this.backend = backend;
  }

  static <IN, OUT> WindowContents<IN, OUT> create(
      WindowDefinition definition, KeyedStateBackend backend) {
    @SuppressWarnings({"unchecked", "rawtypes"})
    ProcessWindowFunction<Object, OUT, Object, Window> function =
        (ProcessWindowFunction) definition.function();
    if (definition.aggregator() == null) {
      return new Elements<>(backend, function);
    }
    @SuppressWarnings("unchecked")
    WindowAggregator<IN, Object, Object> aggregator =
        (WindowAggregator<IN, Object, Object>) definition.aggregator();
    return new Accumulator<>(backend, aggregator, function);
  }

  /** Adds an element; true when the window was empty before (its timers are not set yet). */
  abstract boolean add(IN value) throws Exception;

  /** Adds a combiner's partial accumulator; true when the window was empty before. */
  abstract boolean addPartial(Object accumulator) throws Exception;

  /**
   * Emits the window's result, if it has contents. A {@link LazyWindowFunction}'s results are not
   * emitted but returned, for the caller to emit one by one; otherwise returns null.
   */
  abstract LazyWindowFunction.Results<OUT> emit(
      Object key, ProcessWindowFunction<Object, OUT, Object, Window>.Context context,
      Collector<OUT> out) throws Exception;

  abstract void clear();

  /** The name of the state that holds the contents (its keys are the window's keys). */
  abstract String stateName();

  /** Drops the contents of {@code window} for every key at once. */
  final void clearWindow(Object window) {
    backend.clearNamespace(stateName(), window);
  }

  /** Moves the contents of the {@code sources} namespaces into {@code target}'s. */
  abstract void merge(Object target, Collection<?> sources) throws Exception;

  /** Every element in a {@link ListState}, for a {@link ProcessWindowFunction}. */
  static final class Elements<IN, OUT> extends WindowContents<IN, OUT> {
    static final String STATE = "window-elements";
    private final ListState<IN> state;
    private final ProcessWindowFunction<Object, OUT, Object, Window> function;

    Elements(KeyedStateBackend backend, ProcessWindowFunction<Object, OUT, Object, Window> f) {
      super(backend);
      this.state = backend.getState(StateDescriptor.<IN>list(STATE));
      this.function = f;
    }

    @Override
    boolean add(IN value) {
      boolean empty = state.get().isEmpty();
      state.add(value);
      return empty;
    }

    @Override
    boolean addPartial(Object accumulator) {
      throw new IllegalStateException("a window that keeps its elements gets no partials");
    }

    @Override
    @SuppressWarnings("unchecked")
    LazyWindowFunction.Results<OUT> emit(
        Object key, ProcessWindowFunction<Object, OUT, Object, Window>.Context context,
        Collector<OUT> out) throws Exception {
      List<IN> elements = state.get();
      if (elements.isEmpty()) {
        return null;
      }
      if (function instanceof LazyWindowFunction<?, ?> lazy) {
        return ((LazyWindowFunction<Object, OUT>) lazy).results(key, (Iterable<Object>) elements);
      }
      function.process(key, context, (Iterable<Object>) elements, out);
      return null;
    }

    @Override
    void clear() {
      state.clear();
    }

    @Override
    String stateName() {
      return STATE;
    }

    @Override
    void merge(Object target, Collection<?> sources) {
      List<IN> moved = new ArrayList<>();
      for (Object source : sources) {
        backend.setCurrentNamespace(source);
        moved.addAll(state.get());
        state.clear();
      }
      backend.setCurrentNamespace(target);
      for (IN value : moved) {
        state.add(value);
      }
    }
  }

  /**
   * One accumulator in a {@link ValueState}. Not an {@code AggregatingState}: merging sessions
   * and combiner partials needs the accumulator itself, and reading it first tells whether the
   * window is new, which saves a timer registration per record.
   */
  static final class Accumulator<IN, ACC, R, OUT> extends WindowContents<IN, OUT> {
    static final String STATE = "window-accumulator";
    private final ValueState<ACC> state;
    private final WindowAggregator<IN, ACC, R> aggregator;
    private final ProcessWindowFunction<Object, OUT, Object, Window> function; // null: emit R

    Accumulator(
        KeyedStateBackend backend,
        WindowAggregator<IN, ACC, R> aggregator,
        ProcessWindowFunction<Object, OUT, Object, Window> function) {
      super(backend);
      this.state = backend.getState(StateDescriptor.<ACC>value(STATE));
      this.aggregator = aggregator;
      this.function = function;
    }

    @Override
    boolean add(IN value) throws Exception {
      ACC acc = state.value();
      state.update(aggregator.add(value, acc));
      return acc == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    boolean addPartial(Object partial) throws Exception {
      ACC acc = state.value();
      state.update(aggregator.merge(acc, (ACC) partial));
      return acc == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    LazyWindowFunction.Results<OUT> emit(
        Object key, ProcessWindowFunction<Object, OUT, Object, Window>.Context context,
        Collector<OUT> out) throws Exception {
      ACC acc = state.value();
      if (acc != null) {
        emitResult(aggregator, function, key, acc, context, out);
      }
      return null;
    }

    /**
     * Emits the result of one key's accumulator: as it is ({@code function} null) or through the
     * process function.
     */
    @SuppressWarnings("unchecked")
    static <ACC, R, OUT> void emitResult(
        WindowAggregator<?, ACC, R> aggregator,
        ProcessWindowFunction<Object, OUT, Object, Window> function, Object key, ACC acc,
        ProcessWindowFunction<Object, OUT, Object, Window>.Context context, Collector<OUT> out)
        throws Exception {
      R result = aggregator.result(acc);
      if (function == null) {
        out.collect((OUT) result);
      } else {
        function.process(key, context, Collections.singletonList(result), out);
      }
    }

    @Override
    void clear() {
      state.clear();
    }

    @Override
    String stateName() {
      return STATE;
    }

    @Override
    void merge(Object target, Collection<?> sources) throws Exception {
      ACC merged = null;
      for (Object source : sources) {
        backend.setCurrentNamespace(source);
        merged = aggregator.merge(merged, state.value());
        state.clear();
      }
      backend.setCurrentNamespace(target);
      state.update(aggregator.merge(state.value(), merged));
    }
  }
}
