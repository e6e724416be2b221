#!/usr/bin/python3
"""Runs clout rank and the peers on the same edge lists and prints one table.

usage: compare.py CLOUT_EXE WORK_DIR SIZE... (sizes as edge counts: 1000000 10000000 60000000)
Each run is its own process; peak memory is the process's maximum resident set (wait4). networkx runs where it
finishes in ten minutes (it is skipped above 10M edges, where it needs more memory than the machine has).
"""
import json
import os
import subprocess
import sys
import time

ITERATIONS = 20
TIMEOUT = 600
HERE = os.path.dirname(os.path.abspath(__file__))


def run_measured(cmd, env=None):
    """Like run, but reads the child's peak RSS from wait4."""
    start = time.perf_counter()
    out_path = os.path.join(WORK, "out.json")
    err_path = os.path.join(WORK, "err.txt")
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        deadline = start + TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return None, "did not finish in 10 minutes"
            time.sleep(0.05)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        lines = open(err_path, errors="replace").read().strip().splitlines()
        return None, lines[-1] if lines else f"exit {code}"
    result = json.loads(open(out_path).read())
    result["wall_seconds"] = wall
    result["peak_bytes"] = usage.ru_maxrss * 1024
    return result, None


def main():
    global WORK
    clout, WORK = sys.argv[1], sys.argv[2]
    sizes = [int(s) for s in sys.argv[3:]]
    env = dict(os.environ, OMP_NUM_THREADS=str(os.cpu_count()))
    rows = []
    for edges in sizes:
        nodes = max(2, edges // 15)
        prefix = os.path.join(WORK, f"g{edges}")
        graph = prefix + ".bin"
        label = f"{edges / 1e6:g}M edges / {nodes / 1e6:.3g}M nodes"
        runs = [
            ("clout (binary)", [clout, "rank", "--edges", graph, "--weighted", "--iterations", str(ITERATIONS), "--json",
                                "--output", prefix + ".clout-ranks"]),
            ("clout (text)", [clout, "rank", "--edges", prefix + ".txt", "--weighted", "--iterations", str(ITERATIONS), "--json"]),
            ("graph-tool", ["/usr/bin/python3", os.path.join(HERE, "rank_peer.py"), "graph-tool", graph, str(ITERATIONS),
                            prefix + ".graph-tool-ranks"]),
            ("igraph", ["/usr/bin/python3", os.path.join(HERE, "rank_peer.py"), "igraph", graph, str(ITERATIONS)]),
            ("networkx", ["/usr/bin/python3", os.path.join(HERE, "rank_peer.py"), "networkx", graph, str(ITERATIONS)]),
        ]
        base = None
        for name, cmd in runs:
            if name == "networkx" and edges > 10_000_000:
                rows.append((label, name, None, "skipped: needs more than the machine's 24 GiB above 10M edges"))
                continue
            print(f"  {label}: {name} ...", file=sys.stderr, flush=True)
            result, error = run_measured(cmd, env)
            if result is not None and name == "clout (binary)":
                base = result
            rows.append((label, name, result, error))
        rows.append((label, "__base__", base, None))
        l1 = agreement(prefix + ".clout-ranks", prefix + ".graph-tool-ranks")
        if l1 is not None:
            print(f"  {label}: L1 distance between clout and graph-tool ranks after 20 iterations: {l1:.2e}", file=sys.stderr)
            NOTES.append(f"{label}: L1 distance between Clout's and graph-tool's ranks after {ITERATIONS} iterations: {l1:.2e}")
    print_table(rows)
    for note in NOTES:
        print(f"\n{note}")


NOTES = []


def agreement(mine, theirs):
    """L1 distance of two rank files ("id rank" lines) over the ids both rank, each normalised to sum 1."""
    import numpy as np
    if not (os.path.exists(mine) and os.path.exists(theirs)):
        return None
    a = np.fromfile(mine, sep=" ").reshape(-1, 2)
    b = np.fromfile(theirs, sep=" ").reshape(-1, 2)
    ranks = np.zeros(int(max(a[:, 0].max(), b[:, 0].max())) + 1)
    other = np.zeros_like(ranks)
    ranks[a[:, 0].astype(np.int64)] = a[:, 1]
    other[b[:, 0].astype(np.int64)] = b[:, 1]
    common = np.zeros(len(ranks), dtype=bool)
    common[a[:, 0].astype(np.int64)] = True
    other = np.where(common, other, 0)
    return float(np.abs(ranks / ranks.sum() - other / other.sum()).sum())


def fmt(x, digits=2):
    return "—" if x is None else f"{x:.{digits}f}"


def ratio(peer, clout):
    if peer is None or clout is None or clout <= 0:
        return "—"
    return f"{peer / clout:.1f}x"


def print_table(rows):
    bases = {label: r for label, name, r, _ in rows if name == "__base__"}
    header = ("| graph | tool | load s | build s | rank s | iterations | edges/s per iteration | peak MB"
              " | build vs clout | rank vs clout | memory vs clout |")
    print(header)
    print("|" + "---|" * 11)
    for label, name, r, error in rows:
        if name == "__base__":
            continue
        if r is None:
            print(f"| {label} | {name} | {error} |||||||||")
            continue
        base = bases.get(label)
        iters = r.get("iterations") or 0
        eps = (r["edges"] * iters / r["rank_seconds"]) if iters and r["rank_seconds"] > 0 else None
        print(f"| {label} | {name} | {fmt(r['load_seconds'])} | {fmt(r['build_seconds'])} | {fmt(r['rank_seconds'])}"
              f" | {iters or 'exact (PRPACK)'} | {('%.0fM' % (eps / 1e6)) if eps else '—'} | {r['peak_bytes'] / 2**20:,.0f}"
              f" | {ratio(r['build_seconds'], base and base['build_seconds'])}"
              f" | {ratio(r['rank_seconds'], base and base['rank_seconds'])}"
              f" | {ratio(r['peak_bytes'], base and base['peak_bytes'])} |")


if __name__ == "__main__":
    main()
