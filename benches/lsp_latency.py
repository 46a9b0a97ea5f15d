#!/usr/bin/env python3
"""How long `alinea lsp` takes to publish diagnostics after an edit, through the protocol.

    cargo build --release && python3 benches/lsp_latency.py [CORPUS] [--file PLAN] [--edits N]

It starts `alinea lsp` on CORPUS (default: the national corpus that `python3
benches/national.py` writes, target/bench-corpus/national-s1-seed1), initializes it with the
corpus as the workspace folder, waits for the first diagnostics (the whole repository's first
run), opens a PEI (the first regional PEI, or --file), then N times changes its buffer (a
statement's text, alternately edited and restored, unsaved: nothing is written to the corpus)
and times each `textDocument/didChange` to the `textDocument/publishDiagnostics` for that file.
Figures are printed as median, p90 and worst in milliseconds; the target is under 50 ms on
the national corpus.
"""
import json
import math
import os
import queue
import statistics
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.environ.get("ALINEA_BIN", os.path.join(ROOT, "target", "release", "alinea"))
CORPUS = os.path.join(ROOT, "target", "bench-corpus", "national-s1-seed1")


class Client:
    """A language client over the server's standard input and output."""

    def __init__(self, command, cwd=None):
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=cwd
        )
        self.messages = queue.Queue()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.process.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.lower() == b"content-length":
                    length = int(value)
            self.messages.put((time.monotonic(), json.loads(out.read(length))))

    def send(self, message):
        body = json.dumps(message).encode()
        self.process.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        self.process.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=600):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id and "method" not in m, timeout)[1]

    def wait(self, predicate, timeout):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("no such message from the server")
            at, message = self.messages.get(timeout=left)
            if predicate(message):
                return at, message

    def close(self):
        self.request("shutdown", None)
        self.notify("exit", None)
        self.process.wait(timeout=30)


def uri(path):
    return "file://" + os.path.abspath(path)


def published(target):
    return lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == target


def main():
    args = sys.argv[1:]
    edits = 30
    plan = None
    if "--edits" in args:
        at = args.index("--edits")
        edits = int(args[at + 1])
        del args[at : at + 2]
    if "--file" in args:
        at = args.index("--file")
        plan = args[at + 1]
        del args[at : at + 2]
    corpus = os.path.abspath(args[0] if args else CORPUS)
    if plan is None:
        regional = os.path.join(corpus, "regional")
        first = sorted(os.listdir(regional))[0]
        folder = os.path.join(regional, first)
        plan = os.path.join(folder, next(f for f in sorted(os.listdir(folder)) if f.startswith("pei")))
    with open(plan, encoding="utf-8") as handle:
        text = handle.read()
    marker = "statement: "
    if marker not in text:
        sys.exit(f"{plan} has no `{marker}` to edit")

    client = Client([BINARY, "lsp"])
    started = time.monotonic()
    client.request("initialize", {
        "processId": os.getpid(),
        "rootUri": uri(corpus),
        "capabilities": {},
        "workspaceFolders": [{"uri": uri(corpus), "name": "corpus"}],
    })
    client.notify("initialized", {})
    # The first run publishes the repository's diagnostics; a request is answered after it.
    client.request("workspace/symbol", {"query": "zzzz-none"})
    first_run = time.monotonic() - started

    target = uri(plan)
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": target, "languageId": "yaml", "version": 1, "text": text}})
    client.wait(published(target), 600)

    times = []
    for version in range(2, edits + 2):
        edited = text.replace(marker, marker + "Edited " if version % 2 == 0 else marker, 1)
        sent = time.monotonic()
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": target, "version": version},
            "contentChanges": [{"text": edited}],
        })
        at, _ = client.wait(published(target), 600)
        times.append((at - sent) * 1000)
    client.close()

    times.sort()
    p90 = times[min(len(times) - 1, math.ceil(len(times) * 0.9) - 1)]
    print(f"corpus: {corpus}")
    print(f"plan edited: {os.path.relpath(plan, corpus)}")
    print(f"first run (initialize to first answer): {first_run * 1000:.0f} ms")
    print(f"didChange -> publishDiagnostics over {len(times)} edits: "
          f"median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, worst {times[-1]:.1f} ms "
          f"(target < 50 ms)")


if __name__ == "__main__":
    main()
