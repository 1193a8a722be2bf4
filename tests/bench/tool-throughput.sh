#!/usr/bin/env bash
# Lines per second of `smtpdiag classify` over a large log: builds a file of
# LINES replies, one a line, from tests/data/classify-corpus.tsv (escapes
# undone, line breaks inside a reply turned into spaces), then times RUNS
# runs of `smtpdiag classify --json < FILE > /dev/null` (and of the human
# output) and prints the median. The issue's target is 500,000 lines/s.
#
# usage: tests/bench/tool-throughput.sh SMTPDIAG [LINES] [RUNS] [DATA_DIR]
#   e.g. tests/bench/tool-throughput.sh /tmp/bench-build/examples/smtpdiag
# SPDX-License-Identifier: MIT
set -euo pipefail

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
  echo "usage: $0 SMTPDIAG [LINES] [RUNS] [DATA_DIR]" >&2
  exit 2
fi
tool=$1
lines=${2:-1000000}
runs=${3:-5}
data=${4:-$(cd "$(dirname "$0")/../data" && pwd)}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log=$work/replies.log

awk -F'\t' -v want="$lines" '
  /^#/ || $0 == "" || /^input\t/ { next }
  {
    s = $1; out = ""
    while ((i = index(s, "\\")) > 0) {
      c = substr(s, i + 1, 1)
      out = out substr(s, 1, i - 1) (c == "n" || c == "r" || c == "t" ? " " : c)
      s = substr(s, i + 2)
    }
    row[n++] = out s
  }
  END { for (k = 0; k < want; k++) print row[k % n] }
' "$data/classify-corpus.tsv" >"$log"

bytes=$(wc -c <"$log")
count=$(wc -l <"$log")

now() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    echo "${EPOCHREALTIME/[.,]/}" # microseconds
  else
    echo $(($(date +%s%N) / 1000))
  fi
}

# Runs the tool RUNS times with the given options; prints the median time in
# microseconds. Exit status 1 (some line had no answer) is expected.
median_us() {
  local times=() t0 t1 rc i
  for ((i = 0; i < runs; i++)); do
    t0=$(now)
    rc=0
    "$tool" classify "$@" <"$log" >/dev/null || rc=$?
    t1=$(now)
    if [ "$rc" -gt 1 ]; then
      echo "$0: $tool classify $* failed with status $rc" >&2
      exit 1
    fi
    times+=($((t1 - t0)))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ v[NR] = $1 }
    END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

report() {
  local label=$1 us=$2
  awk -v label="$label" -v us="$us" -v n="$count" -v b="$bytes" -v r="$runs" \
    'BEGIN { printf "%-28s %10.3f s %12.0f lines/s %8.1f MB/s  (median of %d)\n",
             label, us / 1e6, n / (us / 1e6), b / us, r }'
}

echo "input: $count lines, $bytes bytes (tests/data/classify-corpus.tsv repeated)"
echo "tool:  $("$tool" --version)"
report "cat (reading the file)" "$(
  t0=$(now)
  cat "$log" >/dev/null
  t1=$(now)
  echo $((t1 - t0))
)"
report "smtpdiag classify --json" "$(median_us --json)"
report "smtpdiag classify" "$(median_us)"
