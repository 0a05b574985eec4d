package io.vortex.api.source;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Reads the lines of a text file, or of every regular file in a directory (sorted by name;
 * names starting with '.' or '_' are skipped). Each file is one split, read in order by one
 * instance, so per-file order is kept. Lines are decoded as UTF-8; a trailing '\r' is dropped.
 * Reading happens off the event loop, in chunks.
 */
public final class TextFileSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final LineMapper<T> mapper;

  private TextFileSource(String path, LineMapper<T> mapper) {
    this.path = Objects.requireNonNull(path, "path");
    this.mapper = mapper;
  }

  /** Emits each line as a String. */
  public static TextFileSource<String> lines(String path) {
    return new TextFileSource<>(path, (file, number, text) -> text);
  }

  /** Emits each line with its file and line number. */
  public static TextFileSource<TextLine> numberedLines(String path) {
    return new TextFileSource<>(path, TextLine::new);
  }

  /** Maps a line, knowing where it is. */
  @FunctionalInterface
  interface LineMapper<T> extends Serializable {
    T map(String file, long lineNumber, String text);
  }

  @Override
  public boolean isBounded() {
    return true;
  }

  /** The files to read, in order; fails clearly when the path is missing or unreadable. */
  public List<Path> files() {
    Path root = Path.of(path);
    if (!Files.exists(root)) {
      throw new IllegalArgumentException("input path does not exist: " + path);
    }
    if (Files.isRegularFile(root)) {
      if (!Files.isReadable(root)) {
        throw new IllegalArgumentException("input file is not readable: " + path);
      }
      return List.of(root);
    }
    try (Stream<Path> children = Files.list(root)) {
      return children
          .filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .filter(p -> !p.getFileName().toString().startsWith("_"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input directory " + path, e);
    }
  }

  @Override
  public List<SourceSplit> createSplits(int parallelism) {
    List<SourceSplit> splits = new ArrayList<>();
    for (Path file : files()) {
      splits.add(new FileSplit(file.toString(), 0, 0, 0));
    }
    return splits;
  }

  @Override
  public SourceReader<T> createReader(SourceReaderContext context) {
    return new TextFileReader<>(context, mapper::map);
  }

  /**
   * A file to read from byte {@code offset}, where line {@code linesRead + 1} starts, skipping
   * the first {@code skipLines} lines from there (already emitted).
   */
  public record FileSplit(String file, long offset, long linesRead, long skipLines)
      implements SourceSplit {
    @Override
    public String splitId() {
      return file;
    }
  }
}
