#!/usr/bin/env python3
"""Times the HTML report on a national-scale repository: writing it, its size, and how long
headless Chromium takes to show the overview and to filter it.

    cargo build --release && python3 benches/html_report.py [--scale K]

The repository is benches/national.py's (written once under target/bench-corpus/). For the
report it prints the median wall time of `alinea check --format html` (3 runs), the file's
size, and for Chromium (Debian's `chromium`, or ALINEA_CHROMIUM): the time from the start of
navigation until the page's script has drawn the overview (`data-ready-at`, measured by the
page with performance.now()), the script's own share of it (`data-ready-ms`), and the wall
time of the whole headless run (browser start included); then the same for a filtered
overview (`#overview?kind=pdrc`; the rows' own time, what a change of filter costs, is
`data-draw-ms`), a sorted one, for one PEI's page and for one PDRC's (with its coverage
matrix), printing the view shown (`overview`, `plan`, or `not-found`) and the number of rows.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ALINEA_BIN", os.path.join(ROOT, "target", "release", "alinea"))
CHROMIUM = os.environ.get("ALINEA_CHROMIUM", "/usr/bin/chromium")


def corpus(scale):
    subprocess.run([sys.executable, os.path.join(ROOT, "benches", "national.py"), "--scale", str(scale)],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(ROOT, "target", "bench-corpus", f"national-s{scale:g}-seed1")


def browse(path, fragment):
    with tempfile.TemporaryDirectory() as profile:
        out = os.path.join(profile, "dom.html")
        start = time.monotonic()
        with open(out, "wb") as sink:
            subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--disable-extensions",
                            f"--user-data-dir={profile}", "--virtual-time-budget=30000", "--dump-dom",
                            f"file://{path}{fragment}"], stdout=sink, stderr=subprocess.DEVNULL,
                           timeout=600, check=False)
        wall = time.monotonic() - start
        with open(out, encoding="utf-8", errors="replace") as dom:
            body = re.search(r"<body[^>]*>", dom.read())
    attributes = dict(re.findall(r'(data-[a-z-]+)="([^"]*)"', body.group(0) if body else ""))
    return wall, attributes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1)
    args = parser.parse_args()
    repository = corpus(args.scale)
    report = os.path.join(ROOT, "target", "bench-corpus", f"national-s{args.scale:g}.html")
    times = []
    for _ in range(3):
        start = time.monotonic()
        subprocess.run([BINARY, "check", repository, "--format", "html", "--output", report],
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.monotonic() - start)
    size = os.path.getsize(report)
    print(f"repository      {repository}")
    print(f"write report    {statistics.median(times):.2f} s (median of 3, the whole check included)")
    print(f"report size     {size / 1e6:.1f} MB")
    for name, fragment in [("overview", ""), ("filtered", "#overview?kind=pdrc"),
                           ("sorted", "#overview?sort=-s0"),
                           ("plan page", "#plan/pei-gore-amazonas-2025-2027"),
                           ("pdrc page", "#plan/pdrc-amazonas-2030")]:
        wall, body = browse(report, fragment)
        print(f"{name:<15} ready {body.get('data-ready-at', '?')} ms after navigation "
              f"(script {body.get('data-ready-ms', '?')} ms), headless run {wall:.1f} s, "
              f"view {body.get('data-view', '?')}, rows {body.get('data-rows', '-')} "
              f"(drawn in {body.get('data-draw-ms', '-')} ms), "
              f"plans {body.get('data-plans', '?')}, "
              f"findings {body.get('data-findings', '?')}, script errors {body.get('data-errors', '?')}")


if __name__ == "__main__":
    main()
