# lib.sh: shared set-up for parley's system tests; sourced, never run on its own.
#
#   source "$(dirname "$0")/lib.sh" "$@"     # args: PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Defines PARLEY SRC WORK SHARED JENA OXI PY HERE, recreates WORK, and helpers:
#   run NAME ARGS...      runs parley (60 s limit); RC = exit status, stdout in $WORK/NAME.stdout,
#                         stderr in $WORK/NAME.stderr
#   fail MSG / ok MSG     record a failed / passed check (a test goes on after a failure,
#                         so one run reports everything that is wrong)
#   finish                prints the verdict and exits 1 if any check failed
#   example_inputs        fills the array EXAMPLES with SRC/examples/*.txt and *.jsonl
#   count_articles FILE.. number of articles in the inputs (a .txt is one; a .jsonl one a
#                         non-blank line)
#   show FILE             prints the first lines of FILE indented (for failure messages)
#   snapshot_mappings     copies SRC/mappings to WORK/mappings and sets MAPPINGS_ARGS to
#                         (--mappings WORK/mappings), so that runs compared byte for byte
#                         read the same data even while someone edits mappings/
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: $0 PARLEY_BIN SOURCE_DIR WORK_DIR" >&2
  exit 2
fi
PARLEY=$(realpath "$1")
SRC=$(realpath "$2")
WORK=$3
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
SHARED=${PARLEY_SHARED:-$SRC/../shared}
JENA=$SHARED/tools/jena
OXI=$SHARED/tools/oxigraph-load
PY=/usr/bin/python3
TEST_NAME=$(basename "$0" .sh)
FAILS=0

rm -rf "$WORK"
mkdir -p "$WORK"
WORK=$(realpath "$WORK")

if [ ! -x "$PARLEY" ]; then
  echo "FAIL: parley binary $PARLEY does not exist or is not executable" >&2
  exit 1
fi

fail() { echo "FAIL: $*" >&2; FAILS=$((FAILS + 1)); }
ok() { echo "ok: $*"; }

show() {
  if [ -e "$1" ]; then
    head -c 2000 "$1" | sed 's/^/    | /' >&2
  else
    echo "    ($1 does not exist)" >&2
  fi
}

finish() {
  if [ "$FAILS" -ne 0 ]; then
    echo "$TEST_NAME: $FAILS check(s) FAILED (work files in $WORK)" >&2
    exit 1
  fi
  echo "$TEST_NAME: all checks passed"
  exit 0
}

run() {
  local name=$1
  shift
  RC=0
  timeout 60 "$PARLEY" "$@" >"$WORK/$name.stdout" 2>"$WORK/$name.stderr" || RC=$?
  if [ "$RC" -eq 124 ]; then
    fail "$name: parley $* did not finish within 60 s"
  elif [ "$RC" -ge 128 ]; then
    fail "$name: parley $* was killed by signal $((RC - 128)); stderr:"
    show "$WORK/$name.stderr"
  fi
}

# INPUTS: the examples and tests/data/good (*.txt, *.jsonl), the inputs that must extract cleanly.
good_inputs() {
  example_inputs
  INPUTS=("${EXAMPLES[@]}")
  shopt -s nullglob
  INPUTS+=("$SRC"/tests/data/good/*.txt "$SRC"/tests/data/good/*.jsonl)
  shopt -u nullglob
}

example_inputs() {
  EXAMPLES=()
  local f
  shopt -s nullglob
  for f in "$SRC"/examples/*.txt "$SRC"/examples/*.jsonl; do
    EXAMPLES+=("$f")
  done
  shopt -u nullglob
  if [ "${#EXAMPLES[@]}" -eq 0 ]; then
    echo "FAIL: no examples (*.txt, *.jsonl) under $SRC/examples" >&2
    exit 1
  fi
}

snapshot_mappings() {
  rm -rf "$WORK/mappings"
  cp -r "$SRC/mappings" "$WORK/mappings"
  MAPPINGS_ARGS=(--mappings "$WORK/mappings")
}

count_articles() {
  local n=0 f
  for f in "$@"; do
    case "$f" in
      *.jsonl) n=$((n + $(grep -c '[^[:space:]]' "$f" || true))) ;;
      *) n=$((n + 1)) ;;
    esac
  done
  echo "$n"
}

# rapper_count SYNTAX FILE: prints the statement count rapper reads, or fails.
rapper_count() {
  local out
  if ! out=$(rapper -i "$1" -c "$2" 2>&1); then
    fail "rapper -i $1 -c $2 failed:"
    echo "$out" | head -20 | sed 's/^/    | /' >&2
    echo "-1"
    return 0
  fi
  echo "$out" | sed -n 's/.*Parsing returned \([0-9]*\) triple.*/\1/p'
}

# riot_ok OUTPUT RC: is riot's verdict a pass?  riot exits 1 on any warning, and it warns on
# every U+FFFD in a literal, which is what parley must write for invalid UTF-8 input; so a
# run passes when every WARN/ERROR line is that warning (and riot exited 0 or 1).
riot_ok() {
  local problems
  problems=$(echo "$1" | grep -E '^(WARN|ERROR)' \
    | grep -v 'Unicode replacement character U+FFFD in string' || true)
  [ -z "$problems" ] || return 1
  [ "$2" -eq 0 ] && return 0
  [ "$2" -eq 1 ] && echo "$1" | grep -q 'Unicode replacement character U+FFFD in string'
}

# riot_validate FILE...: one JVM for all files; on failure re-runs per file to say which.
riot_validate() {
  local out rc=0
  out=$("$JENA" riot --validate "$@" 2>&1) || rc=$?
  riot_ok "$out" "$rc" && return 0
  riot_each "$@"
}

# riot_each FILE...: jena riot --validate on each file alone (a JVM each), fail on any
# error or warning.
riot_each() {
  local out f rc bad=0
  for f in "$@"; do
    rc=0
    out=$("$JENA" riot --validate "$f" 2>&1) || rc=$?
    if ! riot_ok "$out" "$rc"; then
      fail "jena riot --validate $f (exit $rc):"
      echo "$out" | head -20 | sed 's/^/    | /' >&2
      bad=1
    fi
  done
  [ "$bad" -eq 1 ] || fail "jena riot --validate failed on $* together but passed on each alone"
}
