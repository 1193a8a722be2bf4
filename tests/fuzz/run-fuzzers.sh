#!/usr/bin/env bash
# Runs every libFuzzer target of a -DSMTPDIAG_FUZZ=ON build for a bounded
# time each, one after the other, and fails on any finding (a crash, a
# sanitizer report, a failed check, a timeout, a leak, running out of
# memory). The committed seeds are copied to a scratch corpus first, so the
# tree is not written to; a finding is left in $work/NAME/ with the command
# that replays it. Every tests/fuzz/fuzz_NAME.c must have its binary, so a
# target that was added but not built fails the run.
#
# usage: tests/fuzz/run-fuzzers.sh BUILD_DIR SECONDS_PER_TARGET [NAME...]
# prints one line per target: "fuzz NAME: N executions in S s, no finding"
#
# A long run stops at a number of executions instead: FUZZ_RUNS=10000000
# with a generous SECONDS_PER_TARGET (both limits apply, the first reached
# ends the run). FUZZ_WORK=DIR keeps the corpora and logs there.
set -euo pipefail
build=$1
seconds=$2
shift 2
src=$(cd "$(dirname "$0")" && pwd)
if [ $# -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for f in "$src"/fuzz_*.c; do
    n=${f##*/fuzz_}
    targets+=("${n%.c}")
  done
fi
work=${FUZZ_WORK:-$(mktemp -d)}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  bin="$build/tests/fuzz/fuzz_$t"
  if [ ! -x "$bin" ]; then
    echo "fuzz $t: $bin was not built" >&2
    exit 1
  fi
  mkdir -p "$work/$t/corpus"
  cp "$src/$t.in"/* "$work/$t/corpus/"
  dict=()
  [ -f "$src/$t.dict" ] && dict=("-dict=$src/$t.dict")
  log="$work/$t/log"
  # -max_len 8192: long enough for every structure, short enough to keep
  # the executions per second up; linear time on megabyte inputs is the
  # callgrind check's job (tests/perf/linear.sh).
  runs=()
  [ -n "${FUZZ_RUNS:-}" ] && runs=("-runs=$FUZZ_RUNS")
  started=$SECONDS
  if "$bin" "${dict[@]}" "${runs[@]}" -max_total_time="$seconds" \
      -max_len=8192 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$work/$t/" "$work/$t/corpus" >"$log" 2>&1; then
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz $t: ${execs:-?} executions in $((SECONDS - started))s, no finding"
  else
    status=1
    echo "fuzz $t: FINDING (log: $log)" >&2
    grep -E 'ERROR|check failed|runtime error|SUMMARY|Test unit written' "$log" | head -20 >&2 || true
    for a in "$work/$t"/crash-* "$work/$t"/leak-* "$work/$t"/timeout-* "$work/$t"/oom-*; do
      [ -f "$a" ] || continue
      echo "  replay: $bin $a; keep it: cp $a tests/fuzz/$t.repro/" >&2
    done
  fi
done
exit $status
