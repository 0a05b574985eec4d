package io.vortex.api.sink;

import io.vortex.api.internal.Strings;
import java.io.PrintStream;

/**
 * Prints each record's {@code toString()} (arrays element by element) to standard output, prefixed with the subtask index
 * ({@code 2> }) when the sink runs with parallelism above 1, as Flink's print sink does.
 */
public final class PrintSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private final boolean toStdErr;

  public PrintSink() {
    this(false);
  }

  public PrintSink(boolean toStdErr) {
    this.toStdErr = toStdErr;
  }

  @Override
  public SinkWriter<T> createWriter(SinkContext context) {
    PrintStream out = toStdErr ? System.err : System.out;
    String prefix = context.parallelism() > 1 ? (context.subtaskIndex() + 1) + "> " : "";
    return (value, timestamp) -> out.println(prefix + Strings.valueOf(value));
  }
}
