package io.vortex.api.source;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

/**
 * Reads the lines of a text file, or of every regular file under a directory, sub-directories
 * included (as Flink's file source does). Hidden files and directories, whose names start with
 * '.' or '_', are skipped; symbolic links are followed. Files are read in path order (paths
 * sorted as strings compare, so {@code a/x} before {@code b}); each file is one split, read in
 * order by one instance, so per-file order is kept.
 *
 * <p>Lines are decoded as UTF-8 (malformed bytes become U+FFFD); a UTF-8 byte-order mark at the
 * start of a file is skipped, and a trailing '\r' is dropped. A line longer than {@link
 * #maxLineBytes()} (16 MiB unless {@link #withMaxLineBytes} says otherwise) fails the job with
 * a {@link LineTooLongException} naming its file and line, after the lines before it were
 * emitted. Reading happens off the event loop, in chunks.
 */
public final class TextFileSource<T> implements Source<T> {
  private static final long serialVersionUID = 1L;
  /** Default longest line: a line must fit in memory, twice, while it is read. */
  public static final int DEFAULT_MAX_LINE_BYTES = 16 << 20;
  /** Largest maximum line length that can be set. */
  public static final int LIMIT_MAX_LINE_BYTES = 1 << 30;

  private final String path;
  private final LineMapper<T> mapper;
  private final int maxLineBytes;

  private TextFileSource(String path, LineMapper<T> mapper, int maxLineBytes) {
    this.path = Objects.requireNonNull(path, "path");
    this.mapper = mapper;
    this.maxLineBytes = maxLineBytes;
  }

  /** Emits each line as a String. */
  public static TextFileSource<String> lines(String path) {
    return new TextFileSource<>(path, (file, number, text) -> text, DEFAULT_MAX_LINE_BYTES);
  }

  /** Emits each line with its file and line number. */
  public static TextFileSource<TextLine> numberedLines(String path) {
    return new TextFileSource<>(path, TextLine::new, DEFAULT_MAX_LINE_BYTES);
  }

  /** This source with lines of up to {@code bytes} bytes (UTF-8, without the line break). */
  public TextFileSource<T> withMaxLineBytes(int bytes) {
    if (bytes < 1 || bytes > LIMIT_MAX_LINE_BYTES) {
      throw new IllegalArgumentException(
          "the maximum line length must be 1 to " + LIMIT_MAX_LINE_BYTES + " bytes, was " + bytes);
    }
    return new TextFileSource<>(path, mapper, bytes);
  }

  /** The longest line this source reads, in bytes. */
  public int maxLineBytes() {
    return maxLineBytes;
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
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new VisibleFiles(root, files));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list input directory " + path + ": " + e.getMessage(), e);
    }
    files.sort(null);
    return files;
  }

  /** True for names that Flink and Hadoop treat as hidden: '.' or '_' first. */
  static boolean isHidden(Path path) {
    Path name = path.getFileName();
    return name != null && (name.toString().startsWith(".") || name.toString().startsWith("_"));
  }

  /** Collects the regular files under a root, skipping hidden files and directories. */
  private static final class VisibleFiles extends SimpleFileVisitor<Path> {
    private final Path root;
    private final List<Path> files;

    VisibleFiles(Path root, List<Path> files) {
      this.root = root;
      this.files = files;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile() && !isHidden(file)) {
        files.add(file);
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
      if (e instanceof FileSystemLoopException) {
        throw new IOException("symbolic link loop at " + file, e);
      }
      throw e;
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
    return new TextFileReader<>(context, mapper::map, maxLineBytes);
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
