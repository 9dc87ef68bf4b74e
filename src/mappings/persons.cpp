#include "mappings/persons.h"

#include <algorithm>
#include <set>
#include <unordered_set>

#include "mappings/mappings.h"
#include "mappings/tsv.h"
#include "text/tokenizer.h"

namespace parley::mappings {
namespace {

using text::name_key;

const std::unordered_set<std::string_view> kOffices = {"hos", "hog", "fm", "dm", "head"};

bool digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "2004", "2004-06", "2004-06-01" -> yyyymmdd: the first day of the period (`last`: its last day).
// 0 when `s` is not such a date.
int parse_day(std::string_view s, bool last) {
  if (s.size() != 4 && s.size() != 7 && s.size() != 10) return 0;
  if (!digits(s.substr(0, 4))) return 0;
  const int y = std::stoi(std::string(s.substr(0, 4)));
  int m = last ? 12 : 1, d = last ? 31 : 1;
  if (s.size() >= 7) {
    if (s[4] != '-' || !digits(s.substr(5, 2))) return 0;
    m = std::stoi(std::string(s.substr(5, 2)));
    if (m < 1 || m > 12) return 0;
  }
  if (s.size() == 10) {
    if (s[7] != '-' || !digits(s.substr(8, 2))) return 0;
    d = std::stoi(std::string(s.substr(8, 2)));
    if (d < 1 || d > 31) return 0;
  }
  return y * 10000 + m * 100 + d;
}

bool valid_qid(std::string_view q) {
  return q.size() >= 2 && q[0] == 'Q' && q[1] != '0' && digits(q.substr(1));
}

// 1-based column of field `col` of a row (fields joined by single tabs).
int column_of(const TsvRow& r, int col) {
  int c = 1;
  for (int i = 0; i < col && i < static_cast<int>(r.fields.size()); ++i)
    c += static_cast<int>(r.fields[static_cast<size_t>(i)].size()) + 1;
  return c;
}

void error_at(std::vector<Diagnostic>& errors, const std::string& path, const TsvRow& r, int col,
              std::string msg) {
  errors.push_back(Diagnostic{Diagnostic::Severity::kError, Location{path, r.line, column_of(r, col)},
                              std::move(msg)});
}

}  // namespace

// "harutiunian" for "harutyunyan" and "harutiunian", "sergei lavrov" for "sergey lavrov":
// y read as i, a letter written twice as once (the usual differences between
// transliterations of one name).
std::string spelling_key(std::string_view name_key) {
  std::string out;
  out.reserve(name_key.size());
  for (char c : name_key) {
    if (c == 'y') c = 'i';
    if (!out.empty() && out.back() == c && c != ' ') continue;
    out.push_back(c);
  }
  return out;
}

int day_number(const text::Date& d) {
  return d.year > 0 ? d.year * 10000 + std::max(d.month, 1) * 100 + std::max(d.day, 1) : 0;
}

bool PersonEntry::in_office(int day, std::string_view office) const {
  return std::any_of(terms.begin(), terms.end(), [&](const Term& t) {
    return (office.empty() || t.office == office) && t.start <= day && (t.end == 0 || day <= t.end);
  });
}

bool PersonEntry::holds(std::string_view office) const {
  return std::any_of(terms.begin(), terms.end(), [&](const Term& t) { return t.office == office; });
}

const std::vector<std::string>* Persons::offices_of_title(const std::string& title_key) const {
  // the longest run of final words that is a title: "british prime minister" -> "prime minister"
  std::vector<size_t> starts{0};
  for (size_t i = 0; i < title_key.size(); ++i)
    if (title_key[i] == ' ') starts.push_back(i + 1);
  for (size_t s : starts) {
    const auto it = title_offices.find(title_key.substr(s));
    if (it != title_offices.end()) return &it->second;
  }
  return nullptr;
}

namespace {

// Two spellings of one given name: they share all but at most two final letters, and at least
// four before them ("dmitriy"/"dmitry", "mohammed"/"mohammad"; not "ali"/"alia").
bool given_variant(std::string_view a, std::string_view b) {
  if (a == b) return false;
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
  return common >= 4 && a.size() - common <= 2 && b.size() - common <= 2;
}

}  // namespace

int Persons::link(const std::vector<std::string>& keys, const std::vector<std::string>& titles,
                  const std::optional<text::Date>& date) const {
  std::set<int> cands;
  for (const std::string& k : keys)
    if (const auto it = names.find(k); it != names.end()) cands.insert(it->second.begin(), it->second.end());
  std::set<std::string> offices;
  for (const std::string& t : titles)
    if (const std::vector<std::string>* o = offices_of_title(t)) offices.insert(o->begin(), o->end());
  const int day = date ? day_number(*date) : 0;
  // a surname alone ("President Bush") is someone only with a title naming an office and a date
  // to hold it on ("Smith told reporters" names no office holder), and only where the article
  // never gives the person's full name ("Susan Rice ... Rice" is not Condoleezza Rice)
  const bool surname_only = std::none_of(keys.begin(), keys.end(), [](const std::string& k) {
    return k.find(' ') != std::string::npos;
  });
  if (cands.empty() && !offices.empty() && day != 0 && surname_only)
    for (const std::string& k : keys)
      if (k.find(' ') == std::string::npos)
        if (const auto it = surnames.find(k); it != surnames.end()) cands.insert(it->second.begin(), it->second.end());
  // another spelling of a given name ("Dmitriy", "Dmitri", "Dmitry"; "Mohammed", "Mohammad")
  if (cands.empty())
    for (const std::string& k : keys) {
      const size_t first_end = k.find(' '), last = k.rfind(' ');
      if (first_end == std::string::npos) continue;
      const auto it = surnames.find(k.substr(last + 1));
      if (it == surnames.end()) continue;
      const std::string_view given = std::string_view(k).substr(0, first_end);
      for (int c : it->second)
        for (const std::string& nk : entries[static_cast<size_t>(c)].keys) {
          const size_t f = nk.find(' ');
          if (f == std::string::npos || nk.compare(nk.rfind(' '), std::string::npos, k, last) != 0) continue;
          if (given_variant(given, std::string_view(nk).substr(0, f))) cands.insert(c);
        }
    }
  // another transliteration of the whole name ("Arayik Harutiunian", "Arayik Harutyunyan")
  if (cands.empty())
    for (const std::string& k : keys)
      if (k.find(' ') != std::string::npos)
        if (const auto it = spellings.find(spelling_key(k)); it != spellings.end())
          cands.insert(it->second.begin(), it->second.end());
  if (cands.empty()) return -1;
  std::vector<int> left;
  for (int c : cands) {
    const PersonEntry& p = entries[static_cast<size_t>(c)];
    bool ok = day == 0 || p.in_office(day);
    if (ok && !offices.empty())
      ok = std::any_of(offices.begin(), offices.end(), [&](const std::string& o) {
        return day == 0 ? p.holds(o) : p.in_office(day, o);
      });
    if (ok) left.push_back(c);
  }
  return left.size() == 1 ? left.front() : -1;
}

std::vector<int> Persons::holders(std::string_view office, std::string_view acts_for, const text::Date& date) const {
  std::vector<int> out;
  const int day = day_number(date);
  if (day == 0) return out;
  for (size_t i = 0; i < entries.size(); ++i)
    for (const Term& t : entries[i].terms)
      if (t.office == office && t.acts_for == acts_for && t.start <= day && (t.end == 0 || day <= t.end)) {
        out.push_back(static_cast<int>(i));
        break;
      }
  return out;
}

void load_persons(const std::string& path, const Gazetteer& gazetteer, Persons& out,
                  std::vector<Diagnostic>& errors) {
  TsvTable t = read_tsv(path, {"id", "label", "qid", "qid_source", "names", "offices"}, errors);
  std::unordered_map<std::string, int> entry_of;
  for (size_t i = 0; i < gazetteer.entries.size(); ++i) entry_of.emplace(gazetteer.entries[i].id, static_cast<int>(i));
  std::unordered_map<std::string, int> id_line, qid_line;
  const int c_id = t.column("id"), c_label = t.column("label"), c_qid = t.column("qid"),
            c_source = t.column("qid_source"), c_offices = t.column("offices");
  for (const TsvRow& r : t.rows) {
    PersonEntry p{t.get(r, "id"), t.get(r, "label"), t.get(r, "qid"), {}, {}};
    if (p.id.rfind("person:", 0) != 0 || p.id.size() <= 7) {
      error_at(errors, t.path, r, c_id, "id must be person:<name>, found \"" + p.id + "\"");
      continue;
    }
    if (p.label.empty()) { error_at(errors, t.path, r, c_label, "empty label for " + p.id); continue; }
    if (!valid_qid(p.qid)) {
      error_at(errors, t.path, r, c_qid, "qid \"" + p.qid + "\" is not a Wikidata item id (Q followed by digits)");
      continue;
    }
    if (t.get(r, "qid_source").empty()) {
      error_at(errors, t.path, r, c_source, "qid " + p.qid + " has no source: every QID must name where it was found");
      continue;
    }
    if (auto [it, fresh] = id_line.emplace(p.id, r.line); !fresh) {
      error_at(errors, t.path, r, c_id, "duplicate id " + p.id + " (first at line " + std::to_string(it->second) + ")");
      continue;
    }
    if (auto [it, fresh] = qid_line.emplace(p.qid, r.line); !fresh) {
      error_at(errors, t.path, r, c_qid, "duplicate qid " + p.qid + " (first at line " + std::to_string(it->second) + ")");
      continue;
    }
    bool bad = false;
    for (const std::string& term : split_list(t.get(r, "offices"))) {
      // office|acts_for|start|end
      std::vector<std::string> f;
      for (size_t i = 0;;) {
        const size_t bar = term.find('|', i);
        f.push_back(term.substr(i, bar == std::string::npos ? std::string::npos : bar - i));
        if (bar == std::string::npos) break;
        i = bar + 1;
      }
      if (f.size() != 4) {
        error_at(errors, t.path, r, c_offices, "a term must be office|acts_for|start|end, found \"" + term + "\"");
        bad = true;
        break;
      }
      Term tm{f[0], f[1], -1, parse_day(f[2], false), f[3].empty() ? 0 : parse_day(f[3], true)};
      if (!kOffices.count(tm.office)) {
        error_at(errors, t.path, r, c_offices, "office must be hos, hog, fm, dm or head, found \"" + f[0] + "\"");
        bad = true;
      } else if (const auto e = entry_of.find(tm.acts_for); e == entry_of.end()) {
        error_at(errors, t.path, r, c_offices, "unknown state or body id \"" + tm.acts_for + "\" in \"" + term + "\"");
        bad = true;
      } else if (tm.start == 0 || (!f[3].empty() && tm.end == 0)) {
        error_at(errors, t.path, r, c_offices, "dates must be YYYY, YYYY-MM or YYYY-MM-DD, found \"" + term + "\"");
        bad = true;
      } else if (tm.end != 0 && tm.end < tm.start) {
        error_at(errors, t.path, r, c_offices, "term ends before it starts: \"" + term + "\"");
        bad = true;
      } else {
        tm.acts_for_entry = e->second;
      }
      if (bad) break;
      p.terms.push_back(std::move(tm));
    }
    if (bad) continue;
    if (p.terms.empty()) { error_at(errors, t.path, r, c_offices, "no term of office for " + p.id); continue; }
    const int idx = static_cast<int>(out.entries.size());
    std::vector<std::string> forms{p.label};
    for (const std::string& n : split_list(t.get(r, "names"))) forms.push_back(n);
    // (each as feeds that drop letters outside ASCII print it: "Nicols Maduro")
    for (size_t i = 0, n = forms.size(); i < n; ++i)
      if (std::string bare = text::ascii_residue(forms[i]); !bare.empty()) forms.push_back(std::move(bare));
    for (const std::string& n : forms) {
      const std::string k = name_key(n);
      if (k.empty()) continue;
      p.keys.push_back(k);
      std::vector<int>& v = out.names[k];
      if (std::find(v.begin(), v.end(), idx) == v.end()) v.push_back(idx);
      if (k.find(' ') != std::string::npos) {
        std::vector<int>& w = out.spellings[spelling_key(k)];
        if (std::find(w.begin(), w.end(), idx) == w.end()) w.push_back(idx);
      }
      if (const size_t sp = k.rfind(' '); sp != std::string::npos) {
        std::vector<int>& u = out.surnames[k.substr(sp + 1)];
        if (std::find(u.begin(), u.end(), idx) == u.end()) u.push_back(idx);
      }
    }
    out.by_qid.emplace(p.qid, idx);
    out.entries.push_back(std::move(p));
  }
}

void load_office_titles(const std::string& path, Persons& out, std::vector<Diagnostic>& errors) {
  TsvTable t = read_tsv(path, {"term", "offices"}, errors);
  const int c_off = t.column("offices");
  for (const TsvRow& r : t.rows) {
    const std::string k = name_key(t.get(r, "term"));
    std::vector<std::string> offices = split_list(t.get(r, "offices"));
    if (k.empty() || offices.empty()) {
      error_at(errors, t.path, r, 0, "empty term or offices");
      continue;
    }
    bool ok = true;
    for (const std::string& o : offices)
      if (!kOffices.count(o)) {
        error_at(errors, t.path, r, c_off, "office must be hos, hog, fm, dm or head, found \"" + o + "\"");
        ok = false;
      }
    if (!ok) continue;
    out.max_title_tokens = std::max(out.max_title_tokens, static_cast<size_t>(std::count(k.begin(), k.end(), ' ')) + 1);
    out.title_offices[k] = std::move(offices);
  }
}

}  // namespace parley::mappings
