#!/usr/bin/python3
"""Write mappings/lexicon/given_names.tsv: words that open people's names, worldwide.

Usage (from the repository root):

    scripts/gen-given-names.py [--lexical DIR] [--output FILE]

A name no gazetteer knows and no title or head word types is a person's by default; after an
article or before the noun it modifies it is a thing's ("the failed Christmas Day plot", "a
Volvo XC90", "Comic Relief day") unless its first word opens the name of some person in an
established list of people ("met with the Khaled Meshaal")
(src/ner/tagger.cpp). The lists, each read for its own reasons:

- the PETRARCH2/Phoenix actor dictionaries (MIT; DIR, default ../shared/lexical/petrarch2):
  every entry whose first code line is bounded by dates ("TAYEB_BELAIZ_ [DZAGOV 030101-040630]")
  is a person holding an office; its first word is taken. About 8,000 words in many languages
  and transliterations (Jose, Muhammad, Kim, Hu, Mamadou).
- mappings/gazetteer/persons.tsv (heads of state and government, ministers, heads of bodies):
  the first word of each label and name variant.
- mappings/lexicon/given_name_forms.tsv (English given names and their short forms).

Words that open names without being given names are left out: titles, roles and honorifics
("President", "Sir"), function words, articles ("El Niño", "La Stampa", "al-Zarqawi"), and
single letters.
Each row cites one place that lists the word (FILE:LINE). Deterministic: the same inputs give the
same bytes.
"""
import argparse, os, re, sys, unicodedata


def fold(s):
    """The key parley's fold() gives: no diacritics, lower case, typographic quotes and dashes plain."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u2013", "-").replace("\u0131", "i")
    s = s.replace("\u00df", "ss")
    return "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c)).lower()


def terms(path, column=0):
    """The first words of a lexicon's first column (lower case), past its header."""
    out = set()
    with open(path, encoding="utf-8") as f:
        header = True
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            if header:
                header = False
                continue
            cell = line.rstrip("\n").split("\t")[column]
            for w in cell.split():
                out.add(fold(w))
    return out


def main():
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--lexical", default=os.path.join(repo, "..", "shared", "lexical", "petrarch2"))
    p.add_argument("--output", default=os.path.join(repo, "mappings/lexicon/given_names.tsv"))
    a = p.parse_args()
    lex = os.path.join(repo, "mappings/lexicon")
    # (words that open names without naming anyone: "President Obama", "Sir Edward", "al-Assad")
    excluded = set()
    for name in ("titles", "roles", "honorifics", "function_words", "office_titles"):
        excluded |= terms(os.path.join(lex, name + ".tsv"))
    # definite articles open names of things ("El Niño", "La Stampa", "Le Monde", "Los Angeles"),
    # and join a surname ("al-Zarqawi"); other particles open people's names ("Abu Bakr", "Van
    # Rompuy", "De Klerk")
    articles = {"al", "el", "la", "le", "les", "los", "las", "il", "lo", "der", "die", "das", "het", "the"}
    excluded |= articles
    cited = {}

    def add(word, source):
        w = fold(word).strip(".,'\"")
        if len(w) < 2 or not re.fullmatch(r"[a-z][a-z'\-]*[a-z]", w) or w in excluded:
            return
        # ("al-Zarqawi", "el-Sisi": a particle joined to a surname)
        if "-" in w and w.split("-")[0] in articles:
            return
        cited.setdefault(w, source)

    # (an entry's own line, not its "+" aliases, which also spell titles and bodies:
    # "+UNITED_NATIONS_SECRETARY_GENERAL_BOUTROS-GHALI_", "+AL-QAEDA_IN_IRAQ_")
    entry = re.compile(r"^([A-Z][A-Za-z'\-\.]*(?:_[A-Za-z'\-\.]+)+)_\s*(#.*)?$")
    dated = re.compile(r"\[[A-Z]+ [<>]?\d{6}")
    for fn in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"):
        with open(os.path.join(a.lexical, fn), encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
        for i, line in enumerate(lines):
            m = entry.match(line)
            if not m:
                continue
            j = i + 1
            while j < len(lines) and lines[j].startswith("+"):
                j += 1
            if j < len(lines) and dated.search(lines[j]):
                add(m.group(1).split("_")[0], "shared/lexical/petrarch2/%s:%d" % (fn, i + 1))

    persons = os.path.join(repo, "mappings/gazetteer/persons.tsv")
    with open(persons, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or line.startswith("id\t"):
                continue
            cells = line.rstrip("\n").split("\t")
            if len(cells) < 5:
                continue
            for name in [cells[1]] + [v for v in cells[4].split(";") if v]:
                words = name.split()
                if len(words) >= 2:
                    add(words[0], "mappings/gazetteer/persons.tsv:%d" % n)

    forms = os.path.join(lex, "given_name_forms.tsv")
    with open(forms, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.startswith("#") or line.startswith("nickname\t"):
                continue
            for w in line.rstrip("\n").split("\t")[:2]:
                add(w, "mappings/lexicon/given_name_forms.tsv:%d" % n)

    with open(a.output, "w", encoding="utf-8") as out:
        out.write("# version: 2026-12-05\n")
        out.write("# Words that open people's names (\"jose\", \"muhammad\", \"kim\", \"ted\"), folded to lower case\n")
        out.write("# without diacritics. A name no gazetteer knows, after an article (\"a Volvo XC90\") or before the\n")
        out.write("# noun it modifies, is a person's only when its first word is here (src/ner/tagger.cpp). Sources: the dated\n")
        out.write("# person entries of shared/lexical/petrarch2/Phoenix.*.actors.txt (MIT), persons.tsv and\n")
        out.write("# given_name_forms.tsv; titles, roles, honorifics, function words and articles (el, la) left out.\n")
        out.write("# Written by scripts/gen-given-names.py, do not edit by hand.\n")
        out.write("term\tsource\n")
        for w in sorted(cited):
            out.write("%s\t%s\n" % (w, cited[w]))
    print("gen-given-names: wrote %s (%d rows)" % (a.output, len(cited)), file=sys.stderr)


if __name__ == "__main__":
    main()
