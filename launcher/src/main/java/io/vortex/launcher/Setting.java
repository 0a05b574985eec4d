package io.vortex.launcher;

import java.util.Locale;

/**
 * One setting of the cluster commands, defined once: its config-file key, from which its flag
 * ({@code --KEY}) and environment variable ({@code VORTEX_KEY}) follow, and its default.
 *
 * <p>Threading: immutable.
 *
 * @param key the config-file key, e.g. {@code rpc-port}
 * @param defaultValue the value when no flag, variable or file sets it; empty for none
 */
record Setting(String key, String defaultValue) {
  static final Setting CONFIG = new Setting("config", "");
  static final Setting CLUSTER_NAME = new Setting("cluster-name", "vortex");
  static final Setting JOIN = new Setting("join", "127.0.0.1");
  static final Setting HOST = new Setting("host", "127.0.0.1");
  static final Setting DISCOVERY = new Setting("discovery", "tcp");
  static final Setting KUBERNETES_NAMESPACE = new Setting("kubernetes-namespace", "");
  static final Setting KUBERNETES_SERVICE = new Setting("kubernetes-service", "");
  static final Setting HEARTBEAT_INTERVAL = new Setting("heartbeat-interval", "1");
  static final Setting HEARTBEAT_TIMEOUT = new Setting("heartbeat-timeout", "5");
  static final Setting RPC_PORT = new Setting("rpc-port", "6123");
  static final Setting SLOT_TIMEOUT = new Setting("slot-timeout", "300");
  static final Setting RPC_BUFFER = new Setting("rpc-buffer", "8");
  static final Setting SLOTS = new Setting("slots", "");
  static final Setting DATA_PORT = new Setting("data-port", "0");

  /**
   * The keys a config file may hold: those of both commands, so that one file serves a JobManager
   * and its TaskManagers (each command ignores the other's keys). {@code config} is not one.
   */
  static final java.util.List<Setting> FILE_KEYS = java.util.List.of(CLUSTER_NAME, JOIN, HOST, DISCOVERY,
      KUBERNETES_NAMESPACE, KUBERNETES_SERVICE, HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT, RPC_PORT, SLOT_TIMEOUT,
      RPC_BUFFER, SLOTS, DATA_PORT);

  String flag() {
    return "--" + key;
  }

  String environmentVariable() {
    return "VORTEX_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }
}
