package io.vortex.api.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileSourceTest {
  @TempDir Path dir;

  private void touch(String relative) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, relative + "\n");
  }

  private List<String> files() {
    return TextFileSource.lines(dir.toString()).files().stream()
        .map(p -> dir.relativize(p).toString())
        .toList();
  }

  @Test
  void when_directoryHasSubdirectories_then_everyVisibleFileInPathOrder() throws IOException {
    // Given: nested directories, hidden files and hidden directories
    for (String f : List.of("b.txt", "a/z.txt", "a/b/c.txt", "a-1.txt", "c/d/e/f.txt", "a.txt",
        ".hidden", "_SUCCESS", "a/.part-0.inprogress", "_tmp/x.txt", ".git/config", "c/_logs/l.txt")) {
      touch(f);
    }
    Files.createDirectories(dir.resolve("empty/dir"));

    // When
    List<String> files = files();

    // Then: paths sorted as strings compare ('-' < '.' < '/')
    assertEquals(List.of("a-1.txt", "a.txt", "a/b/c.txt", "a/z.txt", "b.txt", "c/d/e/f.txt"), files);
  }

  @Test
  void when_rootDirectoryNameIsHidden_then_itsFilesAreStillRead() throws IOException {
    // Given: the user named the directory; only what is below it is filtered
    Path root = Files.createDirectories(dir.resolve("_input"));
    Files.writeString(root.resolve("x.txt"), "x\n");

    // When / Then
    assertEquals(List.of(root.resolve("x.txt")), TextFileSource.lines(root.toString()).files());
  }

  @Test
  void when_symbolicLinkLoops_then_clearError() throws IOException {
    // Given
    touch("a/x.txt");
    Files.createSymbolicLink(dir.resolve("a/loop"), dir.resolve("a"));

    // When
    var e = assertThrows(RuntimeException.class, this::files);

    // Then
    assertEquals("cannot list input directory " + dir + ": symbolic link loop at " + dir.resolve("a/loop"),
        e.getMessage());
  }

  @Test
  void when_maxLineBytesOutOfRange_then_refused() {
    assertThrows(IllegalArgumentException.class, () -> TextFileSource.lines("x").withMaxLineBytes(0));
    assertEquals(7, TextFileSource.lines("x").withMaxLineBytes(7).maxLineBytes());
    assertEquals(TextFileSource.DEFAULT_MAX_LINE_BYTES, TextFileSource.numberedLines("x").maxLineBytes());
  }
}
