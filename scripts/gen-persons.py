#!/usr/bin/python3
"""Write mappings/gazetteer/persons.tsv: office holders with Wikidata QIDs, terms and name variants.

Usage (from the repository root):

    scripts/gen-persons.py [--data DIR] [--output FILE] [--check]

Inputs (fetched public files, kept out of the repository; DIR defaults to $PARLEY_PERSONS_DATA,
then ../shared/data-persons next to the repository, then /work/shared/data-persons). DIR/commits.txt
names the commit each repository was read at.

  every-politician-scrapers/<country>/html/holders21.csv
      Wikidata-derived (SPARQL over P39 "position held"): holders of a country's government
      positions since about 1997 -- position label, person, QID, start, end, enwiki title.
  every-politician-scrapers/<country>/meta.json (its jurisdiction: which state the file is about),
      else every-politician-scrapers/<country>/html/positions.csv (the positions' country QIDs).
  every-politician-scrapers/<country>/sources/[wpoffice/]<office>/{wikidata.csv,scraped.csv,meta.json}
      one position of the country (the directory says which: WPOFFICE_DIR): wikidata.csv its
      holders from Wikidata (item, itemLabel, startDate, endDate), scraped.csv the position's
      Wikipedia list with the QIDs of its links (an independent second file), meta.json the
      position's QID and the list's address. Read for the repositories that have holders21.csv.
  every-politician-scrapers/world/html/holders21.csv
      the same for international positions (UN Secretary-General, WTO Director-General, ...).
  every-politician-scrapers/world-leaders-2021/data/wikidata.csv   (Wikidata-derived)
  every-politician-scrapers/world-leaders-2021/data/wikipedia.csv  (scraped from Wikipedia's list
      of current heads of state and government; QIDs from the linked articles)
  every-politician-scrapers/world-leaders-2021@<commit>/data/{wikidata,wikipedia}.csv: the same
      files at an older commit (cc55605, 2021-08-26): the leaders in office then (Angela Merkel),
      with an empty end where they were still in office.
  every-politician-scrapers/world/sources/foreign/wikidata.csv     (Wikidata-derived)
  every-politician-scrapers/world/sources/foreign/scraped.csv      (scraped list of foreign ministers)
  tmtmtmtm/<cc>-<office>-wikipedia/wikidata.json  (Wikidata office holders of one position)
  tmtmtmtm/<cc>-<office>-wikipedia/wikipedia.csv  (the same position's Wikipedia list, with QIDs)
  ../lexical/petrarch2/Phoenix.Countries.actors.txt  (PETRARCH2/Phoenix actor dictionary, MIT:
      name variants and date-bounded government roles; no QIDs; used only to confirm a person's
      state and dates and to add spellings for a person whose QID comes from the files above)

QID rule (mappings/README.md): a QID is written when two independent files pair it with the person
(a Wikidata-derived file and a Wikipedia-derived one, or a Wikidata-derived file and a Phoenix
entry whose name, state and dates agree), or when one Wikidata-derived file does and the name,
office and dates in it agree (the office is one we keep, the state is known, the dates parse, start
is not after end, the term reaches 1945 or later, and no other QID has the same name for the same
office and state). qid_source lists the files; a row resting on one file ends with "(one file)".

Only these offices are kept: head of state, head of government, foreign minister, defence minister
of a state in states.tsv, and the head of an international body in organizations.tsv.
The output is deterministic (rows sorted by id). With --check nothing is written; the exit status
says whether the output is up to date.
"""

import argparse
import collections
import csv
import json
import os
import re
import sys
import unicodedata

HEADER = ["id", "label", "qid", "qid_source", "names", "offices"]
QID_RE = re.compile(r"^Q[1-9][0-9]*$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
VERSION = "2026-12-04"

# Offices: hos head of state, hog head of government, fm foreign minister, dm defence minister,
# head head of an international body. A country file names its own offices without the country
# ("President", "Prime Minister"); only these exact labels are read, so that regional presidents,
# central bank presidents and junior defence ministers stay out.
COUNTRY_OFFICES = {
    "hos": {"President", "monarch", "Monarch", "King", "Queen", "Emir", "emir", "Sultan", "Emperor",
            "Grand Duke", "Supreme Leader", "President of the Swiss Confederation"},
    "hog": {"Prime Minister", "Premier", "Federal Chancellor", "Chairman of the Council of Ministers",
            "Taoiseach", "Premier of the State Council"},
}
_FM = re.compile(r"^(?:(?:Federal )?Minister (?:of|for) (?:the )?(?:Foreign|External) (?:Affairs|Relations)"
                 r"(?:(?:,| and) (?!.*\b(?:Deputy|State)\b).*)?|Secretary (?:of|for) Foreign Affairs|"
                 r"Secretary of State for Foreign(?: and Commonwealth)? Affairs(?:, .*)?|Foreign Secretary|"
                 r"Foreign Minister|Secretary of State)$")
_DM = re.compile(r"^(?:(?:Federal )?Minister (?:of|for) (?:National )?Defen[cs]e"
                 r"(?:(?:,| and) (?:Home Affairs|National Security|Military Veterans|Veterans Affairs|"
                 r"Armed Forces Logistics|Border Security)(?:.*))?|"
                 r"Secretary (?:of|for) (?:National )?Defen[cs]e|Secretary of State for Defence|"
                 r"Minister of (?:the )?Armed Forces|Defen[cs]e Minister)$")
# world-leaders-2021 names offices with their country ("President of Algeria").
_LEADER = re.compile(r"^(?:(President|King|Queen|Emir|Sultan|Emperor|Grand Duke|Supreme Leader|Monarch)|"
                     r"(Prime Minister|Premier|Chancellor|Federal Chancellor|Taoiseach)) of (?:the )?[A-Z]")
_NOT_LEADER = re.compile(r"Council|Coalition|Committee|Commission|Party|Salvation|Government|Presidency|"
                         r"Assembly|Senate|Autonomous|Kurdistan|Srpska|Federation of")


def classify(label, country_file=True):
    """The office a position label names, or None."""
    s = re.sub(r"\s+", " ", label.strip())
    if _FM.match(s) and s != "Secretary of State":
        return "fm"
    if _DM.match(s):
        return "dm"
    if country_file:
        for office, labels in COUNTRY_OFFICES.items():
            if s in labels:
                return office
        return None
    m = _LEADER.match(s)
    if m and not _NOT_LEADER.search(s):
        return "hos" if m.group(1) else "hog"
    return None


# International positions of every-politician-scrapers/world -> (office, body id).
ORG_POSITIONS = {
    "Secretary-General of the United Nations": ("head", "org:UN"),
    "President of the United Nations General Assembly": ("head", "org:UNGA"),
    "Director-General of the World Trade Organization": ("head", "org:WTO"),
    "President of the International Court of Justice": ("head", "org:ICJ"),
}
# A file's jurisdiction given as a part of a state: the Netherlands (Q55), the constituent country,
# for the Kingdom of the Netherlands (Q29999) whose government its cabinet is.
STATE_QID_ALIASES = {"Q55": "Q29999"}
# tmtmtmtm/<repo> -> (office, state id); the repositories say which position they list.
TMTM_POSITIONS = {
    "fi-prime-ministers-wikipedia": ("hog", "state:FI"),
    "nz-prime-ministers-wikipedia": ("hog", "state:NZ"),
    "so-prime-ministers-wikipedia": ("hog", "state:SO"),
    "eg-prime-ministers-wikipedia": ("hog", "state:EG"),
    "md-prime-ministers-wikipedia": ("hog", "state:MD"),
    "tv-prime-ministers-wikipedia": ("hog", "state:TV"),
    "dz-foreign-ministers-wikipedia": ("fm", "state:DZ"),
    "nz-foreign-ministers-wikipedia": ("fm", "state:NZ"),
    "bo-presidents-wikipedia": ("hos", "state:BO"),
    "hn-presidents-wikipedia": ("hos", "state:HN"),
    "mx-presidents-wikipedia": ("hos", "state:MX"),
    "ni-presidents-wikipedia": ("hos", "state:NI"),
    "uk-defence-secretary-wikipedia": ("dm", "state:GB"),
}
# sources/[wpoffice/]<dir>/ of a country repository: the directory names the office (a suffix
# such as "-enwiki" names the Wikipedia list it was compared with). Deputy, chief-of-staff,
# provincial ("premiers", "wa-premier") and sub-national ("emir-dubai") offices do not match.
WPOFFICE_DIR = re.compile(r"^(?:(president|presidents|monarch|sultan)|"
                          r"(prime-minister|prime-ministers|pm|premier|taoiseach)|"
                          r"(foreign-minister|foreign-ministers|minister-foreign|foreign)|"
                          r"(defence-minister|minister-defence|defence|defense-minister|defence-secretary))"
                          r"(?:-[a-z]+wiki)?$")
# The office a Phoenix role of a state stands for: GOV (government) covers every office we keep.
PHOENIX_ROLE = re.compile(r"\[([A-Z]{3})(GOV|MIL)\s+(\d{6})-(\d{6})\]")
# Forms of address that may open a label; the name without them is a variant.
HONORIFICS = ("Sheikh ", "Sheikha ", "Prince ", "Princess ", "Archbishop ", "Dr. ", "Dr ", "Sir ",
              "Dame ", "General ", "Gen. ")


class InputError(Exception):
    pass


def fold(s):
    """Without diacritics ("Mevlüt Çavuşoğlu" -> "Mevlut Cavusoglu"); special letters mapped."""
    table = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                           "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th",
                           "Þ": "Th", "ð": "d", "ʻ": "'", "’": "'", "‘": "'"})
    s = s.translate(table)
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def wire_stripped(s):
    """The name as wire copy that dropped every non-ASCII letter writes it ("Hugo Chávez" ->
    "Hugo Chvez"; the pattern: idx:69440390716 pairs "Hugo Chvez Fras", "Jorge Batlle Ibez",
    "Vojislav Kotunica" with the right spellings). Empty when nothing is dropped or a word
    would lose more than two letters or become shorter than two."""
    if all(ord(c) < 128 for c in s):
        return ""
    out = []
    for w in s.split():
        k = "".join(c for c in w if ord(c) < 128)
        if len(w) - len(k) > 2 or len(k) < 2:
            return ""
        out.append(k)
    return " ".join(out)


def clean_name(s):
    s = re.sub(r"\s*\([^)]*\)\s*$", "", s or "").strip()  # "João Lourenço (politician)"
    s = re.sub(r"\s+", " ", s)
    return s


def name_key(s):
    return re.sub(r"[^a-z0-9]+", " ", fold(clean_name(s)).lower()).strip()


def parse_date(s):
    """'2019-07-24T00:00:00Z' / '2019-07' / '2019' -> ('2019-07-24', year) or (None, None)."""
    m = DATE_RE.match((s or "").strip())
    if not m:
        return None, None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if mo == "00":
        mo = None
    if d == "00":
        d = None
    out = y + ("-" + mo if mo else "") + ("-" + d if mo and d else "")
    return out, int(y)


def phoenix_date(s):
    yy, mm, dd = int(s[0:2]), s[2:4], s[4:6]
    year = 1900 + yy if yy > 30 else 2000 + yy
    return "%d-%s-%s" % (year, mm, dd)


def read_csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def load_states(path):
    """states.tsv: QID -> state id, ISO alpha-3 (from the reference) -> state id."""
    by_qid = {}
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    head = rows[0]
    for r in rows[1:]:
        row = dict(zip(head, r))
        if row.get("qid"):
            by_qid[row["qid"]] = row["id"]
    return by_qid


def load_alpha3(path):
    out = {}
    with open(path, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
    head = rows[0]
    for r in rows[1:]:
        row = dict(zip(head, r))
        out[row["alpha3"]] = "state:" + row["alpha2"]
    return out


class Person:
    def __init__(self, qid):
        self.qid = qid
        self.labels = collections.Counter()
        self.names = []                  # in the order found
        self.terms = set()               # (office, acts_for, start, end)
        self.wikidata_files = set()      # Wikidata-derived files pairing the QID with the name
        self.other_files = set()         # independent files pairing it (Wikipedia lists, Phoenix)

    def add_name(self, n):
        n = clean_name(n)
        if n and n not in self.names:
            self.names.append(n)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    default_data = os.environ.get("PARLEY_PERSONS_DATA") or next(
        (d for d in (os.path.join(root, "..", "shared", "data-persons"), "/work/shared/data-persons")
         if os.path.isdir(d)), "/work/shared/data-persons")
    ap.add_argument("--data", default=default_data)
    ap.add_argument("--phoenix", default=None)
    ap.add_argument("--output", default=os.path.join(root, "mappings", "gazetteer", "persons.tsv"))
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()

    data = os.path.normpath(args.data)
    shared = os.path.dirname(data)
    phoenix = args.phoenix or os.path.join(shared, "lexical", "petrarch2", "Phoenix.Countries.actors.txt")
    state_by_qid = load_states(os.path.join(root, "mappings", "gazetteer", "states.tsv"))
    alpha3 = load_alpha3(os.path.join(shared, "reference", "states.tsv"))

    people = {}
    stats = collections.Counter()

    def person(qid):
        if qid not in people:
            people[qid] = Person(qid)
        return people[qid]

    def add_term(qid, name, office, acts_for, start, end, source, wikidata=True):
        if not QID_RE.match(qid or "") or not name:
            return
        s, sy = parse_date(start)
        e, ey = parse_date(end)
        if sy is None:
            stats["no start date"] += 1
            return
        if ey is not None and (ey < 1945 or (e and s and e < s)):
            stats["ends before 1945 or before it starts"] += 1
            return
        p = person(qid)
        p.labels[clean_name(name)] += 1
        p.add_name(name)
        p.terms.add((office, acts_for, s, e or ""))
        (p.wikidata_files if wikidata else p.other_files).add(source)

    ep = os.path.join(data, "every-politician-scrapers")
    repo_state = {}
    # Country files: the state is the one most of the file's positions belong to.
    for repo in sorted(os.listdir(ep)):
        hfile = os.path.join(ep, repo, "html", "holders21.csv")
        pfile = os.path.join(ep, repo, "html", "positions.csv")
        if repo == "world" or not os.path.exists(hfile):
            continue
        acts_for = None
        mfile = os.path.join(ep, repo, "meta.json")
        if os.path.exists(mfile):
            with open(mfile, encoding="utf-8") as f:
                jur = (json.load(f).get("jurisdiction") or {}).get("id", "")
            acts_for = state_by_qid.get(STATE_QID_ALIASES.get(jur, jur))
        if not acts_for and os.path.exists(pfile):
            countries = collections.Counter(r.get("country", "") for r in read_csv(pfile) if r.get("country"))
            if countries:
                top = countries.most_common(1)[0][0]
                acts_for = state_by_qid.get(STATE_QID_ALIASES.get(top, top))
        if not acts_for:
            stats["country file with no state"] += 1
            continue
        repo_state[repo] = acts_for
        source = "every-politician-scrapers/%s:html/holders21.csv" % repo
        for r in read_csv(hfile):
            office = classify(r.get("position", ""))
            if r.get("position") == "Secretary of State" and acts_for == "state:US":
                office = "fm"  # the United States' foreign minister; elsewhere a junior minister
            if office:
                add_term(r.get("personID", ""), r.get("person", ""), office, acts_for,
                         r.get("start"), r.get("end"), source)
                if r.get("enwiki") and r.get("personID") in people:
                    people[r["personID"]].add_name(r["enwiki"])

    # Single-office files of a country repository (sources/[wpoffice/]<office>/): wikidata.csv
    # lists the position's holders from Wikidata, scraped.csv the same position's Wikipedia list
    # with the QIDs its links give. The directory name says the office (WPOFFICE_DIR); a
    # position QID that files of two repositories claim (a copied meta.json) is read from none.
    wp_files = []
    for repo in sorted(repo_state):
        sdir = os.path.join(ep, repo, "sources")
        for dirpath, _, files in sorted(os.walk(sdir)) if os.path.isdir(sdir) else []:
            m = WPOFFICE_DIR.match(os.path.basename(dirpath))
            if m and "wikidata.csv" in files and "meta.json" in files:
                with open(os.path.join(dirpath, "meta.json"), encoding="utf-8") as f:
                    pos = json.load(f).get("position", "")
                office = next(o for o, g in zip(("hos", "hog", "fm", "dm"), m.groups()) if g)
                wp_files.append((repo, os.path.relpath(dirpath, os.path.join(ep, repo)), office, pos))
    pos_repos = collections.defaultdict(set)
    for repo, _, _, pos in wp_files:
        pos_repos[pos].add(repo)
    for repo, rel, office, pos in wp_files:
        if not QID_RE.match(pos) or len(pos_repos[pos]) > 1:
            stats["office file skipped: position QID missing or claimed by two repositories"] += 1
            continue
        acts_for = repo_state[repo]
        base = os.path.join(ep, repo, rel)
        source = "every-politician-scrapers/%s:%s/wikidata.csv" % (repo, rel)
        for r in read_csv(os.path.join(base, "wikidata.csv")):
            q = r.get("item", "")
            s_, _ = parse_date(r.get("startDate"))
            e_, _ = parse_date(r.get("endDate"))
            p = people.get(q)
            # A term the country file already gives (same office and state, overlapping dates,
            # start within a year) only confirms it; the dates of the country file are kept.
            if p and s_ and any(t[0] == office and t[1] == acts_for and t[2][:4] and
                                abs(int(t[2][:4]) - int(s_[:4])) <= 1 for t in p.terms):
                if name_key(r.get("itemLabel", "")) in {name_key(n) for n in p.names}:
                    p.wikidata_files.add(source)
                    p.add_name(r.get("itemLabel", ""))
                continue
            add_term(q, r.get("itemLabel", ""), office, acts_for, r.get("startDate"), r.get("endDate"),
                     source)
        sfile = os.path.join(base, "scraped.csv")
        if os.path.exists(sfile):
            for r in read_csv(sfile):
                q = r.get("item", "")
                if q in people and name_key(r.get("itemLabel", "")) in {name_key(n) for n in people[q].names}:
                    people[q].other_files.add("every-politician-scrapers/%s:%s/scraped.csv" % (repo, rel))
                    people[q].add_name(r.get("itemLabel", ""))

    world = os.path.join(ep, "world", "html", "holders21.csv")
    if os.path.exists(world):
        for r in read_csv(world):
            hit = ORG_POSITIONS.get(r.get("position", ""))
            if hit:
                add_term(r.get("personID", ""), r.get("person", ""), hit[0], hit[1], r.get("start"),
                         r.get("end"), "every-politician-scrapers/world:html/holders21.csv")

    # world-leaders-2021 as fetched, then older versions of it ("world-leaders-2021@<commit>", the
    # files at that commit): the leaders in office then, who may have left before the newest one.
    for wrepo in sorted(d for d in os.listdir(ep) if d == "world-leaders-2021" or d.startswith("world-leaders-2021@")):
        wl = os.path.join(ep, wrepo, "data")
        # An older version adds a term only where that version's Wikipedia list of current
        # leaders names the same person too: a stale Wikidata row (an emir who had abdicated)
        # would otherwise become a term without an end.
        listed = None
        if wrepo != "world-leaders-2021" and os.path.exists(os.path.join(wl, "wikipedia.csv")):
            listed = {(r.get("officeholder", ""), name_key(r.get("officeholderlabel", "")))
                      for r in read_csv(os.path.join(wl, "wikipedia.csv"))}
        if os.path.exists(os.path.join(wl, "wikidata.csv")):
            for r in read_csv(os.path.join(wl, "wikidata.csv")):
                office = classify(r.get("positionLabel", ""), country_file=False)
                state = state_by_qid.get(r.get("countryid", ""))
                q = r.get("officeholder", "")
                if office and state and q in people and any(
                        t[0] == office and t[1] == state and t[2][:4] == (r.get("start_year") or "")[:4]
                        for t in people[q].terms):
                    if name_key(r["officeholderLabel"]) in {name_key(n) for n in people[q].names}:
                        people[q].wikidata_files.add("every-politician-scrapers/%s:data/wikidata.csv" % wrepo)
                        people[q].add_name(r["officeholderLabel"])
                elif office and state and (listed is None or (q, name_key(r["officeholderLabel"])) in listed):
                    add_term(q, r["officeholderLabel"], office, state, r.get("start_year"),
                             r.get("end_year"), "every-politician-scrapers/%s:data/wikidata.csv" % wrepo)
        if os.path.exists(os.path.join(wl, "wikipedia.csv")):
            for r in read_csv(os.path.join(wl, "wikipedia.csv")):
                q = r.get("officeholder", "")
                if q in people and name_key(r.get("officeholderlabel", "")) in {name_key(n) for n in people[q].names}:
                    people[q].other_files.add("every-politician-scrapers/%s:data/wikipedia.csv" % wrepo)
                    people[q].add_name(r.get("officeholderlabel", ""))

    fo = os.path.join(ep, "world", "sources", "foreign")
    if os.path.exists(os.path.join(fo, "wikidata.csv")):
        for r in read_csv(os.path.join(fo, "wikidata.csv")):
            state = state_by_qid.get(r.get("country", ""))
            if state and r.get("start"):
                add_term(r.get("person", ""), r.get("name", ""), "fm", state, r.get("start"), "",
                         "every-politician-scrapers/world:sources/foreign/wikidata.csv")
    if os.path.exists(os.path.join(fo, "scraped.csv")):
        for r in read_csv(os.path.join(fo, "scraped.csv")):
            q = r.get("person", "")
            if q in people and name_key(r.get("name", "")) in {name_key(n) for n in people[q].names}:
                people[q].other_files.add("every-politician-scrapers/world:sources/foreign/scraped.csv")
                people[q].add_name(r.get("name", ""))

    tm = os.path.join(data, "tmtmtmtm")
    for repo, (office, state) in sorted(TMTM_POSITIONS.items()):
        wj = os.path.join(tm, repo, "wikidata.json")
        wp = os.path.join(tm, repo, "wikipedia.csv")
        if not os.path.exists(wj):
            continue
        with open(wj, encoding="utf-8") as f:
            for r in json.load(f):
                item = r.get("item") or {}
                def when(v):
                    return v.get("value") if isinstance(v, dict) else v
                if isinstance(item, dict):
                    add_term(item.get("value", ""), item.get("label", ""), office, state,
                             when(r.get("start")), when(r.get("end")), "tmtmtmtm/%s:wikidata.json" % repo)
        if os.path.exists(wp):
            for r in read_csv(wp):
                q = r.get("id", "")
                if q in people and name_key(r.get("name", "")) in {name_key(n) for n in people[q].names}:
                    people[q].other_files.add("tmtmtmtm/%s:wikipedia.csv" % repo)
                    people[q].add_name(r.get("name", ""))

    # Phoenix: an entry agrees with a person when a name matches and one of its GOV/MIL roles of
    # the same state overlaps one of the person's terms. It adds the entry's spellings.
    phoenix_entries = []
    if os.path.exists(phoenix):
        with open(phoenix, encoding="utf-8", errors="replace") as f:
            cur = None
            for line in f:
                line = line.rstrip("\n")
                if not line.strip() or line.lstrip().startswith("#"):
                    continue
                if not line[0].isspace() and not line.startswith("+"):
                    head = line.split("#")[0].strip()
                    cur = {"entry": head, "names": [head], "roles": []}
                    phoenix_entries.append(cur)
                elif cur is not None and line.startswith("+"):
                    cur["names"].append(line[1:].split("#")[0].strip())
                elif cur is not None:
                    for m in PHOENIX_ROLE.finditer(line):
                        st = alpha3.get(m.group(1))
                        if st:
                            cur["roles"].append((st, phoenix_date(m.group(3)), phoenix_date(m.group(4))))
    by_key = collections.defaultdict(set)
    for q, p in people.items():
        for n in p.names:
            by_key[name_key(n)].add(q)
    for ent in phoenix_entries:
        keys = {name_key(n.replace("_", " ")) for n in ent["names"]}
        cands = set()
        for k in keys:
            cands |= by_key.get(k, set())
        for q in sorted(cands):
            p = people[q]
            agree = any(st == t[1] and ps <= (t[3] or "9999") and (t[2] <= pe)
                        for (st, ps, pe) in ent["roles"] for t in p.terms)
            # An entry with no roles at all (Phoenix sometimes puts a person's roles under a
            # second entry with other spellings) cannot confirm the QID, but its spellings of a
            # name only one person here has are that person's.
            if len(cands) == 1 and (agree or not ent["roles"]):
                if agree:
                    p.other_files.add("shared/lexical/petrarch2/Phoenix.Countries.actors.txt " + ent["entry"])
                for n in ent["names"]:
                    v = n.replace("_", " ").strip()
                    # Only plain spellings of the name: no titles, no all-caps acronyms.
                    if v and not re.search(r"\b(?:PRESIDENT|MINISTER|PRIME|KING|QUEEN|SECRETARY|"
                                           r"GENERAL|CHANCELLOR|KANZLER|BUNDESKANZLER|PREMIER|LEADER|CHAIRMAN|SHEIKH|EMIR|"
                                           r"PRINCE|SULTAN|DR|MR|MRS|SIR)\b", v):
                        p.add_name(" ".join(w.capitalize() if w.isupper() and len(w) > 2 else w
                                            for w in v.title().split()))

    # Name + office + state shared by two QIDs: neither is kept on the strength of one file.
    clash = collections.defaultdict(set)
    for q, p in people.items():
        for (office, st, _, _) in p.terms:
            clash[(name_key(p.labels.most_common(1)[0][0]), office, st)].add(q)

    rows = []
    for q in sorted(people, key=lambda x: int(x[1:])):
        p = people[q]
        label = sorted(p.labels.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        indep = sorted(p.other_files)
        wd = sorted(p.wikidata_files)
        if indep:
            source = " + ".join(wd[:2] + indep[:2])
            stats["qid from two independent files"] += 1
        else:
            if any(len(clash[(name_key(label), o, st)]) > 1 for (o, st, _, _) in p.terms):
                stats["dropped: name, office and state shared by two QIDs"] += 1
                continue
            if len(wd) > 1:
                source = " + ".join(wd[:3]) + " (Wikidata-derived files; name, office, dates agree)"
                stats["qid from several Wikidata-derived files"] += 1
            else:
                source = wd[0] + " (one file; name, office, dates agree)"
                stats["qid from one Wikidata-derived file"] += 1
        names = []
        seen = {label}
        for n in [label] + p.names:
            for v in (n, fold(n), wire_stripped(n)) + tuple(n[len(h):] for h in HONORIFICS if n.startswith(h)):
                v = v.strip()
                if v and v not in seen and len(v.split()) >= 1 and "\t" not in v and ";" not in v:
                    seen.add(v)
                    names.append(v)
        terms = sorted(p.terms, key=lambda t: (t[2], t[0], t[1], t[3]))
        offices = ";".join("%s|%s|%s|%s" % t for t in terms)
        rows.append(["person:" + q, label, q, source, ";".join(names), offices])
        stats["persons"] += 1

    out = ["# version: " + VERSION,
           "# GENERATED by scripts/gen-persons.py from fetched public files (see its docstring and",
           "# mappings/README.md). Do not edit: change the script or its inputs and run it again.",
           "# offices: office|acts_for|start|end; office = hos (head of state), hog (head of",
           "# government), fm (foreign minister), dm (defence minister), head (head of a body).",
           "\t".join(HEADER)]
    out += ["\t".join(r) for r in rows]
    text = "\n".join(out) + "\n"
    for k, v in sorted(stats.items()):
        print("%s: %d" % (k, v), file=sys.stderr)
    if args.check:
        with open(args.output, encoding="utf-8") as f:
            if f.read() != text:
                print("gen-persons: %s is out of date" % args.output, file=sys.stderr)
                return 1
        return 0
    with open(args.output, "w", encoding="utf-8") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
