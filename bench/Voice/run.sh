#!/usr/bin/env bash
# Voice call benchmark: throwaway PostgreSQL + Redis, then latency, accuracy and capacity over real WebSocket calls.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/test-servers.sh
dotnet run --project bench/Voice -c Release -- "$@"
