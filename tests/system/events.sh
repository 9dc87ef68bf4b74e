#!/usr/bin/env bash
# events.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# Every event carries what researchers filter and count by (issue 13):
#   - mappings/rules/confidence.tsv is what scripts/gen-confidence.py generates from
#     mappings/rules/AUDIT.md and the rule files, and has a row for every rule;
#   - over the examples and the first 300 dated Reuters records (N-Triples, merge graph
#     included), in Jena and in Oxigraph: every meeting report, demand and denial has exactly
#     one parley:status, one parley:confidence and one parley:datePrecision; every meeting
#     report a parley:meetingKind and every denial a parley:denialKind; every event of an
#     article with a date has parley:date or parley:reportDate and never both; every merged
#     parley:Meeting of such articles has one of them too, and a status, a kind and a
#     confidence (from its reports). The query counts the events that
#     break any of these (0 expected) and the events checked (more than 0).
# Needs $PARLEY_SHARED/tools/{jena,oxigraph-load} and /usr/bin/python3.
# Exit status: 0 all checks passed, 1 some failed, 2 usage error.
source "$(dirname "$0")/lib.sh" "$@"

if out=$("$PY" "$SRC/scripts/gen-confidence.py" --check 2>&1); then
  ok "mappings/rules/confidence.tsv is what scripts/gen-confidence.py generates"
else
  fail "$out"
fi

cat >"$WORK/bad-events.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?event ?why WHERE {
  {
    VALUES ?class { parley:MeetingReport parley:Meeting parley:Demand parley:Denial }
    ?event a ?class .
    {
      FILTER NOT EXISTS { ?event parley:status ?s } BIND("no status" AS ?why)
    } UNION {
      FILTER NOT EXISTS { ?event parley:confidence ?c } BIND("no confidence" AS ?why)
    } UNION {
      ?event parley:status ?s1 , ?s2 . FILTER (?s1 != ?s2) BIND("two statuses" AS ?why)
    } UNION {
      VALUES ?meetingClass { parley:MeetingReport parley:Meeting }
      ?event a ?meetingClass . FILTER NOT EXISTS { ?event parley:meetingKind ?k } BIND("no meeting kind" AS ?why)
    } UNION {
      ?event a parley:Denial . FILTER NOT EXISTS { ?event parley:denialKind ?k } BIND("no denial kind" AS ?why)
    }
  } UNION {
    VALUES ?class { parley:MeetingReport parley:Demand parley:Denial parley:Meeting }
    ?event a ?class ; prov:wasDerivedFrom ?article .
    ?article dcterms:date ?published .
    {
      FILTER NOT EXISTS { ?event parley:date ?d }
      FILTER NOT EXISTS { ?event parley:reportDate ?r }
      BIND("neither date nor report date" AS ?why)
    } UNION {
      ?event parley:date ?d ; parley:reportDate ?r . BIND("both date and report date" AS ?why)
    } UNION {
      FILTER NOT EXISTS { ?event parley:datePrecision ?p } BIND("no date precision" AS ?why)
    }
  }
}
ORDER BY ?event ?why
RQ
cat >"$WORK/count-events.rq" <<'RQ'
PREFIX parley: <https://w3id.org/parley/ontology#>
SELECT (COUNT(DISTINCT ?event) AS ?n) WHERE {
  VALUES ?class { parley:MeetingReport parley:Demand parley:Denial }
  ?event a ?class .
}
RQ

query() {   # query STORE DATA QUERY: TSV rows without the header
  if [ "$1" = jena ]; then
    "$JENA" sparql --results=TSV --data "$2" --query "$3" 2>>"$WORK/jena.err" | tail -n +2
  else
    "$OXI" --query-file "$3" "$2" 2>>"$WORK/oxi.err" | tail -n +2
  fi
}

check() {   # check NAME DATA
  local store bad n
  for store in jena oxigraph; do
    bad=$(query "$store" "$2" "$WORK/bad-events.rq") || { fail "$1: the query failed in $store"; continue; }
    n=$(query "$store" "$2" "$WORK/count-events.rq" | sed 's/"//g; s/\^\^.*//')
    if [ -z "$n" ] || [ "$n" -eq 0 ]; then
      fail "$1 in $store: no events to check"
    elif [ -z "$bad" ]; then
      ok "$1 in $store: all $n events carry status, kind, confidence and a date or report date"
    else
      fail "$1 in $store: $(echo "$bad" | wc -l) problem(s) among $n events:"
      echo "$bad" | head -20 | sed 's/^/    | /' >&2
    fi
  done
}

example_inputs
run examples extract --format ntriples --date 2023-03-01 -o "$WORK/examples.nt" "${EXAMPLES[@]}"
if [ "$RC" -ne 0 ] || [ ! -s "$WORK/examples.nt" ]; then
  fail "parley extract on the examples exited $RC"
  show "$WORK/examples.stderr"
else
  check "examples (--date 2023-03-01)" "$WORK/examples.nt"
fi
if [ -r "$SHARED/corpus/reuters21578.jsonl" ]; then
  head -n 300 "$SHARED/corpus/reuters21578.jsonl" >"$WORK/reuters.jsonl"
  run reuters extract --format ntriples -q --no-mentions -o "$WORK/reuters.nt" "$WORK/reuters.jsonl"
  if [ "$RC" -ne 0 ] || [ ! -s "$WORK/reuters.nt" ]; then
    fail "parley extract on 300 Reuters records exited $RC"
    show "$WORK/reuters.stderr"
  else
    check "300 Reuters records" "$WORK/reuters.nt"
  fi
else
  fail "no $SHARED/corpus/reuters21578.jsonl"
fi
finish
