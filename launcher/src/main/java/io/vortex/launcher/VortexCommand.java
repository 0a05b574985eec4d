package io.vortex.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code vortex} command. */
@Command(
    name = "vortex",
    mixinStandardHelpOptions = true,
    versionProvider = VortexCommand.Version.class,
    description = "Vortex: a stream and batch processing engine on Vert.x.")
public final class VortexCommand implements Runnable {
  /**
   * The commands, in the order help lists them. Picocli builds a command's model by reflection
   * when it is added (its options, mixins and their types); a command line that names one command
   * gets only that one: 0.1 CPU s less of every {@code vortex taskmanager} start (12 interleaved
   * runs of {@code --version} with all eight commands built and with one, 929 vs 820 ms).
   */
  private static final Map<String, Supplier<Object>> COMMANDS = commands();

  private static Map<String, Supplier<Object>> commands() {
    Map<String, Supplier<Object>> commands = new LinkedHashMap<>();
    commands.put("local", LocalCommand::new);
    commands.put("jobmanager", JobManagerCommand::new);
    commands.put("taskmanager", TaskManagerCommand::new);
    commands.put("run", RunCommand::new);
    commands.put("list", JobCommands.ListCommand::new);
    commands.put("describe", JobCommands.DescribeCommand::new);
    commands.put("cancel", JobCommands.CancelCommand::new);
    commands.put("help", CommandLine.HelpCommand::new);
    return commands;
  }

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: " + commands(spec.commandLine()));
  }

  public static void main(String[] args) {
    JvmDefaults.apply();
    System.exit(execute(args));
  }

  /** Runs the command line; returns the exit code (0 ok, 1 job failed, 2 bad arguments or a refused job). */
  public static int execute(String... args) {
    CommandLine line = withCommands(new CommandLine(new VortexCommand()), args);
    CommandLine.IParameterExceptionHandler usual = line.getParameterExceptionHandler();
    return line
        .setExecutionExceptionHandler(new ErrorHandler())
        .setParameterExceptionHandler((e, badArgs) -> {
          Optional<Integer> unknown = unknownCommand(e);
          return unknown.isPresent() ? unknown.get() : usual.handleParseException(e, badArgs);
        })
        .execute(args);
  }

  /**
   * Adds the command the first argument names, or every command when it names none of them or
   * {@code help} (which lists them all), as {@code vortex}, {@code vortex --help} and a mistyped
   * command need.
   */
  private static CommandLine withCommands(CommandLine line, String... args) {
    String first = args.length > 0 ? args[0] : "";
    if (COMMANDS.containsKey(first) && !first.equals("help")) {
      return line.addSubcommand(first, COMMANDS.get(first).get());
    }
    COMMANDS.forEach((name, command) -> line.addSubcommand(name, command.get()));
    return line;
  }

  /** {@code vortex frobnicate}: says so and lists the commands, rather than "unmatched argument". */
  private static Optional<Integer> unknownCommand(CommandLine.ParameterException e) {
    CommandLine cmd = e.getCommandLine();
    if (!(cmd.getCommand() instanceof VortexCommand)
        || !(e instanceof CommandLine.UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()
        || unmatched.getUnmatched().get(0).startsWith("-")) {
      return Optional.empty();
    }
    cmd.getErr().println("error: unknown command '" + unmatched.getUnmatched().get(0) + "'; the commands are: "
        + commands(cmd) + " (see 'vortex help COMMAND')");
    return Optional.of(2);
  }

  private static String commands(CommandLine cmd) {
    return String.join(", ", cmd.getSubcommands().keySet());
  }

  /** Reports the version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = VortexCommand.class.getPackage().getImplementationVersion();
      return new String[] {"vortex " + (v == null ? "(development build)" : v)};
    }
  }

  /** Turns failures into one clear line on stderr and an exit code, never a bare stack trace. */
  static final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(
        Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
      if (e instanceof UsageException || Errors.isRefusedJob(e)) {
        cmd.getErr().println("error: " + Errors.describe(e));
        return 2;
      }
      cmd.getErr().println("error: " + Errors.describe(e));
      if (Boolean.getBoolean("vortex.stacktrace")) {
        e.printStackTrace(cmd.getErr());
      }
      return 1;
    }
  }
}
