#!/usr/bin/env bash
# stores.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Runs the recipes of docs/stores.md as they are written: every ```sh block that follows a
# "<!-- recipe: NAME -->" line is run with bash -euo pipefail in a scratch copy of examples/
# and ontology/queries/, with PATH giving parley (this build), jena and oxigraph-load
# ($PARLEY_SHARED/tools). Checks that each recipe exits 0, that both write
# out/who-met-whom.*.tsv with rows, and that Jena TDB2 (union default graph over the N-Quads)
# and Oxigraph (--union) give the same answer (normalised as queries.sh does: header
# variables without '?', integer and xsd:string forms). A recipe changed in the docs is
# tested as changed; a recipe removed fails the test.
source "$(dirname "$0")/lib.sh" "$@"

DOC=$SRC/docs/stores.md
mkdir -p "$WORK/site/bin" "$WORK/site/ontology"
cp -r "$SRC/examples" "$WORK/site/examples"
cp -r "$SRC/ontology/queries" "$WORK/site/ontology/queries"
ln -s "$PARLEY" "$WORK/site/bin/parley"
ln -s "$JENA" "$WORK/site/bin/jena"
ln -s "$OXI" "$WORK/site/bin/oxigraph-load"

"$PY" - "$DOC" "$WORK/recipes" <<'PYEOF'
import os, re, sys
doc, out = sys.argv[1:3]
os.makedirs(out, exist_ok=True)
text = open(doc, encoding="utf-8").read()
n = 0
for m in re.finditer(r"<!-- recipe: ([a-z0-9-]+) -->\n```sh\n(.*?)```", text, re.S):
    open(os.path.join(out, m.group(1) + ".sh"), "w").write(m.group(2)); n += 1
print("%d recipes" % n)
PYEOF
for name in tdb2 oxigraph; do
  r=$WORK/recipes/$name.sh
  if [ ! -s "$r" ]; then fail "docs/stores.md has no '<!-- recipe: $name -->' sh block"; continue; fi
  rc=0
  (cd "$WORK/site" && PATH="$WORK/site/bin:$PATH" timeout 300 bash -euo pipefail "$r") >"$WORK/$name.log" 2>&1 || rc=$?
  if [ "$rc" -ne 0 ]; then fail "recipe $name (docs/stores.md) exited $rc:"; show "$WORK/$name.log"; continue; fi
  ok "recipe $name runs as written ($(wc -l <"$r") commands)"
done
a=$WORK/site/out/who-met-whom.tdb2.tsv b=$WORK/site/out/who-met-whom.oxigraph.tsv
if [ -s "$a" ] && [ -s "$b" ]; then
  norm() { "$PY" -c '
import re, sys
X = "http://www.w3.org/2001/XMLSchema#"
for i, line in enumerate(open(sys.argv[1], encoding="utf-8").read().splitlines()):
    cells = line.split("\t")
    if i == 0: cells = [c.lstrip("?") for c in cells]
    else: cells = [re.sub(r"^\"(.*)\"\^\^(<" + re.escape(X) + r"string>|xsd:string)$", r"\"\1\"", c) for c in cells]
    print("\t".join(cells))' "$1"; }
  norm "$a" >"$WORK/a.tsv"; norm "$b" >"$WORK/b.tsv"
  rows=$(($(wc -l <"$WORK/a.tsv") - 1))
  if ! cmp -s "$WORK/a.tsv" "$WORK/b.tsv"; then
    fail "who-met-whom: Jena TDB2 and Oxigraph answer differently:"; diff "$WORK/a.tsv" "$WORK/b.tsv" | head -20 >&2
  elif [ "$rows" -lt 1 ]; then
    fail "who-met-whom: no rows"
  else
    ok "who-met-whom: Jena TDB2 (union default graph) and Oxigraph (--union) agree ($rows rows)"
  fi
else
  fail "the recipes did not write out/who-met-whom.tdb2.tsv and out/who-met-whom.oxigraph.tsv"
fi
finish
