package io.vortex.api.sink;

import io.vortex.api.function.MapFunction;
import java.util.Objects;

/**
 * Writes one line per record (its {@code toString()}, or a formatter's result), UTF-8. With
 * parallelism 1 the output path is a file; otherwise it is a directory of part files {@code
 * part-0, part-1, ...}. Files are written under a temporary name and renamed when the job's
 * input has ended, so a failed job leaves no half-written part files behind.
 */
public final class TextFileSink<T> implements Sink<T> {
  private static final long serialVersionUID = 1L;
  private final String path;
  private final MapFunction<T, String> formatter;

  private TextFileSink(String path, MapFunction<T, String> formatter) {
    this.path = Objects.requireNonNull(path, "path");
    this.formatter = Objects.requireNonNull(formatter, "formatter");
  }

  public static <T> TextFileSink<T> of(String path) {
    return new TextFileSink<>(path, String::valueOf);
  }

  public static <T> TextFileSink<T> of(String path, MapFunction<T, String> formatter) {
    return new TextFileSink<>(path, formatter);
  }

  public String path() {
    return path;
  }

  @Override
  public SinkWriter<T> createWriter(SinkContext context) throws Exception {
    return new TextFileWriter<>(path, formatter, context);
  }
}
