package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigFileTest {
  @Test
  void when_linesHoldKeysCommentsAndBlanks_then_eachValueKeepsItsLine() {
    // When
    ConfigFile file = ConfigFile.parse("vortex.properties", List.of(
        "# a cluster on two hosts", "", "cluster-name = prod", "  join: 10.0.0.1:5701,10.0.0.2", "! old style comment",
        "slots=4"));

    // Then
    assertEquals(Optional.of(new Settings.Value("prod", "vortex.properties:3: cluster-name")), file.get(Setting.CLUSTER_NAME));
    assertEquals(Optional.of(new Settings.Value("10.0.0.1:5701,10.0.0.2", "vortex.properties:4: join")), file.get(Setting.JOIN));
    assertEquals("vortex.properties:6: slots", file.get(Setting.SLOTS).orElseThrow().origin());
    assertEquals(Optional.empty(), file.get(Setting.HOST));
  }

  @Test
  void when_aKeyIsUnknown_then_theErrorNamesFileLineAndKey() {
    // When
    var e = assertThrows(UsageException.class,
        () -> ConfigFile.parse("conf/tm.properties", List.of("slots = 2", "slot = 3")));

    // Then
    assertTrue(e.getMessage().startsWith("conf/tm.properties:2: unknown key 'slot' (the keys are: cluster-name, join,"),
        e.getMessage());
  }

  @Test
  void when_aLineHasNoSeparator_then_itIsRefused() {
    var e = assertThrows(UsageException.class, () -> ConfigFile.parse("f", List.of("slots 2")));
    assertEquals("f:1: expected 'key = value', found 'slots 2'", e.getMessage());
  }

  @Test
  void when_aKeyIsSetTwice_then_bothLinesAreNamed() {
    var e = assertThrows(UsageException.class, () -> ConfigFile.parse("f", List.of("host=a", "", "host=b")));
    assertEquals("f:3: host is already set on line 1", e.getMessage());
  }

  @Test
  void when_aValueContinuesOnTheNextLine_then_itIsRefusedRatherThanMisread() {
    var e = assertThrows(UsageException.class, () -> ConfigFile.parse("f", List.of("join = a,\\", "  b")));
    assertEquals("f:1: join: continuation lines are not supported", e.getMessage());
  }

  @Test
  void when_theFileIsMissing_then_theErrorNamesTheOptionAndPath() {
    var e = assertThrows(UsageException.class, () -> ConfigFile.read("/no/such/vortex.properties", "--config"));
    assertTrue(e.getMessage().startsWith("--config: cannot read the config file '/no/such/vortex.properties' (NoSuchFileException"),
        e.getMessage());
  }
}
