#!/usr/bin/env python3
"""Times the release binary on the shipped plans and on many renamed copies of them.

    cargo build --release && python3 benches/scale.py [COPIES...]

For each size it makes (once, under target/bench-corpus/) a repository of N copies of plans/
in which every plan id gets a suffix `-cK`, so that references still resolve inside each copy
and ids stay unique; then it runs `alinea check` 3 times and reports the median wall time, the
peak memory (from /usr/bin/time) and alinea's own stage timings. Ratios to the shipped-plans run
are printed so that noisy machines still compare like with like.

Each corpus has an `alinea.yaml` at its top, so it is a repository of its own. The last row
checks one PEI of the largest corpus: references resolve against the whole repository (every
plan is loaded as context), only that file is reported ("lint my PEI before approval").
"""
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ALINEA_BIN", os.path.join(ROOT, "target", "release", "alinea"))
PLANS = os.path.join(ROOT, "plans")
CORPUS = os.path.join(ROOT, "target", "bench-corpus")


def plan_files():
    for folder, _, files in os.walk(PLANS):
        for name in sorted(files):
            if name.endswith((".yaml", ".yml")) and name != "alinea.yaml":
                yield os.path.join(folder, name)


def corpus(copies):
    target = os.path.join(CORPUS, f"copies-{copies}")
    if os.path.isdir(target):
        return target
    texts = {path: open(path, encoding="utf-8").read() for path in plan_files()}
    ids = sorted({m.group(1) for text in texts.values() for m in re.finditer(r"(?m)^  id: ([a-z0-9-]+)", text)},
                 key=len, reverse=True)
    pattern = re.compile(r"(?<![a-z0-9-])(" + "|".join(map(re.escape, ids)) + r")(?![a-z0-9-])")
    tmp = target + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    for k in range(copies):
        for path, text in texts.items():
            out = os.path.join(tmp, f"c{k:05d}", os.path.relpath(path, PLANS))
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with open(out, "w", encoding="utf-8") as f:
                f.write(pattern.sub(lambda m: f"{m.group(1)}-c{k}", text))
    with open(os.path.join(tmp, "alinea.yaml"), "w", encoding="utf-8") as f:
        f.write("# the benchmark corpus: a repository of its own\n")
    os.rename(tmp, target)
    return target


def measure(path, runs=3):
    times, peaks, stages = [], [], {}
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", BINARY, "check", path, "--statistics", "--timings"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        lines = proc.stderr.strip().splitlines()
        peaks.append(int(lines[-1]))
        for line in lines[:-1]:
            ms, sep, stage = line.strip().partition(" ms  ")
            if sep:
                stages.setdefault(stage, []).append(float(ms))
        summary = proc.stdout.splitlines()[-1]
    return statistics.median(times), max(peaks), {s: statistics.median(v) for s, v in stages.items()}, summary


def main():
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000, 3000]
    rows = [("shipped plans", PLANS)] + [(f"{n} copies", corpus(n)) for n in sizes]
    rows.append((f"1 PEI of {sizes[-1]}", os.path.join(corpus(sizes[-1]), "c00000", "regional",
                                                       "san-martin", "pei-2024-2028.yaml")))
    base = None
    for label, path in rows:
        wall, peak, stages, summary = measure(path)
        base = base or wall
        if os.path.isfile(path):
            files, size = 1, os.path.getsize(path)
        else:
            files = sum(len(f) for _, _, f in os.walk(path))
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)
        print(f"{label:>14}: {files:6d} files {size / 1e6:7.1f} MB  wall {wall * 1000:8.1f} ms "
              f"(x{wall / base:6.1f})  peak {peak / 1024:6.1f} MiB  | {summary}")
        print("                " + ", ".join(f"{s} {ms:.1f} ms" for s, ms in stages.items()))


if __name__ == "__main__":
    main()
