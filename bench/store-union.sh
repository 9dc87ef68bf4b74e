#!/usr/bin/env bash
# store-union.sh: Oxigraph's time for every competency query over the N-Quads of a run (one
# named graph per article, queried as a union default graph) against its time over the
# N-Triples of the same run (one default graph). The bar (issue 16): within 5x on all of
# bbc.jsonl. Figures and how they were taken: docs/stores.md.
#
#   bench/store-union.sh [CORPUS.jsonl] [QUERY.rq...]   # default: $PARLEY_SHARED/corpus/bbc.jsonl, ontology/queries/*.rq
#
# Writes OUT (default out/store-union/) corpus.nq, corpus.nt, nq.tsv, nt.tsv and prints a table
# of CPU seconds per query and the ratio. Needs build/parley (PARLEY_BIN), node, and
# $PARLEY_SHARED/tools/oxigraph-load (installs the oxigraph npm package on first use).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${PARLEY_SHARED:-$repo/../shared}
bin=${PARLEY_BIN:-$repo/build/parley}
out=${OUT:-$repo/out/store-union}
corpus=${1:-$shared/corpus/bbc.jsonl}
shift || true
queries=("$@")
[ ${#queries[@]} -gt 0 ] || queries=("$repo"/ontology/queries/*.rq)
mkdir -p "$out"
"$shared/tools/oxigraph-load" --help >/dev/null   # installs oxigraph on first use
"$bin" extract -q -o "$out/corpus.nq" "$corpus"
"$bin" extract -q -o "$out/corpus.nt" "$corpus"
node "$repo/bench/store-union.js" --union "$out/corpus.nq" "${queries[@]}" >"$out/nq.tsv"
node "$repo/bench/store-union.js" "$out/corpus.nt" "${queries[@]}" >"$out/nt.tsv"
paste "$out/nq.tsv" "$out/nt.tsv" | awk -F'\t' '
  BEGIN { printf "%-22s %6s %10s %10s %7s\n", "query", "rows", "nq CPU s", "nt CPU s", "ratio"; bad = 0 }
  $1 == "load" { printf "%-22s %6s %10s %10s %7.2f\n", "(load)", $3 "/" $8, $4, $9, $4 / $9; next }
  { r = ($9 > 0 ? $4 / $9 : 0); if ($3 != $8 || r > 5) bad = 1
    printf "%-22s %6s %10s %10s %7.2f%s\n", $2, $3, $4, $9, r, ($3 != $8 ? "  ROWS DIFFER" : (r > 5 ? "  OVER 5x" : "")) }
  END { exit bad }'
