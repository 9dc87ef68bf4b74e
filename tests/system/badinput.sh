#!/usr/bin/env bash
# badinput.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Negative-input suite (fixtures and expectations: tests/data/README.md, section bad/).
# For each broken input given together with a good article: the exit status (1 for an error,
# 0 for a warning), a `parley: error:`/`parley: warning:` line naming the file (and line),
# the good article still in the output (by dcterms:identifier), and the output valid RDF
# (rapper for each file, one `jena riot --validate` for all, strict UTF-8).  Also: hostile
# text (quotes, backslashes, <>, control characters, CR LF, names broken by newlines, odd
# identifiers and file names) gives valid RDF whose spans still match; a failing run over an
# existing -o file replaces it whole or leaves it, with no temp file left; running out of
# file space keeps the old file; -o - on /dev/full fails with a message; serdi reads every
# output back.
source "$(dirname "$0")/lib.sh" "$@"

BAD=$SRC/tests/data/bad
GOOD=$SRC/tests/data/good/unicode_names.txt   # the "other input" in every call
GOOD_ID=unicode_names.txt
IN=$WORK/in
mkdir -p "$IN"
OUTS=()       # every output file, validated at the end
OUT_FMTS=()   # its rapper syntax

# --- fixtures made here (exact bytes) ------------------------------------------------
# the first invalid byte (a lone \xff) is on line 2, column 38; the bad bytes sit inside
# sentences that parley should extract (a meeting, a demand), so U+FFFD reaches the evidence
printf 'Officials spoke on Monday.\nArmenia and Azerbaijan met in Geneva \xff on Monday with mediators from a truncated \xe2\x82 sequence.\nRussia demanded an overlong \xc0\xaf slash and a surrogate \xed\xa0\x80 in UTF-8.\n' \
  >"$IN/invalid_utf8.txt"
UTF8_POS=2:38
printf 'PK\x03\x04\x14\x00\x00\x00\x08\x00binary\x00\x00\x01\x02\xff\xfe Armenia met Azerbaijan.\n' \
  >"$IN/binary.txt"
printf 'Armenia and Azerbaijan met in Moscow.\x01\x1b[0m\x7f said "quoted" back\\slash C:\\dir <angle> & brackets.\r\nRussia demanded a ceasefire.\r\nPresident Ilham\nAliyev met Nikol\r\nPashinyan in Brussels.\r\n' \
  >"$IN/control_chars.txt"
mkdir "$IN/a_directory.txt"
ODD1="name with spaces and ü.txt"
ODD2=$'new\nline.txt'
printf 'Armenia and Azerbaijan met in Geneva.\n' >"$IN/$ODD1"
printf 'Azerbaijan denied the report.\n' >"$IN/$ODD2"

# --- helpers -----------------------------------------------------------------------------
re_escape() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'; }

# expect_diag CASE KIND NAME [LINE[:COL]]: stderr of CASE has "parley: KIND: ...NAME:LINE..."
expect_diag() {
  local case=$1 kind=$2 name=$3 line=${4:-}
  local re="^parley: $kind: .*$(re_escape "$name")"
  [ -z "$line" ] || re="$re:$line([^0-9]|\$)"
  if grep -qE "$re" "$WORK/$case.stderr"; then
    ok "$case: stderr has a $kind naming $name${line:+:$line}"
  else
    fail "$case: expected a line matching /$re/ on stderr; got:"
    show "$WORK/$case.stderr"
  fi
}

expect_rc() {   # expect_rc CASE WANT
  if [ "$RC" -eq "$2" ]; then
    ok "$1: exit status $RC"
  else
    fail "$1: exit status $RC, expected $2; stderr:"
    show "$WORK/$1.stderr"
  fi
}

# expect_ids CASE FORMAT FILE has|lacks|same ID...
expect_ids() {
  local case=$1 fmt=$2 file=$3 mode=$4 out
  shift 4
  if [ ! -s "$file" ]; then
    fail "$case: no output file $file"
    return 0
  fi
  if out=$("$PY" "$HERE/rdftool.py" "$mode-ids" "$fmt" "$file" "$@" 2>&1); then
    ok "$case: output $mode identifiers $*"
  else
    fail "$case: output $file: $mode-ids $*: $out"
  fi
}

add_out() { OUTS+=("$1"); OUT_FMTS+=("$2"); }

# error_case CASE BAD-INPUT NAME-IN-MESSAGE LINE: one broken input next to the good one
error_case() {
  local case=$1 input=$2 name=$3 line=$4
  run "$case" extract -o "$WORK/$case.ttl" "$input" "$GOOD"
  expect_rc "$case" 1
  expect_diag "$case" error "$name" "$line"
  expect_ids "$case" turtle "$WORK/$case.ttl" has "$GOOD_ID"
  add_out "$WORK/$case.ttl" turtle
}

# --- 1. invalid UTF-8: repaired with a warning ----------------------------------------
run invalid-utf8 extract -o "$WORK/invalid-utf8.ttl" "$IN/invalid_utf8.txt" "$GOOD"
expect_rc invalid-utf8 0
expect_diag invalid-utf8 warning invalid_utf8.txt "$UTF8_POS"
expect_ids invalid-utf8 turtle "$WORK/invalid-utf8.ttl" same invalid_utf8.txt "$GOOD_ID"
add_out "$WORK/invalid-utf8.ttl" turtle
if [ -s "$WORK/invalid-utf8.ttl" ]; then
  if "$PY" "$HERE/rdftool.py" has-fffd turtle "$WORK/invalid-utf8.ttl"; then
    ok "invalid-utf8: the output holds U+FFFD"
  else
    fail "invalid-utf8: no literal in the output holds U+FFFD (the repaired text)"
  fi
  run invalid-utf8-nq extract -o "$WORK/invalid-utf8.nq" "$IN/invalid_utf8.txt" "$GOOD"
  if "$PY" "$HERE/provenance.py" --check "$WORK/invalid-utf8.ttl" "$WORK/invalid-utf8.nq" \
      "$IN/invalid_utf8.txt" "$GOOD" >"$WORK/invalid-utf8.prov" 2>&1; then
    ok "invalid-utf8: evidence spans match the repaired text"
  else
    fail "invalid-utf8: provenance check:"
    show "$WORK/invalid-utf8.prov"
  fi
fi

# --- 2. inputs that fail, each next to a good article -----------------------------------
error_case binary "$IN/binary.txt" binary.txt '[0-9]+'
error_case nonexistent "$IN/does-not-exist.txt" does-not-exist.txt ''
error_case directory "$IN/a_directory.txt" a_directory.txt ''

# --- 2a. the fixtures in git, as tests/data/bad/cases.tsv says ---------------------------
# Every fixture has a row (special_chars.jsonl is checked in section 3).
for f in "$BAD"/* "$BAD"/.[!.]*; do
  n=$(basename "$f")
  case $n in README.md|cases.tsv|.gitattributes|special_chars.jsonl) continue ;; esac
  cut -f1 "$BAD/cases.tsv" | grep -qxF -- "$n" || fail "tests/data/bad/$n has no row in cases.tsv"
done
rows=0
while IFS=$'\t' read -r file want kind where msg has lacks args; do
  case $file in '' | '#'*) continue ;; esac
  rows=$((rows + 1))
  c=bad-${file//./-}
  out=$WORK/$c.ttl
  extra=()
  if [ -n "${args:-}" ] && [ "$args" != - ]; then read -ra extra <<<"$args"; fi
  run "$c" extract "${extra[@]}" -o "$out" "$BAD/$file" "$GOOD"
  expect_rc "$c" "$want"
  if [ "$kind" = - ]; then
    if grep -qE '^parley: (error|warning):' "$WORK/$c.stderr"; then
      fail "$c: expected no diagnostic; got:"
      show "$WORK/$c.stderr"
    else
      ok "$c: no diagnostic"
    fi
  else
    if [ "$where" = - ]; then
      re="^parley: $kind: .*$(re_escape "$file"): "
    else
      re="^parley: $kind: .*$(re_escape "$file"):$(re_escape "$where")([^0-9]|\$)"
    fi
    if grep -E "$re" "$WORK/$c.stderr" | grep -qF -- "$msg"; then
      ok "$c: $kind at $file:$where: $msg"
    else
      fail "$c: expected a line matching /$re/ holding '$msg'; got:"
      show "$WORK/$c.stderr"
    fi
  fi
  if grep -q $'\x1b' "$WORK/$c.stderr"; then
    fail "$c: a raw ESC from the input reached stderr"
  fi
  ids=("$GOOD_ID")
  if [ "$has" != - ]; then IFS='|' read -ra more <<<"$has"; ids+=("${more[@]}"); fi
  expect_ids "$c" turtle "$out" has "${ids[@]}"
  if [ "$lacks" != - ]; then
    IFS='|' read -ra ids <<<"$lacks"
    expect_ids "$c" turtle "$out" lacks "${ids[@]}"
  fi
  if [ -s "$out" ]; then
    if msg=$("$PY" "$HERE/rdftool.py" one-id-per-article turtle "$out" 2>&1); then
      ok "$c: every article has its own IRI"
    else
      fail "$c: records share an article IRI: $msg"
    fi
  fi
  add_out "$out" turtle
done <"$BAD/cases.tsv"
[ "$rows" -ge 30 ] && ok "cases.tsv: $rows fixtures checked" || fail "cases.tsv: only $rows rows read"

# --- 2b. inputs made here, each next to a good article ------------------------------------

# an endless input (a FIFO fed by yes, standing in for /dev/zero): read up to the article
# limit, then an error for that input alone, not exhausted memory
mkfifo "$IN/endless.txt"
yes "Armenia and Azerbaijan met in Geneva on Monday." >"$IN/endless.txt" 2>/dev/null &
feeder=$!
run endless extract -o "$WORK/endless.ttl" "$IN/endless.txt" "$GOOD"
kill "$feeder" 2>/dev/null || true
{ wait "$feeder"; } 2>/dev/null || true
expect_rc endless 1
expect_diag endless error endless.txt ''
grep -q 'longer than the limit of 67108864 bytes' "$WORK/endless.stderr" \
  && ok "endless: the message names the limit" || fail "endless: no limit named on stderr"
expect_ids endless turtle "$WORK/endless.ttl" same "$GOOD_ID"
add_out "$WORK/endless.ttl" turtle
rm -f "$IN/endless.txt"
# a JSON Lines record over --max-article-bytes fails alone
# (records of 94, 62 and 86 bytes; the second has a \u0000 escape)
run max-bytes extract --max-article-bytes 90 -o "$WORK/max-bytes.ttl" "$BAD/nul_escape.jsonl"
expect_rc max-bytes 1
grep -qE '^parley: error: .*nul_escape.jsonl:1:1: JSON Lines record longer than the limit of 90 bytes' \
  "$WORK/max-bytes.stderr" && ok "max-bytes: record 1 over the limit, named" \
  || { fail "max-bytes: no error for record 1 over the limit:"; show "$WORK/max-bytes.stderr"; }
expect_ids max-bytes turtle "$WORK/max-bytes.ttl" same nulesc-good-3
add_out "$WORK/max-bytes.ttl" turtle

# all of them at once, the good inputs first, in the middle and last
run all-bad extract -o "$WORK/all-bad.nq" "$GOOD" "$BAD/empty.txt" "$IN/binary.txt" \
  "$IN/does-not-exist.txt" "$SRC/tests/data/good/crlf.txt" "$BAD/malformed.jsonl" \
  "$BAD/missing_text.jsonl" "$IN/a_directory.txt" "$IN/invalid_utf8.txt" "$BAD/nul_byte.jsonl" \
  "$BAD/nul_escape.jsonl" "$BAD/cr_only.jsonl" "$BAD/bom.jsonl"
expect_rc all-bad 1
for n in empty.txt binary.txt does-not-exist.txt malformed.jsonl missing_text.jsonl \
    a_directory.txt nul_byte.jsonl nul_escape.jsonl; do
  expect_diag all-bad error "$n"
done
expect_diag all-bad warning invalid_utf8.txt "$UTF8_POS"
expect_ids all-bad nquads "$WORK/all-bad.nq" same "$GOOD_ID" crlf.txt mal-good-1 mal-good-3 \
  mt-good-1 invalid_utf8.txt nul-good-1 nul-good-3 nulesc-good-1 nulesc-good-3 cr-good-1 \
  cr-good-2 cr-good-3 bom-good-1 bom-good-2
add_out "$WORK/all-bad.nq" nquads

# --- 3. hostile but valid text: valid RDF in every format, spans still match ------------
# titles serd 0.30 once wrote as long strings its own reader refused ('"' before '\')
"$PY" - "$IN/quotes.jsonl" <<'PY'
import json, sys
titles = ['multi\nline "\\ here', 'tab\there "\\', '"\\', 'a"\\b', 'ends with quote"', '"""triple',
          'ends with backslash\\']
with open(sys.argv[1], "w") as f:
    for i, t in enumerate(titles):
        f.write(json.dumps({"id": "q%d" % i, "title": t, "text": "Armenia and Azerbaijan met."}) + "\n")
PY
for ext in ttl trig; do
  fmt=$([ "$ext" = ttl ] && echo turtle || echo trig)
  run "quotes-$fmt" extract -o "$WORK/quotes.$ext" "$IN/quotes.jsonl"
  expect_rc "quotes-$fmt" 0
  add_out "$WORK/quotes.$ext" "$fmt"
done

SC_IDS=()
while IFS= read -r -d '' id; do SC_IDS+=("$id"); done < <("$PY" -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        sys.stdout.write(json.loads(line)["id"] + "\0")' "$BAD/special_chars.jsonl")
declare -A EXT=([turtle]=ttl [ntriples]=nt [nquads]=nq [trig]=trig)
for fmt in turtle ntriples nquads trig; do
  f=$WORK/special.${EXT[$fmt]}
  run "special-$fmt" extract --format "$fmt" -o "$f" "$BAD/special_chars.jsonl" \
    "$IN/control_chars.txt" "$IN/$ODD1" "$IN/$ODD2"
  expect_rc "special-$fmt" 0
  expect_ids "special-$fmt" "$fmt" "$f" same "${SC_IDS[@]}" control_chars.txt "$ODD1" "$ODD2"
  add_out "$f" "$fmt"
done
if [ -s "$WORK/special.ttl" ] && [ -s "$WORK/special.nq" ]; then
  if "$PY" "$HERE/provenance.py" --check "$WORK/special.ttl" "$WORK/special.nq" \
      "$BAD/special_chars.jsonl" "$IN/control_chars.txt" "$IN/$ODD1" "$IN/$ODD2" \
      >"$WORK/special.prov" 2>&1; then
    ok "special: evidence spans, article IRIs and provenance hold"
  else
    fail "special: provenance check:"
    show "$WORK/special.prov"
  fi
fi

# a lone surrogate escape: repaired or refused, but never a crash or invalid output
run lone-surrogate extract -o "$WORK/lone-surrogate.ttl" "$BAD/lone_surrogate.jsonl" "$GOOD"
if [ "$RC" -eq 0 ] || [ "$RC" -eq 1 ]; then
  ok "lone-surrogate: exit status $RC"
else
  fail "lone-surrogate: exit status $RC, expected 0 (repaired) or 1 (refused)"
  show "$WORK/lone-surrogate.stderr"
fi
expect_ids lone-surrogate turtle "$WORK/lone-surrogate.ttl" has "$GOOD_ID"
add_out "$WORK/lone-surrogate.ttl" turtle

# --- 4. the output file is replaced whole or not at all ---------------------------------
ATOM=$WORK/atomic
mkdir -p "$ATOM"
OLD="# old content that must be kept or replaced whole"
printf '%s\n' "$OLD" >"$ATOM/out.ttl"
run atomic-fail extract -o "$ATOM/out.ttl" "$GOOD" "$IN/does-not-exist.txt"
expect_rc atomic-fail 1
if [ "$(cat "$ATOM/out.ttl")" = "$OLD" ]; then
  ok "atomic-fail: the old out.ttl was left as it was"
elif rapper -i turtle -c "$ATOM/out.ttl" >/dev/null 2>&1 \
    && "$PY" "$HERE/rdftool.py" has-ids turtle "$ATOM/out.ttl" "$GOOD_ID" >/dev/null; then
  ok "atomic-fail: out.ttl was replaced by a whole new file"
  add_out "$ATOM/out.ttl" turtle
else
  fail "atomic-fail: out.ttl is neither the old file nor a whole new output:"
  show "$ATOM/out.ttl"
fi
leftover=$(ls -A "$ATOM" | grep -vx 'out.ttl' || true)
[ -z "$leftover" ] && ok "atomic-fail: no temp file left" \
  || fail "atomic-fail: files left beside out.ttl: $leftover"

# A write that fails half-way (file size limit of 1 KiB): the old file must stay intact.
ATOM2=$WORK/atomic-full
mkdir -p "$ATOM2"
printf '%s\n' "$OLD" >"$ATOM2/out.ttl"
RC=0
{ ( ulimit -f 1; exec "$PARLEY" extract -o "$ATOM2/out.ttl" "$GOOD" \
    "$SRC/tests/data/good/long_line.txt" >"$WORK/atomic-full.stdout" \
    2>"$WORK/atomic-full.stderr" ) || RC=$?; } 2>/dev/null   # bash's "File size limit" note
if [ "$RC" -eq 0 ]; then
  fail "atomic-full: parley exited 0 although its output could not be written (limit 1 KiB)"
else
  ok "atomic-full: exit status $RC"
fi
if [ "$(cat "$ATOM2/out.ttl")" = "$OLD" ]; then
  ok "atomic-full: the old out.ttl is intact after the failed write"
else
  fail "atomic-full: the old out.ttl was changed by a write that failed:"
  show "$ATOM2/out.ttl"
fi
if [ "$RC" -ne 0 ] && [ "$RC" -lt 128 ]; then   # parley handled the error itself
  grep -q 'error' "$WORK/atomic-full.stderr" && ok "atomic-full: error reported" \
    || fail "atomic-full: no error message on stderr"
  leftover=$(ls -A "$ATOM2" | grep -vx 'out.ttl' || true)
  [ -z "$leftover" ] && ok "atomic-full: no temp file left" \
    || fail "atomic-full: files left beside out.ttl after a handled write error: $leftover"
fi

# -o into a directory that does not exist: parley may create it and write the file, or refuse
# with an error; either way no partial file and no silent success without output.
run no-dir extract -o "$WORK/no/such/dir/out.ttl" "$GOOD"
if [ "$RC" -eq 0 ]; then
  if [ -s "$WORK/no/such/dir/out.ttl" ]; then
    ok "no-dir: parley created the directories and wrote the file"
    add_out "$WORK/no/such/dir/out.ttl" turtle
  else
    fail "no-dir: -o into a missing directory exited 0 but wrote no file"
  fi
elif grep -q 'error' "$WORK/no-dir.stderr"; then
  ok "no-dir: exit status $RC with an error"
  [ ! -e "$WORK/no/such/dir/out.ttl" ] || fail "no-dir: failed but left out.ttl behind"
else
  fail "no-dir: -o into a missing directory: exit $RC without an error message"
fi

# --- 5. stdout on a full device ----------------------------------------------------------
RC=0
timeout 60 "$PARLEY" extract -o - "$GOOD" >/dev/full 2>"$WORK/dev-full.stderr" || RC=$?
if [ "$RC" -ne 0 ] && [ "$RC" -lt 124 ] && grep -q 'error' "$WORK/dev-full.stderr"; then
  ok "dev-full: exit status $RC and an error message"
else
  fail "dev-full: -o - with stdout on /dev/full: exit $RC (want non-zero, not a crash)," \
    "stderr:"
  show "$WORK/dev-full.stderr"
fi

# --- 6. every output is valid RDF ----------------------------------------------------------
existing=()
for i in "${!OUTS[@]}"; do
  f=${OUTS[$i]}
  [ -s "$f" ] || continue
  existing+=("$f")
  if ! out=$(rapper -i "${OUT_FMTS[$i]}" -c "$f" 2>&1); then
    fail "rapper -i ${OUT_FMTS[$i]} rejects $f:"
    echo "$out" | head -10 | sed 's/^/    | /' >&2
  fi
  # serd's own reader (serdi, sord) must read back what parley wrote through serd
  if ! out=$(serdi -i "${OUT_FMTS[$i]}" "$f" 2>&1 >/dev/null); then
    fail "serdi -i ${OUT_FMTS[$i]} rejects $f:"
    echo "$out" | head -10 | sed 's/^/    | /' >&2
  fi
  if ! "$PY" -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' "$f" 2>/dev/null
  then
    fail "$f is not valid UTF-8"
  fi
done
if [ "${#existing[@]}" -gt 0 ]; then
  before=$FAILS
  riot_validate "${existing[@]}"
  [ "$FAILS" -eq "$before" ] && ok "jena riot --validate accepts all ${#existing[@]} outputs"
fi

finish
