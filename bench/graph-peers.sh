#!/usr/bin/env bash
# Clout's propagation kernel beside graph-tool, igraph and networkx (Debian's python3 packages) on the same
# generated power-law graphs: load, build and 20 PageRank iterations, peak memory, and ratios against Clout.
#   bench/graph-peers.sh [SIZES...]    sizes in edges; default: 1000000 10000000 60000000
# Writes the graphs under ${CLOUT_BENCH_DIR:-/tmp/clout-bench} (about 2 GB for 60M edges) and prints a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000000 10000000 60000000}")
read -r -a sizes <<<"${sizes[*]}"
work="${CLOUT_BENCH_DIR:-/tmp/clout-bench}"
mkdir -p "$work"

missing=()
for pkg in python3-graph-tool python3-igraph python3-networkx; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
  if [[ $(id -u) == 0 ]]; then
    apt-get install -y "${missing[@]}"
  else
    echo "missing ${missing[*]}: install them with sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi

dotnet build src/Clout.Cli -c Release -v q -nologo >/dev/null
dotnet build bench/Clout.Benchmarks -c Release -v q -nologo >/dev/null
clout="$PWD/src/Clout.Cli/bin/Release/net10.0/clout"
for edges in "${sizes[@]}"; do
  if [[ ! -f "$work/g$edges.bin" ]]; then
    dotnet bench/Clout.Benchmarks/bin/Release/net10.0/Clout.Benchmarks.dll graph \
      --nodes $((edges / 15)) --edges "$edges" --seed 1 --out "$work/g$edges"
  fi
done

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr); load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
/usr/bin/python3 bench/peers/compare.py "$clout" "$work" "${sizes[@]}"
