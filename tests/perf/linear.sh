#!/usr/bin/env bash
# Linear time, counted in instructions (valgrind --tool=callgrind: exact
# and repeatable, unlike wall time on a shared machine). For every entry
# point and adversarial pattern below, the instructions spent inside the
# call for an input of BASE bytes and of 16 x BASE bytes are counted; the
# larger must cost at most 16 x TOLERANCE times the smaller.
#
# The tolerance, 1.10: a linear function gives a ratio a little under 16
# (the per-call cost is paid once); n log n at these sizes gives about
# 16 x 1.24, and anything quadratic about 256, so 1.10 lets through only
# what is linear, with room for effects at the ends of the input.
#
# usage: tests/perf/linear.sh BUILD_DIR [BASE_BYTES]
# The bounce reader (dsn) and notice renderer (notice) have their own
# entries and patterns in tests/perf/linear.c.
set -euo pipefail
build=$1
base=${2:-65536}
tolerance=1.10
bin="$build/tests/perf/smtpdiag-linear"
[ -x "$bin" ] || { echo "linear: $bin was not built" >&2; exit 1; }

CASES=(
  parse:digits parse:digits-dots parse:codes parse:long-codes
  parse:continuation parse:continuation-bare parse:wrappers parse:hashes
  parse:binary
  parse_text:continuation parse_text:continuation-bare parse_text:codes
  parse_text:hashes parse_text:spaces parse_text:wrappers
  classify:digits-dots classify:continuation classify:near-miss
  classify:near-miss-marker classify:binary classify:wrappers
  explain:continuation explain:near-miss
  lang:tags lang:tag-dashes lang:tag-commas lang:digits
  dsn:dsn-recipients dsn:dsn-folded-header dsn:dsn-unterminated-fold
  dsn:dsn-parts dsn:dsn-text dsn:near-miss dsn:binary
  notice:dsn-recipients
)

instructions() {
  local out
  out=$(mktemp)
  valgrind --tool=callgrind --toggle-collect=measured \
    --callgrind-out-file="$out" "$bin" "$1" "$2" "$3" >/dev/null 2>&1
  sed -n 's/^totals: *//p; s/^summary: *//p' "$out" | head -1
  rm -f "$out"
}

fail=0
printf '%-34s %14s %14s %7s\n' "entry:pattern" "Ir @ $base" "Ir @ x16" ratio
for c in "${CASES[@]}"; do
  entry=${c%%:*}
  pattern=${c#*:}
  small=$(instructions "$entry" "$pattern" "$base")
  large=$(instructions "$entry" "$pattern" $((base * 16)))
  ratio=$(awk -v a="$small" -v b="$large" 'BEGIN { printf "%.2f", b / a }')
  verdict=ok
  if ! awk -v r="$ratio" -v t="$tolerance" 'BEGIN { exit !(r <= 16 * t) }'; then
    verdict="NOT LINEAR"
    fail=1
  fi
  printf '%-34s %14s %14s %7s %s\n' "$c" "$small" "$large" "$ratio" "$verdict"
done
echo "cases: ${#CASES[@]}"
exit $fail
