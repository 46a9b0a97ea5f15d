#!/usr/bin/env python3
"""How long the browser takes to answer a key while it re-lints, seen from outside, in tmux.

    cargo build --release && python3 benches/browse_latency.py [CORPUS] [--presses N]

It starts `alinea browse CORPUS` in a detached 120×40 tmux session, waits for the first
screen, then, N times: asks for a re-lint (`r`), waits a random moment of the run (0 to
1.5 s), presses `]` or `[` (next or previous finding) and polls the screen (`tmux
capture-pane`, every 2 ms) until the selection's position in the findings title
(`· 12/41`) has moved by one. The time from the key to that screen is the latency: update,
redraw and the terminal's own work, all counted. It also reports the browser's CPU use
while idle (10 s, from /proc) once the runs are over.

CORPUS defaults to plans/; `python3 benches/national.py` (the country, ~6,000 plans) and
`python3 benches/scale.py 300` make larger ones. Figures are printed as median, p90 and
worst in milliseconds; the target is p90 under 100 ms on a national-scale repository.
"""
import os
import random
import re
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ALINEA_BIN", os.path.join(ROOT, "target", "release", "alinea"))
SESSION = "alinea-latency"
POSITION = re.compile(r"· (\d+)/(\d+)")


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def screen():
    return tmux("capture-pane", "-p", "-t", SESSION)


def position():
    match = POSITION.search(screen())
    return (int(match.group(1)), int(match.group(2))) if match else None


def wait_for(predicate, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        value = predicate()
        if value:
            return value
        time.sleep(0.002)
    return None


def browser_pid():
    out = tmux("list-panes", "-t", SESSION, "-F", "#{pane_pid}").strip()
    return int(out) if out.isdigit() else None


def cpu_ticks(pid):
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def main():
    args = sys.argv[1:]
    presses = 20
    if "--presses" in args:
        at = args.index("--presses")
        presses = int(args[at + 1])
        del args[at : at + 2]
    corpus = args[0] if args else os.path.join(ROOT, "plans")
    random.seed(7)
    tmux("kill-session", "-t", SESSION)
    started = time.monotonic()
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40",
         f"exec {BINARY} browse {corpus}")
    first_screen = wait_for(lambda: screen().strip() != "", 30)
    shown = time.monotonic() - started
    if not wait_for(position, 600):
        print("no findings list appeared", file=sys.stderr)
        tmux("kill-session", "-t", SESSION)
        return 1
    listed = time.monotonic() - started
    print(f"corpus {corpus}: first screen after {shown * 1e3:.0f} ms "
          f"({'seen' if first_screen else 'not seen'}), findings listed after {listed:.2f} s")
    latencies = []
    down = True
    for _ in range(presses):
        tmux("send-keys", "-t", SESSION, "r")
        time.sleep(random.uniform(0.0, 1.5))
        before = position()
        if before is None:
            print("no position on screen:", file=sys.stderr)
            print("\n".join(screen().splitlines()[:3] + screen().splitlines()[-1:]), file=sys.stderr)
            continue
        current, total = before
        if current >= total:
            down = False
        elif current <= 1:
            down = True
        wanted = current + 1 if down else current - 1
        start = time.monotonic()
        # `]` and `[` step over group rows, where the title shows no position.
        tmux("send-keys", "-t", SESSION, "]" if down else "[")
        seen = wait_for(lambda: (p := position()) is not None and p[0] == wanted, 5)
        elapsed = time.monotonic() - start
        latencies.append(elapsed * 1e3 if seen else float("inf"))
        if not seen:
            print(f"no answer to the key (wanted {wanted}, from {before}):", file=sys.stderr)
            print("\n".join(screen().splitlines()[:3] + screen().splitlines()[-1:]), file=sys.stderr)
    # Let the last runs end (no more than one core-second in 2 s), then measure idle CPU.
    pid = browser_pid()
    idle = None
    if pid:
        settle = time.monotonic()
        while time.monotonic() - settle < 120:
            ticks = cpu_ticks(pid)
            time.sleep(2)
            if (cpu_ticks(pid) - ticks) / os.sysconf("SC_CLK_TCK") < 0.2:
                break
        ticks = cpu_ticks(pid)
        time.sleep(10)
        idle = (cpu_ticks(pid) - ticks) / os.sysconf("SC_CLK_TCK") / 10 * 100
    tmux("kill-session", "-t", SESSION)
    latencies.sort()
    p90 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.9))]
    print(f"key during re-lint, {len(latencies)} presses: median "
          f"{statistics.median(latencies):.0f} ms, p90 {p90:.0f} ms, worst {latencies[-1]:.0f} ms")
    print("all (ms):", " ".join(f"{x:.0f}" for x in latencies))
    if idle is not None:
        print(f"idle CPU over 10 s: {idle:.1f} % of a core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
