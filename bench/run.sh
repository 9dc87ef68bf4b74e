#!/usr/bin/env bash
# run.sh: builds parley_syntax_bench and runs it on the Reuters corpus (from any directory).
#
#   bench/run.sh                                  the committed model, the whole corpus
#   bench/run.sh --model /tmp/small.syntax        any option of parley_syntax_bench
#   bench/run.sh --tsv out/bench.tsv other.jsonl  a corpus given last replaces Reuters
#
# Environment: PARLEY_BUILD_DIR (default: build/ in the repository), JOBS (make jobs, default:
# the number of cores), PARLEY_SHARED (default: ../shared beside the repository).
# Build with optimisation: the build tree's CMAKE_BUILD_TYPE is used (RelWithDebInfo unless
# set otherwise); the bench prints it in its first line.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${PARLEY_BUILD_DIR:-$repo/build}
shared=$(realpath -m "${PARLEY_SHARED:-$repo/../shared}")
jobs=${JOBS:-$(nproc)}

if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$build" --target parley_syntax_bench -j"$jobs" >/dev/null

# A corpus is the last argument when it does not start with "-" and is not an option's value;
# without one, the Reuters corpus.
args=("$@")
corpus=$shared/corpus/reuters21578.jsonl
if [ $# -gt 0 ]; then
  last=${args[$#-1]}
  prev=${args[$#-2]:-}
  case "$last" in
    -*) ;;
    *) case "$prev" in
         --model|--mappings|--tsv|--max-articles|--repeat|--budget) ;;
         *) corpus=$last; unset 'args[$#-1]' ;;
       esac ;;
  esac
fi
if [ ! -f "$corpus" ]; then
  echo "run.sh: error: corpus $corpus not found (set PARLEY_SHARED or give a corpus)" >&2
  exit 1
fi
exec "$build/parley_syntax_bench" "${args[@]}" "$corpus"
