#!/usr/bin/env bash
# Renders the manual pages listed in man-pages.txt to plain text (one NAME.txt each) in the folder given: the English
# retrieval and answer corpus, or with zh the Chinese distractor corpus (manpages-zh, zh/man-pages.txt). The pages are
# public documentation that setup installs; they are rendered on the machine, not copied into the repository.
# Usage: render-man-pages.sh OUTDIR [en|zh]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: render-man-pages.sh OUTDIR [en|zh]}"
language="${2:-en}"
list="$here/man-pages.txt"
man_lang=()
if [ "$language" = zh ]; then list="$here/zh/man-pages.txt"; man_lang=(-L zh_CN); fi
mkdir -p "$out"
missing=0
while read -r page; do
  case "$page" in ''|'#'*) continue ;; esac
  if ! LANG=C.UTF-8 MANWIDTH=100 MAN_KEEP_FORMATTING=0 timeout 20 man "${man_lang[@]}" -P cat "$page" < /dev/null 2>/dev/null | col -bx > "$out/$page.txt" || [ ! -s "$out/$page.txt" ]; then
    echo "missing manual page: $page" >&2
    rm -f "$out/$page.txt"
    missing=$((missing + 1))
  fi
done < "$list"
echo "$(ls "$out" | wc -l) pages in $out ($missing missing)"
