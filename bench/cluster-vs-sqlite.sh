#!/usr/bin/env bash
# Imports one generated population into SQLite and into a two-shard ClickHouse cluster on loopback, scores the
# latest day on both, and prints import rows/s, the daily run's seconds per phase, peak memory of the scoring
# process, and the window aggregation rate of each shard.
#
#   bench/cluster-vs-sqlite.sh [PEOPLE] [DIR]
#
# PEOPLE defaults to 50000; DIR (default: a new temporary folder) holds the population, the SQLite file and the
# cluster's data. The cluster is stopped at the end (KEEP=1 leaves it running). Needs jq, curl, a ClickHouse server
# (see scripts/clickhouse-cluster.sh) and the .NET SDK. CLOUT names the CLI binary (default: the Release build,
# built when missing). CLICKHOUSE_BASE_PORT picks the cluster's ports (default 18220).
set -euo pipefail

people=${1:-50000}
dir=${2:-$(mktemp -d -t clout-bench-XXXXXX)}
root=$(cd "$(dirname "$0")/.." && pwd)
clout=${CLOUT:-$root/src/Clout.Cli/bin/Release/net10.0/clout}
export CLICKHOUSE_BASE_PORT=${CLICKHOUSE_BASE_PORT:-18220}
mkdir -p "$dir"

for tool in jq curl; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done

if [[ ! -x "$clout" ]]; then
  dotnet build "$root/src/Clout.Cli" -c Release -v quiet >/dev/null
fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }

population=$dir/population.jsonl
if [[ ! -s $population ]]; then
  echo "generating $people people into $population" >&2
  "$clout" generate --people "$people" --seed 7 --out "$population" --json >"$dir/generate.json"
fi
records=$(wc -l <"$population")

# One store: import (timed by the CLI and by the wall clock), then score the latest day.
run_store() {
  local name=$1 uri=$2 t0 t1
  echo "importing into $name" >&2
  t0=$(now)
  "$clout" import "$population" --store "$uri" --json >"$dir/$name-import.json"
  t1=$(now)
  echo "$(elapsed "$t0" "$t1")" >"$dir/$name-import.seconds"
  echo "scoring on $name" >&2
  "$clout" score --store "$uri" --json >"$dir/$name-score.json"
}

rm -f "$dir/bench.db" "$dir/bench.db-wal" "$dir/bench.db-shm"
run_store sqlite "sqlite:$dir/bench.db"

cluster=$dir/cluster
rm -rf "$cluster"
uri=$("$root/scripts/clickhouse-cluster.sh" start "$cluster" | tail -n 1)
if [[ ${KEEP:-0} != 1 ]]; then
  trap '"$root/scripts/clickhouse-cluster.sh" stop "$cluster" >/dev/null 2>&1 || true' EXIT
fi
uri=${uri/\/default\?/\/clout_bench?}
run_store clickhouse "$uri"

# The window aggregation of the daily run, repeated on each shard's local roll-ups: what one shard contributes.
day=$(jq -r '.[0].day' "$dir/clickhouse-score.json")
last=$(( ($(date -u -d "$day" +%s) / 86400) ))
first=$(( last - 89 ))
base=$CLICKHOUSE_BASE_PORT
shard_lines=()
for n in 1 2; do
  port=$(( base + 10 * (n - 1) ))
  q() { curl -sS --fail "http://127.0.0.1:$port/" --data-binary "$1"; }
  rows=$(q "SELECT count() FROM clout_bench.rollups_local WHERE day >= $first AND day <= $last")
  actions=$(q "SELECT count() FROM clout_bench.actions_local")
  # Counted by the server (elapsed, rows read), so HTTP and result transfer are left out.
  stats=$(q "SELECT count() FROM (SELECT actor_sid, target_sid, kind, day, sum(count) FROM clout_bench.rollups_local WHERE day >= $first AND day <= $last GROUP BY actor_sid, target_sid, kind, day) FORMAT JSON")
  seconds=$(jq -r '.statistics.elapsed' <<<"$stats")
  read_rows=$(jq -r '.statistics.rows_read' <<<"$stats")
  seconds=$(awk -v s="$seconds" 'BEGIN { printf "%.3f", s }')
  shard_lines+=("shard $n: $actions actions, $rows roll-up rows in the window, aggregated in ${seconds}s (${read_rows} rows read, $(rate "$read_rows" "$seconds") rows/s)")
done

echo
echo "population: $people people, $records records ($dir)"
for name in sqlite clickhouse; do
  imp=$dir/$name-import.json
  sc=$dir/$name-score.json
  stored=$(jq '.accounts + .posts + .actions + .metrics + .duplicates' "$imp")
  wall=$(cat "$dir/$name-import.seconds")
  printf '%-10s import: %s records in %ss (%s rows/s)\n' "$name" "$stored" "$wall" "$(rate "$stored" "$wall")"
  jq -r --arg name "$name" '.[0] | "\($name | if . == "sqlite" then "sqlite    " else . end) daily run: \(.total_seconds)s = read \(.read_seconds)s + model \(.model_seconds)s + explain/topics \(.explain_seconds)s + write \(.write_seconds)s; \(.people) people, \(.accounts) accounts, \(.edges) edges, \(.rows) window rows, peak \(.peak_memory_mb) MB"' "$sc"
done
for line in "${shard_lines[@]}"; do
  echo "clickhouse $line"
done
