# Sourced by scripts/test.sh and the benchmarks: starts a throwaway PostgreSQL (with pgvector available) and Redis
# on free loopback ports, exports VOICEHELPER_TEST_POSTGRES / VOICEHELPER_TEST_REDIS, and stops both on exit.
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

stop_test_servers() {
  set +e
  [ -f "$run_dir/redis.pid" ] && kill "$(cat "$run_dir/redis.pid")" 2>/dev/null
  [ -d "$run_dir/pg" ] && as_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -m immediate stop >/dev/null 2>&1
  rm -rf "$run_dir"
}
trap stop_test_servers EXIT INT TERM

pg_port=$(free_port)
mkdir -p "$run_dir/pg" "$run_dir/sock"
[ "$(id -u)" = 0 ] && chown postgres "$run_dir/pg" "$run_dir/sock"
as_pg "$pg_bin/initdb" -D "$run_dir/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability off: the numbers and the run time measure our code, not the disk of a shared machine.
as_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -l "$run_dir/pg/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $run_dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null
export VOICEHELPER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes \
  --pidfile "$run_dir/redis.pid" --logfile "$run_dir/redis.log" >/dev/null
export VOICEHELPER_TEST_REDIS="127.0.0.1:$redis_port"
