#!/usr/bin/env python3
"""W4 (latency) of Vortex beside Hazelcast Jet at several rates, with the CPU each process used.

  jmh/w4-rates.py [--peers DIR] [--jar jmh/target/benchmarks.jar] [--rates 1000,10000,100000]
                  [--rounds 3] [--seconds 20] [--warmup 5] [--engines vortex,jet] [--out FILE]
                  [--jvm-opt=-Dx=y]...   (added to the Vortex JVMs' flags, e.g. for an A/B run)
                  [--before-jar JAR]     (also runs engine "vortex-before" from another build)

DIR is a built copy of the peer harness (shared/peers, see its README: copy it, then
`mvn -q -B package` there); it is needed only when the engines include jet. Every run is a fresh JVM with the JVM flags of PEERS.md; the runs
are interleaved (round 1 of every rate and engine, then round 2, ...).

CPU is measured from outside, the same way for both engines: /proc/PID/stat is sampled every
100 ms, and `cores` is the process's CPU time (user + system, all threads: GC and JIT included)
over the measured part of the run divided by its length. That window is the one the latency
histogram covers: it starts `warmup` seconds after the first source record (the RESULT line is
printed when the job ends, and its proc_s is the time from the first source record to the last
sink's end) and ends at the job's end, less 0.3 s. Start-up, warm-up and shutdown are not counted.

Each RESULT line gets rate=, cores=, window_s=, load1= (before the run), others_cpu_s= (CPU
seconds of all *other* processes during the window: a shared machine's disturbance) and
round=; a summary (medians, min-max in brackets) follows.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import threading
import time

FLAGS = ("-Xms4g -Xmx4g -XX:+UseG1GC -XX:+IgnoreUnrecognizedVMOptions --add-modules java.se "
         "--add-exports java.base/jdk.internal.ref=ALL-UNNAMED "
         "--add-opens java.base/java.lang=ALL-UNNAMED --add-opens java.base/sun.nio.ch=ALL-UNNAMED "
         "--add-opens java.management/sun.management=ALL-UNNAMED "
         "--add-opens jdk.management/com.sun.management.internal=ALL-UNNAMED "
         "--add-opens java.base/java.util=ALL-UNNAMED --add-opens java.base/java.io=ALL-UNNAMED "
         "--add-opens java.base/java.nio=ALL-UNNAMED --add-opens java.base/java.net=ALL-UNNAMED "
         "--add-opens java.base/java.lang.reflect=ALL-UNNAMED "
         "--add-opens java.base/java.util.concurrent=ALL-UNNAMED "
         "--add-opens java.base/java.util.concurrent.atomic=ALL-UNNAMED").split()
HZ = os.sysconf("SC_CLK_TCK")
SAMPLE_S = 0.1
TAIL_S = 0.3


def process_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of stat)


def machine_ticks():
    with open("/proc/stat") as f:
        cpu = f.readline().split()[1:]
    return sum(int(x) for x in cpu[:3]) + sum(int(x) for x in cpu[5:8])  # busy, not idle/iowait


def run_sampled(cmd, cwd):
    """Runs cmd; returns (its RESULT line, the time it was printed, the CPU samples)."""
    samples = []  # (monotonic time, process ticks, machine ticks)
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    result = {}

    def read():
        for line in proc.stdout:
            if line.startswith("RESULT "):
                result["line"] = line.strip()
                result["at"] = time.monotonic()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    while proc.poll() is None:
        try:
            samples.append((time.monotonic(), process_ticks(proc.pid), machine_ticks()))
        except (FileNotFoundError, ProcessLookupError, IndexError):
            break
        time.sleep(SAMPLE_S)
    proc.wait()
    reader.join(5)
    return result.get("line"), result.get("at"), samples


def at(samples, t):
    """The last sample taken at or before t."""
    best = samples[0]
    for s in samples:
        if s[0] <= t:
            best = s
    return best


def measure(cmd, cwd, warmup):
    with open("/proc/loadavg") as f:
        load1 = f.read().split()[0]
    line, printed, samples = run_sampled(cmd, cwd)
    if line is None:
        return None
    span = float(re.search(r"proc_s=([0-9.]+)", line).group(1))  # first source record to last sink end
    a = at(samples, printed - span + warmup)
    b = at(samples, printed - TAIL_S)
    window = b[0] - a[0]
    if window <= 0:
        return None
    own = (b[1] - a[1]) / HZ
    others = max(0.0, (b[2] - a[2]) / HZ - own)
    return (f"{line} cores={own / window:.3f} window_s={window:.1f} load1={load1}"
            f" others_cpu_s={others:.2f}")


def field(line, name):
    m = re.search(r"\b" + name + r"=([0-9.]+)", line)
    return float(m.group(1)) if m else float("nan")


def summary(lines):
    rows = {}
    for line in lines:
        key = (re.search(r"engine=(\S+)", line).group(1), int(field(line, "rate")))
        rows.setdefault(key, []).append(line)
    out = ["| engine | rate (events/s) | runs | CPU (cores) | p50 ms | p99 ms | p99.9 ms | max ms |",
           "|---|---|---|---|---|---|---|---|"]
    for (engine, rate), ls in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        cells = []
        for name, fmt in (("cores", "{:.3f}"), ("p50_ms", "{:.3f}"), ("p99_ms", "{:.3f}"),
                          ("p999_ms", "{:.2f}"), ("max_ms", "{:.1f}")):
            vals = [field(l, name) for l in ls]
            cells.append(fmt.format(statistics.median(vals)) + " ("
                         + fmt.format(min(vals)) + "–" + fmt.format(max(vals)) + ")")
        out.append(f"| {engine} | {rate:,} | {len(ls)} | " + " | ".join(cells) + " |")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peers", default=None, help="a built copy of shared/peers (for engine jet)")
    ap.add_argument("--jar", default="jmh/target/benchmarks.jar")
    ap.add_argument("--rates", default="1000,10000,100000")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--engines", default="vortex,jet")
    ap.add_argument("--out", default=None)
    ap.add_argument("--jvm-opt", action="append", default=[])
    ap.add_argument("--before-jar", default=None)
    args = ap.parse_args()
    jar = os.path.abspath(args.jar)
    engines = args.engines.split(",")
    if "jet" in engines and not args.peers:
        ap.error("engine jet needs --peers DIR (a built copy of shared/peers)")
    peers = os.path.abspath(args.peers) if args.peers else None
    out = open(args.out, "a") if args.out else None

    def emit(text):
        print(text, flush=True)
        if out:
            out.write(text + "\n")
            out.flush()

    emit(f"# {time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime())} cpus={os.cpu_count()} rounds={args.rounds}"
         f" seconds={args.seconds} warmup={args.warmup} rates={args.rates} jar={jar}")
    if args.before_jar:
        engines.append("vortex-before")
        emit(f"# vortex-before: {os.path.abspath(args.before_jar)}")
    lines = []
    for r in range(1, args.rounds + 1):
        for rate in [int(x) for x in args.rates.split(",")]:
            for engine in engines:
                if engine == "jet":
                    cmd = (["java"] + FLAGS + [
                        "-Dbench.par=2", f"-Dbench.w4.rate={rate}", f"-Dbench.w4.seconds={args.seconds}",
                        f"-Dbench.w4.warmup={args.warmup}", "-Dbench.w4.keys=10000",
                        "-cp", "target/peer-bench.jar:target/lib/*", "peers.Main", "W4", "jet"])
                    cwd = peers
                else:
                    build = os.path.abspath(args.before_jar) if engine == "vortex-before" else jar
                    cmd = (["java"] + FLAGS + args.jvm_opt + [
                        "-jar", build, "--workload", "W4", "--engine", "vortex", "--par", "2",
                        "--rate", str(rate), "--seconds", str(args.seconds), "--warmup", str(args.warmup)])
                    cwd = None
                line = measure(cmd, cwd, args.warmup)
                if line is None:
                    emit(f"# FAILED engine={engine} rate={rate} round={r}")
                    continue
                if engine == "vortex-before":
                    line = line.replace("engine=vortex ", "engine=vortex-before ", 1)
                if " rate=" not in line:
                    line += f" rate={rate}"
                line += f" round={r}"
                lines.append(line)
                emit(line)
    emit("")
    emit(summary(lines))


if __name__ == "__main__":
    sys.exit(main())
