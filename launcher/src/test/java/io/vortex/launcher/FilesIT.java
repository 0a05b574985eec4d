package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.client.InvalidJobException;
import io.vortex.api.client.TaskFailureException;
import io.vortex.api.source.TextFileSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The text file source and sink, and the print sink, end to end. */
@Timeout(60)
class FilesIT {
  static MiniCluster cluster;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    cluster = MiniCluster.startBlocking(2, 2);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  private static StreamEnvironment env(int parallelism) {
    return StreamEnvironment.create(cluster).setParallelism(parallelism);
  }

  /** Reads {@code path} at {@code parallelism} and returns the lines in the order they came. */
  private static List<String> read(Path path, int parallelism) {
    var env = env(parallelism);
    env.readTextFile(path.toString()).collect("lines").setParallelism(1);
    var job = env.executeAsync("read " + path.getFileName());
    job.result().await();
    return job.collected("lines");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private static List<String> sorted(List<String> lines) {
    List<String> copy = new ArrayList<>(lines);
    copy.sort(null);
    return copy;
  }

  @Test
  void when_fileWithNewlines_then_everyLineInOrder() throws IOException {
    // Given
    Path file = write("plain.txt", "alpha\nbeta\n\ngamma délta 日本\n");

    // When / Then: an empty line is a line; UTF-8 decoded
    assertEquals(List.of("alpha", "beta", "", "gamma délta 日本"), read(file, 1));
  }

  @Test
  void when_crlfLineEndings_then_carriageReturnsDropped() throws IOException {
    // Given
    Path file = write("windows.txt", "one\r\ntwo\r\n\r\nthree\r\n");

    // When / Then
    assertEquals(List.of("one", "two", "", "three"), read(file, 1));
  }

  @Test
  void when_noTrailingNewline_then_lastLineStillRead() throws IOException {
    // Given
    Path file = write("unterminated.txt", "first\nlast");

    // When / Then
    assertEquals(List.of("first", "last"), read(file, 1));
  }

  @Test
  void when_emptyFile_then_noRecordsAndTheJobFinishes() throws IOException {
    // Given
    Path file = write("empty.txt", "");

    // When / Then
    assertEquals(List.of(), read(file, 2));
  }

  @Test
  void when_directory_then_linesOfEveryVisibleFileInNameOrder() throws IOException {
    // Given: files read in name order; names starting with '.' or '_' are skipped
    Path input = Files.createDirectories(dir.resolve("input"));
    Files.writeString(input.resolve("b.txt"), "b1\nb2\n");
    Files.writeString(input.resolve("a.txt"), "a1\na2");
    Files.writeString(input.resolve("c.txt"), "");
    Files.writeString(input.resolve(".hidden"), "nope\n");
    Files.writeString(input.resolve("_SUCCESS"), "nope\n");
    Files.createDirectories(input.resolve("subdir"));

    // When / Then: one instance reads all files in order; four instances read a file each
    assertEquals(List.of("a1", "a2", "b1", "b2"), read(input, 1));
    assertEquals(List.of("a1", "a2", "b1", "b2"), sorted(read(input, 4)));
  }

  @Test
  void when_fileLargerThanAChunk_then_everyLineOnceInOrder() throws IOException {
    // Given: 3.6 MB of short lines (several 1 MiB chunks, lines crossing their boundaries) and
    // one line of 1.5 MiB (longer than a chunk)
    List<String> expected = new ArrayList<>();
    IntStream.range(0, 150_000).forEach(i -> expected.add(String.format("line-%06d", i)));
    expected.add("x".repeat(3 << 19));
    IntStream.range(150_000, 300_000).forEach(i -> expected.add(String.format("line-%06d", i)));
    Path file = dir.resolve("large.txt");
    Files.write(file, expected, StandardCharsets.UTF_8);
    assertTrue(Files.size(file) > 4 << 20);

    // When
    List<String> lines = read(file, 1);

    // Then
    LongLists.assertSameList(expected, lines);
  }

  @Test
  void when_numberedLines_then_fileAndLineNumberKnown() throws IOException {
    // Given
    Path file = write("numbered.txt", "x\ny\n");
    var env = env(1);
    env.fromSource(TextFileSource.numberedLines(file.toString()), "numbered")
        .map(l -> l.lineNumber() + ":" + l.text() + "@" + Path.of(l.file()).getFileName())
        .collect("lines");

    // When
    var job = env.executeAsync("numbered");
    job.result().await();

    // Then
    assertEquals(List.of("1:x@numbered.txt", "2:y@numbered.txt"), job.collected("lines"));
  }

  @Test
  void when_inputPathMissing_then_jobFailsNamingTheSourceAndThePath() {
    // Given
    Path missing = dir.resolve("does-not-exist");
    var env = env(2);
    env.readTextFile(missing.toString()).collect("lines");

    // When
    var job = env.executeAsync("missing input");
    var e = assertThrows(TaskFailureException.class, () -> job.result().await());

    // Then
    assertEquals("text " + missing, e.operator());
    assertEquals(IllegalArgumentException.class.getName(), e.causeClass());
    assertEquals("input path does not exist: " + missing, e.causeMessage());
  }

  private static List<String> visibleAndHidden(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void when_sinkAtParallelismOne_then_oneFileWithEveryLineInOrder() throws IOException {
    // Given
    Path out = dir.resolve("out.txt");
    var env = env(1);
    env.generate(1000, i -> "record " + i).writeAsText(out.toString());

    // When
    env.execute("write file");

    // Then
    List<String> expected = IntStream.range(0, 1000).mapToObj(i -> "record " + i).toList();
    assertEquals(expected, Files.readAllLines(out));
    assertEquals(List.of("out.txt"), visibleAndHidden(dir));
  }

  @Test
  void when_sinkParallel_then_directoryOfPartFilesAndNoLeftovers() throws IOException {
    // Given: an output directory that does not exist yet, under a parent that does not either
    Path out = dir.resolve("new").resolve("out");
    var env = env(3);
    env.generate(30_000, i -> i).writeAsText(out.toString(), i -> "n=" + i);

    // When
    env.execute("write parts");

    // Then: the directories were created at commit, and nothing else is left anywhere
    assertEquals(List.of("part-0", "part-1", "part-2"), visibleAndHidden(out));
    assertEquals(List.of("new"), visibleAndHidden(dir));
    List<String> lines = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      List<String> part = Files.readAllLines(out.resolve("part-" + p));
      assertEquals(10_000, part.size(), "part-" + p);
      lines.addAll(part);
    }
    assertEquals(sorted(IntStream.range(0, 30_000).mapToObj(i -> "n=" + i).toList()), sorted(lines));
  }

  @Test
  void when_outputIsAnEmptyDirectory_then_partFilesGoIntoIt() throws IOException {
    // Given
    Path out = Files.createDirectories(dir.resolve("empty"));
    var env = env(2);
    env.generate(10, i -> i).writeAsText(out.toString());

    // When
    env.execute("into empty directory");

    // Then
    assertEquals(List.of("part-0", "part-1"), visibleAndHidden(out));
  }

  /** Every file under {@code root}, with its bytes, to compare before and after a job. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    var files = new TreeMap<String, String>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : (Iterable<Path>) all::iterator) {
        String name = root.relativize(p).toString();
        files.put(name, Files.isDirectory(p) ? "<dir>" : HexFormat.of().formatHex(Files.readAllBytes(p)));
      }
    }
    return files;
  }

  @Test
  void when_outputDirectoryHoldsFiles_then_theJobIsRefusedAndEveryFileKept() throws IOException {
    // Given: part files of an earlier, wider run, a user file named part-7, and a note
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("part-0"), "earlier\n");
    Files.writeString(out.resolve("part-3"), "earlier\n");
    Files.writeString(out.resolve("part-7"), "my own file\n");
    Files.writeString(out.resolve("notes.txt"), "keep me\n");
    var before = snapshot(dir);
    var env = env(2);
    env.generate(1000, i -> i).writeAsText(out.toString());

    // When
    var e = assertThrows(InvalidJobException.class, () -> env.execute("into a full directory"));

    // Then: refused before it was submitted, naming the sink; nothing touched
    assertTrue(e.getMessage().startsWith("job 'into a full directory' is invalid: sink 'text " + out
        + "': output directory " + out + " is not empty"), e.getMessage());
    assertEquals(before, snapshot(dir));
  }

  @Test
  void when_outputIsAnExistingFileAndTheSinkIsParallel_then_refusedAndTheFileByteIdentical() throws IOException {
    // Given: a user file where a directory of part files would go; the job would also fail
    Path out = Files.write(dir.resolve("precious.bin"), new byte[] {0, 1, 2, (byte) 0xff, '\n'});
    var before = snapshot(dir);
    var env = env(2);
    env.generate(1000, i -> i)
        .map(i -> {
          if (i == 500) {
            throw new IllegalStateException("stop");
          }
          return i;
        })
        .writeAsText(out.toString());

    // When
    var e = assertThrows(InvalidJobException.class, () -> env.execute("over a file"));

    // Then
    assertTrue(e.getMessage().contains("sink 'text " + out + "': output path " + out
        + " is a file, but at parallelism 2 the output is a directory of part files"), e.getMessage());
    assertEquals(before, snapshot(dir));
  }

  @Test
  void when_outputFileExists_then_refusedAndKept() throws IOException {
    // Given
    Path out = Files.writeString(dir.resolve("out.txt"), "mine\n");
    var env = env(1);
    env.fromElements("a", "b").writeAsText(out.toString());

    // When
    var e = assertThrows(InvalidJobException.class, () -> env.execute("over a file at p1"));

    // Then
    assertTrue(e.getMessage().contains("': output file " + out + " already exists"), e.getMessage());
    assertEquals("mine\n", Files.readString(out));
  }

  @Test
  void when_hiddenFilesSitNextToTheOutput_then_theJobLeavesThemAlone() throws IOException {
    // Given: a user's hidden file with the name earlier versions gave their in-progress files
    Path stale = Files.writeString(dir.resolve(".out.txt.inprogress"), "not the job's\n");
    Path out = dir.resolve("out.txt");
    var env = env(1);
    env.fromElements("a", "b").writeAsText(out.toString());

    // When
    env.execute("beside a hidden file");

    // Then
    assertEquals(List.of("a", "b"), Files.readAllLines(out));
    assertEquals("not the job's\n", Files.readString(stale));
    assertEquals(List.of(".out.txt.inprogress", "out.txt"), visibleAndHidden(dir));
  }

  @Test
  void when_aParallelJobFails_then_nothingIsCreatedAndNothingLeftBehind() throws IOException {
    // Given: an output under a missing directory, and an existing empty output directory
    Path missing = dir.resolve("missing").resolve("out");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    for (Path out : List.of(missing, empty)) {
      var env = env(2).setRuntimeMode(RuntimeMode.STREAMING);
      env.generate(200_000, i -> i)
          .map(i -> {
            if (i == 150_000) {
              throw new IllegalStateException("stop");
            }
            return "some text to fill the files " + i;
          })
          .name("failing")
          .writeAsText(out.toString());

      // When
      var e = assertThrows(TaskFailureException.class, () -> env.execute("fail into " + out.getFileName()));

      // Then: no directory made, no in-progress file left; the empty directory stays empty
      assertEquals("failing", e.operator());
      Await.until("in-progress files removed", Duration.ofSeconds(10),
          () -> temporaryFiles(dir).isEmpty() && temporaryFiles(empty).isEmpty(),
          () -> temporaryFiles(dir) + " " + temporaryFiles(empty));
      assertEquals(List.of("empty"), visibleAndHidden(dir));
      assertEquals(List.of(), visibleAndHidden(empty));
    }
  }

  @Test
  void when_anOperatorOpenedAfterTheFileSinkThrows_then_jobFailsAndNothingLeftBehind() throws IOException {
    // Given: a chain whose sink opens (its in-progress file created) before the function before
    // it, whose open throws; one output to a missing file, one into an existing empty directory
    Path file = dir.resolve("never.txt");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    for (var output : List.of(Map.entry(file, 1), Map.entry(empty, 2))) {
      var env = env(output.getValue()).setRuntimeMode(RuntimeMode.STREAMING);
      env.generate(100, i -> i).process(new FailuresIT.FailingOpen()).name("opener").writeAsText(output.getKey().toString());

      // When
      var e = assertThrows(TaskFailureException.class, () -> env.execute("open fails after the sink"));

      // Then: the user's exception is the cause; the sink's in-progress files go (the failed
      // subtask's before the result; at parallelism 2 the other subtask's when its cancel has run,
      // which may follow the result: awaited), and the output path is as it was
      assertEquals("opener", e.operator());
      assertEquals(IllegalArgumentException.class.getName(), e.causeClass());
      assertEquals("bad config in opener", e.causeMessage());
      Await.until("in-progress files removed", Duration.ofSeconds(10),
          () -> temporaryFiles(dir).isEmpty() && temporaryFiles(empty).isEmpty(),
          () -> temporaryFiles(dir) + " " + temporaryFiles(empty));
      assertEquals(List.of("empty"), visibleAndHidden(dir));
      assertEquals(List.of(), visibleAndHidden(empty));
    }
  }

  private static List<String> temporaryFiles(Path directory) {
    try {
      return visibleAndHidden(directory).stream().filter(n -> n.endsWith(".inprogress")).toList();
    } catch (IOException e) {
      return List.of(e.toString());
    }
  }

  @Test
  void when_jobFailsAfterASinkFinished_then_noOutputCommitted() throws IOException {
    // Given: a short branch writes a file and finishes; another branch fails 300 ms later
    Path out = dir.resolve("committed.txt");
    var env = env(1);
    env.fromElements("a", "b").writeAsText(out.toString());
    env.fromSource(TestSources.<String>quiet(List.of(List.of(new TestSources.Pause(300), "boom"))), "late")
        .map(s -> {
          throw new IllegalStateException(s);
        })
        .name("late failure")
        .sinkTo(TestSinks.toQueue("unused-" + dir));

    // When
    var e = assertThrows(TaskFailureException.class, () -> env.execute("fail after commit"));

    // Then: nothing committed, and the finished sink's in-progress file goes too (removed by
    // the TaskManagers after the result: awaited, else @TempDir's cleanup races the removal)
    assertEquals("late failure", e.operator());
    assertFalse(Files.exists(out), "a failed job must not leave committed output");
    Await.until("in-progress file removed", Duration.ofSeconds(10), () -> temporaryFiles(dir).isEmpty(),
        () -> temporaryFiles(dir));
    assertEquals(List.of(), visibleAndHidden(dir));
  }

  @Test
  void when_printSink_then_linesOnStandardOutputPrefixedBySubtaskWhenParallel() {
    // Given
    PrintStream original = System.out;
    var captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      var single = env(1);
      single.fromElements("a", "b").print();
      single.execute("print");
      var parallel = env(2);
      parallel.fromElements("a", "b", "c", "d").print();
      parallel.execute("print parallel");
    } finally {
      System.setOut(original);
    }

    // Then: instance 0 reads elements 0 and 2, instance 1 elements 1 and 3
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(List.of("a", "b"), lines.subList(0, 2));
    assertEquals(List.of("1> a", "1> c", "2> b", "2> d"), sorted(lines.subList(2, lines.size())));
    assertFalse(lines.contains("1> b"));
  }
}
