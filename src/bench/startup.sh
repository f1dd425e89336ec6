#!/usr/bin/env bash
# Start-up benchmark: wall time of one-shot runs of the packaged jar, median of N runs each.
# Usage: src/bench/startup.sh [RUNS]      (builds the jar first if needed; see docs/performance.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
jar=target/dicomreg.jar
[ -f "$jar" ] || ./mvnw -B -q -DskipTests package
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DICOMREG_HOME="$work/home"
state="$work/tenant.json"

median_ms() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-58s %6s ms  (min %s, max %s, %s runs)\n' "$label" \
    "$(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")" "$(echo "$sorted" | head -1)" "$(echo "$sorted" | tail -1)" "$runs"
}

# Start as a new user does: no extracted jar, no archive. The first run through the launcher
# extracts the jar and makes the archive from its own training run, then runs the command.
rm -rf target/app
start=$(date +%s%N)
./dicomreg --sandbox-state "$state" login >/dev/null 2>&1 || { echo "failed: first ./dicomreg login" >&2; exit 1; }
first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
echo "dicomreg start-up, $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-58s %6s ms  (once, after each build)\n' "./dicomreg first run (extract + archive + login)" "$first_ms"
for launcher in "java -jar $jar" "./dicomreg"; do
  echo "== $launcher"
  median_ms "--help (no Spring context)" $launcher --help
  median_ms "help (Spring context, no sandbox, no Graph)" $launcher help
  median_ms "--sandbox-state F whoami (sandbox + silent MSAL)" $launcher --sandbox-state "$state" whoami
  median_ms "--sandbox-state F app register (+ Graph client)" $launcher --sandbox-state "$state" app register --name bench --new
done
