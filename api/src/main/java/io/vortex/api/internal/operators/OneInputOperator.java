package io.vortex.api.internal.operators;

/** An operator with one logical input. */
public interface OneInputOperator<IN, OUT> extends StreamOperator<OUT> {
  void processElement(IN value, long timestamp) throws Exception;
}
