package io.vortex.api.sink;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.UUID;

/**
 * Where a text file sink writes, and what may already be there. At parallelism 1, to a path that
 * is not a directory, the output is one file; otherwise a directory of part files {@code part-0,
 * part-1, ...}. A sink never overwrites and never mixes its output with other files: the output
 * path must not exist, or be a directory without visible files (names not starting with {@code
 * .}). Until the job commits, each instance writes a hidden in-progress file, unique to the
 * attempt, in the nearest directory that already exists; so nothing at the output path changes,
 * and no directory is created, before the commit.
 *
 * <p>Threading: immutable.
 */
final class OutputLayout {
  private final Path base;
  private final boolean directory;
  private final Path staging;

  private OutputLayout(Path base, boolean directory, Path staging) {
    this.base = base;
    this.directory = directory;
    this.staging = staging;
  }

  /**
   * The layout of {@code path} for a sink of {@code parallelism}.
   *
   * @throws IllegalArgumentException when the path is empty, or holds a file or files the sink
   *     would overwrite or mix with, or cannot be created
   */
  static OutputLayout of(String path, int parallelism) {
    if (path.isEmpty()) {
      throw new IllegalArgumentException("the output path is empty");
    }
    Path base = Path.of(path);
    Path absolute = base.toAbsolutePath().normalize();
    boolean isDirectory = Files.isDirectory(absolute);
    boolean directory = parallelism > 1 || isDirectory;
    boolean exists = Files.exists(absolute, LinkOption.NOFOLLOW_LINKS);
    if (directory && exists && !isDirectory) {
      throw new IllegalArgumentException("output path " + base + " is a file, but at parallelism " + parallelism
          + " the output is a directory of part files; a file sink never overwrites: remove the file or choose another path");
    }
    if (directory && isDirectory && hasVisibleFiles(absolute)) {
      throw new IllegalArgumentException("output directory " + base + " is not empty; a file sink never overwrites "
          + "or adds to other files: remove them or choose another path");
    }
    if (!directory && exists) {
      throw new IllegalArgumentException("output file " + base
          + " already exists; a file sink never overwrites: remove it or choose another path");
    }
    return new OutputLayout(base, directory, nearestDirectory(base, directory ? absolute : absolute.getParent()));
  }

  private static boolean hasVisibleFiles(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, p -> !p.getFileName().toString().startsWith("."))) {
      return entries.iterator().hasNext();
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot list output directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static Path nearestDirectory(Path base, Path start) {
    Path dir = start;
    while (dir != null && !Files.exists(dir)) {
      dir = dir.getParent();
    }
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("cannot create output " + base + ": " + dir + " is not a directory");
    }
    return dir;
  }

  boolean isDirectory() {
    return directory;
  }

  /** The files of instance {@code subtask}: its final name and a fresh in-progress name. */
  Part part(int subtask) {
    Path target = directory ? base.resolve("part-" + subtask) : base;
    String name = "." + base.toAbsolutePath().normalize().getFileName() + (directory ? ".part-" + subtask : "")
        + "." + UUID.randomUUID() + ".inprogress";
    return new Part(target, staging.resolve(name));
  }

  /** One instance's output file and the hidden file it is written to until the commit. */
  record Part(Path target, Path inProgress) {
    /** Moves the in-progress file into place, creating directories as needed; never overwrites. */
    void commit() throws IOException {
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try {
        Files.move(inProgress, target); // no REPLACE_EXISTING: fails if the target exists
      } catch (FileAlreadyExistsException e) {
        throw new FileAlreadyExistsException(target.toString(), null,
            "a file appeared there while the job ran; a file sink never overwrites");
      }
    }

    /** Removes the in-progress file (the job will not commit). */
    void discard() throws IOException {
      Files.deleteIfExists(inProgress);
    }
  }
}
