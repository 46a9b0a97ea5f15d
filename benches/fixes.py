#!/usr/bin/env python3
"""Times `alinea check --diff` (the fixes, found and applied in memory pass after pass) on a
national-scale repository, against the plain check it repeats once per pass.

    cargo build --release && python3 benches/fixes.py [--scale K] [--runs N]

The repository is benches/national.py's (written once under target/bench-corpus/), with its
seeded defects: unused waivers (WAI-01), broken priorities (PRI-01) and misfiled actions
(ART-10, unsafe). It prints the median wall time of `check --statistics`, of `check --diff`
and of `check --diff --unsafe-fixes` (N runs each, 3 by default), the summary line of each
`--diff` and the number of files its diff changes. Nothing is written to the corpus.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ALINEA_BIN", os.path.join(ROOT, "target", "release", "alinea"))


def corpus(scale):
    subprocess.run([sys.executable, os.path.join(ROOT, "benches", "national.py"), "--scale", str(scale)],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, "target", "bench-corpus", f"national-s{scale:g}-seed1")


def timed(args, runs):
    times = []
    for _ in range(runs):
        start = time.monotonic()
        done = subprocess.run([BINARY, *args], capture_output=True, text=True, check=False)
        times.append(time.monotonic() - start)
    return statistics.median(times), done


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    repository = corpus(args.scale)
    common = [repository, "--as-of", "2026-11-26", "--lang", "en"]
    plain, _ = timed(["check", *common, "--statistics"], args.runs)
    print(f"check --statistics             {plain:7.2f} s")
    for extra in (["--diff"], ["--diff", "--unsafe-fixes"]):
        wall, done = timed(["check", *common, *extra], args.runs)
        files = sum(1 for line in done.stdout.splitlines() if line.startswith("--- "))
        summary = " ".join(done.stderr.split())
        print(f"check {' '.join(extra):<25}{wall:7.2f} s  {files} files  {summary}")


if __name__ == "__main__":
    main()
