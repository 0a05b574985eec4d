package io.vortex.launcher;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.VortexJob;
import io.vortex.api.client.JobResult;
import io.vortex.examples.Example;
import io.vortex.examples.Examples;
import io.vortex.examples.FraudDetection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What job to run and its defaults, shared by {@code vortex local} and {@code vortex run}: an
 * example with its input and output, or a job class with its arguments, and the default
 * parallelism and mode. Runs it on any {@link RunningJobs}.
 *
 * <p>Threading: confined to the command's thread.
 */
final class JobOptions {
  @Option(names = "--example", paramLabel = "NAME",
      description = "Example to run: wordcount, fraud-detection or monitoring.")
  String example;

  @Option(names = "--input", paramLabel = "PATH", description = "Input file or directory of an example.")
  Path input;

  @Option(names = "--output", paramLabel = "PATH",
      description = "Output of an example: a file at parallelism 1, else a directory of part files. "
          + "It must not exist yet, or be an empty directory (nothing is ever overwritten).")
  Path output;

  @Option(names = "--parallelism", paramLabel = "P",
      description = "Default parallelism of the job's operators (a job's own setParallelism wins; default: vortex local: all slots of the cluster, vortex run: 1).")
  Integer parallelism;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "automatic",
      description = "automatic (batch when all inputs are bounded), streaming or batch (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--fraud-max-out-of-orderness", paramLabel = "MS",
      description = "fraud-detection: let event time trail the newest transaction by MS milliseconds "
          + "(default: event time only ends with the input, so any disorder is tolerated).")
  Long fraudMaxOutOfOrdernessMillis;

  @Option(names = "--job", paramLabel = "CLASS",
      description = "A job class on the classpath: a io.vortex.api.VortexJob, or a class with a main method that uses StreamEnvironment.create().")
  String jobClass;

  @Parameters(paramLabel = "ARGS", description = "Arguments passed to the --job class.")
  List<String> jobArgs = List.of();

  /** The checked job: the example (or null for a job class) and the defaults for its environment. */
  record Checked(Example example, Consumer<StreamEnvironment> defaults) {}

  /**
   * Checks the arguments (bad ones throw {@link UsageException}); {@code sinkParallelism} is the
   * parallelism an example's output gets, for the output-path rules.
   */
  Checked check(java.util.function.IntUnaryOperator sinkParallelism) {
    RuntimeMode runtimeMode = parseMode();
    if (parallelism != null && parallelism < 1) {
      throw new UsageException("--parallelism must be at least 1, was " + parallelism);
    }
    Example ex = example == null ? null : resolveExample();
    if ((ex == null) == (jobClass == null)) {
      throw new UsageException("give either --example NAME or --job CLASS");
    }
    if (ex == null && (input != null || output != null)) {
      throw new UsageException("--input and --output are options of --example; give a --job class its paths as ARGS (after --)");
    }
    if (ex != null) {
      ExamplePaths.check(input, output, sinkParallelism.applyAsInt(parallelism == null ? 0 : parallelism));
    }
    // the command line's --mode and --parallelism: a job's own setters override them
    Consumer<StreamEnvironment> defaults = env -> {
      env.setRuntimeMode(runtimeMode);
      if (parallelism != null) {
        env.setParallelism(parallelism);
      }
    };
    return new Checked(ex, defaults);
  }

  /** Runs the checked job on {@code jobs}; returns the exit code. */
  int run(RunningJobs jobs, Checked checked) throws Exception {
    return checked.example() != null ? runExample(jobs, checked.defaults(), checked.example()) : runJobClass(jobs, checked.defaults());
  }

  private RuntimeMode parseMode() {
    try {
      return RuntimeMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --mode '" + mode + "': use automatic, streaming or batch");
    }
  }

  private Example resolveExample() {
    Example ex = Examples.byName(example).orElseThrow(() -> new UsageException(
        "unknown example '" + example + "'; choose one of: "
            + Examples.all().stream().map(Example::name).collect(Collectors.joining(", "))));
    if (fraudMaxOutOfOrdernessMillis != null) {
      if (!ex.name().equals("fraud-detection")) {
        throw new UsageException("--fraud-max-out-of-orderness only applies to --example fraud-detection");
      }
      if (fraudMaxOutOfOrdernessMillis < 0) {
        throw new UsageException("--fraud-max-out-of-orderness must not be negative");
      }
      return new FraudDetection(Duration.ofMillis(fraudMaxOutOfOrdernessMillis));
    }
    return ex;
  }

  private int runExample(RunningJobs jobs, Consumer<StreamEnvironment> defaults, Example ex) {
    StreamEnvironment env = StreamEnvironment.create(jobs);
    defaults.accept(env);
    // absolute: the TaskManagers that read and write them may run in another directory
    ex.build(env, input.toAbsolutePath().toString(), output.toAbsolutePath().toString());
    ex.report(execute(env, ex.name()), System.out);
    return 0;
  }

  private int runJobClass(RunningJobs jobs, Consumer<StreamEnvironment> defaults) throws Exception {
    Class<?> type;
    try {
      type = Class.forName(jobClass, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new UsageException("job class not found on the classpath: " + jobClass);
    }
    String[] args = jobArgs.toArray(new String[0]);
    if (VortexJob.class.isAssignableFrom(type)) {
      VortexJob job = (VortexJob) type.getDeclaredConstructor().newInstance();
      StreamEnvironment env = StreamEnvironment.create(jobs);
      defaults.accept(env);
      job.define(env, args);
      execute(env, type.getSimpleName());
      return 0;
    }
    Method main;
    try {
      main = type.getMethod("main", String[].class);
    } catch (NoSuchMethodException e) {
      throw new UsageException(jobClass + " is neither a io.vortex.api.VortexJob nor has a public static main(String[])");
    }
    if (!Modifier.isStatic(main.getModifiers())) {
      throw new UsageException(jobClass + ".main must be static");
    }
    StreamEnvironment.setContextEnvironment(jobs, defaults);
    try {
      main.invoke(null, (Object) args);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception ex ? ex : e;
    } finally {
      StreamEnvironment.setContextEnvironment(null, null);
    }
    jobs.awaitAll(); // a main may return while a job it started with executeAsync still runs
    return 0;
  }

  private static JobResult execute(StreamEnvironment env, String name) {
    JobResult result = env.execute(name);
    System.err.println("vortex: job '" + result.name() + "' finished in " + result.durationMillis() + " ms");
    return result;
  }
}
