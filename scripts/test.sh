#!/usr/bin/env bash
# test.sh: set up, build parley with warnings as errors, run every test, build the docs; then
# build it again with AddressSanitizer and UndefinedBehaviorSanitizer and run every test on that
# build, and run each libFuzzer target for a short slice.
#
#   scripts/test.sh                  (from any directory; CI runs it via .ci/run)
#
# Environment:
#   SANITIZE=0          skip the sanitizer build and its tests (default 1)
#   FUZZ_SECONDS=N      seconds for each fuzz target (default 60; 0 skips fuzzing)
#   JOBS=N              build jobs (default: the number of cores)
# The time each part took is printed at the end.
#
# Exit status: non-zero if setup, a build, any test, a fuzz target or the docs build fails.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
jobs=${JOBS:-$(nproc)}
timings=()
started=$SECONDS
part() {  # part NAME: ends the part under way, naming it
  timings+=("$(printf '%-34s %4d s' "$1" $((SECONDS - started)))")
  started=$SECONDS
}
# (the times of the parts done so far, also when one fails)
trap 'printf "test: %s\n" "${timings[@]}"' EXIT

scripts/setup.sh
part "setup"
# PARLEY_TESTS=ON explicitly: a build tree configured without tests must not pass silently.
cmake -S . -B build -DPARLEY_WERROR=ON -DPARLEY_TESTS=ON
cmake --build build -j"$jobs"
part "build"
ctest --test-dir build --output-on-failure -j2 --no-tests=error
part "tests"

make -f Makefile.docs
part "docs"

if [ "${SANITIZE:-1}" != 0 ]; then
  # ASan + UBSan (gcc), every unit and system test. A finding ends the process (no recovery)
  # with its own exit status, so that no test mistakes it for parley's exit 1; leaks count too.
  san="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
  cmake -S . -B build-asan -DPARLEY_TESTS=ON -DCMAKE_BUILD_TYPE=Sanitize -DPARLEY_TIMEOUT_FACTOR=8 \
    "-DCMAKE_CXX_FLAGS_SANITIZE=-O1 -g $san" "-DCMAKE_EXE_LINKER_FLAGS_SANITIZE=$san"
  cmake --build build-asan -j"$jobs"
  part "sanitizer build"
  ASAN_OPTIONS=detect_leaks=1:exitcode=86:abort_on_error=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87 \
    ctest --test-dir build-asan --output-on-failure -j2 --no-tests=error
  part "sanitizer tests"
fi

fuzz_seconds=${FUZZ_SECONDS:-60}
if [ "$fuzz_seconds" != 0 ]; then
  for f in fuzz/*_fuzzer.cpp; do
    target=$(basename "$f" _fuzzer.cpp)
    log=build-fuzz/$target.log
    mkdir -p build-fuzz
    if ! JOBS=$jobs scripts/fuzz.sh "$target" "$fuzz_seconds" >"$log" 2>&1; then
      tail -n 60 "$log" >&2
      echo "test: fuzz target $target failed (its output: $log)" >&2
      exit 1
    fi
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    echo "test: fuzz $target: ${runs:-?} executions in $fuzz_seconds s, no crash"
    part "fuzz $target (${runs:-?} runs)"
  done
fi

echo "test: all passed"
