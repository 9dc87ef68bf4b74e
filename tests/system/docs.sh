#!/usr/bin/env bash
# docs.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Holds the manual page (docs/parley.1), the README and each command's --help to the options
# the code defines (the --help option lists are printed by Boost.Program_options from the
# very descriptions the parser uses):
#   - parley --help lists every command, and every command it lists answers --help with exit 0;
#   - each command's usage lines (the text before its first blank line) name every option of
#     the list (by its long or short name), and no option the list lacks; a usage that says
#     "[options]" (train-syntax) stands for the list printed below it;
#   - the manual page's SYNOPSIS has a line for every command, and the page names every option
#     of every command (\-\-NAME), and no option that no command has;
#   - the README's "Command line" section names every command and every option of extract;
#   - the man page and README spell event IRIs as parley writes them (#meeting-TRIGGER...),
#     checked against an extract of the examples;
#   - every top-level folder the README's layout table lists exists.
source "$(dirname "$0")/lib.sh" "$@"

MAN=$SRC/docs/parley.1
README=$SRC/README.md
# The man page with groff's \- written as -, so that "\-\-max\-nodes" reads --max-nodes.
sed 's/\\-/-/g' "$MAN" >"$WORK/man.txt"
run top --help
COMMANDS=$(sed -n '/^Commands:/,/^$/p' "$WORK/top.stdout" | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p; s/^  \([a-z][a-z-]*\)$/\1/p')
[ "$(echo "$COMMANDS" | wc -w)" -ge 8 ] || fail "parley --help lists only: $COMMANDS"
# named TEXT LONG SHORT: does TEXT name the option, as --LONG or as its short form -S?
named() {
  grep -qE -- "--$2([^a-z0-9-]|\$)" <<<"$1" && return 0
  [ -n "$3" ] && grep -qE -- "(^|[^a-z0-9-])-$3([^a-z0-9-]|\$)" <<<"$1"
}
ALL_OPTS=""
for cmd in $COMMANDS; do
  run "help-$cmd" "$cmd" --help
  if [ "$RC" -ne 0 ]; then fail "parley $cmd --help exited $RC"; continue; fi
  h=$WORK/help-$cmd.stdout
  # the option list: Boost's lines "  -o [ --output ] arg ..." and "  --base arg ..." -> "output o", "base "
  opts=$(grep -E '^  (-[a-zA-Z] \[ )?--[a-z]' "$h" | sed -E 's/^  (-([a-zA-Z]) \[ )?--([a-z0-9-]+).*/\3 \2/' | sort -u)
  [ -n "$opts" ] || { fail "parley $cmd --help lists no option"; continue; }
  usage=$(sed '/^$/q' "$h")
  while read -r o short; do
    ALL_OPTS+="$o"$'\n'
    [ "$o" = help ] && continue
    # "[options]" in the usage stands for the list Boost prints from the code below it
    if ! grep -qF '[options]' <<<"$usage"; then
      named "$usage" "$o" "$short" || fail "parley $cmd --help: the usage lines do not name --$o${short:+ or -$short}"
    fi
    grep -qE -- "--$o([^a-z0-9-]|\$)" "$WORK/man.txt" || fail "docs/parley.1 does not name --$o (an option of parley $cmd)"
  done <<<"$opts"
  for o in $(echo "$usage" | grep -oE -- '--[a-z][a-z0-9-]*' | sed 's/^--//' | sort -u); do
    grep -qx -- "$o" <<<"$(cut -d' ' -f1 <<<"$opts")" || fail "parley $cmd --help: the usage names --$o, which the command does not define"
  done
  grep -qE "^\.B parley $cmd( |\$)" "$WORK/man.txt" || fail "docs/parley.1: no SYNOPSIS line for parley $cmd"
  grep -qE "parley $cmd( |\$)" "$README" || fail "README.md: no 'parley $cmd' line"
done
ALL_OPTS=$(echo "$ALL_OPTS" | sort -u)
for o in $(grep -oE -- '--[a-z][a-z0-9-]*[a-z0-9]' "$WORK/man.txt" | sed 's/^--//' | sort -u); do
  [ "$o" = version ] && continue
  grep -qx -- "$o" <<<"$ALL_OPTS" || fail "docs/parley.1 names --$o, which no command defines"
done
# README: every extract option in its Command line section
section=$(sed -n '/^## Command line/,/^## /p' "$README")
while read -r o short; do
  [ "$o" = help ] && continue
  named "$section" "$o" "$short" || fail "README.md, Command line: extract's --$o${short:+ (-$short)} is missing"
done < <(grep -E '^  (-[a-zA-Z] \[ )?--[a-z]' "$WORK/help-extract.stdout" | sed -E 's/^  (-([a-zA-Z]) \[ )?--([a-z0-9-]+).*/\3 \2/')
[ "$FAILS" -eq 0 ] && ok "the man page, the README and each command's usage name exactly the options the code defines ($(echo "$COMMANDS" | wc -w) commands, $(echo "$ALL_OPTS" | wc -l) options)"

# Event IRIs as written
run iris extract -o "$WORK/ex.nt" "$SRC/examples/04-agdam-talks.txt"
if grep -qE '#meeting-[0-9]+> ' "$WORK/ex.nt" && grep -qE '#demand-[0-9]+-[0-9]+> ' "$WORK/ex.nt"; then
  grep -qF '#meeting- TRIGGER' "$WORK/man.txt" && grep -qF '# demand- TRIGGER - AGENT' "$WORK/man.txt" \
    || fail "docs/parley.1 does not spell event IRIs as #meeting-TRIGGER and #demand-TRIGGER-AGENT"
  grep -qF '#meeting-{trigger}' "$README" && grep -qF '#demand-{trigger}-{agent}' "$README" \
    || fail "README.md does not spell event IRIs as #meeting-{trigger} and #demand-{trigger}-{agent}"
else
  fail "extract no longer writes #meeting-N and #demand-N-M IRIs for 04-agdam-talks.txt: update this test and the docs"
fi
# Folders the README's layout table names
for d in $(sed -n '/^## Repository layout/,/^## /p' "$README" | grep -oE '^\| `[a-z.][a-z./-]*/`' | sed 's/^| `//; s/`$//'); do
  case $d in build/|build-asan/|build-fuzz/|out/) continue ;; esac
  [ -d "$SRC/$d" ] || fail "README.md lists $d, which does not exist"
done
finish
