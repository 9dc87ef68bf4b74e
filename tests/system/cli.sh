#!/usr/bin/env bash
# cli.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# The command line: a bad-arguments table (exit 2, the message names the flag, no output
# file or out/ directory is created, even with a good input given), --help and --version,
# check-mappings on the real mappings (exit 0) and on a copy with broken rule rows (exit 1,
# FILE:LINE: messages), stdin input (identifier `stdin`, or --id), and the default output
# path out/parley.<ext>; bad arguments of table, stats and report too.
source "$(dirname "$0")/lib.sh" "$@"

GOOD=$SRC/tests/data/good/crlf.txt

# --- bad arguments -------------------------------------------------------------------------
# Each row: a name, an extended regex the stderr must match (the flag), then the arguments.
# Every row runs in an empty directory; nothing may appear there.
bad_args() {
  local name=$1 want=$2
  shift 2
  local dir=$WORK/bad-$name
  mkdir -p "$dir"
  RC=0
  (cd "$dir" && exec timeout 60 "$PARLEY" "$@") >"$WORK/bad-$name.stdout" \
    2>"$WORK/bad-$name.stderr" || RC=$?
  if [ "$RC" -eq 2 ]; then
    ok "bad-$name: exit status 2"
  else
    fail "bad-$name: parley $* exited $RC, expected 2 (usage error); stderr:"
    show "$WORK/bad-$name.stderr"
  fi
  if grep -qE -- "$want" "$WORK/bad-$name.stderr"; then
    ok "bad-$name: stderr names /$want/"
  else
    fail "bad-$name: parley $*: stderr does not match /$want/:"
    show "$WORK/bad-$name.stderr"
  fi
  if [ -n "$(ls -A "$dir")" ]; then
    fail "bad-$name: parley $* created files although it refused its arguments:" \
      "$(cd "$dir" && find . -mindepth 1 | tr '\n' ' ')"
  fi
  if [ -s "$WORK/bad-$name.stdout" ]; then
    fail "bad-$name: a usage error wrote to stdout (usage errors go to stderr)"
  fi
  if grep -q $'\x1b' "$WORK/bad-$name.stderr"; then
    fail "bad-$name: a raw ESC from the arguments reached stderr"
  fi
}

bad_args unknown-flag '--bogus' extract --bogus -o out.ttl "$GOOD"
bad_args format-xml '--format' extract --format xml -o out.ttl "$GOOD"
bad_args format-missing '--format' extract -o out.ttl "$GOOD" --format
bad_args date-invalid '--date' extract --date 2023-13-45 -o out.ttl "$GOOD"
bad_args date-feb30 '--date' extract --date 2023-02-30 -o out.ttl "$GOOD"
bad_args date-word '--date' extract --date yesterday -o out.ttl "$GOOD"
bad_args no-input '[Ii][Nn][Pp][Uu][Tt]' extract -o out.ttl
bad_args no-input-default-out '[Ii][Nn][Pp][Uu][Tt]' extract
bad_args unknown-subcommand 'frobnicate' frobnicate "$GOOD"
bad_args no-subcommand '[Uu]sage|command' 
bad_args verbose-quiet '(-v|--verbose).*(-q|--quiet)|(-q|--quiet).*(-v|--verbose)' \
  extract -v -q -o out.ttl "$GOOD"
bad_args base-not-iri '--base' extract --base notaniri -o out.ttl "$GOOD"
# table, stats, report (GRAPH: parley's RDF output; a missing file is no usage error)
GRAPH=$SRC/tests/system/shapes_broken.ttl
bad_args table-format '--format' table --format xlsx -o t.csv "$GRAPH"
bad_args table-no-graph 'GRAPH' table -o t.csv
bad_args stats-format '--format' stats --format json "$GRAPH"
bad_args stats-top '--top' stats --top -3 "$GRAPH"
bad_args report-max-nodes '--max-nodes' report --max-nodes many -o r.html "$GRAPH"
bad_args report-no-graph 'GRAPH' report -o r.html
bad_args base-space '--base' extract --base 'http://exa mple.org/' -o out.ttl "$GOOD"
bad_args base-fragment '--base' extract --base 'http://example.org/#' -o out.ttl "$GOOD"
bad_args base-nel '--base' extract --base $'http://example.org/a\xC2\x85/' -o out.ttl "$GOOD"
# what Jena's riot refuses in an IRI (checked with Jena 4.5.0)
bad_args base-percent '--base.*%' extract --base 'http://example.org/a%zz/' -o out.ttl "$GOOD"
bad_args base-no-host '--base.*host' extract --base 'http:///x/' -o out.ttl "$GOOD"
bad_args base-no-authority '--base.*host' extract --base 'http:x/' -o out.ttl "$GOOD"
bad_args base-upper-scheme '--base.*scheme' extract --base 'HTTP://example.org/x/' -o out.ttl "$GOOD"
bad_args base-port '--base.*port' extract --base 'http://example.org:abc/x/' -o out.ttl "$GOOD"
bad_args base-user '--base.*user' extract --base 'http://u:p@example.org/x/' -o out.ttl "$GOOD"
bad_args base-brackets '--base' extract --base 'http://example.org/[x]/' -o out.ttl "$GOOD"
bad_args base-escape '--base.*\\x1b' extract --base $'http://example.org/\x1b[31m/' -o out.ttl "$GOOD"
# an xsd:date holds years 0001 to 9999 only
bad_args date-year-0 '--date' extract --date 0000-01-01 -o out.ttl "$GOOD"
bad_args date-year-10000 '--date' extract --date 10000-01-01 -o out.ttl "$GOOD"
# --max-article-bytes takes a plain positive number (no wrap-around of -1, no 1e9)
bad_args max-bytes-negative '--max-article-bytes' extract --max-article-bytes -1 -o out.ttl "$GOOD"
bad_args max-bytes-zero '--max-article-bytes' extract --max-article-bytes 0 -o out.ttl "$GOOD"
bad_args max-bytes-exponent '--max-article-bytes' extract --max-article-bytes 1e9 -o out.ttl "$GOOD"
# control characters from the command line are escaped in messages
bad_args escape-subcommand 'unknown command "\\x1b\[31mred"' $'\x1b[31mred' "$GOOD"
bad_args escape-flag '\\x1b' extract $'--\x1b[31m' -o out.ttl "$GOOD"
# usage errors come before any work: a missing input must not turn exit 2 into exit 1
bad_args flag-before-work '--bogus' extract --bogus -o out.ttl "$WORK/does-not-exist.txt"

# --- --help, --version -----------------------------------------------------------------------
run help --help
if [ "$RC" -eq 0 ] && grep -qi 'usage' "$WORK/help.stdout" && grep -q 'extract' "$WORK/help.stdout"
then
  ok "--help: exit 0, usage (naming extract) on stdout"
else
  fail "--help: exit $RC; expected 0 and a usage text naming 'extract' on stdout; stdout:"
  show "$WORK/help.stdout"
fi
run extract-help extract --help
if [ "$RC" -eq 0 ] && grep -q -- '--format' "$WORK/extract-help.stdout"; then
  ok "extract --help: exit 0, options (--format) on stdout"
else
  fail "extract --help: exit $RC; expected 0 and the extract options on stdout; stdout:"
  show "$WORK/extract-help.stdout"
fi
VERSION=$(sed -n 's/^project(parley VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
run version --version
if [ "$RC" -eq 0 ] && grep -qF "${VERSION:-.}" "$WORK/version.stdout"; then
  ok "--version: exit 0, prints $VERSION"
else
  fail "--version: exit $RC; expected 0 and '$VERSION' on stdout; stdout:"
  show "$WORK/version.stdout"
fi

# --- check-mappings ----------------------------------------------------------------------
run check-mappings check-mappings --mappings "$SRC/mappings"
if [ "$RC" -eq 0 ]; then
  ok "check-mappings on $SRC/mappings: exit 0"
else
  fail "check-mappings on $SRC/mappings exited $RC; stderr:"
  show "$WORK/check-mappings.stderr"
fi
run check-mappings-default check-mappings
[ "$RC" -eq 0 ] && ok "check-mappings with the compiled-in default: exit 0" \
  || { fail "check-mappings (default mappings) exited $RC"; show "$WORK/check-mappings-default.stderr"; }

BROKEN=$WORK/mappings-broken
cp -r "$SRC/mappings" "$BROKEN"
DEMAND=$BROKEN/rules/demand.tsv
if [ ! -f "$DEMAND" ]; then
  fail "no mappings/rules/demand.tsv to break"
else
  [ -z "$(tail -c1 "$DEMAND")" ] || echo >>"$DEMAND"
  # a real data row to copy the other columns from (first non-comment line after the header)
  template=$(awk -F'\t' '$0 !~ /^#/ && $1 != "id" && $3 == "trigger" && NF >= 7 { print; exit }' \
    "$DEMAND")
  if [ -z "$template" ]; then
    template=$(printf 'x\t1\ttrigger\t010\tDEMAND\tx\tx')
  fi
  # columns: id enabled kind cameo plover pattern comment
  bad_re=$(echo "$template" | awk -F'\t' -v OFS='\t' \
    '{ $1 = "zz-test-bad-regex"; $6 = "(?P<content>demand[s(unclosed"; $7 = "broken on purpose"; print }')
  echo "$bad_re" >>"$DEMAND"
  LINE_RE=$(wc -l <"$DEMAND")
  short=$(echo "$template" | cut -f1-4 | sed 's/^[^\t]*/zz-test-short-row/')
  echo "$short" >>"$DEMAND"
  LINE_SHORT=$(wc -l <"$DEMAND")
  run check-broken check-mappings --mappings "$BROKEN"
  if [ "$RC" -eq 1 ]; then
    ok "check-mappings on broken rules: exit 1"
  else
    fail "check-mappings on a copy with broken demand.tsv rows exited $RC, expected 1"
  fi
  for l in "$LINE_RE" "$LINE_SHORT"; do
    if grep -qE "demand\.tsv:$l:" "$WORK/check-broken.stderr" "$WORK/check-broken.stdout"; then
      ok "check-mappings reports $(grep -hoE "demand\.tsv:$l:.*" "$WORK/check-broken.stderr" \
        "$WORK/check-broken.stdout" | head -1)"
    else
      fail "check-mappings does not report demand.tsv:$l: (line $LINE_RE has an invalid RE2" \
        "pattern, line $LINE_SHORT only 4 columns); output:"
      show "$WORK/check-broken.stderr"
      show "$WORK/check-broken.stdout"
    fi
  done
  # extract refuses to run on broken mappings too (not a usage error, but no output)
  mkdir -p "$WORK/extract-broken"
  RC=0
  (cd "$WORK/extract-broken" && exec timeout 60 "$PARLEY" extract --mappings "$BROKEN" \
    -o out.ttl "$GOOD") >/dev/null 2>"$WORK/extract-broken.stderr" || RC=$?
  if [ "$RC" -ne 0 ] && [ "$RC" -lt 124 ] && grep -qE 'demand\.tsv:[0-9]+:' "$WORK/extract-broken.stderr"
  then
    ok "extract --mappings BROKEN fails (exit $RC) naming demand.tsv:LINE"
  else
    fail "extract --mappings with a broken demand.tsv: exit $RC, want non-zero and" \
      "demand.tsv:LINE: on stderr:"
    show "$WORK/extract-broken.stderr"
  fi
fi

# --- stdin ---------------------------------------------------------------------------------
printf 'Armenia and Azerbaijan met in Geneva on Monday.\n' >"$WORK/stdin.txt"
RC=0
"$PARLEY" extract --format nt -o "$WORK/stdin.nt" - <"$WORK/stdin.txt" \
  2>"$WORK/stdin.stderr" || RC=$?
if [ "$RC" -eq 0 ] && out=$("$PY" "$HERE/rdftool.py" same-ids ntriples "$WORK/stdin.nt" stdin 2>&1)
then
  ok "stdin input has identifier 'stdin'"
else
  fail "stdin input (-): exit $RC, identifiers: ${out:-}"
  show "$WORK/stdin.stderr"
fi
RC=0
"$PARLEY" extract --format nt --id foo -o - - <"$WORK/stdin.txt" >"$WORK/stdin-id.nt" \
  2>"$WORK/stdin-id.stderr" || RC=$?
if [ "$RC" -eq 0 ] && out=$("$PY" "$HERE/rdftool.py" same-ids ntriples "$WORK/stdin-id.nt" foo 2>&1)
then
  ok "stdin input with --id foo has identifier 'foo'"
else
  fail "stdin input with --id foo: exit $RC, identifiers: ${out:-}"
  show "$WORK/stdin-id.stderr"
fi

# --- default output path -----------------------------------------------------------------------
mkdir -p "$WORK/default-out"
RC=0
(cd "$WORK/default-out" && exec "$PARLEY" extract --format nt "$GOOD") >/dev/null \
  2>"$WORK/default-out.stderr" || RC=$?
if [ "$RC" -eq 0 ] && [ -s "$WORK/default-out/out/parley.nt" ]; then
  ok "without -o, --format nt writes out/parley.nt"
else
  fail "without -o: exit $RC; expected out/parley.nt, found: $(cd "$WORK/default-out" && find . -type f | tr '\n' ' ')"
fi
mkdir -p "$WORK/default-out-2"
RC=0
(cd "$WORK/default-out-2" && exec "$PARLEY" extract "$GOOD") >/dev/null \
  2>"$WORK/default-out-2.stderr" || RC=$?
made=$(cd "$WORK/default-out-2" && find . -type f)
if [ "$RC" -eq 0 ] && echo "$made" | grep -qxE '\./out/parley\.(ttl|nt|nq|trig)' \
    && [ "$(echo "$made" | wc -l)" -eq 1 ]; then
  ok "without -o or --format: writes $made"
else
  fail "without -o or --format: exit $RC; expected one out/parley.<ext>, found: $made"
fi

finish
