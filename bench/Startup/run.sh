#!/usr/bin/env bash
# Start-up benchmark of the AppHost: cold (fresh data folder: initdb, migrations) and warm (same folder again) start
# to every service healthy through the gateway, the resident memory of every process of the running system (AppHost,
# DCP, dashboard, servers, services), and the time Ctrl+C (SIGTERM) takes until nothing is left.
#   bench/Startup/run.sh                      this checkout's AppHost (build it first: dotnet build VoiceHelper.AppHost)
#   bench/Startup/run.sh --compare DIR        also a checkout of the home-made AppHost (commit 2ede6b5) in DIR, built
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
compare=""
if [ "${1:-}" = "--compare" ]; then compare="$2"; fi
services=(identity knowledge ingestion assistant conversations voice)

free_port() {
  local port
  while :; do
    port=$(( (RANDOM % 20000) + 30000 ))
    ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
  done
}

# Every process below $1, plus DCP's own tree (DCP detaches from the AppHost and names it with --monitor PID).
tree_pids() {
  local top=("$1") pid
  for pid in $(pgrep -f -- "--monitor $1( |$)" || true); do top+=("$pid"); done
  local frontier=("${top[@]}") all=("${top[@]}")
  while [ ${#frontier[@]} -gt 0 ]; do
    local next=()
    for pid in "${frontier[@]}"; do
      for child in $(pgrep -P "$pid" || true); do next+=("$child"); all+=("$child"); done
    done
    frontier=("${next[@]}")
  done
  printf '%s\n' "${all[@]}" | sort -un
}

rss_mib() {
  local total=0 pid kb
  for pid in $(tree_pids "$1"); do
    kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    total=$(( total + ${kb:-0} ))
  done
  echo $(( total / 1024 ))
}

# Resident memory per program name (count x, MiB), largest first: where the memory of the running system goes.
rss_by_program() {
  local pid
  for pid in $(tree_pids "$1"); do
    echo "$(cat "/proc/$pid/comm" 2>/dev/null) $(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)"
  done | awk 'NF == 2 { kb[$1] += $2; n[$1]++ } END { for (p in kb) printf "%d %s %d\n", kb[p] / 1024, p, n[p] }' \
    | sort -rn | awk '{ printf "  %-18s %3d x %6d MiB\n", $2, $3, $1 }'
}

# "pid:start-time" of each process, so a pid the kernel hands to an unrelated process later is not waited for.
identities() {
  local pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && echo "$pid:$(sed 's/^.*) //' "/proc/$pid/stat" | cut -d' ' -f20)"
  done
}

# Whether the process of a "pid:start-time" identity still runs (a zombie counts as gone).
alive() {
  local pid="${1%%:*}" started="${1#*:}" stat
  stat=$(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$(echo "$stat" | cut -d' ' -f20)" = "$started" ] && [ "${stat:0:1}" != Z ]
}

# measure LABEL DATA_DIR COMMAND...: prints "seconds-to-healthy rss-MiB processes seconds-to-stopped"
measure() {
  local data="$1"; shift
  local gateway dashboard otlp
  gateway=$(free_port); dashboard=$(free_port); otlp=$(free_port)
  local log; log=$(mktemp)
  local start; start=$(date +%s.%N)
  VOICEHELPER_DATA_DIR="$data" VOICEHELPER_GATEWAY_PORT="$gateway" VOICEHELPER_TOOLS_DIR="$root/.tools" \
    ASPNETCORE_URLS="http://127.0.0.1:$dashboard" ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL="http://127.0.0.1:$otlp" \
    ASPIRE_ALLOW_UNSECURED_TRANSPORT=true DOTNET_ENVIRONMENT=Development \
    "$@" >"$log" 2>&1 &
  local pid=$!
  local healthy=0
  while [ $healthy -lt ${#services[@]} ]; do
    kill -0 "$pid" 2>/dev/null || { echo "AppHost exited early:" >&2; tail -20 "$log" >&2; return 1; }
    healthy=0
    for s in "${services[@]}"; do
      curl -sf -m 2 -o /dev/null "http://127.0.0.1:$gateway/health/$s" && healthy=$((healthy + 1))
    done
    [ $healthy -lt ${#services[@]} ] && sleep 0.5
  done
  local up; up=$(echo "$(date +%s.%N) - $start" | bc)
  sleep 3 # let start-up allocations settle before reading memory
  local mem procs
  mem=$(rss_mib "$pid"); procs=$(tree_pids "$pid" | wc -l)
  rss_by_program "$pid" >&2
  local ids; ids=$(identities $(tree_pids "$pid"))
  local stop; stop=$(date +%s.%N)
  kill -TERM "$pid"
  wait "$pid" || true
  local waited=0 left
  while :; do
    left=""
    for id in $ids; do alive "$id" && left+=" ${id%%:*}($(cat "/proc/${id%%:*}/comm" 2>/dev/null))"; done
    [ -z "$left" ] && break
    # A ceiling for the benchmark only, so a process that never leaves is named instead of hanging the run.
    [ $waited -ge 600 ] && { echo "still running 120 s after SIGTERM:$left" >&2; return 1; }
    sleep 0.2; waited=$((waited + 1))
  done
  while ss -ltnH "sport = :$gateway" | grep -q .; do sleep 0.2; done
  local down; down=$(echo "$(date +%s.%N) - $stop" | bc)
  rm -f "$log"
  printf '%.1f %s %s %.1f\n' "$up" "$mem" "$procs" "$down"
}

row() { # label cold-line warm-line
  read -r cu cm cp cd <<<"$2"; read -r wu wm wp wd <<<"$3"
  printf '| %-28s | %8s | %8s | %10s | %10s | %9s |\n' "$1" "$cu" "$wu" "$wm" "$wp" "$wd"
}

run_pair() { # label command...
  local data; data=$(mktemp -d /tmp/voicehelper-bench.XXXXXX); chmod 755 "$data"
  local cold warm
  cold=$(measure "$data" "$@"); warm=$(measure "$data" "$@")
  rm -rf "$data"
  echo "$cold|$warm"
}

results=()
new=$(run_pair "$root/VoiceHelper.AppHost/bin/Debug/net10.0/VoiceHelper.AppHost")
results+=("Aspire 13.6 AppHost|$new")
if [ -n "$compare" ]; then
  old=$(cd "$compare" && run_pair dotnet "$compare/VoiceHelper.AppHost/bin/Debug/net10.0/VoiceHelper.AppHost.dll")
  results+=("home-made AppHost (2ede6b5)|$old")
fi

echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
printf '| %-28s | %8s | %8s | %10s | %10s | %9s |\n' "AppHost" "cold s" "warm s" "RSS MiB" "processes" "stop s"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------------" "----------" "----------" "------------" "------------" "-----------"
for r in "${results[@]}"; do
  IFS='|' read -r label cold warm <<<"$r"
  row "$label" "$cold" "$warm"
done
echo "(cold: empty data folder, so initdb and every migration run; warm: the same folder again. RSS and processes: the"
echo " running system after the warm start, DCP and dashboard included; stop: SIGTERM until every process is gone)"
