#include "mappings/mappings.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hash.h"
#include "mappings/tsv.h"
#include "text/tokenizer.h"

namespace parley::mappings {
namespace fs = std::filesystem;
namespace {

bool plain_name(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// The words of `s`, lower-cased (ASCII), joined by single spaces.
std::string lower_words(std::string_view s) {
  std::string out;
  std::istringstream in{std::string(s)};
  for (std::string w; in >> w;) {
    if (!out.empty()) out += ' ';
    for (char& c : w)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    out += w;
  }
  return out;
}


using text::name_key;

void error(std::vector<Diagnostic>& errors, const std::string& path, int line, std::string msg) {
  errors.push_back(Diagnostic{Diagnostic::Severity::kError, Location{path, line, 0}, std::move(msg)});
}

bool valid_qid(const std::string& q) {
  if (q.size() < 2 || q[0] != 'Q' || q[1] == '0') return false;
  return std::all_of(q.begin() + 1, q.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "GBR", "GOV", "GOVMIL": one or more three-letter CAMEO codes
bool cameo_codes(const std::string& c) {
  return !c.empty() && c.size() % 3 == 0 && std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

size_t token_count(const std::string& key) {
  return key.empty() ? 0 : static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

class Loader {
 public:
  Loader(Mappings& m, std::vector<Diagnostic>& errors) : m_(m), errors_(errors) {}

  void add_name(const std::string& surface, int entry, NameKind kind) {
    add_key(name_key(surface), entry, kind);
    // the name as feeds that drop letters outside ASCII print it ("Sinn Fin"), where no other
    // name has that key
    if (const std::string bare = text::ascii_residue(surface); !bare.empty())
      if (const std::string key = name_key(bare); !m_.gazetteer.names.count(key)) add_key(key, entry, kind);
  }

  void add_key(const std::string& key, int entry, NameKind kind) {
    if (key.empty()) return;
    auto& refs = m_.gazetteer.names[key];
    for (const NameRef& r : refs)
      if (r.entry == entry && r.kind == kind) return;
    refs.push_back(NameRef{entry, kind});
    m_.gazetteer.max_tokens = std::max(m_.gazetteer.max_tokens, token_count(key));
  }

  // Adds an entry; returns its index or -1 when the row is refused.
  int add_entry(const TsvTable& t, const TsvRow& r, GazEntry e, const std::string& qid_source) {
    if (e.id.empty()) { error(errors_, t.path, r.line, "empty id"); return -1; }
    if (e.label.empty()) { error(errors_, t.path, r.line, "empty label for " + e.id); return -1; }
    if (!e.qid.empty() && !valid_qid(e.qid)) {
      error(errors_, t.path, r.line, "qid \"" + e.qid + "\" is not a Wikidata item id (Q followed by digits)");
      e.qid.clear();
    }
    if (!e.qid.empty() && qid_source.empty())
      error(errors_, t.path, r.line, "qid " + e.qid + " has no source: every QID must name where it was found");
    auto [it, fresh] = ids_.emplace(e.id, r.line);
    if (!fresh) {
      error(errors_, t.path, r.line, "duplicate id " + e.id + " (first at line " + std::to_string(it->second) + ")");
      return -1;
    }
    m_.gazetteer.ids.emplace(e.id, static_cast<int>(m_.gazetteer.entries.size()));
    m_.gazetteer.entries.push_back(std::move(e));
    return static_cast<int>(m_.gazetteer.entries.size()) - 1;
  }

  void states(const std::string& path) {
    TsvTable t = read_tsv(path, {"id", "label", "qid", "qid_source", "names", "demonyms", "capital",
                                 "capital_qid", "capital_source"}, errors_);
    note_version(t);
    for (const TsvRow& r : t.rows) {
      GazEntry e{t.get(r, "id"), EntityType::kState, t.get(r, "label"), t.get(r, "qid")};
      e.code = t.get(r, "code");
      if (!e.code.empty() && (e.code.size() != 3 || !cameo_codes(e.code))) {
        error(errors_, t.path, r.line, "code must be three capital letters (a CAMEO country code), found \"" + e.code + "\"");
        e.code.clear();
      }
      if (const std::string& y = t.get(r, "years"); !y.empty()) {
        // "1922-1991": the years a former state existed
        if (y.size() != 9 || y[4] != '-' || !std::all_of(y.begin(), y.begin() + 4, ::isdigit) ||
            !std::all_of(y.begin() + 5, y.end(), ::isdigit)) {
          error(errors_, t.path, r.line, "years must be YYYY-YYYY, found \"" + y + "\"");
        } else {
          e.from_year = std::stoi(y.substr(0, 4));
          e.to_year = std::stoi(y.substr(5));
        }
      }
      const int idx = add_entry(t, r, e, t.get(r, "qid_source"));
      if (idx < 0) continue;
      add_name(t.get(r, "label"), idx, NameKind::kName);
      for (const std::string& n : split_list(t.get(r, "names"))) add_name(n, idx, NameKind::kName);
      for (const std::string& n : split_list(t.get(r, "demonyms"))) {
        add_name(n, idx, NameKind::kDemonym);
        if (n.find_first_of(" -") == std::string::npos) m_.gazetteer.demonym_words.insert(n);
      }
      const std::vector<std::string> caps = split_list(t.get(r, "capital"));
      if (caps.empty()) continue;
      std::string city_id = t.get(r, "id");
      const size_t colon = city_id.find(':');
      city_id = "city:" + (colon == std::string::npos ? city_id : city_id.substr(colon + 1));
      GazEntry c{city_id, EntityType::kLocation, caps[0], t.get(r, "capital_qid")};
      c.capital_of = idx;
      c.from_year = e.from_year;
      c.to_year = e.to_year;
      const int cidx = add_entry(t, r, c, t.get(r, "capital_source"));
      if (cidx < 0) continue;
      m_.gazetteer.entries[static_cast<size_t>(idx)].capital = cidx;
      for (const std::string& n : caps) add_name(n, cidx, NameKind::kCapital);
    }
  }

  void organizations(const std::string& path) {
    TsvTable t = read_tsv(path, {"id", "type", "label", "qid", "qid_source", "names"}, errors_);
    note_version(t);
    for (const TsvRow& r : t.rows) {
      GazEntry e{t.get(r, "id"), EntityType::kOrganization, t.get(r, "label"), t.get(r, "qid")};
      if (!parse_type(t.get(r, "type"), e.type) || e.type == EntityType::kLocation) {
        error(errors_, t.path, r.line, "type must be Organization, Group, State or Person, found \"" +
                                           t.get(r, "type") + "\"");
        continue;
      }
      const int idx = add_entry(t, r, e, t.get(r, "qid_source"));
      if (idx < 0) continue;
      if (const std::string& sc = t.get(r, "scope"); !sc.empty()) pending_scope_.push_back({idx, sc, t.path, r.line});
      add_name(t.get(r, "label"), idx, NameKind::kName);
      for (const std::string& n : split_list(t.get(r, "names"))) add_name(n, idx, NameKind::kName);
    }
  }

  void places(const std::string& path) {
    TsvTable t = read_tsv(path, {"id", "label", "qid", "qid_source", "names"}, errors_);
    note_version(t);
    for (const TsvRow& r : t.rows) {
      GazEntry e{t.get(r, "id"), EntityType::kLocation, t.get(r, "label"), t.get(r, "qid")};
      const int idx = add_entry(t, r, e, t.get(r, "qid_source"));
      if (idx < 0) continue;
      if (const std::string& a = t.get(r, "authority"); !a.empty()) pending_authority_.push_back({idx, a, t.path, r.line});
      add_name(t.get(r, "label"), idx, NameKind::kName);
      for (const std::string& n : split_list(t.get(r, "names"))) add_name(n, idx, NameKind::kName);
    }
  }

  // lexicon/classes.tsv: class, lemma, pos, cameo, source, note.
  void classes(const std::string& path) {
    TsvTable t = read_tsv(path, {"class", "lemma", "pos", "source"}, errors_);
    note_version(t);
    LexiconClasses& c = m_.classes;
    for (const TsvRow& r : t.rows) {
      const std::string& cls = t.get(r, "class");
      const std::string& lemma = t.get(r, "lemma");
      const std::string& pos = t.get(r, "pos");
      if (!plain_name(cls)) { error(errors_, path, r.line, "class \"" + cls + "\" is not a name of a-z, 0-9, '_' and '-'"); continue; }
      if (lemma.empty() || lemma != lower_words(lemma)) {
        error(errors_, path, r.line, "lemma \"" + lemma + "\" is not lower case words separated by one space");
        continue;
      }
      if (pos != "VERB" && pos != "NOUN" && pos != "ADJ" && pos != "PROPN") {
        error(errors_, path, r.line, "pos must be VERB, NOUN, ADJ or PROPN, found \"" + pos + "\"");
        continue;
      }
      if (t.get(r, "source").empty()) { error(errors_, path, r.line, "no source for " + cls + " " + lemma); continue; }
      c.members[cls].insert(lemma);
    }
  }

  // lexicon/event_kinds.tsv: word (lemma, @class or *), property, value, cameo, source, note.
  void event_kinds(const std::string& path) {
    TsvTable t = read_tsv(path, {"word", "property", "value", "source"}, errors_);
    note_version(t);
    EventKinds& k = m_.event_kinds;
    std::array<std::unordered_map<std::string, std::string>, EventKinds::kProperties> from_class;
    for (const TsvRow& r : t.rows) {
      const std::string& word = t.get(r, "word");
      const std::string& prop = t.get(r, "property");
      const std::string& value = t.get(r, "value");
      int p = -1;
      for (int i = 0; i < EventKinds::kProperties; ++i)
        if (prop == EventKinds::property_name(i)) p = i;
      if (p < 0) {
        error(errors_, path, r.line, "property must be meetingKind, denialKind or status, found \"" + prop + "\"");
        continue;
      }
      const std::vector<std::string>& allowed = EventKinds::values(p);
      if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
        std::string list;
        for (const std::string& a : allowed) list += (list.empty() ? "" : ", ") + a;
        error(errors_, path, r.line, "value of " + prop + " must be one of " + list + ", found \"" + value + "\"");
        continue;
      }
      if (t.get(r, "source").empty()) { error(errors_, path, r.line, "no source for " + word); continue; }
      if (word == "*") {
        k.fallback[static_cast<size_t>(p)] = value;
      } else if (!word.empty() && word[0] == '@') {
        auto it = m_.classes.members.find(std::string_view(word).substr(1));
        if (it == m_.classes.members.end()) {
          error(errors_, path, r.line, "no class " + word.substr(1) + " in lexicon/classes.tsv");
          continue;
        }
        for (const std::string& lemma : it->second) from_class[static_cast<size_t>(p)].emplace(lemma, value);
      } else if (word.empty() || word != lower_words(word)) {
        error(errors_, path, r.line, "word \"" + word + "\" is not lower case words separated by one space, @class or *");
      } else if (!k.by_lemma[static_cast<size_t>(p)].emplace(word, value).second) {
        error(errors_, path, r.line, "\"" + word + "\" is given twice for " + prop);
      }
    }
    // a lemma row wins over a class row
    for (size_t p = 0; p < from_class.size(); ++p)
      for (auto& [lemma, value] : from_class[p]) k.by_lemma[p].emplace(lemma, value);
  }

  // rules/confidence.tsv (scripts/gen-confidence.py): rule, class, correct, judged, confidence.
  void confidence(const std::string& path) {
    if (!fs::exists(path)) return;
    TsvTable t = read_tsv(path, {"rule", "confidence"}, errors_);
    for (const TsvRow& r : t.rows) {
      const std::string& id = t.get(r, "rule");
      const std::string& c = t.get(r, "confidence");
      const bool decimal = c.size() >= 3 && (c[0] == '0' || c[0] == '1') && c[1] == '.' &&
                           std::all_of(c.begin() + 2, c.end(), [](char x) { return x >= '0' && x <= '9'; });
      if (!decimal || (c[0] == '1' && c.find_first_not_of("0", 2) != std::string::npos)) {
        error(errors_, path, r.line, "confidence must be a decimal from 0 to 1 (\"0.818\"), found \"" + c + "\"");
        continue;
      }
      // (a row of a rule the rule files no longer have is left: scripts/gen-confidence.py --check,
      // run by the system tests, keeps the table in step with the rules and the audit)
      for (auto& rule : m_.rules)
        if (rule->id == id) rule->confidence = c;
    }
  }

  // lexicon/class_exclusions.tsv: class, lemma, context ("obj:visa|entry nmod:oil").
  void class_exclusions(const std::string& path) {
    TsvTable t = read_tsv(path, {"class", "lemma", "context"}, errors_);
    note_version(t);
    LexiconClasses& c = m_.classes;
    for (const TsvRow& r : t.rows) {
      const std::string& cls = t.get(r, "class");
      const std::string& lemma = t.get(r, "lemma");
      if (!c.contains(cls, lemma)) {
        error(errors_, path, r.line, "\"" + lemma + "\" is not in class " + cls + " (lexicon/classes.tsv)");
        continue;
      }
      std::vector<LexiconClasses::Condition> conditions;
      bool ok = true;
      std::istringstream in(t.get(r, "context"));
      for (std::string item; in >> item;) {
        const size_t colon = item.rfind(':');
        LexiconClasses::Condition k;
        k.relation = colon == std::string::npos ? "" : item.substr(0, colon);
        std::istringstream alts(colon == std::string::npos ? "" : item.substr(colon + 1));
        for (std::string a; std::getline(alts, a, '|');)
          if (!a.empty()) k.lemmas.insert(a);
        if (k.relation.empty() || k.lemmas.empty() || !std::all_of(k.relation.begin(), k.relation.end(), [](char ch) { return (ch >= 'a' && ch <= 'z') || ch == ':'; })) {
          error(errors_, path, r.line, "context \"" + item + "\" is not relation:lemma|lemma (e.g. obj:visa|entry)");
          ok = false;
          break;
        }
        conditions.push_back(std::move(k));
      }
      if (!ok) continue;
      if (conditions.empty()) { error(errors_, path, r.line, "empty context"); continue; }
      c.exclusions[cls + "\t" + lemma].push_back(std::move(conditions));
    }
  }

  // A one-column (or term+type) word list.
  template <typename Add>
  void words(const std::string& path, bool typed, Add add) {
    TsvTable t = read_tsv(path, typed ? std::vector<std::string>{"term", "type"}
                                      : std::vector<std::string>{"term"}, errors_);
    for (const TsvRow& r : t.rows) {
      const std::string& term = t.get(r, "term");
      if (term.empty()) { error(errors_, t.path, r.line, "empty term"); continue; }
      EntityType type = EntityType::kPerson;
      if (typed && !parse_type(t.get(r, "type"), type)) {
        error(errors_, t.path, r.line, "unknown type \"" + t.get(r, "type") + "\"");
        continue;
      }
      add(term, type);
    }
  }

  // lexicon/honorifics.tsv: term, gender (m, f or empty).
  void honorifics(const std::string& path, Lexicon& x) {
    TsvTable t = read_tsv(path, {"term", "gender"}, errors_);
    for (const TsvRow& r : t.rows) {
      const std::string& term = t.get(r, "term");
      const std::string& gender = t.get(r, "gender");
      if (term.empty()) { error(errors_, t.path, r.line, "empty term"); continue; }
      if (!gender.empty() && gender != "m" && gender != "f") {
        error(errors_, t.path, r.line, "gender must be m, f or empty, found \"" + gender + "\"");
        continue;
      }
      x.honorifics.insert(name_key(term));
      if (!gender.empty()) x.honorific_gender[name_key(term)] = gender[0];
    }
  }

  // lexicon/given_name_forms.tsv: nickname, name (both one lower-case word).
  void given_name_forms(const std::string& path, Lexicon& x) {
    TsvTable t = read_tsv(path, {"nickname", "name"}, errors_);
    for (const TsvRow& r : t.rows) {
      const std::string nick = name_key(t.get(r, "nickname")), name = name_key(t.get(r, "name"));
      if (nick.empty() || name.empty() || nick.find(' ') != std::string::npos || name.find(' ') != std::string::npos) {
        error(errors_, t.path, r.line, "nickname and name must each be one word");
        continue;
      }
      x.given_name_forms[nick].push_back(name);
    }
  }

  // The columns every rule file has: a Rule with its id, place, codes and a checked `enabled`
  // and unique id, or null after reporting what is wrong.
  std::unique_ptr<Rule> rule_head(const TsvTable& t, const TsvRow& r, EventClass cls) {
    const std::string& path = t.path;
    auto rule = std::make_unique<Rule>();
    rule->id = t.get(r, "id");
    rule->cls = cls;
    rule->file = path;
    rule->line = r.line;
    rule->cameo = t.get(r, "cameo");
    rule->plover = t.get(r, "plover");
    if (rule->id.empty()) {
      error(errors_, path, r.line, "empty rule id");
      return nullptr;
    }
    auto [it, fresh] = rule_ids_.emplace(rule->id, path + ":" + std::to_string(r.line));
    if (!fresh) {
      error(errors_, path, r.line, "duplicate rule id " + rule->id + " (first at " + it->second + ")");
      return nullptr;
    }
    const std::string& enabled = t.get(r, "enabled");
    if (enabled != "yes" && enabled != "no") {
      error(errors_, path, r.line, "enabled must be \"yes\" or \"no\", found \"" + enabled + "\"");
      return nullptr;
    }
    return rule;
  }

  // A rule file: id, enabled, [kind,] cameo, plover, agent, polarity, match, comment. `kind`
  // (meeting.tsv only) is trigger, block or join; `agent` is empty for meetings, whose sides
  // come from the grammar of the trigger.
  void rules(const std::string& path, EventClass cls, const std::vector<std::string>& disabled) {
    const bool meeting = cls == EventClass::kMeeting;
    std::vector<std::string> columns = {"id", "enabled", "cameo", "plover", "agent", "polarity", "match"};
    if (meeting) columns.push_back("kind");
    TsvTable t = read_tsv(path, columns, errors_);
    note_version(t);
    const int match_col = t.column("match");
    for (const TsvRow& r : t.rows) {
      std::unique_ptr<Rule> rule = rule_head(t, r, cls);
      if (!rule) continue;
      const std::string& enabled = t.get(r, "enabled");
      if (meeting) {
        const std::string& kind = t.get(r, "kind");
        if (kind != "trigger" && kind != "block" && kind != "join") {
          error(errors_, path, r.line, "kind must be \"trigger\", \"block\" or \"join\", found \"" + kind + "\"");
          continue;
        }
        rule->block = kind == "block";
        rule->join = kind == "join";
      }
      if (rule->cameo.empty() && !rule->block && !rule->join) {
        error(errors_, path, r.line, "rule " + rule->id + " has no CAMEO code");
        continue;
      }
      const std::string& agent = t.get(r, "agent");
      if (meeting ? !agent.empty()
                  : agent != "subject" && agent != "speaker" && agent != "public-speaker" && agent != "public-person") {
        error(errors_, path, r.line, meeting ? "agent must be empty in meeting rules (the grammar gives the sides), found \"" + agent + "\""
                                             : "agent must be \"subject\", \"speaker\", \"public-speaker\" or \"public-person\", found \"" + agent + "\"");
        continue;
      }
      rule->speaker_agent = agent == "speaker" || agent == "public-speaker" || agent == "public-person";
      rule->public_speaker = agent == "public-speaker" || agent == "public-person";
      rule->person_speaker = agent == "public-person";
      const std::string& polarity = t.get(r, "polarity");
      if (polarity == "positive") rule->polarity = Rule::Polarity::kPositive;
      else if (polarity == "negative") rule->polarity = Rule::Polarity::kNegative;
      else if (polarity == "any") rule->polarity = Rule::Polarity::kAny;
      else {
        error(errors_, path, r.line, "polarity must be \"positive\", \"negative\" or \"any\", found \"" + polarity + "\"");
        continue;
      }
      // The pattern's column in the file: the cells before it and their tabs.
      int col0 = 1;
      for (int c = 0; c < match_col && c < static_cast<int>(r.fields.size()); ++c)
        col0 += static_cast<int>(r.fields[static_cast<size_t>(c)].size()) + 1;
      Result<syntax::Pattern> pat = syntax::Pattern::parse(t.get(r, "match"));
      if (!pat.ok()) {
        errors_.push_back(Diagnostic{Diagnostic::Severity::kError,
                                     Location{path, r.line, col0 + std::max(pat.status().where().column, 1) - 1},
                                     "rule " + rule->id + ": " + pat.status().message()});
        continue;
      }
      bool ok = true;
      bool has_trigger = false;
      const char* expected = meeting ? "participant" : cls == EventClass::kMediator ? "mediator" : "agent, addressee or content";
      for (const std::string& name : pat.value().names()) {
        has_trigger = has_trigger || name == "trigger";
        const bool known = name == "trigger" || (meeting                            ? name == "participant"
                                                 : cls == EventClass::kMediator ? name == "mediator"
                                                 : name == "agent" || name == "addressee" || name == "content");
        if (!known) {
          error(errors_, path, r.line, "rule " + rule->id + ": unknown role =" + name + "; expected trigger, " + expected);
          ok = false;
        }
      }
      if (!has_trigger) { error(errors_, path, r.line, "rule " + rule->id + " names no =trigger node"); ok = false; }
      for (const std::string& c : pat.value().classes())
        if (!m_.classes.has_class(c)) {
          error(errors_, path, r.line, "rule " + rule->id + ": no lexicon class @" + c + " (lexicon/classes.tsv)");
          ok = false;
        }
      if (!ok) continue;
      rule->match = std::make_unique<syntax::Pattern>(std::move(pat.value()));
      // (a block only vetoes what a trigger found: it needs no parse of its own)
      add_anchor(*rule, !rule->block);
      rule->enabled = !(enabled == "no" || std::find(disabled.begin(), disabled.end(), rule->id) != disabled.end());
      m_.parse_rules[static_cast<size_t>(cls)].push_back(rule.get());
      m_.rules.push_back(std::move(rule));
    }
  }

  // The lemmas one of which a sentence must hold for the rule's pattern to match (Rule::anchors);
  // with `parse`, they also make a sentence worth parsing (Mappings::anchor_lemmas; a block only
  // vetoes what a trigger found, so it needs no parse of its own).
  void add_anchor(Rule& rule, bool parse) {
    const syntax::Pattern& p = *rule.match;
    // Only nodes every match binds count: the first node and those reached from it through
    // required clauses (a node under '!' or '?' may be absent).
    const auto& nodes = p.nodes();
    std::vector<char> required(nodes.size(), 0);
    if (!nodes.empty()) required[0] = 1;
    for (size_t k = 0; k < nodes.size(); ++k)
      if (required[k])
        for (const syntax::Pattern::Clause& c : nodes[k].clauses)
          if (c.mode == syntax::Pattern::Clause::Mode::kRequired) required[static_cast<size_t>(c.target)] = 1;
    for (size_t k = 0; k < nodes.size(); ++k) {
      if (!required[k]) continue;
      const syntax::Pattern::Node& n = nodes[k];
      for (const syntax::Pattern::Test& test : n.tests) {
        if (test.negated || test.key != syntax::Pattern::Key::kLemma) continue;
        for (const std::string& v : test.values) {
          if (v.size() > 1 && v[0] == '@') {
            for (const std::string& member : m_.classes.members[v.substr(1)])
              rule.anchors.push_back(member.substr(0, member.find(' ')));
          } else {
            rule.anchors.push_back(lower_words(v));
          }
        }
        std::sort(rule.anchors.begin(), rule.anchors.end());
        rule.anchors.erase(std::unique(rule.anchors.begin(), rule.anchors.end()), rule.anchors.end());
        if (parse) m_.anchor_lemmas.insert(rule.anchors.begin(), rule.anchors.end());
        return;
      }
    }
    if (parse) m_.parse_any = true;
  }

  void note_version(const TsvTable& t) {
    for (const std::string& c : t.comments) {
      const size_t p = c.find("version:");
      if (p == std::string::npos) continue;
      std::string v = c.substr(p + 8);
      v.erase(0, v.find_first_not_of(' '));
      v.erase(v.find_last_not_of(" \r") + 1);
      if (v > version_) version_ = v;
    }
  }

  // Links each place to the entry named in its `authority` column (after every file is read).
  void resolve_authorities() {
    for (const auto& [place, id, path, line] : pending_authority_) {
      int found = -1;
      for (size_t i = 0; i < m_.gazetteer.entries.size(); ++i)
        if (m_.gazetteer.entries[i].id == id) found = static_cast<int>(i);
      if (found < 0) {
        error(errors_, path, line, "authority " + id + " is not a gazetteer id");
        continue;
      }
      m_.gazetteer.entries[static_cast<size_t>(place)].authority = found;
    }
    // an organisation's `scope`: a state
    for (const auto& [body, id, path, line] : pending_scope_) {
      const auto it = m_.gazetteer.ids.find(id);
      if (it == m_.gazetteer.ids.end() || m_.gazetteer.entries[static_cast<size_t>(it->second)].type != EntityType::kState) {
        error(errors_, path, line, "scope " + id + " is not the id of a state in the gazetteer");
        continue;
      }
      m_.gazetteer.entries[static_cast<size_t>(body)].scope = it->second;
    }
  }

  std::string version_;

 private:
  struct PendingAuthority {
    int place;
    std::string id, path;
    int line;
  };
  std::vector<PendingAuthority> pending_authority_, pending_scope_;
  Mappings& m_;
  std::vector<Diagnostic>& errors_;
  std::unordered_map<std::string, int> ids_;
  std::unordered_map<std::string, std::string> rule_ids_;
};

}  // namespace

const char* type_name(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "Person";
    case EntityType::kOrganization: return "Organization";
    case EntityType::kState: return "State";
    case EntityType::kGroup: return "Group";
    case EntityType::kLocation: return "Location";
  }
  return "Organization";
}

bool parse_type(std::string_view s, EntityType& out) {
  static const std::pair<std::string_view, EntityType> kTypes[] = {
      {"Person", EntityType::kPerson}, {"Organization", EntityType::kOrganization},
      {"State", EntityType::kState}, {"Group", EntityType::kGroup}, {"Location", EntityType::kLocation}};
  for (const auto& [n, t] : kTypes)
    if (s == n) { out = t; return true; }
  return false;
}

bool LexiconClasses::contains(std::string_view cls, std::string_view lemma) const {
  auto it = members.find(cls);
  return it != members.end() && it->second.find(lemma) != it->second.end();
}

const char* class_name(EventClass c) {
  switch (c) {
    case EventClass::kMeeting: return "meeting";
    case EventClass::kMediator: return "mediator";
    case EventClass::kDemand: return "demand";
    case EventClass::kDenial: return "denial";
  }
  return "meeting";
}

std::unique_ptr<Mappings> Mappings::load(const std::string& dir, std::vector<Diagnostic>& errors,
                                         const std::vector<std::string>& disabled) {
  auto m = std::make_unique<Mappings>();
  m->dir = dir;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    error(errors, dir, 0, "mappings directory not found");
    return m;
  }
  Loader l(*m, errors);
  const fs::path d(dir);
  auto p = [&](const char* rel) { return (d / rel).string(); };
  l.states(p("gazetteer/states.tsv"));
  l.organizations(p("gazetteer/organizations.tsv"));
  l.places(p("gazetteer/places.tsv"));
  l.resolve_authorities();
  load_persons(p("gazetteer/persons.tsv"), m->gazetteer, m->persons, errors);
  load_office_titles(p("lexicon/office_titles.tsv"), m->persons, errors);

  Lexicon& x = m->lexicon;
  l.words(p("lexicon/titles.tsv"), true, [&](const std::string& w, EntityType ty) {
    const std::string k = name_key(w);
    x.titles.emplace(k, ty);
    if (const size_t sp = k.find(' '); sp != std::string::npos) x.title_starts.insert(k.substr(0, sp));
    x.max_title_tokens = std::max(x.max_title_tokens, token_count(k));
  });
  l.words(p("lexicon/org_heads.tsv"), true, [&](const std::string& w, EntityType ty) { x.org_heads.emplace(name_key(w), ty); });
  l.words(p("lexicon/company_suffixes.tsv"), false, [&](const std::string& w, EntityType) { x.company_suffixes.insert(name_key(w)); });
  l.words(p("lexicon/roles.tsv"), false, [&](const std::string& w, EntityType) { x.roles.insert(name_key(w)); });
  l.words(p("lexicon/collective_sides.tsv"), false, [&](const std::string& w, EntityType) { x.collective_sides.insert(name_key(w)); });
  l.words(p("lexicon/place_heads.tsv"), false, [&](const std::string& w, EntityType) { x.place_heads.insert(name_key(w)); });
  l.words(p("lexicon/seat_nouns.tsv"), false, [&](const std::string& w, EntityType) { x.seat_nouns.insert(name_key(w)); });
  l.words(p("lexicon/state_nouns.tsv"), false, [&](const std::string& w, EntityType) { x.state_nouns.insert(name_key(w)); });
  l.words(p("lexicon/possessed_nouns.tsv"), true, [&](const std::string& w, EntityType ty) { x.possessed_nouns.emplace(name_key(w), ty); });
  l.words(p("lexicon/place_prepositions.tsv"), false, [&](const std::string& w, EntityType) { x.place_prepositions.insert(name_key(w)); });
  {
    std::vector<Diagnostic>& errs = errors;
    TsvTable t = read_tsv(p("lexicon/force_nouns.tsv"), {"term", "group"}, errs);
    for (const TsvRow& r : t.rows) {
      if (t.get(r, "term").empty() || t.get(r, "group").empty()) {
        error(errs, t.path, r.line, "empty term or group");
        continue;
      }
      const std::string k = name_key(t.get(r, "term"));
      x.force_nouns.emplace(k, t.get(r, "group"));
      x.max_force_tokens = std::max(x.max_force_tokens, token_count(k));
    }
  }
  {
    // CAMEO role codes of offices and bodies (the actor code's part after the country code)
    std::vector<Diagnostic>& errs = errors;
    TsvTable t = read_tsv(p("lexicon/actor_roles.tsv"), {"term", "role", "source"}, errs);
    for (const TsvRow& r : t.rows) {
      const std::string k = name_key(t.get(r, "term"));
      if (k.empty() || !cameo_codes(t.get(r, "role"))) {
        error(errs, t.path, r.line, "expected a term and a role of three-letter CAMEO codes (\"GOV\", \"GOVMIL\"), found \"" +
                                        t.get(r, "term") + "\", \"" + t.get(r, "role") + "\"");
        continue;
      }
      if (!x.actor_roles.emplace(k, t.get(r, "role")).second) error(errs, t.path, r.line, "duplicate term \"" + k + "\"");
      x.max_actor_role_tokens = std::max(x.max_actor_role_tokens, token_count(k));
    }
  }
  l.words(p("lexicon/action_verbs.tsv"), false, [&](const std::string& w, EntityType) { x.action_verbs.insert(name_key(w)); });
  l.words(p("lexicon/topic_nouns.tsv"), false, [&](const std::string& w, EntityType) { x.topic_nouns.insert(name_key(w)); });
  l.words(p("lexicon/function_words.tsv"), false, [&](const std::string& w, EntityType) { x.function_words.insert(name_key(w)); });
  l.words(p("lexicon/auxiliaries.tsv"), false, [&](const std::string& w, EntityType) { x.auxiliaries.insert(name_key(w)); });
  l.words(p("lexicon/work_heads.tsv"), false, [&](const std::string& w, EntityType) { x.work_heads.insert(name_key(w)); });
  l.words(p("lexicon/not_names.tsv"), false, [&](const std::string& w, EntityType) { x.not_names.insert(name_key(w)); });
  l.words(p("lexicon/speech_verbs.tsv"), false, [&](const std::string& w, EntityType) { x.speech_verbs.insert(name_key(w)); });
  l.words(p("lexicon/name_particles.tsv"), false, [&](const std::string& w, EntityType) { x.name_particles.insert(name_key(w)); });
  l.words(p("lexicon/given_names.tsv"), false, [&](const std::string& w, EntityType) { x.given_names.insert(name_key(w)); });
  l.honorifics(p("lexicon/honorifics.tsv"), x);
  l.given_name_forms(p("lexicon/given_name_forms.tsv"), x);
  l.words(p("lexicon/abbreviations.tsv"), false, [&](const std::string& w, EntityType) {
    std::string a = w;
    for (char& c : a)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    x.abbreviations.insert(a);
  });

  l.classes(p("lexicon/classes.tsv"));
  l.class_exclusions(p("lexicon/class_exclusions.tsv"));
  l.event_kinds(p("lexicon/event_kinds.tsv"));

  static const std::pair<const char*, EventClass> kRuleFiles[] = {
      {"rules/meeting.tsv", EventClass::kMeeting}, {"rules/mediator.tsv", EventClass::kMediator},
      {"rules/demand.tsv", EventClass::kDemand}, {"rules/denial.tsv", EventClass::kDenial}};
  for (const auto& [f, cls] : kRuleFiles) l.rules(p(f), cls, disabled);
  l.confidence(p("rules/confidence.tsv"));

  for (const std::string& id : disabled) {
    const bool known = std::any_of(m->rules.begin(), m->rules.end(), [&](const auto& r) { return r->id == id; });
    if (!known) error(errors, dir, 0, "--disable-rule " + id + ": no such rule");
  }

  // Every other .tsv is checked for its shape; every file feeds the content hash.
  std::vector<fs::path> files;
  for (auto it = fs::recursive_directory_iterator(d, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec))
    if (it->is_regular_file()) files.push_back(it->path());
  std::sort(files.begin(), files.end());
  static const std::unordered_set<std::string> kKnown = {
      "gazetteer/states.tsv", "gazetteer/organizations.tsv", "gazetteer/places.tsv",
      "gazetteer/persons.tsv", "lexicon/office_titles.tsv", "lexicon/titles.tsv", "lexicon/org_heads.tsv", "lexicon/company_suffixes.tsv", "lexicon/roles.tsv", "lexicon/collective_sides.tsv", "lexicon/place_heads.tsv", "lexicon/seat_nouns.tsv",
      "lexicon/state_nouns.tsv", "lexicon/possessed_nouns.tsv", "lexicon/place_prepositions.tsv", "lexicon/force_nouns.tsv", "lexicon/auxiliaries.tsv", "lexicon/function_words.tsv", "lexicon/topic_nouns.tsv", "lexicon/action_verbs.tsv", "lexicon/work_heads.tsv", "lexicon/not_names.tsv", "lexicon/speech_verbs.tsv",
      "lexicon/actor_roles.tsv", "lexicon/name_particles.tsv", "lexicon/honorifics.tsv", "lexicon/given_name_forms.tsv", "lexicon/given_names.tsv", "lexicon/abbreviations.tsv", "lexicon/classes.tsv",
      "lexicon/class_exclusions.tsv", "lexicon/event_kinds.tsv", "rules/confidence.tsv", "rules/meeting.tsv",
      "rules/mediator.tsv", "rules/demand.tsv", "rules/denial.tsv"};
  uint64_t h = fnv1a64("parley-mappings");
  for (const fs::path& f : files) {
    const std::string rel = fs::relative(f, d).generic_string();
    if (f.extension() == ".tsv" && !kKnown.count(rel)) read_tsv(f.string(), {}, errors);
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    h = fnv1a64(rel, h);
    h = fnv1a64(ss.str(), h);
  }
  m->version = (l.version_.empty() ? std::string("undated") : l.version_) + "+" + hex64(h);
  return m;
}

const char* EventKinds::property_name(int p) {
  static const char* const kNames[] = {"meetingKind", "denialKind", "status"};
  return p >= 0 && p < kProperties ? kNames[p] : "";
}

const std::vector<std::string>& EventKinds::values(int p) {
  static const std::vector<std::string> kValues[] = {
      {"visit", "call", "summit", "talks"},
      {"criticism", "rejection", "denial"},
      {"happened", "planned", "refused", "hypothetical", "habitual"}};
  static const std::vector<std::string> kNone;
  return p >= 0 && p < kProperties ? kValues[p] : kNone;
}

}  // namespace parley::mappings
