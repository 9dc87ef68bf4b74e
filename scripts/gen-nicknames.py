#!/usr/bin/python3
"""Write mappings/lexicon/given_name_forms.tsv: the short forms of English given names.

Usage (from the repository root):

    scripts/gen-nicknames.py NAMES_CSV [--commit SHA] [--output FILE]

NAMES_CSV is names.csv of github.com/carltonnorthern/nicknames (Apache License 2.0; rows
"name1,has_nickname,name2"), fetched outside the repository. Every row becomes one line
"nickname<TAB>name" ("ted", "edward"), the short form shorter than the name; the resolver reads a single word that is a short form
("Ted") as the person of the article whose given name it shortens ("Edward Heath"), and only
when exactly one person of the article has such a given name.
"""
import argparse, csv, os, sys

def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("names_csv")
    p.add_argument("--commit", default="", help="the upstream commit the file was read at")
    p.add_argument("--output", default=os.path.join(repo, "mappings/lexicon/given_name_forms.tsv"))
    a = p.parse_args()
    pairs = set()
    with open(a.names_csv, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("relationship") != "has_nickname":
                continue
            name, nick = row["name1"].strip().lower(), row["name2"].strip().lower()
            # (a short form is shorter than the name: the file also lists equivalents such as
            # "brad" for "ford", which would read a carmaker as a person)
            if not name.isalpha() or not nick.isalpha() or len(nick) >= len(name):
                continue
            pairs.add((nick, name))
    src = "github.com/carltonnorthern/nicknames names.csv" + (" at " + a.commit if a.commit else "")
    with open(a.output, "w", encoding="utf-8") as out:
        out.write("# version: 2026-12-04\n")
        out.write("# Short forms of English given names (\"Ted\" for Edward or Theodore, \"Bill\" for William).\n")
        out.write("# A single word that is a short form names the one person of the article whose given name\n")
        out.write("# it shortens (src/resolve/resolver.cpp). Source: %s (Apache License 2.0),\n" % src)
        out.write("# every has_nickname row whose short form is shorter than the name; written by scripts/gen-nicknames.py, do not edit by hand.\n")
        out.write("nickname\tname\n")
        for nick, name in sorted(pairs):
            out.write("%s\t%s\n" % (nick, name))
    print("gen-nicknames: wrote %s (%d rows)" % (a.output, len(pairs)), file=sys.stderr)

if __name__ == "__main__":
    main()
