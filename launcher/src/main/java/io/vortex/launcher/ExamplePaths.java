package io.vortex.launcher;

import io.vortex.api.sink.TextFileSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The command's checks of an example's {@code --input} and {@code --output}, before anything
 * runs: both given and not empty, the input readable, the output outside the input set (neither
 * an input file nor inside an input directory), and writable without overwriting anything.
 */
final class ExamplePaths {
  private ExamplePaths() {}

  /** Throws a {@link UsageException} saying what is wrong. */
  static void check(Path input, Path output, int sinkParallelism) {
    if (input == null || output == null) {
      throw new UsageException("--example needs --input PATH and --output PATH");
    }
    if (input.toString().isEmpty()) {
      throw new UsageException("--input must not be empty");
    }
    if (output.toString().isEmpty()) {
      throw new UsageException("--output must not be empty");
    }
    if (!Files.exists(input)) {
      throw new UsageException("input path does not exist: " + input);
    }
    if (!Files.isReadable(input)) {
      throw new UsageException("input path is not readable: " + input);
    }
    Path in = real(input);
    Path out = real(output);
    if (out.equals(in)) {
      throw new UsageException("--output must differ from --input: " + output);
    }
    if (Files.isDirectory(in) && out.startsWith(in)) {
      throw new UsageException("--output " + output + " is inside the input directory " + input
          + ": the job would read its own output");
    }
    try {
      TextFileSink.checkOutputPath(output.toString(), sinkParallelism);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** The path with symbolic links resolved as far as it exists. */
  private static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute));
    } catch (IOException e) {
      return absolute;
    }
  }
}
