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

source "$root/scripts/test-servers.sh"
echo "[test] PostgreSQL on $pg_port, Redis on $redis_port"

dotnet build VoiceHelper.slnx -c Debug -v quiet -nologo
set +e
dotnet test VoiceHelper.slnx --no-build -c Debug -nologo "$@" 2>&1 | tee "$run_dir/test.log"
status=${PIPESTATUS[0]}
set -e
# One closing line for the whole run, summed over the test projects.
awk '/^(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Passed:") p += $(i+1); if ($i == "Failed:") f += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$run_dir/test.log"
exit "$status"
