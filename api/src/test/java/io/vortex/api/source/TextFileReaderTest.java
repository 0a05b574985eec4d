package io.vortex.api.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Chunks of whole lines, read as the worker thread does. */
@Timeout(30)
class TextFileReaderTest {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  private Path write(byte[]... parts) throws IOException {
    Path file = dir.resolve("f.txt");
    try (var out = Files.newOutputStream(file)) {
      for (byte[] p : parts) {
        out.write(p);
      }
    }
    return file;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void when_fileStartsWithByteOrderMark_then_itIsNotPartOfTheFirstLine() throws IOException {
    // Given
    Path file = write(BOM, utf8("timestampMillis,a\r\n1,\uFEFFb\n"));

    // When
    TextFileReader.Chunk chunk = TextFileReader.readChunk(file, 0, 100);

    // Then: only the mark at the very start is dropped
    assertEquals(List.of("timestampMillis,a", "1,\uFEFFb"), chunk.lines());
    assertTrue(chunk.eof());
  }

  @Test
  void when_readingFromAnOffset_then_bytesThatLookLikeAMarkAreKept() throws IOException {
    // Given
    Path file = write(utf8("x\n"), BOM, utf8("y\n"));

    // When / Then
    assertEquals(List.of("\uFEFFy"), TextFileReader.readChunk(file, 2, 100).lines());
  }

  @Test
  void when_lineIsAtMostTheMaximum_then_itIsRead() throws IOException {
    // Given: a BOM and a line of exactly the maximum, with CRLF
    Path file = write(BOM, utf8("x".repeat(10) + "\r\nshort\n"));

    // When
    TextFileReader.Chunk chunk = TextFileReader.readChunk(file, 0, 10);

    // Then
    assertEquals(List.of("x".repeat(10), "short"), chunk.lines());
    assertFalse(chunk.lineTooLong());
  }

  @Test
  void when_aLineIsLongerThanTheMaximum_then_linesBeforeItAndAMark() throws IOException {
    // Given
    Path file = write(utf8("a\nbb\n" + "x".repeat(11) + "\nlater\n"));

    // When
    TextFileReader.Chunk chunk = TextFileReader.readChunk(file, 0, 10);

    // Then
    assertEquals(List.of("a", "bb"), chunk.lines());
    assertTrue(chunk.lineTooLong());
    assertEquals(5, chunk.end());
  }

  @Test
  void when_100MegabyteLineWithoutNewline_then_tooLongAfterReadingAtMostTheMaximum() throws IOException {
    // Given: 100 MB of NUL bytes and no newline (a sparse file, so it costs no disk)
    Path file = dir.resolve("huge.bin");
    try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(100_000_000);
    }

    // When
    TextFileReader.Chunk chunk = TextFileReader.readChunk(file, 0, TextFileSource.DEFAULT_MAX_LINE_BYTES);

    // Then
    assertEquals(List.of(), chunk.lines());
    assertTrue(chunk.lineTooLong());
  }

  @Test
  void when_lastLineHasNoNewlineAndIsTooLong_then_tooLong() throws IOException {
    Path file = write(utf8("ok\n" + "y".repeat(11)));
    TextFileReader.Chunk chunk = TextFileReader.readChunk(file, 0, 10);
    assertEquals(List.of("ok"), chunk.lines());
    assertTrue(chunk.lineTooLong());
  }
}
