#!/usr/bin/env bash
# How the classifier's cost and the library's size grow with its knowledge.
# Builds the library (Release) in temporary copies of the source tree:
#   rules-1/8 .. rules-all   every 8th, 4th, 2nd rule of lib/data/rules.txt,
#                            or all of them
#   synthetic-x2, -x4        all rules plus synthetic ones, for about 2x and
#                            4x the phrases (2-3 words drawn from the words of
#                            the labelled corpus, fixed seed, priority 3)
#   lang-en, lang-en+zh-Hans one or two of the three languages
# and prints, for each, the generated automaton's size (the SMTPDIAG__*
# macros of tables.inc), the stripped size of libsmtpdiag.so.1, and the
# benchmark's figures for a few measurements; with valgrind, also the
# instructions per input byte in the automaton (smtpdiag__scan) and in
# smtpdiag_classify as a whole, which do not depend on the machine's load.
#
# usage: tests/bench/scaling.sh [WORK_DIR] [VARIANT...]
#   WORK_DIR defaults to a new temporary folder, kept for inspection;
#   SMTPDIAG_SRC=DIR measures another source tree (default: this one).
# SPDX-License-Identifier: MIT
set -euo pipefail

src=${SMTPDIAG_SRC:-$(cd "$(dirname "$0")/../.." && pwd)}
work=${1:-$(mktemp -d /tmp/smtpdiag-scaling.XXXXXX)}
shift || true
variants=("$@")
if [ ${#variants[@]} -eq 0 ]; then
  variants=(rules-1/8 rules-1/4 rules-1/2 rules-all synthetic-x2 synthetic-x4
    lang-en lang-en+zh-Hans)
fi
only="classify corpus pass,classify typical,classify realistic 1MiB"
only+=",classify adv near-miss user unknow 1MiB"
jobs=$(nproc 2>/dev/null || echo 2)
mkdir -p "$work"
echo "source: $src ($(git -C "$src" rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "work:   $work"

# Keeps every k-th rule record (and everything before the first rule).
subset_rules() {
  awk -v k="$1" '
    /^rule:/ { n++; keep = (n - 1) % k == 0 }
    !seen_rule && !/^rule:/ { print; next }
    /^rule:/ { seen_rule = 1 }
    keep { print }
  ' "$2"
}

# Appends synthetic rules until the phrases are about `factor` times as many.
add_synthetic() {
  local factor=$1 rules=$2 corpus=$3
  cat "$rules"
  awk -v factor="$factor" '
    FNR == 1 { file++ }
    file == 1 && /^phrase:/ { sub(/^phrase: */, ""); used[$0] = 1; phrases++ }
    file == 1 && /^reason:/ { sub(/^reason: */, ""); if (!(($0) in r)) { r[$0] = 1; reasons[nr++] = $0 } }
    file == 2 && !/^#/ {
      split($0, col, "\t"); t = tolower(col[1]); gsub(/[^a-z]+/, " ", t)
      n = split(t, w, " ")
      for (i = 1; i <= n; i++)
        if (length(w[i]) >= 3 && length(w[i]) <= 12 && !(w[i] in seen)) {
          seen[w[i]] = 1; words[nw++] = w[i]
        }
    }
    END {
      srand(42)
      want = phrases * (factor - 1); made = 0; rule = 0
      while (made < want) {
        printf "\nrule: synthetic-%d\nreason: %s\npriority: 3\n", rule, reasons[rule % nr]
        for (k = 0; k < 8 && made < want; ) {
          m = 2 + int(rand() * 2); p = ""
          for (j = 0; j < m; j++) p = p (j ? " " : "") words[int(rand() * nw)]
          if (p in used) continue
          used[p] = 1; printf "phrase: %s\n", p; k++; made++
        }
        print "source: synthetic, for tests/bench/scaling.sh"
        rule++
      }
    }
  ' "$rules" "$corpus"
}

# Keeps the language records whose tag is listed, and their .po files.
keep_languages() {
  local dir=$1
  shift
  local tags=" $* "
  awk -v tags="$tags" '
    /^id:/ { buf = $0 "\n"; inrec = 1; next }
    inrec && /^tag:/ { tag = $2 }
    inrec && NF == 0 { if (index(tags, " " tag " ")) printf "%s\n", buf; inrec = 0; next }
    inrec { buf = buf $0 "\n"; next }
    { print }
    END { if (inrec && index(tags, " " tag " ")) printf "%s", buf }
  ' "$dir/lib/data/languages.txt" >"$dir/lib/data/languages.txt.new"
  mv "$dir/lib/data/languages.txt.new" "$dir/lib/data/languages.txt"
  case $tags in *" zh-Hans "*) ;; *) sed -i 's|"[^"]*/zh_Hans\.po"||' "$dir/lib/CMakeLists.txt" ;; esac
  case $tags in *" zh-Hant "*) ;; *) sed -i 's|"[^"]*/zh_Hant\.po"||' "$dir/lib/CMakeLists.txt" ;; esac
}

printf '%-16s %6s %7s %7s %7s %10s | %s\n' variant rules phrases states edges \
  "so(strip)" "figures (median ns/op; MB/s; x floor)"
for v in "${variants[@]}"; do
  dir=$work/${v//\//_}
  rm -rf "$dir"
  mkdir -p "$dir"
  (cd "$src" && tar --exclude=./build --exclude=./.git -cf - .) | (cd "$dir" && tar -xf -)
  grep -q 'add_subdirectory(bench)' "$dir/tests/CMakeLists.txt" ||
    echo 'add_subdirectory(bench)' >>"$dir/tests/CMakeLists.txt"
  rules=$dir/lib/data/rules.txt
  case $v in
    rules-all | lang-*) ;;
    rules-1/*) subset_rules "${v#rules-1/}" "$src/lib/data/rules.txt" >"$rules" ;;
    synthetic-x*) add_synthetic "${v#synthetic-x}" "$src/lib/data/rules.txt" \
      "$src/tests/data/classify-corpus.tsv" >"$rules" ;;
    *) echo "unknown variant $v" >&2; exit 2 ;;
  esac
  case $v in
    lang-en) keep_languages "$dir" en ;;
    lang-en+zh-Hans) keep_languages "$dir" en zh-Hans ;;
  esac
  if ! { cmake -S "$dir" -B "$dir/build" -DCMAKE_BUILD_TYPE=Release \
    -DSMTPDIAG_BUILD_DOCS=OFF -DSMTPDIAG_INSTALL=OFF -DSMTPDIAG_BUILD_TESTS=ON &&
    cmake --build "$dir/build" -j "$jobs" --target smtpdiag_shared smtpdiag-bench; } \
    >"$dir/build.log" 2>&1; then
    echo "$v: build failed, see $dir/build.log" >&2
    continue
  fi
  inc=$dir/build/lib/tables.inc
  macro() { sed -n "s/^#define SMTPDIAG__$1 //p" "$inc"; }
  strip -o "$dir/stripped.so" "$dir/build/lib/libsmtpdiag.so.1"
  size=$(wc -c <"$dir/stripped.so")
  bench=$dir/build/tests/bench/smtpdiag-bench
  figures=$("$bench" --only "$only" --json | awk '
    /"name"/ {
      match($0, /"name": "[^"]*"/); name = substr($0, RSTART + 9, RLENGTH - 10)
      ns = $0; sub(/.*"ns": /, "", ns); sub(/,.*/, "", ns)
      mb = "-"; if ($0 ~ /"mb_per_s"/) { mb = $0; sub(/.*"mb_per_s": /, "", mb); sub(/,.*/, "", mb) }
      r = $0; sub(/.*"ratio_to_floor": /, "", r); sub(/,.*/, "", r)
      sub(/^classify /, "", name)
      printf "%s %.0f;%s;%.1fx  ", name, ns, mb, r
    }')
  printf '%-16s %6s %7s %7s %7s %10s | %s\n' "$v" "$(macro RULE_COUNT)" \
    "$(macro PHRASE_COUNT)" "$(macro STATES)" "$(macro EDGES)" "$size" "$figures"
  if command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null; then
    out=$dir/callgrind.out
    valgrind --tool=callgrind --toggle-collect=smtpdiag_classify \
      --callgrind-out-file="$out" "$bench" --quick \
      --only "classify realistic 64KiB" >/dev/null 2>&1
    # the automaton runs once per call: its callers' line gives the count
    calls=$(callgrind_annotate --tree=caller "$out" 2>/dev/null | awk '
      /^ *[0-9,]+ .*\*  .*:smtpdiag__scan / { print count; exit }
      { count = ""; if (match($0, /\([0-9,]+x\)/)) count = substr($0, RSTART + 1, RLENGTH - 3) }
    ' | tr -d ,)
    callgrind_annotate --inclusive=yes "$out" 2>/dev/null | awk -v calls="${calls:-0}" -v v="$v" '
      { n = $1; gsub(/,/, "", n) }
      /smtpdiag__scan / && !scan { scan = n }
      /smtpdiag_classify / && !all { all = n }
      /smtpdiag__command_candidate / && !cmd { cmd = n }
      END { b = calls * 65536; if (b > 0)
        printf "%-16s instructions per byte, realistic 64KiB: classify %.0f, automaton %.0f (of which command checks %.0f)\n",
          v, all / b, scan / b, cmd / b }'
  fi
done
