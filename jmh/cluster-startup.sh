#!/usr/bin/env bash
# Start-up times of a Vortex cluster of processes on this machine, REPS (3) times each, every
# process started as a user starts it: through launcher/target/vortex (the script `mvn package`
# puts beside the fat jar, which runs it with the build's class-data archive), with JVM_FLAGS
# (default: PEERS.md's heap and GC, -Xms4g -Xmx4g -XX:+UseG1GC). JAR=<a fat jar> starts
# `java JVM_FLAGS -cp JAR io.vortex.launcher.VortexCommand` instead (no archive: the way to
# measure what the archive buys, or jmh/target/benchmarks.jar's start-up).
#   tm_ready_ms    `vortex taskmanager --slots 1` started -> its ready line (slots offered,
#                  registered with the JobManager), each TaskManager a fresh JVM joining the
#                  same running JobManager once the cluster is at rest (each process started
#                  so far uses under 5 % of a core, as an idle member does, at most
#                  30 s of waiting; SETTLE=0 starts each at once, while the JVMs started just
#                  before are still compiling on the same cores); tm_cpu_ms: the CPU that JVM
#                  had used by then;
#   run_running_ms `vortex run --example wordcount` (a 1-line input, parallelism 2) started ->
#                  its RUNNING status line (every task deployed and started);
#   run_done_ms    the same -> the command's exit after FINISHED: an upper bound of the time to
#                  the first record processed (the only record); run_cpu_ms: the client's CPU.
# Prints one line per measurement and the medians; stops every process it started.
#
#   jmh/cluster-startup.sh
#   REPS=5 JVM_FLAGS="-Xmx512m" jmh/cluster-startup.sh
#   SETTLE=0 jmh/cluster-startup.sh                              # back to back, no rest between
#   JAR=launcher/target/vortex.jar jmh/cluster-startup.sh      # the same jar without the archive
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA:-java}"
REPS="${REPS:-3}"
SETTLE="${SETTLE:-1}"
[[ "$REPS" =~ ^[1-9][0-9]{0,2}$ ]] || { echo "cluster-startup.sh: REPS must be 1-999, is '${REPS:0:40}'" >&2; exit 2; }
[[ "$SETTLE" == 0 || "$SETTLE" == 1 ]] || { echo "cluster-startup.sh: SETTLE must be 0 or 1, is '${SETTLE:0:40}'" >&2; exit 2; }
read -r -a FLAGS <<<"${JVM_FLAGS:--Xms4g -Xmx4g -XX:+UseG1GC}"
if [[ -n "${JAR:-}" ]]; then
  JAR="$(realpath "$JAR")"
  VORTEX=("$JAVA" "${FLAGS[@]}" -cp "$JAR" io.vortex.launcher.VortexCommand)
  HOW="java -cp $JAR"
else
  VORTEX=("$ROOT/launcher/target/vortex")
  export VORTEX_JAVA_OPTS="${FLAGS[*]}"
  HOW="$ROOT/launcher/target/vortex (archive: $([[ -f $ROOT/launcher/target/vortex.jsa ]] && echo yes || echo none))"
fi
NAME="startup-$$-$RANDOM"
DIR="$(mktemp -d)"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$DIR"
}
trap cleanup EXIT
# Ctrl-C (and SIGTERM) end the script, whatever it waits in, and so run cleanup: the JVMs it
# started in the background ignore SIGINT, as background jobs of a script do
trap 'exit 130' INT
trap 'exit 143' TERM

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# Waits (at most 180 s) until FILE has a line matching REGEX.
await_line() {
  local file="$1" regex="$2" i
  for ((i = 0; i < 18000; i++)); do
    grep -Eq "$regex" "$file" 2>/dev/null && return 0
    sleep 0.01
  done
  echo "no line matching '$regex' in $file:" >&2
  cat "$file" >&2
  exit 1
}

# CPU milliseconds the processes started so far have used.
cluster_cpu_ms() {
  local p c total=0
  for p in "${PIDS[@]}"; do
    c="$(cpu_ms "$p" 2>/dev/null)" || c=0 # a process that has just ended counts nothing
    total=$((total + ${c:-0}))
  done
  echo "$total"
}

# With SETTLE=1: waits until those processes use under 5 % of a core each (25 ms of CPU each in
# 0.5 s; an idle member's heartbeats take about 3 %), at most 30 s; prints how long it waited.
settle() {
  [[ "$SETTLE" == 1 ]] || { echo 0; return; }
  local t0 before i
  t0="$(now_ms)"
  for ((i = 0; i < 60; i++)); do
    before="$(cluster_cpu_ms)"
    sleep 0.5
    (($(cluster_cpu_ms) - before < 25 * ${#PIDS[@]})) && break
  done
  echo $(($(now_ms) - t0))
}

median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

# CPU milliseconds (user + system) process PID has used so far.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$1/stat"; }

echo "# $(date -Is) load: $(cut -d' ' -f1-3 /proc/loadavg) via $HOW flags=${FLAGS[*]} settle=$SETTLE"
"${VORTEX[@]}" jobmanager --cluster-name "$NAME" --rpc-port 0 >"$DIR/jm.out" 2>"$DIR/jm.err" &
PIDS+=($!)
await_line "$DIR/jm.out" "serves jobs at "
JM="$(sed -n "s/.* serves jobs at \([^ ]*\).*/\1/p" "$DIR/jm.out" | head -1)"

tm_times=()
tm_cpus=()
for ((r = 1; r <= REPS + 1; r++)); do # one more TaskManager: the job below runs on two
  waited="$(settle)"
  t0="$(now_ms)"
  "${VORTEX[@]}" taskmanager --cluster-name "$NAME" --slots 1 >"$DIR/tm$r.out" 2>"$DIR/tm$r.err" &
  tm_pid=$!
  PIDS+=("$tm_pid")
  await_line "$DIR/tm$r.out" "offers [0-9]+ slots"
  ms=$(($(now_ms) - t0))
  cpu="$(cpu_ms "$tm_pid")"
  echo "tm_ready_ms=$ms tm_cpu_ms=$cpu ($(grep -o 'registered in [0-9]* ms' "$DIR/tm$r.out")) load1=$(cut -d' ' -f1 /proc/loadavg) settled_after_ms=$waited"
  if [ "$r" -le "$REPS" ]; then
    tm_times+=("$ms")
    tm_cpus+=("$cpu")
  fi
done

echo "to be or not to be" >"$DIR/words.txt"
running=()
done_times=()
run_cpus=()
for ((r = 1; r <= REPS; r++)); do
  waited="$(settle)"
  t0="$(now_ms)"
  /usr/bin/time -o "$DIR/run$r.cpu" -f "%U %S" "${VORTEX[@]}" run --jobmanager "$JM" --example wordcount --parallelism 2 \
    --input "$DIR/words.txt" --output "$DIR/out$r" >"$DIR/run$r.out" 2>&1 & # status on stderr
  run_pid=$!
  await_line "$DIR/run$r.out" "RUNNING"
  t1="$(now_ms)"
  wait "$run_pid" || { cat "$DIR/run$r.out" >&2; exit 1; }
  t2="$(now_ms)"
  cpu="$(awk '{print int(($1 + $2) * 1000)}' "$DIR/run$r.cpu")"
  echo "run_running_ms=$((t1 - t0)) run_done_ms=$((t2 - t0)) run_cpu_ms=$cpu load1=$(cut -d' ' -f1 /proc/loadavg) settled_after_ms=$waited"
  running+=("$((t1 - t0))")
  done_times+=("$((t2 - t0))")
  run_cpus+=("$cpu")
done
echo "median tm_ready_ms=$(printf '%s\n' "${tm_times[@]}" | median)" \
  "tm_cpu_ms=$(printf '%s\n' "${tm_cpus[@]}" | median)" \
  "run_running_ms=$(printf '%s\n' "${running[@]}" | median)" \
  "run_done_ms=$(printf '%s\n' "${done_times[@]}" | median)" \
  "run_cpu_ms=$(printf '%s\n' "${run_cpus[@]}" | median)"
