package io.vortex.examples;

import java.util.List;
import java.util.Optional;

/** The examples the {@code vortex} command can run. */
public final class Examples {
  private static final List<Example> ALL =
      List.of(new WordCount(), new FraudDetection(), new Monitoring());

  private Examples() {}

  public static List<Example> all() {
    return ALL;
  }

  public static Optional<Example> byName(String name) {
    return ALL.stream().filter(e -> e.name().equals(name)).findFirst();
  }
}
