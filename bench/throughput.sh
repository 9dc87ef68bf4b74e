#!/usr/bin/env bash
# throughput.sh [CORPUS.jsonl]: parley's speed and memory, as ratios measured in one run.
#
#   bench/throughput.sh                         # Reuters (../shared/corpus/reuters21578.jsonl)
#   MAX_ARTICLES=3000 bench/throughput.sh       # the first 3,000 records only
#   SKIP_MEMORY=1 bench/throughput.sh           # without the 1x/2x/4x memory runs
#
# Prints, from one run (bench/README.md has the last figures and how to read them):
#   1. parley_extract_bench on one thread: a plain RE2::Set trigger scan of the records (the
#      denominator), parley's extraction (with the parse) and its writing, each in CPU s and
#      as % of the scan; then serdi rewriting the N-Quads parley wrote (CPU s of serdi), and
#      the writer's time as a multiple of serdi's (the issue's bar: <= 1.5).
#   2. parley extract -j 1 and -j 2 --no-merge on the same records: wall and CPU seconds, CPU
#      per article, the -j 2 / -j 1 wall ratio (bar: <= 0.6 with two free cores) and whether
#      the two outputs are the same bytes.
#   3. Peak memory (max RSS, /usr/bin/time) of parley extract --no-merge on the corpus 1x, 2x
#      and 4x in one file (the copies get new ids: a repeated id is refused as a duplicate),
#      in every format (bar: 4x within 15 % of 1x).
#   and the load average before and after (a busy machine makes wall times meaningless).
# Builds what it needs in $PARLEY_BUILD_DIR (default build/, Release when new), JOBS make jobs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
SRC=$(dirname "$HERE")
BUILD=${PARLEY_BUILD_DIR:-$SRC/build}
SHARED=${PARLEY_SHARED:-$SRC/../shared}
CORPUS=${1:-$SHARED/corpus/reuters21578.jsonl}
JOBS=${JOBS:-2}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/parley-throughput.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

[ -d "$BUILD" ] || nice cmake -S "$SRC" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
nice cmake --build "$BUILD" -j "$JOBS" --target parley parley_extract_bench >/dev/null
command -v serdi >/dev/null || { echo "throughput.sh: serdi is missing (apt-get install serdi)" >&2; exit 1; }
PARLEY=$BUILD/parley

if [ -n "${MAX_ARTICLES:-}" ]; then
  head -n "$MAX_ARTICLES" "$CORPUS" >"$TMP/corpus.jsonl"
  CORPUS=$TMP/corpus.jsonl
fi
echo "corpus: $CORPUS ($(wc -l <"$CORPUS") records, $(du -m "$CORPUS" | cut -f1) MB); $(nproc) cores"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# cpu_of FILE: user+system seconds from a /usr/bin/time -f '%e %U %S %M' file
cpu_of() { awk '{ printf "%.2f", $2 + $3 }' "$1"; }

# --- 1. one thread: scan, extract, write; serdi on the same output --------------------------
echo
"$BUILD/parley_extract_bench" --format nquads --out "$TMP/bench.nq" --tsv "$TMP/bench.tsv" "$CORPUS"
/usr/bin/time -f '%e %U %S %M' -o "$TMP/serdi.time" serdi -i nquads -o nquads "$TMP/bench.nq" >/dev/null
serdi_cpu=$(cpu_of "$TMP/serdi.time")
write_cpu=$(awk -F'\t' '$1 == "write" { print $2 }' "$TMP/bench.tsv")
echo "serdi -i nquads -o nquads on parley's $(du -m "$TMP/bench.nq" | cut -f1) MB of N-Quads: ${serdi_cpu} s CPU;" \
     "parley's writer: ${write_cpu} s CPU = $(awk -v w="$write_cpu" -v s="$serdi_cpu" 'BEGIN { printf "%.2f", w / s }')x serdi (bar <= 1.5)"

# --- 2. -j 1 against -j 2 ----------------------------------------------------------------------
echo
articles=$(grep -c . "$CORPUS")
for j in 1 2; do
  /usr/bin/time -f '%e %U %S %M' -o "$TMP/j$j.time" "$PARLEY" extract -q --no-merge -j "$j" -f nq -o "$TMP/j$j.nq" "$CORPUS" || true
  read -r wall _ _ rss <"$TMP/j$j.time"
  printf 'extract -j %d: %6.2f s wall, %6.2f s CPU, %.2f ms CPU/article, max RSS %d MB\n' "$j" "$wall" \
    "$(cpu_of "$TMP/j$j.time")" "$(awk -v c="$(cpu_of "$TMP/j$j.time")" -v n="$articles" 'BEGIN { print 1000 * c / n }')" $((rss / 1024))
done
w1=$(cut -d' ' -f1 "$TMP/j1.time"); w2=$(cut -d' ' -f1 "$TMP/j2.time")
echo "-j 2 / -j 1: wall $(awk -v a="$w2" -v b="$w1" 'BEGIN { printf "%.2f", a / b }') (bar <= 0.6), CPU" \
     "$(awk -v a="$(cpu_of "$TMP/j2.time")" -v b="$(cpu_of "$TMP/j1.time")" 'BEGIN { printf "%.2f", a / b }') (bar: within 10 %);" \
     "$(cmp -s "$TMP/j1.nq" "$TMP/j2.nq" && echo "same bytes" || echo "OUTPUTS DIFFER")"
rm -f "$TMP"/j?.nq

# --- 3. peak memory at 1x, 2x, 4x --------------------------------------------------------------
if [ -z "${SKIP_MEMORY:-}" ]; then
  echo
  for x in 1 2 4; do
    : >"$TMP/x$x.jsonl"
    for ((c = 1; c <= x; c++)); do
      if [ "$c" -eq 1 ]; then cat "$CORPUS"; else sed "s/^{\"id\": *\"/{\"id\": \"copy$c-/" "$CORPUS"; fi
    done >"$TMP/x$x.jsonl"
  done
  printf '%-9s %10s %10s %10s %8s\n' format "1x MB" "2x MB" "4x MB" "4x/1x"
  for f in nt ttl nq trig; do
    rss=()
    for x in 1 2 4; do
      /usr/bin/time -f '%e %U %S %M' -o "$TMP/m.time" "$PARLEY" extract -q --no-merge -j 2 -f "$f" -o /dev/null "$TMP/x$x.jsonl" || true
      rss+=("$(cut -d' ' -f4 "$TMP/m.time")")
    done
    printf '%-9s %10.1f %10.1f %10.1f %8.3f\n' "$f" "$(awk -v k="${rss[0]}" 'BEGIN { print k / 1024 }')" \
      "$(awk -v k="${rss[1]}" 'BEGIN { print k / 1024 }')" "$(awk -v k="${rss[2]}" 'BEGIN { print k / 1024 }')" \
      "$(awk -v a="${rss[2]}" -v b="${rss[0]}" 'BEGIN { print a / b }')"
  done
fi
echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
