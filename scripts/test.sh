#!/usr/bin/env bash
# Runs the whole test suite against real servers: a throwaway PostgreSQL (with pgvector) and Redis on free
# loopback ports, stopped again whatever happens.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh

# Shared test assets live beside the checkout; product code and tests only read these variables.
if [ -z "${VOICEHELPER_MODELS_DIR:-}" ] && [ -d "$root/../shared/models" ]; then export VOICEHELPER_MODELS_DIR="$(cd "$root/../shared/models" && pwd)"; fi
if [ -z "${VOICEHELPER_SCHEMAS_DIR:-}" ] && [ -d "$root/../shared/schemas" ]; then export VOICEHELPER_SCHEMAS_DIR="$(cd "$root/../shared/schemas" && pwd)"; fi
export VOICEHELPER_TOOLS_DIR="$root/.tools"

run_dir="$(mktemp -d /tmp/voicehelper-test.XXXXXX)"
chmod 755 "$run_dir"
pg_bin=/usr/lib/postgresql/15/bin
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
free_port() {
  local port
  while :; do
    port=$(( (RANDOM % 20000) + 30000 ))
    ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}

cleanup() {
  set +e
  [ -f "$run_dir/redis.pid" ] && kill "$(cat "$run_dir/redis.pid")" 2>/dev/null
  [ -d "$run_dir/pg" ] && as_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -m immediate stop >/dev/null 2>&1
  rm -rf "$run_dir"
}
trap cleanup EXIT INT TERM

pg_port=$(free_port)
mkdir -p "$run_dir/pg" "$run_dir/sock"
[ "$(id -u)" = 0 ] && chown postgres "$run_dir/pg" "$run_dir/sock"
as_pg "$pg_bin/initdb" -D "$run_dir/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -l "$run_dir/pg/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $run_dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null
export VOICEHELPER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes \
  --pidfile "$run_dir/redis.pid" --logfile "$run_dir/redis.log" >/dev/null
export VOICEHELPER_TEST_REDIS="127.0.0.1:$redis_port"
echo "[test] PostgreSQL on $pg_port, Redis on $redis_port"

dotnet build VoiceHelper.slnx -c Debug -v quiet -nologo
set +e
dotnet test VoiceHelper.slnx --no-build -c Debug -v quiet -nologo "$@" 2>&1 | tee "$run_dir/test.log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$run_dir/test.log"
exit "$status"
