package io.vortex.api.internal.operators;

/**
 * An operator with two logical inputs (a join). The watermark it receives is already the
 * minimum over both inputs.
 */
public interface TwoInputOperator<IN1, IN2, OUT> extends StreamOperator<OUT> {
  void processElement1(IN1 value, long timestamp) throws Exception;

  void processElement2(IN2 value, long timestamp) throws Exception;
}
