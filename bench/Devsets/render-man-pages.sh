#!/usr/bin/env bash
# Renders the manual pages listed in man-pages.txt to plain text (one NAME.txt each) in the folder given: the English
# retrieval and answer corpus. The pages are public documentation that setup installs; they are rendered on the
# machine, not copied into the repository. Usage: render-man-pages.sh OUTDIR
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: render-man-pages.sh OUTDIR}"
mkdir -p "$out"
missing=0
while read -r page; do
  case "$page" in ''|'#'*) continue ;; esac
  if ! MANWIDTH=100 MAN_KEEP_FORMATTING=0 man -P cat "$page" 2>/dev/null | col -bx > "$out/$page.txt" || [ ! -s "$out/$page.txt" ]; then
    echo "missing manual page: $page" >&2
    rm -f "$out/$page.txt"
    missing=$((missing + 1))
  fi
done < "$here/man-pages.txt"
echo "$(ls "$out" | wc -l) pages in $out ($missing missing)"
