package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.launcher.CommandIT.Run;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples on hostile and odd input through the {@code vortex} command: one short {@code
 * file:line} error line fast, never a hang; byte-order marks and sub-directories are read.
 */
@Timeout(60)
class HostileInputIT {
  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  @TempDir Path dir;

  private Run runExample(String example, Path input) {
    return CommandIT.run("local", "--example", example, "--input", input.toString(),
        "--output", dir.resolve("out-" + example).toString(), "--parallelism", "2");
  }

  private static void assertOneLineError(Run run, String expected) {
    assertEquals(1, run.exit(), run.err());
    assertTrue(run.err().contains(expected), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertTrue(run.err().length() < 1000, "an error of " + run.err().length() + " characters");
  }

  @Test
  void when_temperatureHasAHugeExponent_then_oneLineErrorAtOnce() throws IOException {
    // Given: BigDecimal arithmetic on 1e100000000 runs for minutes
    Path input = Files.writeString(dir.resolve("temps.csv"),
        "timestampMillis,rackId,hostId,temperature\n1000,r1,h1,50.5\n2000,r1,h2,1e100000000\n");

    // When
    Run run = runExample("monitoring", input);

    // Then
    assertOneLineError(run, input + ":3: temperature is out of range (its magnitude must be below 1e18): "
        + "'1e100000000'");
  }

  @Test
  void when_numbersAreHostile_then_eachGetsItsOwnOneLineError() throws IOException {
    // Given: lines that each break one bound
    List<String[]> cases = List.of(
        new String[] {"1000,acc,NaN", "amount is not a decimal number: 'NaN'"},
        new String[] {"1000,acc,-Infinity", "amount is not a decimal number: '-Infinity'"},
        new String[] {"1000,acc,1e-99999999", "amount has too many digits after the point (at most 18)"},
        new String[] {"1000,acc," + "9".repeat(5000), "amount is too long for a number (5000 characters, at most 40)"},
        new String[] {"99999999999999999999,acc,1.00", "timestampMillis is out of range (-9223372036854775808 to "
            + "9223372036854775807): '99999999999999999999'"});
    for (String[] c : cases) {
      Path input = Files.writeString(dir.resolve("tx.csv"), "timestampMillis,accountId,amount\n" + c[0] + "\n");

      // When
      Run run = runExample("fraud-detection", input);

      // Then
      assertOneLineError(run, input + ":2: " + c[1]);
    }
  }

  @Test
  void when_aTenMegabyteFieldHoldsControlBytes_then_errorIsShortAndEscaped() throws IOException {
    // Given: a 10 MB amount with escape sequences and other control bytes
    String field = "\u001b[2J\u0000\u0007" + "7".repeat(10 << 20);
    Path input = Files.writeString(dir.resolve("tx.csv"), "1000,acc," + field + "\n", StandardCharsets.UTF_8);

    // When
    Run run = runExample("fraud-detection", input);

    // Then: cut with the length, control bytes escaped
    assertOneLineError(run, input + ":1: amount is too long for a number (" + field.length()
        + " characters, at most 40): '\\u001b[2J\\u0000\\u0007777");
    assertTrue(run.err().contains("... (" + field.length() + " characters)'"), run.err());
    assertFalse(run.err().strip().chars().anyMatch(Character::isISOControl), run.err());
  }

  @Test
  void when_aLineHas100MegabytesWithoutNewline_then_lineTooLongErrorNamingFileAndLine() throws IOException {
    // Given: two good lines, then 100 MB of NUL bytes without a newline (sparse, so no disk cost)
    Path input = dir.resolve("huge.txt");
    Files.writeString(input, "a b\nc\n");
    try (var raf = new RandomAccessFile(input.toFile(), "rw")) {
      raf.setLength(100_000_000);
    }

    // When
    Run run = runExample("wordcount", input);

    // Then
    assertOneLineError(run, input + ":3: line is longer than 16 MiB (the source's maximum line length)");
  }

  @Test
  void when_filesStartWithAByteOrderMark_then_headersAreSkipped() throws IOException {
    // Given: a header behind a UTF-8 byte-order mark, in each example's format
    Path temps = dir.resolve("temps.csv");
    Files.write(temps, concat(BOM, "timestampMillis,rackId,hostId,temperature\n1000,r1,h1,95.5\n"));
    Path txs = dir.resolve("tx.csv");
    Files.write(txs, concat(BOM, "timestampMillis,accountId,amount\n1000,a,0.5\n2000,a,600\n"));

    // When
    Run monitoring = runExample("monitoring", temps);
    Run fraud = runExample("fraud-detection", txs);

    // Then
    assertEquals(0, monitoring.exit(), monitoring.err());
    assertEquals(List.of("0,r1,1,95.500", "ALERT,0,r1,95.500"), ExamplesIT.readLines(dir.resolve("out-monitoring")));
    assertEquals(0, fraud.exit(), fraud.err());
    assertEquals(List.of("a,2000,600"), ExamplesIT.readLines(dir.resolve("out-fraud-detection")));
  }

  @Test
  void when_inputHasSubdirectoriesAndHiddenEntries_then_everyVisibleFileIsRead() throws IOException {
    // Given
    Path input = Files.createDirectories(dir.resolve("in/2026/12"));
    Files.writeString(dir.resolve("in/top.txt"), "top\n");
    Files.writeString(input.resolve("deep.txt"), "deep deep\n");
    Files.writeString(input.resolve(".deep.txt.crc"), "hidden\n");
    Files.createDirectories(dir.resolve("in/_temporary"));
    Files.writeString(dir.resolve("in/_temporary/part-0"), "hidden\n");
    Files.createDirectories(dir.resolve("in/.staging"));
    Files.writeString(dir.resolve("in/.staging/x"), "hidden\n");

    // When
    Run run = runExample("wordcount", dir.resolve("in"));

    // Then
    assertEquals(0, run.exit(), run.err());
    assertEquals(List.of("deep,2", "top,1"), ExamplesIT.readLines(dir.resolve("out-wordcount")));
  }

  private static byte[] concat(byte[] prefix, String text) {
    byte[] rest = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[prefix.length + rest.length];
    System.arraycopy(prefix, 0, all, 0, prefix.length);
    System.arraycopy(rest, 0, all, prefix.length, rest.length);
    return all;
  }
}
