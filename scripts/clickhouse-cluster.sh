#!/usr/bin/env bash
# Starts, stops or checks a two-shard ClickHouse cluster on loopback for tests and local runs.
#
#   scripts/clickhouse-cluster.sh start  DIR   # writes DIR/node1, DIR/node2 (config, users, data, logs) and starts both
#   scripts/clickhouse-cluster.sh status DIR   # exit 0 when both nodes answer
#   scripts/clickhouse-cluster.sh stop   DIR   # stops both nodes (data stays in DIR)
#   scripts/clickhouse-cluster.sh stop-node DIR N / start-node DIR N   # one node, for failure tests
#
# Ports: node N (1 or 2) listens on HTTP BASE+10*(N-1), TCP BASE+10*(N-1)+1, interserver BASE+10*(N-1)+2.
# BASE is $CLICKHOUSE_BASE_PORT (default 18120); it is remembered in DIR so later commands reuse it.
# The cluster is named "clout" in remote_servers, one replica per shard. `start` prints the store URI.
# Users: "default" without a password, and "clout" with password "clout" (for testing credentials); loopback only.
# Each query may use up to $CLICKHOUSE_MAX_MEMORY bytes per node (default 2000000000; raise it for big populations).
# The server binary is $CLICKHOUSE_SERVER, else clickhouse-server (Debian: /usr/sbin), else `clickhouse server`.
set -euo pipefail

usage() {
  echo "usage: $0 start|stop|status DIR  |  $0 start-node|stop-node DIR 1|2" >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
cmd=$1
dir=$2
node_arg=${3:-}

find_server() {
  if [[ -n "${CLICKHOUSE_SERVER:-}" ]]; then
    server=("$CLICKHOUSE_SERVER")
  elif command -v clickhouse-server >/dev/null 2>&1; then
    server=("$(command -v clickhouse-server)")
  elif [[ -x /usr/sbin/clickhouse-server ]]; then
    server=(/usr/sbin/clickhouse-server)
  elif command -v clickhouse >/dev/null 2>&1; then
    server=("$(command -v clickhouse)" server)
  else
    echo "clickhouse-server not found: install it with 'apt-get install -y clickhouse-server' or set CLICKHOUSE_SERVER" >&2
    exit 3
  fi
}

base_port() {
  if [[ -f "$dir/base-port" ]]; then
    cat "$dir/base-port"
  else
    echo "${CLICKHOUSE_BASE_PORT:-18120}"
  fi
}

http_port() { echo $(( $(base_port) + 10 * ($1 - 1) )); }
tcp_port() { echo $(( $(base_port) + 10 * ($1 - 1) + 1 )); }
interserver_port() { echo $(( $(base_port) + 10 * ($1 - 1) + 2 )); }

write_config() {
  local n=$1 home
  home=$(cd "$dir" && pwd)/node$n
  mkdir -p "$home/data" "$home/tmp" "$home/user_files" "$home/log"
  cat >"$home/config.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <logger>
        <level>warning</level>
        <log>$home/log/server.log</log>
        <errorlog>$home/log/error.log</errorlog>
        <size>10M</size>
        <count>2</count>
    </logger>
    <listen_host>127.0.0.1</listen_host>
    <http_port>$(http_port "$n")</http_port>
    <tcp_port>$(tcp_port "$n")</tcp_port>
    <interserver_http_port>$(interserver_port "$n")</interserver_http_port>
    <interserver_http_host>127.0.0.1</interserver_http_host>
    <path>$home/data/</path>
    <tmp_path>$home/tmp/</tmp_path>
    <user_files_path>$home/user_files/</user_files_path>
    <users_config>$home/users.xml</users_config>
    <default_profile>default</default_profile>
    <default_database>default</default_database>
    <timezone>UTC</timezone>
    <mark_cache_size>268435456</mark_cache_size>
    <uncompressed_cache_size>268435456</uncompressed_cache_size>
    <max_concurrent_queries>100</max_concurrent_queries>
    <keep_alive_timeout>10</keep_alive_timeout>
    <mlock_executable>false</mlock_executable>
    <macros>
        <clout_node>$home</clout_node>
    </macros>
    <remote_servers>
        <clout>
            <shard>
                <replica><host>127.0.0.1</host><port>$(tcp_port 1)</port></replica>
            </shard>
            <shard>
                <replica><host>127.0.0.1</host><port>$(tcp_port 2)</port></replica>
            </shard>
        </clout>
    </remote_servers>
</yandex>
XML
  cat >"$home/users.xml" <<XML
<?xml version="1.0"?>
<yandex>
    <profiles>
        <default>
            <max_memory_usage>${CLICKHOUSE_MAX_MEMORY:-2000000000}</max_memory_usage>
            <load_balancing>in_order</load_balancing>
        </default>
    </profiles>
    <users>
        <default>
            <password></password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </default>
        <clout>
            <password>clout</password>
            <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
            <profile>default</profile>
            <quota>default</quota>
        </clout>
    </users>
    <quotas>
        <default>
            <interval>
                <duration>3600</duration>
                <queries>0</queries>
                <errors>0</errors>
                <result_rows>0</result_rows>
                <read_rows>0</read_rows>
                <execution_time>0</execution_time>
            </interval>
        </default>
    </quotas>
</yandex>
XML
}

# True when node N answers on its port and is this folder's node (not another server holding the port).
answers() {
  local home got
  home=$(cd "$dir" && pwd)/node$1
  got=$(curl -sf --max-time 2 "http://127.0.0.1:$(http_port "$1")/" \
    --data-binary "SELECT substitution FROM system.macros WHERE macro = 'clout_node'" 2>/dev/null) || return 1
  [[ "$got" == "$home" ]]
}

running_pid() {
  local pidfile="$dir/node$1/server.pid"
  if [[ -f "$pidfile" ]]; then
    local pid
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then
      echo "$pid"
      return 0
    fi
  fi
  return 1
}

start_node() {
  local n=$1 home
  if running_pid "$n" >/dev/null; then
    return 0
  fi
  write_config "$n"
  home=$(cd "$dir" && pwd)/node$n
  # The server runs in the foreground of its own session so that its pid is ours to stop later.
  setsid "${server[@]}" --config-file="$home/config.xml" >"$home/log/stdout.log" 2>&1 </dev/null &
  echo $! >"$home/server.pid"
}

wait_node() {
  local n=$1
  for _ in $(seq 1 600); do
    if answers "$n"; then
      return 0
    fi
    if ! running_pid "$n" >/dev/null; then
      echo "node $n exited during start; see $dir/node$n/log/" >&2
      if curl -sf --max-time 2 "http://127.0.0.1:$(http_port "$n")/?query=SELECT%201" >/dev/null 2>&1; then
        echo "port $(http_port "$n") is taken by another ClickHouse server; choose another CLICKHOUSE_BASE_PORT" >&2
      fi
      tail -n 20 "$dir/node$n/log/stdout.log" "$dir/node$n/log/error.log" 2>/dev/null >&2 || true
      return 1
    fi
    sleep 0.1
  done
  echo "node $n did not answer on port $(http_port "$n") within 60 s; see $dir/node$n/log/" >&2
  return 1
}

stop_node() {
  local n=$1 pid
  if pid=$(running_pid "$n"); then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/node$n/server.pid"
}

print_uri() {
  echo "clickhouse://127.0.0.1:$(http_port 1),127.0.0.1:$(http_port 2)/default?cluster=clout"
}

case "$cmd" in
  start)
    mkdir -p "$dir"
    base_port >"$dir/base-port.tmp" && mv "$dir/base-port.tmp" "$dir/base-port"
    find_server
    start_node 1
    start_node 2
    if ! wait_node 1 || ! wait_node 2; then
      stop_node 1
      stop_node 2
      exit 1
    fi
    print_uri
    ;;
  start-node)
    [[ "$node_arg" == 1 || "$node_arg" == 2 ]] || usage
    find_server
    start_node "$node_arg"
    wait_node "$node_arg"
    ;;
  stop-node)
    [[ "$node_arg" == 1 || "$node_arg" == 2 ]] || usage
    stop_node "$node_arg"
    ;;
  stop)
    stop_node 1
    stop_node 2
    ;;
  status)
    ok=0
    for n in 1 2; do
      if answers "$n"; then
        echo "node $n: up (http $(http_port "$n"))"
      else
        echo "node $n: down (http $(http_port "$n"))"
        ok=1
      fi
    done
    exit $ok
    ;;
  *)
    usage
    ;;
esac
