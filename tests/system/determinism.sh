#!/usr/bin/env bash
# determinism.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Same input, same bytes: on examples/* plus tests/data/good/*, in every format,
#   - two runs give identical files;
#   - the inputs named in reversed and in shuffled order give identical files;
#   - --date changes nothing but xsd:date literals: two runs with different --date give the
#     same N-Triples once every "...."^^xsd:date literal is masked (and sorted, in case the
#     writer orders by value), a run without --date differs only in date triples (each
#     article's own reading, --no-merge: dates decide which reports are one meeting), and each
#     .txt article's dcterms:date is the --date given. Persons are masked in these comparisons:
#     whom the persons gazetteer links a name to depends on the date, by design.
source "$(dirname "$0")/lib.sh" "$@"

good_inputs
snapshot_mappings
REVERSED=()
for ((i = ${#INPUTS[@]} - 1; i >= 0; i--)); do REVERSED+=("${INPUTS[$i]}"); done
mapfile -t SHUFFLED < <(printf '%s\n' "${INPUTS[@]}" | shuf --random-source=<(yes 42))
if [ "${SHUFFLED[*]}" = "${INPUTS[*]}" ]; then   # make sure the order really changes
  SHUFFLED=("${INPUTS[@]:1}" "${INPUTS[0]}")
fi
echo "inputs: ${#INPUTS[@]} files"

declare -A EXT=([turtle]=ttl [ntriples]=nt [nquads]=nq [trig]=trig)
for fmt in turtle ntriples nquads trig; do
  e=${EXT[$fmt]}
  for variant in run1 run2 reversed shuffled; do
    case $variant in
      reversed) args=("${REVERSED[@]}") ;;
      shuffled) args=("${SHUFFLED[@]}") ;;
      *) args=("${INPUTS[@]}") ;;
    esac
    run "$variant-$e" extract "${MAPPINGS_ARGS[@]}" --format "$fmt" -o "$WORK/$variant.$e" "${args[@]}"
    if [ "$RC" -ne 0 ]; then
      fail "$variant, $fmt: parley exited $RC; stderr:"
      show "$WORK/$variant-$e.stderr"
    fi
  done
  for variant in run2 reversed shuffled; do
    if [ -s "$WORK/run1.$e" ] && cmp -s "$WORK/run1.$e" "$WORK/$variant.$e"; then
      ok "$fmt: $variant gives the same bytes as run1"
    else
      fail "$fmt: $variant differs from run1 ($WORK/run1.$e vs $WORK/$variant.$e):"
      diff "$WORK/run1.$e" "$WORK/$variant.$e" 2>&1 | head -10 | sed 's/^/    | /' >&2 || true
    fi
  done
done

# --- --date changes only dates -------------------------------------------------------------
XSD_DATE='<http://www.w3.org/2001/XMLSchema#date>'
DATE_PRECISION='<https://w3id.org/parley/ontology#datePrecision>'
mask_dates() {   # mask_dates FILE: the N-Triples with every xsd:date literal replaced, sorted
  sed -E "s|\"[^\"]*\"\\^\\^$XSD_DATE|\"DATE\"^^$XSD_DATE|g" "$1" | dated_links | LC_ALL=C sort
}
# A person's QID, and the state it then represents, depend on the date by design: the persons
# gazetteer links a name to whoever held office on the article's date (mappings/README.md), and
# a linked person is named by its entry (entity/person/Q58217, the gazetteer's label) where an
# unlinked one is named by its name (entity/person/Sergey_Lavrov). So a person's IRI, QID,
# labels, side and actor code (parley:actorCode: the side's country code) are masked; every
# other triple, the persons' places in them included, stays.
dated_links() {
  grep -vE '/entity/person/[^>]*> <(http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/|https://w3id.org/parley/ontology#represents>|https://w3id.org/parley/ontology#actorCode>|http://www.w3.org/2000/01/rdf-schema#label>|http://www.w3.org/2004/02/skos/core#altLabel>)' \
    | sed -E 's|<[^>]*/entity/person/[^>]*>|<PERSON>|g'
}
run date-a extract "${MAPPINGS_ARGS[@]}" --format nt --date 2023-03-01 -o "$WORK/date-a.nt" "${INPUTS[@]}"
run date-b extract "${MAPPINGS_ARGS[@]}" --format nt --date 2019-11-30 -o "$WORK/date-b.nt" "${INPUTS[@]}"
run date-a2 extract "${MAPPINGS_ARGS[@]}" --format nt --date 2023-03-01 -o "$WORK/date-a2.nt" "${REVERSED[@]}"
for f in date-a date-b date-a2; do
  [ -s "$WORK/$f.nt" ] || fail "$f: no output (exit $RC)"
done
if cmp -s "$WORK/date-a.nt" "$WORK/date-a2.nt"; then
  ok "--date: same bytes in reversed order"
else
  fail "--date 2023-03-01: reversed input order changes the output"
fi
if cmp -s <(mask_dates "$WORK/date-a.nt") <(mask_dates "$WORK/date-b.nt"); then
  ok "--date 2023-03-01 vs 2019-11-30: identical but for xsd:date literals"
else
  fail "--date 2023-03-01 vs --date 2019-11-30 differ in more than xsd:date literals:"
  diff <(mask_dates "$WORK/date-a.nt") <(mask_dates "$WORK/date-b.nt") | head -10 \
    | sed 's/^/    | /' >&2 || true
fi
if cmp -s "$WORK/date-a.nt" "$WORK/date-b.nt"; then
  fail "--date 2023-03-01 and --date 2019-11-30 give identical output: --date is ignored"
fi
# without --date: the triples that hold no date are the same, in each article's own reading
# (--no-merge: which reports are one meeting depends on their dates, by design; a day without
# its year, xsd:gMonthDay, is a date too, and so is parley:datePrecision, which says how much
# of a date or report date is known and is written only with one)
XSD_GMD='<http://www.w3.org/2001/XMLSchema#gMonthDay>'
run nodate-nomerge extract "${MAPPINGS_ARGS[@]}" --format nt --no-merge -o "$WORK/nodate-nomerge.nt" "${INPUTS[@]}"
run date-a-nomerge extract "${MAPPINGS_ARGS[@]}" --format nt --no-merge --date 2023-03-01 -o "$WORK/date-a-nomerge.nt" "${INPUTS[@]}"
if cmp -s <(grep -vF -e "$XSD_DATE" -e "$XSD_GMD" -e "$DATE_PRECISION" "$WORK/nodate-nomerge.nt" | dated_links | LC_ALL=C sort) \
          <(grep -vF -e "$XSD_DATE" -e "$XSD_GMD" -e "$DATE_PRECISION" "$WORK/date-a-nomerge.nt" | dated_links | LC_ALL=C sort); then
  ok "no --date vs --date (--no-merge): the same triples apart from date triples"
else
  fail "a run without --date and one with --date (--no-merge) differ in triples without dates:"
  diff <(grep -vF -e "$XSD_DATE" -e "$XSD_GMD" -e "$DATE_PRECISION" "$WORK/nodate-nomerge.nt" | dated_links | LC_ALL=C sort) \
       <(grep -vF -e "$XSD_DATE" -e "$XSD_GMD" -e "$DATE_PRECISION" "$WORK/date-a-nomerge.nt" | dated_links | LC_ALL=C sort) | head -10 \
    | sed 's/^/    | /' >&2 || true
fi
# the .txt articles take --date as their dcterms:date
if dates=$("$PY" "$HERE/rdftool.py" article-dates ntriples "$WORK/date-a.nt" 2>&1); then
  bad=$(echo "$dates" | "$PY" -c '
import json, sys
d = json.load(sys.stdin)
bad = {k: v for k, v in d.items() if k.endswith(".txt") and v != ["2023-03-01"]}
print(json.dumps(bad, ensure_ascii=False) if bad else "")')
  if [ -z "$bad" ]; then
    ok "--date 2023-03-01: every .txt article has dcterms:date 2023-03-01"
  else
    fail "--date 2023-03-01: .txt articles whose dcterms:date is not [2023-03-01]: $bad"
  fi
else
  fail "could not read article dates: $dates"
fi

finish
