#!/usr/bin/env bash
# What each language costs: builds the shared library (Release, stripped)
# with English only, with English and each other language alone, and with
# every language, and prints the sizes and the difference each language
# makes. docs/performance.md quotes its output.
#
# usage: tests/bench/language-size.sh [WORK_DIR]
# SPDX-License-Identifier: MIT
set -euo pipefail

src=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d /tmp/smtpdiag-langsize.XXXXXX)}
jobs=$(nproc 2>/dev/null || echo 2)
mkdir -p "$work"

size_of() { # LANGUAGES -> stripped size in bytes of libsmtpdiag.so.1
  local dir="$work/b-${1//[;]/_}"
  cmake -S "$src" -B "$dir" -DCMAKE_BUILD_TYPE=Release \
    -DSMTPDIAG_BUILD_TESTS=OFF -DSMTPDIAG_BUILD_EXAMPLES=OFF \
    -DSMTPDIAG_BUILD_DOCS=OFF -DSMTPDIAG_BUILD_STATIC=OFF \
    "-DSMTPDIAG_LANGUAGES=$1" > /dev/null
  cmake --build "$dir" -j "$jobs" --target smtpdiag_shared > /dev/null
  strip -o "$dir/stripped.so" "$dir/lib/libsmtpdiag.so.1"
  stat -c %s "$dir/stripped.so"
}

tags=$(awk '/^tag:/ && $2 != "en" { print $2 }' "$src/lib/data/languages.txt")
base=$(size_of en)
printf '%-10s %10s %10s\n' languages bytes added
printf '%-10s %10d %10s\n' en "$base" -
for t in $tags; do
  s=$(size_of "$t")
  printf '%-10s %10d %+10d\n' "en+$t" "$s" $((s - base))
done
all=$(size_of all)
printf '%-10s %10d %+10d\n' all "$all" $((all - base))
