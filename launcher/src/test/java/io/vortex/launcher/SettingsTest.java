package io.vortex.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vortex.cluster.node.ClusterOptions;
import io.vortex.cluster.node.ClusterOptions.Discovery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Precedence (flag, environment, file, default) and the checks of each value, with its origin. */
class SettingsTest {
  @TempDir Path dir;

  private String file(String... lines) throws IOException {
    Path path = dir.resolve("vortex.properties");
    Files.write(path, List.of(lines));
    return path.toString();
  }

  @Test
  void when_flagEnvironmentAndFileSetAKey_then_theFlagWinsThenTheEnvironmentThenTheFile() throws IOException {
    // Given
    String config = file("cluster-name = from-file", "host = 10.0.0.9", "rpc-port = 7000", "slots = 3");
    Settings settings = Settings.load(config, Map.of("VORTEX_CLUSTER_NAME", "from-env", "VORTEX_HOST", "10.0.0.8"));

    // Then
    assertEquals(new Settings.Value("from-flag", "--cluster-name"), settings.get(Setting.CLUSTER_NAME, "from-flag"));
    assertEquals(new Settings.Value("10.0.0.8", "VORTEX_HOST"), settings.get(Setting.HOST, null));
    assertEquals(new Settings.Value("7000", config + ":3: rpc-port"), settings.get(Setting.RPC_PORT, null));
    assertEquals(new Settings.Value("0", "data-port (default)"), settings.get(Setting.DATA_PORT, null));
  }

  @Test
  void when_theConfigFileComesFromTheEnvironment_then_itIsRead() throws IOException {
    // Given
    String config = file("slots = 3");

    // When
    Settings settings = Settings.load(null, Map.of("VORTEX_CONFIG", config));

    // Then
    assertEquals(3, settings.get(Setting.SLOTS, null).intIn(1, Integer.MAX_VALUE));
  }

  @Test
  void when_aFileValueIsBad_then_theErrorNamesFileLineAndKey() throws IOException {
    // Given
    String config = file("# ports", "rpc-port = 70000", "slots = many");
    Settings settings = Settings.load(config, Map.of());

    // Then
    assertEquals(config + ":2: rpc-port must be 0..65535, is 70000",
        assertThrows(UsageException.class, () -> settings.get(Setting.RPC_PORT, null).port()).getMessage());
    assertEquals(config + ":3: slots must be a whole number, is 'many'",
        assertThrows(UsageException.class, () -> settings.get(Setting.SLOTS, null).intIn(1, 9)).getMessage());
  }

  @Test
  void when_anEnvironmentValueIsBad_then_theErrorNamesTheVariable() {
    Settings settings = Settings.load(null, Map.of("VORTEX_DATA_PORT", "-1"));
    assertEquals("VORTEX_DATA_PORT must be 0..65535, is -1",
        assertThrows(UsageException.class, () -> settings.get(Setting.DATA_PORT, null).port()).getMessage());
  }

  private static ClusterOptions options(Map<String, String> env, String... flags) {
    JobManagerCommand command = new JobManagerCommand();
    new picocli.CommandLine(command).parseArgs(flags);
    return command.cluster.toOptions(Settings.load(command.cluster.config, env));
  }

  @Test
  void when_nothingIsSet_then_theDefaultsAreLoopbackTcpAndFastFailureDetection() {
    ClusterOptions options = options(Map.of());
    assertEquals(ClusterOptions.defaults(), options);
  }

  @Test
  void when_kubernetesDiscoveryIsChosen_then_namespaceAndServiceReachHazelcastsKubernetesConfig() throws IOException {
    // Given
    String config = file("discovery = kubernetes", "kubernetes-namespace = streams");

    // When
    ClusterOptions options = options(Map.of(), "--config", config, "--kubernetes-service", "vortex-hz");

    // Then
    assertEquals(Discovery.KUBERNETES, options.discovery());
    var kubernetes = options.toHazelcastConfig().getNetworkConfig().getJoin().getKubernetesConfig();
    assertEquals(true, kubernetes.isEnabled());
    assertEquals("streams", kubernetes.getProperty("namespace"));
    assertEquals("vortex-hz", kubernetes.getProperty("service-name"));
    var join = options.toHazelcastConfig().getNetworkConfig().getJoin();
    assertEquals(false, join.getTcpIpConfig().isEnabled());
    assertEquals(false, join.getMulticastConfig().isEnabled());
  }

  @Test
  void when_multicastIsChosen_then_onlyMulticastJoins() {
    var join = options(Map.of("VORTEX_DISCOVERY", "MULTICAST")).toHazelcastConfig().getNetworkConfig().getJoin();
    assertEquals(true, join.getMulticastConfig().isEnabled());
    assertEquals(false, join.getTcpIpConfig().isEnabled());
  }

  @Test
  void when_heartbeatsAreSet_then_hazelcastGetsThem() {
    var config = options(Map.of(), "--heartbeat-interval", "2", "--heartbeat-timeout", "12").toHazelcastConfig();
    assertEquals("2", config.getProperty("hazelcast.heartbeat.interval.seconds"));
    assertEquals("12", config.getProperty("hazelcast.max.no.heartbeat.seconds"));
  }

  @Test
  void when_theHeartbeatTimeoutIsNotAboveTheInterval_then_theErrorNamesBoth() {
    var e = assertThrows(UsageException.class,
        () -> options(Map.of("VORTEX_HEARTBEAT_TIMEOUT", "3"), "--heartbeat-interval", "3"));
    assertEquals("VORTEX_HEARTBEAT_TIMEOUT must be above the heartbeat interval (3 s, --heartbeat-interval), is 3",
        e.getMessage());
  }

  @Test
  void when_theDiscoveryIsUnknown_then_theChoicesAreNamed() {
    var e = assertThrows(UsageException.class, () -> options(Map.of(), "--discovery", "dns"));
    assertEquals("--discovery must be tcp, multicast or kubernetes, is 'dns'", e.getMessage());
  }

  @Test
  void when_aJoinAddressIsMalformed_then_itsOriginIsNamed() throws IOException {
    String config = file("join = 127.0.0.1:70000");
    var e = assertThrows(UsageException.class, () -> options(Map.of(), "--config", config));
    assertEquals(config + ":1: join: '127.0.0.1:70000' is not HOST or HOST:PORT", e.getMessage());
  }

  @Test
  void when_aConfigFileHasAnUnknownKey_then_theCommandExits2BeforeJoiningAnything() throws IOException {
    // Given
    String config = file("slots = 2", "heartbeat = 3");

    // When / Then: refused while reading the settings, before any cluster is started
    assertEquals(2, VortexCommand.execute("taskmanager", "--config", config));
    assertEquals(2, VortexCommand.execute("jobmanager", "--config", config));
  }
}
