#!/usr/bin/python3
"""Write mappings/gazetteer/states.tsv from the vetted reference tables and a hand-kept supplement.

Usage (from the repository root):

    scripts/gen-states.py [--reference DIR] [--extra FILE] [--output FILE] [--check]

Inputs
  DIR/states.tsv             vetted ISO 3166-1 rows (+ Kosovo) with Wikidata QIDs
  DIR/historical_states.tsv  vetted former states
  FILE (states-extra.tsv)    our own supplement: labels, extra names, demonyms, extra spellings
                             of capitals, names to drop, and rows with no reference row
                             (de facto states). Columns are described in mappings/README.md.

The output is deterministic: rows are sorted by id, values keep the order in which they were
added, duplicates are removed. QIDs of reference rows are never taken from the supplement.
With --check nothing is written; the exit status says whether the output is up to date.

Default DIR is $PARLEY_REFERENCE or ../shared/reference next to the repository, then
/work/shared/reference.
"""

import argparse
import os
import re
import sys

HEADER = ["id", "label", "qid", "qid_source", "names", "demonyms",
          "capital", "capital_qid", "capital_source", "years", "code"]
EXTRA_HEADER = ["id", "ref", "label", "qid", "qid_source", "names", "demonyms",
                "capital", "capital_qid", "capital_source", "drop_names", "comment"]
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
ANNOTATION_RE = re.compile(r"\s*\([^)]*\)\s*$")  # "Upper Volta (until 1984)" -> "Upper Volta"
DROP = "-"  # in the supplement: "drop this value from the reference"
# The `code` column: the CAMEO country code, which is the reference's ISO 3166-1 (or, for a former
# state, ISO 3166-3) alpha-3 code, except where CAMEO uses its own:
CAMEO_CODES = {
    # Kosovo: the reference has the user-assigned XKX; CAMEO writes KSV
    # (shared/lexical/petrarch2/Phoenix.Countries.actors.txt:35521 "KOSOVO [KSV] # using World Bank code-No ISO")
    "XKX": "KSV",
}
ALPHA3_RE = re.compile(r"^[A-Z]{3}$")


class InputError(Exception):
    pass


def read_tsv(path, expected_header=None):
    """Reads a TSV (one header line, '#' comments, no quoting) into a list of (line, dict)."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.endswith("\r"):
                raise InputError(f"{path}:{lineno}: CR line ending")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
                if expected_header and header != expected_header:
                    raise InputError(f"{path}:{lineno}: header is {header}, expected {expected_header}")
                continue
            if len(fields) != len(header):
                raise InputError(f"{path}:{lineno}: {len(fields)} fields, header has {len(header)}")
            rows.append((lineno, dict(zip(header, fields))))
    if header is None:
        raise InputError(f"{path}: no header line")
    return rows


def split_values(field):
    return [v.strip() for v in field.split(";") if v.strip()]


def clean_name(name):
    """Reference names carry annotations and ISO forms that news never writes."""
    name = ANNOTATION_RE.sub("", name).strip()
    if name.startswith("the "):
        name = name[4:]
    return name


def add_unique(values, new, exclude=()):
    seen = set(values) | set(exclude)
    for v in new:
        if v and v not in seen:
            values.append(v)
            seen.add(v)


def split_source(source):
    """'qid=A+B; capital=C+D' -> {'qid': 'qid=A+B', 'capital': 'capital=C+D'}."""
    parts = {}
    for part in source.split("; "):
        key = part.split("=", 1)[0].strip()
        parts[key] = part.strip()
    return parts


def build(reference_dir, extra_path):
    ref_rows = read_tsv(os.path.join(reference_dir, "states.tsv"))
    hist_rows = read_tsv(os.path.join(reference_dir, "historical_states.tsv"))
    extra_rows = read_tsv(extra_path, EXTRA_HEADER)

    refs = {}
    for _, r in ref_rows:
        refs["states.tsv:" + r["alpha2"]] = ("shared/reference/states.tsv row " + r["alpha2"], r)
    for _, r in hist_rows:
        cite = "shared/reference/historical_states.tsv row " + (r["alpha2"] or "-") + " " + r["name"]
        refs["historical_states.tsv:" + r["name"]] = (cite, r)

    out = {}
    used_refs = set()
    for lineno, e in extra_rows:
        where = f"{extra_path}:{lineno}"
        if not e["id"].startswith("state:"):
            raise InputError(f"{where}: id {e['id']!r} does not start with 'state:'")
        if e["id"] in out:
            raise InputError(f"{where}: duplicate id {e['id']}")
        if e["label"] == DROP:  # row deliberately left out (reason in comment)
            used_refs.add(e["ref"])
            continue
        drop = {clean_name(v) for v in split_values(e["drop_names"])}
        if e["ref"]:
            if e["ref"] not in refs:
                raise InputError(f"{where}: no reference row {e['ref']!r}")
            if e["qid"] or e["qid_source"] or e["capital_qid"] or e["capital_source"]:
                raise InputError(f"{where}: a reference row's QIDs come from the reference only")
            used_refs.add(e["ref"])
            cite, r = refs[e["ref"]]
            years = r.get("years", "") if e["ref"].startswith("historical_states.tsv:") else ""
            code = CAMEO_CODES.get(r["alpha3"], r["alpha3"])
            if code and not ALPHA3_RE.match(code):
                raise InputError(f"{where}: reference alpha3 {code!r} is not three capital letters")
            label = e["label"] or r["common_name"]
            src = split_source(r["source"])
            qid = r["qid"]
            qid_source = f"{cite} ({src.get('qid', 'qid')})" if qid else ""
            names = []
            candidates = split_values(r["official_name"]) + [r["name"]] + split_values(r["other_names"])
            for n in candidates:
                n = clean_name(n)
                if "," in n or n in drop:  # "Korea, Republic of": ISO inversion, not news text
                    continue
                add_unique(names, [n], exclude=[label])
            add_unique(names, split_values(e["names"]), exclude=[label])
            demonyms = split_values(e["demonyms"])
            if e["capital"] == DROP:
                capital, capital_qid, capital_source = [], "", ""
            else:
                capital = [r["capital"]] if r["capital"] else []
                add_unique(capital, split_values(e["capital"]))
                capital_qid = r["capital_qid"]
                capital_source = f"{cite} ({src['capital']})" if capital and "capital" in src else ""
        else:
            label = e["label"]
            years = ""
            code = ""  # no reference row, no ISO code: left empty rather than guessed
            qid, qid_source = e["qid"], e["qid_source"]
            names = []
            add_unique(names, split_values(e["names"]), exclude=[label])
            demonyms = split_values(e["demonyms"])
            capital = split_values(e["capital"])
            capital_qid, capital_source = e["capital_qid"], e["capital_source"]
        if not label:
            raise InputError(f"{where}: empty label")
        for q, s, what in ((qid, qid_source, "qid"), (capital_qid, capital_source, "capital_qid")):
            if q and not QID_RE.match(q):
                raise InputError(f"{where}: bad {what} {q!r}")
            if q and not s:
                raise InputError(f"{where}: {what} {q} has no source")
        names = [n for n in names if n not in drop]
        out[e["id"]] = [e["id"], label, qid, qid_source, ";".join(names), ";".join(demonyms),
                        ";".join(capital), capital_qid, capital_source, years, code]

    # Every reference row must be handled: listed in the supplement, or an alias row.
    for key, (_, r) in refs.items():
        if key not in used_refs and r.get("years") != "alias":
            raise InputError(f"{extra_path}: reference row {key!r} is not listed")

    # A surface form must belong to one row only, or the matcher cannot decide.
    owner = {}
    for row in out.values():
        for col in (1, 4, 5):
            for v in filter(None, row[col].split(";")):
                if v in owner and owner[v] != row[0]:
                    raise InputError(f"name {v!r} is in {owner[v]} and {row[0]}")
                owner[v] = row[0]
    for row in out.values():
        for field in row:
            if "\t" in field or "\n" in field:
                raise InputError(f"{row[0]}: tab or newline in a value")
    return [out[k] for k in sorted(out)]


def render(rows, extra_path):
    version = None
    with open(extra_path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# version:"):
                version = line.strip()
                break
    if version is None:
        raise InputError(f"{extra_path}: no '# version:' line")
    lines = [version,
             "# GENERATED by scripts/gen-states.py from shared/reference/states.tsv,",
             "# shared/reference/historical_states.tsv and mappings/gazetteer/states-extra.tsv.",
             "# Do not edit: change states-extra.tsv and run the script. See mappings/README.md.",
             "\t".join(HEADER)]
    lines += ["\t".join(r) for r in rows]
    return "\n".join(lines) + "\n"


def default_reference_dir():
    env = os.environ.get("PARLEY_REFERENCE")
    if env:
        return env
    here = os.path.dirname(os.path.abspath(__file__))
    sibling = os.path.normpath(os.path.join(here, "..", "..", "shared", "reference"))
    return sibling if os.path.isdir(sibling) else "/work/shared/reference"


def main():
    repo = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--reference", default=default_reference_dir())
    p.add_argument("--extra", default=os.path.join(repo, "mappings/gazetteer/states-extra.tsv"))
    p.add_argument("--output", default=os.path.join(repo, "mappings/gazetteer/states.tsv"))
    p.add_argument("--check", action="store_true", help="exit 1 if the output is not up to date")
    args = p.parse_args()
    try:
        text = render(build(args.reference, args.extra), args.extra)
    except (InputError, OSError) as err:
        print(f"gen-states: error: {err}", file=sys.stderr)
        return 2
    if args.check:
        try:
            with open(args.output, encoding="utf-8") as f:
                current = f.read()
        except OSError:
            current = None
        if current != text:
            print(f"gen-states: {args.output} is not up to date", file=sys.stderr)
            return 1
        return 0
    tmp = args.output + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    os.replace(tmp, args.output)
    print(f"gen-states: wrote {args.output} ({text.count(chr(10)) - 5} rows)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
