#!/usr/bin/env bash
# Runs every Clout test. The browser tests need Debian's Chromium and the cluster tests need ClickHouse: when
# run as root with apt-get, this installs them; otherwise those tests skip and say how to enable them.
set -euo pipefail
cd "$(dirname "$0")"

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/sbin/clickhouse-server ] || [ -x /usr/bin/clickhouse-server ] || need+=(clickhouse-server)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${need[*]} for the integration tests"
    apt-get update -qq || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null \
      || echo "warning: could not install ${need[*]}; the tests that need them will skip"
  else
    echo "note: ${need[*]} not installed and not root: the browser/cluster tests will skip (as root: apt-get install -y ${need[*]})"
  fi
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
dotnet test Clout.slnx -c Release --logger "trx" --results-directory "$results" \
  --blame-hang-timeout 15m -- RunConfiguration.TreatNoTestsAsError=true || status=$?

# One closing line for the whole suite, summed over the test projects' result files.
python3 - "$results" <<'PY' || true
import glob, re, sys
totals = {"passed": 0, "failed": 0, "notExecuted": 0}
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    text = open(path, encoding="utf-8", errors="replace").read()
    m = re.search(r"<Counters [^>]*>", text)
    if m:
        for key in totals:
            k = re.search(key + r'="(\d+)"', m.group(0))
            totals[key] += int(k.group(1)) if k else 0
print(f"tests: {totals['passed']} passed, {totals['failed']} failed, {totals['notExecuted']} skipped")

# The slowest tests, so that one that quietly takes a minute (a wait that should not happen) is seen.
import html
times = []
for path in glob.glob(sys.argv[1] + "/**/*.trx", recursive=True):
    text = open(path, encoding="utf-8", errors="replace").read()
    for m in re.finditer(r'<UnitTestResult [^>]*testName="([^"]*)"[^>]*duration="(\d+):(\d+):([\d.]+)"', text):
        times.append((int(m.group(2)) * 3600 + int(m.group(3)) * 60 + float(m.group(4)), html.unescape(m.group(1))))
for seconds, name in sorted(times, reverse=True)[:5]:
    print(f"  slowest: {seconds:6.1f} s  {name}")
PY
exit $status
