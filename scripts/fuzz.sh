#!/usr/bin/env bash
# fuzz.sh TARGET SECONDS: builds the libFuzzer target TARGET (fuzz/TARGET_fuzzer.cpp) with
# clang, ASan and UBSan in build-fuzz/, seeds it with fuzz/seeds/TARGET/ and the inputs under
# tests/data/ and runs it for SECONDS. New inputs go to build-fuzz/corpus-TARGET/; a crash is
# written to build-fuzz/crash-* and ends the run with a non-zero status.
#
#   scripts/fuzz.sh json_lines 60
#   scripts/fuzz.sh pipeline 60        the whole pipeline on one article (loads the model)
#   scripts/fuzz.sh syntax 60          sentences, words, tags and parse of arbitrary text
#
# Environment: JOBS (make jobs for the build, default 1), FUZZ_BUILD (the build directory,
# default build-fuzz/ in the repository), FUZZ_ARGS (more libFuzzer options, e.g. "-runs=1000").
# The last lines of libFuzzer's output give the executions run (stat::number_of_executed_units).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
targets=$(cd "$repo/fuzz" && ls *_fuzzer.cpp | sed 's/_fuzzer.cpp//' | tr '\n' ' ')
if [ $# -ne 2 ] || [ ! -f "$repo/fuzz/$1_fuzzer.cpp" ] || ! [[ $2 =~ ^[0-9]+$ ]]; then
  echo "usage: $0 TARGET SECONDS   (targets: $targets)" >&2
  exit 2
fi
target=$1 seconds=$2
build=${FUZZ_BUILD:-$repo/build-fuzz}
cmake -S "$repo/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" --target "${target}_fuzzer" -j"${JOBS:-1}"
corpus=$build/corpus-$target
mkdir -p "$corpus"
# seeds: the committed ones and every fixture under tests/data (good and bad); libFuzzer keeps
# those that add coverage
seeds=$build/seeds-$target
rm -rf "$seeds"
mkdir -p "$seeds"
if [ -d "$repo/fuzz/seeds/$target" ]; then cp "$repo/fuzz/seeds/$target"/* "$seeds/"; fi
find "$repo/tests/data" -type f \( -name '*.jsonl' -o -name '*.txt' \) -exec cp {} "$seeds/" \;
# (the targets that load the model take ~1 s per input at the start and a few ms after; no
# single input may take 30 s)
cd "$build"
# shellcheck disable=SC2086  # FUZZ_ARGS is a list of options
exec "./${target}_fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=30 -rss_limit_mb=4096 \
  -print_final_stats=1 ${FUZZ_ARGS:-} "$corpus" "$seeds"
