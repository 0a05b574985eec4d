package io.vortex.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cluster config file ({@code --config FILE}): one {@code key = value} (or {@code key: value})
 * per line, keys as the flags without {@code --}, {@code #} or {@code !} comment lines, blank lines.
 * A properties file rather than YAML: the settings are flat, like the flags; no YAML library joins
 * the fat jar; and reading it line by line keeps each value's line number for the error message,
 * which {@link java.util.Properties} drops. Its escapes and continuation lines are refused rather
 * than misread.
 *
 * <p>Threading: immutable.
 */
final class ConfigFile {
  /** A value and the line it came from (1-based). */
  record Entry(String value, int line) {}

  static final ConfigFile NONE = new ConfigFile("", Map.of());
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9-]*");

  private final String name;
  private final Map<String, Entry> entries;

  private ConfigFile(String name, Map<String, Entry> entries) {
    this.name = name;
    this.entries = Map.copyOf(entries);
  }

  /** Reads {@code path}; an unreadable file, an unknown key or a malformed line is a {@link UsageException}. */
  static ConfigFile read(String path, String origin) {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(path));
    } catch (IOException | RuntimeException e) {
      throw new UsageException(origin + ": cannot read the config file '" + path + "' ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    return parse(path, lines);
  }

  /** Parses {@code lines} of the file called {@code name} (as the user wrote it, for messages). */
  static ConfigFile parse(String name, List<String> lines) {
    Set<String> known = Setting.FILE_KEYS.stream().map(Setting::key).collect(Collectors.toSet());
    Map<String, Entry> entries = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      int number = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int separator = firstSeparator(line);
      if (separator <= 0) {
        throw error(name, number, "expected 'key = value', found '" + line + "'");
      }
      String key = line.substring(0, separator).strip();
      String value = line.substring(separator + 1).strip();
      if (!KEY.matcher(key).matches() || !known.contains(key)) {
        throw error(name, number, "unknown key '" + key + "' (the keys are: "
            + Setting.FILE_KEYS.stream().map(Setting::key).collect(Collectors.joining(", ")) + ")");
      }
      if (value.endsWith("\\")) {
        throw error(name, number, key + ": continuation lines are not supported");
      }
      Entry earlier = entries.putIfAbsent(key, new Entry(value, number));
      if (earlier != null) {
        throw error(name, number, key + " is already set on line " + earlier.line());
      }
    }
    return new ConfigFile(name, entries);
  }

  private static int firstSeparator(String line) {
    int equals = line.indexOf('=');
    int colon = line.indexOf(':');
    return equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
  }

  private static UsageException error(String name, int line, String what) {
    return new UsageException(name + ":" + line + ": " + what);
  }

  /** The value of {@code setting} in this file, if set, named {@code FILE:LINE: key} for messages. */
  Optional<Settings.Value> get(Setting setting) {
    Entry entry = entries.get(setting.key());
    return entry == null ? Optional.empty()
        : Optional.of(new Settings.Value(entry.value(), name + ":" + entry.line() + ": " + setting.key()));
  }
}
