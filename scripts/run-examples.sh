#!/usr/bin/env bash
# run-examples.sh: set up, build parley, and extract a knowledge graph from examples/.
#
#   scripts/run-examples.sh          (from any directory)
#
# Writes out/examples.ttl (Turtle, the default), out/examples.nt (N-Triples),
# out/examples.nq (N-Quads) and out/examples.trig (TriG) from every article in examples/
# (*.txt: one article each; *.jsonl: one article per line).
# Turtle and N-Triples hold the union of all articles; N-Quads and TriG one named graph
# per article. Exit status: parley's own if extraction fails (1: some input failed).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

scripts/setup.sh
cmake -S . -B build
cmake --build build -j"$(nproc)"

shopt -s nullglob
inputs=(examples/*.txt examples/*.jsonl)
shopt -u nullglob
if ((${#inputs[@]} == 0)); then
  echo "run-examples: error: no *.txt or *.jsonl files in examples/" >&2
  exit 1
fi

mkdir -p out
status=0
for fmt in turtle:ttl ntriples:nt nquads:nq trig:trig; do
  name=${fmt%%:*}
  ext=${fmt##*:}
  build/parley extract --format "$name" -o "out/examples.$ext" "${inputs[@]}" || status=$?
done

echo
echo "run-examples: ${#inputs[@]} input files from $repo/examples"
for ext in ttl nt nq trig; do
  if [[ -f out/examples.$ext ]]; then
    printf '  %s\n' "$repo/out/examples.$ext"
  fi
done
if ((status != 0)); then
  echo "run-examples: error: parley extract failed on some input (exit $status); see above" >&2
fi
exit "$status"
