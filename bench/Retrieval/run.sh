#!/usr/bin/env bash
# Runs bench/Retrieval against throwaway PostgreSQL, Redis and RabbitMQ (scripts/test-servers.sh); arguments go to the program.
set -euo pipefail
cd "$(dirname "$0")/../.."
export VOICEHELPER_TOOLS_DIR="${VOICEHELPER_TOOLS_DIR:-$PWD/.tools}"
source scripts/test-servers.sh
dotnet run --project bench/Retrieval -c Release -- "$@"
