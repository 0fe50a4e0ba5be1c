#!/usr/bin/env bash
# Runs bench/Router: the routing decision in process, then budget accounting against a throwaway Redis (and the
# PostgreSQL that rebuilds lost counters) from scripts/test-servers.sh, stopped by PID on exit. Arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/../.."
export VOICEHELPER_TEST_NO_RABBITMQ=1
source scripts/test-servers.sh
dotnet run --project bench/Router -c Release -- "$@"
