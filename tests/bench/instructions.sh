#!/usr/bin/env bash
# Instructions per call (callgrind), the load-independent figures of
# docs/performance.md: explain_code, the typical reply, the corpus's replies
# (classify and parse), and long realistic texts per byte.
#
# usage: tests/bench/instructions.sh BUILD_DIR
#   BUILD_DIR: a Release build with SMTPDIAG_BUILD_TESTS=ON (it builds the
#   target smtpdiag-instructions)
# SPDX-License-Identifier: MIT
set -euo pipefail

build=${1:?usage: $0 BUILD_DIR}
cmake --build "$build" --target smtpdiag-instructions >/dev/null
prog=$build/tests/bench/smtpdiag-instructions
out=$(mktemp)
trap 'rm -f "$out"' EXIT

# count FUNCTION MODE [N]: total instructions inside FUNCTION, and calls
count() {
  local calls total
  calls=$(valgrind --tool=callgrind --callgrind-out-file="$out" \
    --toggle-collect="$1" "$prog" "$2" "${3:-1}" 2>/dev/null | awk '{ print $2 }')
  total=$(callgrind_annotate "$out" 2>/dev/null |
    awk '/PROGRAM TOTALS/ { gsub(/,/, "", $1); print $1; exit }')
  echo "$total $calls"
}

printf '%-40s %14s\n' measurement instructions
read -r t c < <(count smtpdiag_explain_code explain 1000)
printf '%-40s %14.0f per call\n' "explain_code 550 5.1.1" "$((t / c))"
read -r t c < <(count smtpdiag_classify typical 1000)
printf '%-40s %14.0f per call\n' "classify typical 148B" "$((t / c))"
read -r t c < <(count smtpdiag_classify classify)
printf '%-40s %14.0f per reply (%s replies)\n' "classify corpus, mean" "$((t / c))" "$c"
read -r t c < <(count smtpdiag_parse parse)
printf '%-40s %14.0f per reply\n' "parse corpus, mean" "$((t / c))"
for size in 1024 65536 1048576; do
  read -r t c < <(count smtpdiag_classify long "$size")
  printf '%-40s %14.1f per byte\n' "classify realistic $size bytes" \
    "$(awk -v t="$t" -v s="$size" 'BEGIN { print t / s }')"
done
