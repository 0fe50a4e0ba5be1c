#!/usr/bin/env bash
# Runs bench/Ingestion against a throwaway PostgreSQL (scripts/test-servers.sh); arguments go to the program,
# e.g. --embedder onnx --sizes 10000,100000 (the sentence model from VOICEHELPER_TOOLS_DIR, default ./.tools).
set -euo pipefail
cd "$(dirname "$0")/../.."
export VOICEHELPER_TOOLS_DIR="${VOICEHELPER_TOOLS_DIR:-$PWD/.tools}"
source scripts/test-servers.sh
dotnet run --project bench/Ingestion -c Release -- "$@"
