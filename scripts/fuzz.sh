#!/usr/bin/env bash
# fuzz.sh TARGET SECONDS: builds the libFuzzer target TARGET (fuzz/TARGET_fuzzer.cpp) with
# clang, ASan and UBSan in build-fuzz/, seeds it with the inputs under tests/data/ and runs it
# for SECONDS. New inputs go to build-fuzz/corpus-TARGET/; a crash is written to
# build-fuzz/crash-* and ends the run with a non-zero status.
#
#   scripts/fuzz.sh json_lines 60
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 TARGET SECONDS   (targets: $(cd "$(dirname "$0")/../fuzz" && ls *_fuzzer.cpp | sed 's/_fuzzer.cpp//' | tr '\n' ' '))" >&2
  exit 2
fi
target=$1 seconds=$2
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=$repo/build-fuzz
cmake -S "$repo/fuzz" -B "$build" -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" --target "${target}_fuzzer" -j"${JOBS:-1}"
corpus=$build/corpus-$target
mkdir -p "$corpus"
# seeds: every fixture under tests/data (good and bad); libFuzzer keeps those that add coverage
seeds=$build/seeds-$target
rm -rf "$seeds"
mkdir -p "$seeds"
find "$repo/tests/data" -type f \( -name '*.jsonl' -o -name '*.txt' \) -exec cp {} "$seeds/" \;
cd "$build"
exec "./${target}_fuzzer" -max_total_time="$seconds" -max_len=8192 -timeout=10 \
  -print_final_stats=1 "$corpus" "$seeds"
