# Sourced by scripts/test.sh and the benchmarks: starts a throwaway PostgreSQL (with pgvector available), Redis and
# RabbitMQ (the event bus's one-machine transport) on free loopback ports, exports VOICEHELPER_TEST_POSTGRES /
# VOICEHELPER_TEST_REDIS / VOICEHELPER_TEST_RABBITMQ, and stops them on exit. VOICEHELPER_TEST_NO_RABBITMQ=1 skips
# RabbitMQ (it boots in 10-45 s) for runs that publish no events.
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
  if [ -f "$run_dir/rabbitmq/pid" ]; then
    local rabbit_pid; rabbit_pid="$(cat "$run_dir/rabbitmq/pid")"
    kill "$rabbit_pid" 2>/dev/null
    # epmd refuses to leave while the node is still registered: wait for the broker to be gone first.
    for _ in $(seq 1 60); do kill -0 "$rabbit_pid" 2>/dev/null || break; sleep 0.25; done
  fi
  if [ -n "${rabbit_epmd_port:-}" ]; then
    # epmd daemonises on this run's own port, even when the broker failed to start; ask that one (not any other) to
    # leave, else stop the process on that port.
    as_rq env ERL_EPMD_PORT="$rabbit_epmd_port" epmd -kill >/dev/null 2>&1
    local epmd_pid; epmd_pid="$(ss -ltnpH "sport = :$rabbit_epmd_port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2)"
    [ -n "$epmd_pid" ] && kill "$epmd_pid" 2>/dev/null
  fi
  [ -f "$run_dir/redis.pid" ] && kill "$(cat "$run_dir/redis.pid")" 2>/dev/null
  [ -d "$run_dir/pg" ] && as_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -m immediate stop >/dev/null 2>&1
  rm -rf "$run_dir"
}
trap stop_test_servers EXIT INT TERM

as_rq() { if [ "$(id -u)" = 0 ]; then runuser -u rabbitmq -- "$@"; else "$@"; fi; }
if [ "${VOICEHELPER_TEST_NO_RABBITMQ:-}" != 1 ]; then
  # Started first and waited for last: it boots while PostgreSQL and Redis start.
  rabbit_port=$(free_port); rabbit_dist_port=$(free_port); rabbit_epmd_port=$(free_port)
  rq="$run_dir/rabbitmq"
  mkdir -p "$rq/mnesia" "$rq/log"
  echo "[]." > "$rq/enabled_plugins"
  : > "$rq/rabbitmq-env.conf"
  # The guest user may connect from loopback only, which is all the tests do.
  : > "$rq/rabbitmq.conf"
  [ "$(id -u)" = 0 ] && chown -R rabbitmq "$rq"
  rabbit_env=(HOME="$rq" RABBITMQ_NODENAME="voicehelper-$rabbit_port@localhost" RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
    RABBITMQ_NODE_PORT="$rabbit_port" RABBITMQ_DIST_PORT="$rabbit_dist_port" ERL_EPMD_PORT="$rabbit_epmd_port" ERL_EPMD_ADDRESS=127.0.0.1
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
    RABBITMQ_MNESIA_BASE="$rq/mnesia" RABBITMQ_LOG_BASE="$rq/log" RABBITMQ_ENABLED_PLUGINS_FILE="$rq/enabled_plugins"
    RABBITMQ_CONF_ENV_FILE="$rq/rabbitmq-env.conf" RABBITMQ_CONFIG_FILE="$rq/rabbitmq" RABBITMQ_PID_FILE="$rq/pid")
  as_rq env "${rabbit_env[@]}" /usr/lib/rabbitmq/bin/rabbitmq-server > "$rq/server.log" 2>&1 &
fi

pg_port=$(free_port)
mkdir -p "$run_dir/pg" "$run_dir/sock"
[ "$(id -u)" = 0 ] && chown postgres "$run_dir/pg" "$run_dir/sock"
as_pg "$pg_bin/initdb" -D "$run_dir/pg" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability off: the numbers and the run time measure our code, not the disk of a shared machine. The memory settings
# are the AppHost's (PostgresExtensions.Settings): with the 128 MB default the HNSW graph of 100,000 chunks (about
# 200 MB) does not fit the buffer cache and the benchmarks measure page copies from the operating system's cache.
as_pg "$pg_bin/pg_ctl" -D "$run_dir/pg" -l "$run_dir/pg/server.log" -w -o \
  "-c listen_addresses=127.0.0.1 -p $pg_port -k $run_dir/sock -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400 -c shared_buffers=1GB -c effective_cache_size=4GB -c maintenance_work_mem=256MB" start >/dev/null
export VOICEHELPER_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"

redis_port=$(free_port)
redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes \
  --pidfile "$run_dir/redis.pid" --logfile "$run_dir/redis.log" >/dev/null
export VOICEHELPER_TEST_REDIS="127.0.0.1:$redis_port"

if [ -n "${rabbit_port:-}" ]; then
  if ! as_rq env "${rabbit_env[@]}" /usr/lib/rabbitmq/bin/rabbitmqctl -n "voicehelper-$rabbit_port@localhost" -q --timeout 120 wait "$rq/pid" >/dev/null 2>&1; then
    echo "RabbitMQ did not start; see below" >&2
    tail -n 20 "$rq/server.log" >&2
    exit 1
  fi
  export VOICEHELPER_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbit_port"
fi
