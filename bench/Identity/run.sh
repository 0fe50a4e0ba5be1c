#!/usr/bin/env bash
# Runs the Identity benchmark against a throwaway PostgreSQL and Redis on free loopback ports (as scripts/test.sh
# does), stopped again whatever happens.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source "$root/scripts/test-servers.sh"

dotnet run --project bench/Identity -c Release -v quiet "$@"
