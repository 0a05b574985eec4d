package io.vortex.api.sink;

import io.vortex.api.function.MapFunction;
import io.vortex.api.internal.Strings;
import java.util.Objects;

/**
 * Writes one line per record (its {@code toString()}, arrays element by element, or a
 * formatter's result), UTF-8. With
 * parallelism 1 the output path is a file (or, if it is an empty directory, a {@code part-0} in
 * it); otherwise it is a directory of part files {@code part-0, part-1, ...}.
 *
 * <p>A file sink never overwrites: the output path must not exist, or be a directory without
 * visible files; anything else fails the job when it starts, before a record is read. Each
 * instance writes a hidden in-progress file, unique to the job attempt, in the nearest existing
 * directory, with backpressure (a full write queue stops the task's input), and fails the job at
 * the first write error. The files are moved into place (creating missing directories) only when
 * the whole job commits; a failed or cancelled job removes them, so what was at and around the
 * output path stays as it was.
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
    return new TextFileSink<>(path, Strings::valueOf);
  }

  public static <T> TextFileSink<T> of(String path, MapFunction<T, String> formatter) {
    return new TextFileSink<>(path, formatter);
  }

  public String path() {
    return path;
  }

  /**
   * Checks up front what the sink checks when it starts: that a sink of {@code parallelism} can
   * write to {@code path} without overwriting anything.
   *
   * @throws IllegalArgumentException saying why not
   */
  public static void checkOutputPath(String path, int parallelism) {
    OutputLayout.of(path, parallelism);
  }

  @Override
  public SinkWriter<T> createWriter(SinkContext context) throws Exception {
    return new TextFileWriter<>(path, formatter, context);
  }
}
