#!/usr/bin/env bash
# Voice call benchmark: throwaway PostgreSQL, Redis and RabbitMQ, then latency, accuracy and capacity over real
# WebSocket calls. `bench/Voice/run.sh --help` lists the options; set VOICEHELPER_MODELS_DIR to include the transducer.
set -euo pipefail
cd "$(dirname "$0")/../.."
export VOICEHELPER_TOOLS_DIR="${VOICEHELPER_TOOLS_DIR:-$PWD/.tools}"
if [[ " $* " == *" --help "* || " $* " == *" -h "* ]]; then
  exec dotnet run --project bench/Voice -c Release -- "$@"
fi
dotnet build bench/Voice -c Release -v quiet -nologo
source scripts/test-servers.sh
dotnet run --project bench/Voice -c Release --no-build -- "$@"
