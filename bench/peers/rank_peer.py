#!/usr/bin/python3
"""Runs one peer library's PageRank on a binary edge list (docs/formats/edge-list.md) and prints JSON.

usage: rank_peer.py TOOL FILE ITERATIONS [RANKS_OUT]
TOOL is graph-tool, igraph or networkx. Timings are split as Clout's are: load (file to arrays), build (arrays to
the library's graph), rank (PageRank). RANKS_OUT, when given, receives "id rank" lines for an accuracy check.
"""
import json
import sys
import time

import numpy as np


def load(path):
    with open(path, "rb") as f:
        header = f.read(24)
    if header[:8] != b"CLTEDGES":
        sys.exit(f"{path}: not a binary edge list")
    flags = int.from_bytes(header[12:16], "little")
    count = int.from_bytes(header[16:24], "little")
    ids = "<u8" if flags & 2 else "<u4"
    fields = [("s", ids), ("d", ids)] + ([("w", "<f4")] if flags & 1 else [])
    rec = np.fromfile(path, dtype=np.dtype(fields), count=count, offset=24)
    weights = rec["w"].astype(np.float64) if flags & 1 else None
    return rec["s"].astype(np.int64), rec["d"].astype(np.int64), weights


def main():
    tool, path, iterations = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out = sys.argv[4] if len(sys.argv) > 4 else None
    t0 = time.perf_counter()
    src, dst, w = load(path)
    n = int(max(src.max(), dst.max())) + 1
    t1 = time.perf_counter()
    note = ""
    if tool == "graph-tool":
        import graph_tool.all as gt
        g = gt.Graph(directed=True)
        g.add_vertex(n)
        weight = g.new_edge_property("double")
        g.add_edge_list(np.column_stack([src, dst, w]) if w is not None else np.column_stack([src, dst]),
                        eprops=[weight] if w is not None else [])
        t2 = time.perf_counter()
        pr = gt.pagerank(g, damping=0.85, weight=weight if w is not None else None, epsilon=0, max_iter=iterations)
        ranks = pr.get_array()
        done = iterations
    elif tool == "igraph":
        import igraph as ig
        g = ig.Graph(n=n, edges=np.column_stack([src, dst]), directed=True)
        # python-igraph 0.10.2 silently ignores numpy float32 weights; Python floats are honoured.
        weights = w.tolist() if w is not None else None
        t2 = time.perf_counter()
        ranks = np.array(g.pagerank(damping=0.85, weights=weights, directed=True))
        done = 0
        note = "PRPACK solves exactly; no iteration count"
    elif tool == "networkx":
        import networkx as nx
        g = nx.MultiDiGraph()
        g.add_nodes_from(range(n))
        if w is not None:
            g.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), w.tolist()))
        else:
            g.add_edges_from(zip(src.tolist(), dst.tolist()))
        t2 = time.perf_counter()
        try:
            pr = nx.pagerank(g, alpha=0.85, weight="weight" if w is not None else None, max_iter=iterations, tol=1e-300)
        except nx.PowerIterationFailedConvergence:
            pr = None  # ran all iterations; networkx gives no ranks when it has not converged
        ranks = np.array([pr[v] for v in range(n)]) if pr is not None else None
        done = iterations
    else:
        sys.exit(f"unknown tool {tool}")
    t3 = time.perf_counter()
    if out and ranks is not None:
        np.savetxt(out, np.column_stack([np.arange(n), ranks]), fmt=["%d", "%.10g"])
    top = [] if ranks is None else [{"id": str(int(v)), "rank": float(ranks[v])} for v in np.argsort(-ranks, kind="stable")[:10]]
    print(json.dumps({"tool": tool, "nodes": n, "edges": int(len(src)), "load_seconds": t1 - t0, "build_seconds": t2 - t1,
                      "rank_seconds": t3 - t2, "iterations": done, "note": note, "top": top}))


if __name__ == "__main__":
    main()
