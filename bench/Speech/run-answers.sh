#!/usr/bin/env bash
# "Answer contains the right fact" over the transcripts of an adaptation run (bench/Speech -- --adaptation DIR):
# throwaway PostgreSQL, Redis and RabbitMQ, then the real Knowledge, Ingestion and Assistant in process. Usage: run-answers.sh DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
export VOICEHELPER_TOOLS_DIR="${VOICEHELPER_TOOLS_DIR:-$PWD/.tools}"
dotnet build bench/Speech -c Release -v quiet -nologo
source scripts/test-servers.sh
dotnet run --project bench/Speech -c Release --no-build -- --answers "$1"
