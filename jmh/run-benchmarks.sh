#!/usr/bin/env bash
# Runs the peer-benchmark workloads (WORKLOADS.md) on the single-thread baseline and on Vortex,
# each run in a fresh JVM with the JVM flags of PEERS.md, REPS times, interleaved (one round of
# every variant, then the next round) so that machine drift hits all variants alike. Prints every
# RESULT line as it comes and, at the end, a table with medians and the vortex / baseline ratio
# measured in this invocation.
#
#   jmh/run-benchmarks.sh                    # W1 W2 W3 W4, 3 runs each, full sizes (~6 min)
#   REPS=5 jmh/run-benchmarks.sh W1 W3       # some workloads, more runs
#   W1_N=1000000 W2_N=1000000 W3_N=2000000 W4_SECONDS=4 W4_WARMUP=1 REPS=1 \
#     jmh/run-benchmarks.sh                  # quick check at WORKLOADS.md's small sizes
#
# Environment: REPS (3), PAR (2, Vortex parallelism), JAR (a copy of benchmarks.jar to run, so
# that a concurrent build cannot replace it mid-run; default jmh/target/benchmarks.jar),
# OUT (results file; default
# jmh/target/results/run-<time>.txt), JAVA (java), EXTRA_JVM_FLAGS (e.g. a JFR option),
# BUILD=never|auto|always (auto: rebuild when a source is newer than the jar), sizes W1_N,
# W2_N, W3_N, W4_SECONDS (read by BenchMain), W4_WARMUP (seconds, default 5) and QUIET_WAIT
# (on a shared machine: wait up to that many seconds before each run for the CPUs to be idle),
# PROCESSES=1 (add every Vortex variant again with --opt cluster=processes: a JobManager and
# PAR one-slot TaskManager processes with the same JVM flags), BASELINE=0 (skip the baseline)
# and SKIP=TEXT (skip the variants whose "workload|engine|options" contain TEXT, e.g. streaming).
# Each line also gets run=<round>, load1=<1-min load before the run> and, where /usr/bin/time
# exists, others_cpu_s=<CPU seconds used by *other* processes during the run>: on a shared
# machine a run with a large value there was disturbed and its figure should be treated with care.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
JAR="${JAR:-jmh/target/benchmarks.jar}"
JAVA="${JAVA:-java}"
REPS="${REPS:-3}"
PAR="${PAR:-2}"
BUILD="${BUILD:-auto}"
WORKLOADS=("$@")
if [ ${#WORKLOADS[@]} -eq 0 ]; then
  WORKLOADS=(W1 W2 W3 W4)
fi

# The JVM flags every engine ran with in PEERS.md.
JVM_FLAGS=(-Xms4g -Xmx4g -XX:+UseG1GC -XX:+IgnoreUnrecognizedVMOptions
  --add-modules java.se --add-exports java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED
  --add-opens java.management/sun.management=ALL-UNNAMED
  --add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED
  --add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED
  --add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.net=ALL-UNNAMED
  --add-opens java.base/java.lang.reflect=ALL-UNNAMED
  --add-opens java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED)
# shellcheck disable=SC2206
EXTRA=(${EXTRA_JVM_FLAGS:-})

needs_build() {
  [ "$BUILD" = always ] && return 0
  [ "$BUILD" = never ] && return 1
  [ "$JAR" != jmh/target/benchmarks.jar ] && return 1   # a copy given by JAR=: use as is
  [ ! -f "$JAR" ] && return 0
  [ -n "$(find . -path ./jmh/target -prune -o \( -name '*.java' -o -name pom.xml \) \
      -newer "$JAR" -print -quit)" ]
}

if needs_build; then
  echo "# building (mvn package -DskipTests -pl jmh -am)..." >&2
  mvn -B -q -o package -DskipTests -pl jmh -am >&2 || mvn -B -q package -DskipTests -pl jmh -am >&2
fi

mkdir -p jmh/target/results
OUT="${OUT:-jmh/target/results/run-$(date +%Y%m%d-%H%M%S).txt}"
: > "$OUT"

# label|workload|engine|extra args
VARIANTS=()
for w in "${WORKLOADS[@]}"; do
  case "$w" in
    W1) VARIANTS+=("W1|baseline|" "W1|vortex|--opt w1.mode=batch" "W1|vortex|--opt w1.mode=streaming") ;;
    W2|W3|W4) VARIANTS+=("$w|baseline|" "$w|vortex|") ;;
    *) echo "unknown workload $w (W1..W4)" >&2; exit 1 ;;
  esac
done
if [ "${PROCESSES:-0}" = 1 ] || [ "${BASELINE:-1}" = 0 ] || [ -n "${SKIP:-}" ]; then
  ALL=("${VARIANTS[@]}")
  VARIANTS=()
  for v in "${ALL[@]}"; do
    IFS='|' read -r workload engine extra <<<"$v"
    [ "$engine" = baseline ] && [ "${BASELINE:-1}" = 0 ] && continue
    [ -n "${SKIP:-}" ] && [[ "$v" == *"$SKIP"* ]] && continue
    VARIANTS+=("$v")
    [ "$engine" = vortex ] && [ "${PROCESSES:-0}" = 1 ] && VARIANTS+=("$workload|$engine|$extra --opt cluster=processes")
  done
fi

busy_jiffies() { # user+nice+system+irq+softirq+steal of all CPUs
  awk '/^cpu /{print $2+$3+$4+$7+$8+$9; exit}' /proc/stat 2>/dev/null || echo 0
}
HZ="$(getconf CLK_TCK 2>/dev/null || echo 100)"
QUIET_WAIT="${QUIET_WAIT:-0}"

# Waits (up to QUIET_WAIT seconds) until the CPUs were less than 15 % busy for one second.
wait_for_quiet() {
  local waited=0 b0 t0 b1 t1
  while [ "$waited" -lt "$QUIET_WAIT" ]; do
    read -r b0 t0 < <(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9; exit}' /proc/stat)
    sleep 1
    read -r b1 t1 < <(awk '/^cpu /{print $2+$3+$4+$7+$8+$9, $2+$3+$4+$5+$6+$7+$8+$9; exit}' /proc/stat)
    waited=$((waited + 1))
    if [ $(((b1 - b0) * 100)) -lt $(((t1 - t0) * 15)) ]; then
      return 0
    fi
  done
}
TIME_BIN=""
[ -x /usr/bin/time ] && [ -r /proc/stat ] && TIME_BIN=/usr/bin/time

failures=0
REV="$(git rev-parse --short HEAD 2>/dev/null || echo '?')"
[ -n "$(git status --porcelain 2>/dev/null | head -1)" ] && REV="$REV+dirty"
echo "# $(date -Is) host=$(hostname) cpus=$(nproc) reps=$REPS par=$PAR rev=$REV jar=$JAR -> $OUT" \
  | tee -a "$OUT"
for ((round = 1; round <= REPS; round++)); do
  for v in "${VARIANTS[@]}"; do
    IFS='|' read -r workload engine extra <<<"$v"
    args=(--workload "$workload" --engine "$engine")
    [ "$engine" != baseline ] && args+=(--par "$PAR")
    [ "$workload" = W4 ] && [ -n "${W4_WARMUP:-}" ] && args+=(--warmup "$W4_WARMUP")
    # shellcheck disable=SC2206
    [ -n "$extra" ] && args+=($extra)
    [ "$QUIET_WAIT" -gt 0 ] && [ -r /proc/stat ] && wait_for_quiet
    load1="$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')"
    before="$(busy_jiffies)"
    log="$(mktemp)"
    tfile="$(mktemp)"
    set +e
    if [ -n "$TIME_BIN" ]; then
      "$TIME_BIN" -o "$tfile" -f "%U %S" \
        "$JAVA" "${JVM_FLAGS[@]}" "${EXTRA[@]}" -jar "$JAR" "${args[@]}" >"$log" 2>&1
    else
      "$JAVA" "${JVM_FLAGS[@]}" "${EXTRA[@]}" -jar "$JAR" "${args[@]}" >"$log" 2>&1
    fi
    code=$?
    set -e
    after="$(busy_jiffies)"
    others=""
    if [ -n "$TIME_BIN" ] && [ -s "$tfile" ]; then
      others="$(awk -v b="$before" -v a="$after" -v hz="$HZ" '{o=(a-b)/hz-$1-$2; if (o<0) o=0;
        printf " others_cpu_s=%.2f", o}' "$tfile")"
    fi
    result="$(grep '^RESULT ' "$log" || true)"
    check="$(sed -n 's/^CHECK .*status=\([A-Za-z]*\).*/\1/p' "$log")"
    if [ -z "$result" ] || [ "$code" -ne 0 ]; then
      failures=$((failures + 1))
      echo "# FAILED (exit $code): $workload $engine $extra" | tee -a "$OUT"
      sed 's/^/#   /' "$log" | tail -20 | tee -a "$OUT"
    else
      echo "$result run=$round load1=$load1${others} check=${check:-none}" | tee -a "$OUT"
    fi
    rm -f "$log" "$tfile"
  done
done

echo
echo "## Summary ($REPS runs each, medians; ÷ baseline = median rec/s ÷ baseline median rec/s)"
"$JAVA" -cp "$JAR" io.vortex.bench.ResultSummary "$OUT"
echo
echo "raw results: $OUT"
[ "$failures" -eq 0 ] || { echo "$failures run(s) failed" >&2; exit 1; }
