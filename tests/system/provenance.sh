#!/usr/bin/env bash
# provenance.sh PARLEY_BIN SOURCE_DIR WORK_DIR: runs provenance.py (see its docstring) with the
# system Python, which has rdflib.
set -euo pipefail
exec /usr/bin/python3 "$(dirname "$0")/provenance.py" "$@"
