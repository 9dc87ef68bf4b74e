#!/usr/bin/env bash
# shacl.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# SHACL validation with Jena (`jena shacl validate` exits 0 even when the data does not
# conform, so the report is read: `sh:conforms true`):
#   - parley's Turtle for examples/* and tests/data/good/* conforms to ontology/shapes.ttl;
#   - tests/system/shapes_broken.ttl does NOT conform: if it is data, it is validated against
#     ontology/shapes.ttl; if it is itself a shapes graph (declares sh:NodeShape or
#     sh:PropertyShape), parley's output is validated against it;
#   - the shapes are not vacuous: parley's output plus a Meeting with no evidence, offsets,
#     provenance or participants and an Actor with no label or provenance does not conform.
source "$(dirname "$0")/lib.sh" "$@"

SHAPES=$SRC/ontology/shapes.ttl
BROKEN=$SRC/tests/system/shapes_broken.ttl
[ -f "$SHAPES" ] || { fail "no shapes file $SHAPES"; finish; }

good_inputs
OUT=$WORK/out.ttl
run extract extract --format turtle -o "$OUT" "${INPUTS[@]}"
if [ "$RC" -ne 0 ] || [ ! -s "$OUT" ]; then
  fail "parley extract on examples and good fixtures exited $RC; stderr:"
  show "$WORK/extract.stderr"
  finish
fi

# shacl SHAPES DATA REPORT: runs the validator; returns 0 if it ran.
shacl() {
  if ! "$JENA" shacl validate --shapes "$1" --data "$2" >"$3" 2>&1; then
    fail "jena shacl validate --shapes $1 --data $2 did not run:"
    show "$3"
    return 1
  fi
}
conforms() { grep -qE 'sh:conforms +true' "$1"; }
not_conforms() { grep -qE 'sh:conforms +false' "$1"; }

if shacl "$SHAPES" "$OUT" "$WORK/report.ttl"; then
  if conforms "$WORK/report.ttl"; then
    ok "parley's output on ${#INPUTS[@]} inputs conforms to ontology/shapes.ttl"
  else
    fail "parley's output does not conform to ontology/shapes.ttl; report (first lines):"
    grep -E 'sh:(resultMessage|focusNode|resultPath|sourceShape)' "$WORK/report.ttl" \
      | head -40 | sed 's/^/    | /' >&2 || show "$WORK/report.ttl"
  fi
fi

if [ ! -f "$BROKEN" ]; then
  fail "no $BROKEN (the negative SHACL fixture)"
else
  if grep -qE 'sh:(NodeShape|PropertyShape)' "$BROKEN"; then
    mode="shapes $BROKEN against parley's output"
    shacl "$BROKEN" "$OUT" "$WORK/report-broken.ttl" || true
  else
    mode="data $BROKEN against ontology/shapes.ttl"
    shacl "$SHAPES" "$BROKEN" "$WORK/report-broken.ttl" || true
  fi
  if [ -s "$WORK/report-broken.ttl" ] && not_conforms "$WORK/report-broken.ttl"; then
    ok "$mode: does not conform, as it must"
    # the fixture lists the focus nodes the report must name on "# expect: IRI" lines
    while read -r iri; do
      grep -qF "$iri" "$WORK/report-broken.ttl" \
        || grep -qF "${iri##*[/#]}" "$WORK/report-broken.ttl" \
        || fail "the SHACL report on $BROKEN names no violation for $iri (an # expect: line)"
    done < <(sed -n 's/^# *expect: *\([^ ]*\).*/\1/p' "$BROKEN")
  else
    fail "$mode: expected sh:conforms false; report:"
    show "$WORK/report-broken.ttl"
  fi
fi

MUT=$WORK/mutated.ttl
cp "$OUT" "$MUT"
cat >>"$MUT" <<'EOF'

<https://w3id.org/parley/id/article/zz-shacl-test#meeting-0>
    a <https://w3id.org/parley/ontology#Meeting> .
<https://w3id.org/parley/id/entity/person/Zz_Shacl_Test>
    a <https://w3id.org/parley/ontology#Actor> , <https://w3id.org/parley/ontology#Person> .
EOF
if shacl "$SHAPES" "$MUT" "$WORK/report-mutated.ttl"; then
  if not_conforms "$WORK/report-mutated.ttl"; then
    ok "a bare Meeting and a bare Actor added to the output make it non-conforming"
    for node in 'article/zz-shacl-test#meeting-0' 'entity/person/Zz_Shacl_Test'; do
      grep -qF "$node" "$WORK/report-mutated.ttl" \
        || fail "the SHACL report names no violation for the bare node ...$node"
    done
  else
    fail "ontology/shapes.ttl accepts a Meeting with no evidence, offsets, provenance or" \
      "participant and an Actor with no label or provenance (the shapes are too weak)"
  fi
fi

finish
