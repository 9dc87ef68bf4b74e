#!/usr/bin/env bash
# article-size.sh: builds parley_article_size_bench and runs it (from any directory): time per MB
# of the whole pipeline on 10 kB, 100 kB, 1 MB and 10 MB articles cut from the same 10 MB of text.
#
#   bench/article-size.sh                          the BBC corpus, the four sizes
#   bench/article-size.sh --sizes 10000,1000000 --total 1000000 other.jsonl
#
# Environment: PARLEY_BUILD_DIR (default: build/ in the repository), JOBS (make jobs, default 2),
# PARLEY_SHARED (default: ../shared beside the repository). About 4 x 40 s of CPU time at the
# default sizes on the development machine, and 2 GB of memory for the 10 MB article.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PARLEY_BUILD_DIR:-$repo/build}
shared=$(realpath -m "${PARLEY_SHARED:-$repo/../shared}")

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target parley_article_size_bench -j"${JOBS:-2}" >/dev/null

args=("$@")
if [ $# -eq 0 ] || [[ ${args[$#-1]} == -* ]] || { [ $# -ge 2 ] && [[ ${args[$#-2]} == --@(model|mappings|sizes|total) ]]; }; then
  args+=("$shared/corpus/bbc.jsonl")
fi
exec "$build/parley_article_size_bench" "${args[@]}"
