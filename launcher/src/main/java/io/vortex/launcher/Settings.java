package io.vortex.launcher;

import java.util.Map;
import java.util.Objects;

/**
 * Where each setting of a cluster command comes from: its flag, else its environment variable,
 * else the config file, else its default. Each value remembers its origin, so a bad one is
 * reported where the user wrote it ({@code --slots}, {@code VORTEX_SLOTS},
 * {@code vortex.properties:3: slots}).
 *
 * <p>Threading: immutable.
 */
final class Settings {
  private final Map<String, String> environment;
  private final ConfigFile file;

  private Settings(Map<String, String> environment, ConfigFile file) {
    this.environment = Map.copyOf(environment);
    this.file = file;
  }

  /** The settings of a command given {@code configFlag} (null: none on the command line). */
  static Settings load(String configFlag, Map<String, String> environment) {
    Settings withoutFile = new Settings(environment, ConfigFile.NONE);
    Value config = withoutFile.get(Setting.CONFIG, configFlag);
    return config.text().isEmpty() ? withoutFile
        : new Settings(environment, ConfigFile.read(config.text(), config.origin()));
  }

  /** The value of {@code setting}; {@code flagValue} is what its flag was given, null if absent. */
  Value get(Setting setting, String flagValue) {
    if (flagValue != null) {
      return new Value(flagValue.strip(), setting.flag());
    }
    String variable = environment.get(setting.environmentVariable());
    if (variable != null) {
      return new Value(variable.strip(), setting.environmentVariable());
    }
    return file.get(setting).orElseGet(() -> new Value(setting.defaultValue(), setting.key() + " (default)"));
  }

  /**
   * A setting's text and where it came from.
   *
   * @param text the value as written, stripped; empty when unset
   * @param origin the flag, variable or {@code FILE:LINE: key} that set it
   */
  record Value(String text, String origin) {
    Value {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(origin, "origin");
    }

    /** An integer in {@code min..max}. */
    int intIn(int min, int max) {
      int value;
      try {
        value = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        throw invalid("must be a whole number");
      }
      if (value < min || value > max) {
        throw invalid(max == Integer.MAX_VALUE ? "must be at least " + min : "must be " + min + ".." + max);
      }
      return value;
    }

    /** A TCP port, 0 for any free one. */
    int port() {
      return intIn(0, 65_535);
    }

    /** A non-empty text. */
    String required() {
      if (text.isEmpty()) {
        throw invalid("must not be empty");
      }
      return text;
    }

    /** The text, or null when empty. */
    String orNull() {
      return text.isEmpty() ? null : text;
    }

    UsageException invalid(String why) {
      return new UsageException(origin + " " + why + ", is " + (text.matches("-?\\d+") ? text : "'" + text + "'"));
    }
  }
}
