package io.vortex.launcher;

import io.vortex.api.RuntimeMode;
import io.vortex.api.StreamEnvironment;
import io.vortex.api.VortexJob;
import io.vortex.api.client.JobCancelledException;
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
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code vortex local}: runs an example or a job class on an embedded mini-cluster. */
@Command(
    name = "local",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a job on an embedded mini-cluster (one JobManager and N TaskManagers in this JVM).",
      "Run an example with --example NAME --input PATH --output PATH, or a job class with --job CLASS [-- ARGS...].",
      "Examples: wordcount, fraud-detection, monitoring."
    },
    sortOptions = false)
final class LocalCommand implements Callable<Integer> {
  /** Returned when a signal cancelled the job; the JVM exits with the signal's status (130, 143). */
  static final int INTERRUPTED = 130;

  @Option(names = "--taskmanagers", paramLabel = "N", defaultValue = "1",
      description = "TaskManagers to start (default: ${DEFAULT-VALUE}).")
  int taskManagers;

  @Option(names = "--slots", paramLabel = "S",
      description = "Slots per TaskManager (default: the number of cores, or enough for --parallelism).")
  Integer slots;

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
      description = "Default parallelism of the job's operators (default: all slots of the cluster).")
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

  @Override
  public Integer call() throws Exception {
    RuntimeMode runtimeMode = parseMode();
    checkTopology();
    Example ex = example == null ? null : resolveExample();
    if ((ex == null) == (jobClass == null)) {
      throw new UsageException("give either --example NAME or --job CLASS");
    }
    int totalNeeded = parallelism == null ? 0 : parallelism;
    int slotsPerTm = slots != null ? slots
        : Math.max(Runtime.getRuntime().availableProcessors(), (totalNeeded + taskManagers - 1) / taskManagers);
    if (ex != null) {
      ExamplePaths.check(input, output, parallelism != null ? parallelism : taskManagers * slotsPerTm);
    }
    // the command line's --mode and --parallelism: a job's own setters override them
    Consumer<StreamEnvironment> defaults = env -> {
      env.setRuntimeMode(runtimeMode);
      if (parallelism != null) {
        env.setParallelism(parallelism);
      }
    };
    try (StopOnSignal signals = new StopOnSignal()) {
      try (MiniCluster cluster = MiniCluster.startBlocking(taskManagers, slotsPerTm)) {
        RunningJobs jobs = signals.watch(new RunningJobs(cluster));
        return ex != null ? runExample(jobs, defaults, ex) : runJobClass(jobs, defaults);
      } catch (JobCancelledException e) {
        if (!signals.stopping()) {
          throw e;
        }
        // the mini-cluster has stopped: every task is closed and its in-progress files removed
        System.err.println("vortex: interrupted: cancelled " + signals.cancelledJobs()
            + "; in-progress files removed, the output path is as it was");
        return INTERRUPTED;
      }
    }
  }

  private RuntimeMode parseMode() {
    try {
      return RuntimeMode.valueOf(mode.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("unknown --mode '" + mode + "': use automatic, streaming or batch");
    }
  }

  private void checkTopology() {
    if (taskManagers < 1) {
      throw new UsageException("--taskmanagers must be at least 1, was " + taskManagers);
    }
    if (slots != null && slots < 1) {
      throw new UsageException("--slots must be at least 1, was " + slots);
    }
    if (parallelism != null && parallelism < 1) {
      throw new UsageException("--parallelism must be at least 1, was " + parallelism);
    }
    if (parallelism != null && slots != null && parallelism > slots * taskManagers) {
      throw new UsageException("--parallelism " + parallelism + " is above the " + slots * taskManagers
          + " slots of " + taskManagers + " TaskManager(s) with " + slots + " slots each");
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
    ex.build(env, input.toString(), output.toString());
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
