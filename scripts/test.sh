#!/usr/bin/env bash
# test.sh: set up, build parley with warnings as errors, run every test, build the docs.
#
#   scripts/test.sh                  (from any directory; CI runs it via .ci/run)
#
# Exit status: non-zero if setup, the build, any test or the docs build fails.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

scripts/setup.sh
# PARLEY_TESTS=ON explicitly: a build tree configured without tests must not pass silently.
cmake -S . -B build -DPARLEY_WERROR=ON -DPARLEY_TESTS=ON
cmake --build build -j"$(nproc)"
ctest --test-dir build --output-on-failure -j2 --no-tests=error

make -f Makefile.docs
echo "test: all passed"
