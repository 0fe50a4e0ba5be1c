#!/usr/bin/env bash
# Event bus benchmark: throwaway PostgreSQL and RabbitMQ on free loopback ports (scripts/test-servers.sh), then
# publish-to-handle latency and sustained throughput per transport (arguments: rabbitmq postgres kafka; all by default).
# With EVENTBUS_BASELINE_DIR set to a checkout of commit 2ede6b5 (the last one with the home-made bus), that checkout's
# own bench/EventBus runs first against the same PostgreSQL, and its figures join the summary table.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/test-servers.sh

dotnet build bench/EventBus -c Release -v quiet -nologo
baseline=()
if [ -n "${EVENTBUS_BASELINE_DIR:-}" ]; then
  dotnet build "$EVENTBUS_BASELINE_DIR/bench/EventBus" -c Release -v quiet -nologo
  echo "[bench] home-made bus (baseline) load: $(cut -d' ' -f1 /proc/loadavg)" >&2
  dotnet run --no-build --project "$EVENTBUS_BASELINE_DIR/bench/EventBus" -c Release -- "$VOICEHELPER_TEST_POSTGRES" | tee "$run_dir/baseline.md"
  baseline=(--baseline "$run_dir/baseline.md")
fi
echo "[bench] Wolverine load: $(cut -d' ' -f1 /proc/loadavg)" >&2
dotnet run --no-build --project bench/EventBus -c Release -- "$@" "${baseline[@]}"
