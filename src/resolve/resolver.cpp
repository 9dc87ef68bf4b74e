#include "resolve/resolver.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>

#include "core/hash.h"
#include "core/utf8.h"
#include "core/work_counter.h"
#include "resolve/actor_code.h"
#include "resolve/person_linker.h"
#include "text/segmenter.h"
#include "text/tokenizer.h"

namespace parley::resolve {
namespace {

using mappings::GazEntry;
using ner::Mention;
using ner::MentionKind;

std::string lower_type(EntityType t) {
  switch (t) {
    case EntityType::kPerson: return "person";
    case EntityType::kOrganization: return "organization";
    case EntityType::kState: return "state";
    case EntityType::kGroup: return "group";
    case EntityType::kLocation: return "location";
  }
  return "organization";
}

size_t words(const std::string& key) {
  return key.empty() ? 0 : static_cast<size_t>(std::count(key.begin(), key.end(), ' ')) + 1;
}

// Initials of a name key: "sudan news agency" -> "sna"
std::string initials(const std::string& key, bool content_words_only = false) {
  std::string s;
  size_t from = 0;
  while (from < key.size()) {
    size_t end = key.find(' ', from);
    if (end == std::string::npos) end = key.size();
    const std::string_view word = std::string_view(key).substr(from, end - from);
    // ("Movement for Democratic Change" is the MDC: acronyms mostly skip the small words)
    const bool small = word == "of" || word == "for" || word == "the" || word == "and" || word == "on" ||
                       word == "in" || word == "to" || word == "at" || word == "de" || word == "du" ||
                       word == "des" || word == "la" || word == "le";
    if (!word.empty() && !(content_words_only && small)) s += word.front();
    from = end + 1;
  }
  return s;
}

// Levenshtein distance of two short strings (bytes).
size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string iri_segment(std::string_view label) {
  std::string out;
  size_t i = 0;
  while (i < label.size()) {
    const size_t at = i;
    const char32_t c = decode_utf8(label, i);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0) {
      if (!out.empty() && out.back() != '_') out += '_';
    } else if (is_letter(c) || is_digit(c)) {
      out.append(label.substr(at, i - at));
    } else if (c == '-' || c == '.') {
      out += static_cast<char>(c);
    }
  }
  while (!out.empty() && (out.back() == '_' || out.back() == '.')) out.pop_back();
  if (out.empty()) out = "x" + hex64(fnv1a64(label)).substr(0, 12);
  return out;
}

namespace {

// A name less the article "the" inside it ("headquarters of the Russian peacekeeping forces"
// and "headquarters of Russian peacekeeping forces" are one name); the name itself when that
// would leave nothing.
std::string without_the(std::string_view name) {
  std::string out;
  size_t i = 0;
  while (i < name.size()) {
    size_t j = name.find(' ', i);
    if (j == std::string_view::npos) j = name.size();
    const std::string_view w = name.substr(i, j - i);
    if (!(w.size() == 3 && (w[0] == 't' || w[0] == 'T') && w[1] == 'h' && w[2] == 'e')) {
      if (!out.empty()) out += ' ';
      out.append(w);
    }
    i = j + 1;
  }
  return out.empty() ? std::string(name) : out;
}

}  // namespace

Resolved resolve(const text::Document& doc, const ner::Tagged& tagged, const extract::Extraction& x,
                 const mappings::Mappings& m) {
  const std::vector<extract::Event>& events = x.events;
  const std::vector<Mention>& ms = tagged.mentions;
  Resolved r;
  r.mention_entity.assign(ms.size(), -1);

  // Which mentions play a role in an event (an actor reading), which are mediators.
  std::vector<bool> role(ms.size(), false), mediator(ms.size(), false);
  for (const extract::Event& e : events) {
    for (size_t p : e.participants) role[p] = true;
    for (size_t p : e.mediators) role[p] = mediator[p] = true;
    if (e.agent >= 0) role[static_cast<size_t>(e.agent)] = true;
    if (e.addressee >= 0) role[static_cast<size_t>(e.addressee)] = true;
  }
  // a state or body a person acts for acts through them ("Russian president X"); it takes no
  // role of its own by that ("Manaspas Xuto of Thailand": Thailand is still read both ways)
  const std::vector<bool> own_role = role;
  for (size_t i = 0; i < ms.size(); ++i)
    if (x.acts_for[i] >= 0) role[static_cast<size_t>(x.acts_for[i])] = true;

  std::map<std::string, Entity> by_key;
  // The entity each mention was attached to, or null (map nodes do not move; a mention attached
  // twice would count as the entity of the smaller key).
  std::vector<Entity*> entity_of(ms.size(), nullptr);
  // A name as a label: the surface with its inner white space (a line break in wire copy) made
  // one space. Mentions keep the exact text.
  auto surface = [&](const Mention& mm) {
    std::string out;
    bool gap = false;
    for (size_t i = mm.begin; i < mm.end; ++i) {
      const char c = doc.text[i];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        gap = true;
        continue;
      }
      if (gap && !out.empty()) out += ' ';
      gap = false;
      out += c;
    }
    return out;
  };
  auto attach = [&](size_t i, const std::string& key, EntityType type, bool actor, const std::string& label,
                    const std::string& qid) {
    Entity& e = by_key[key];
    if (e.key.empty()) {
      e.key = key;
      e.type = type;
      e.label = label;
      e.qid = qid;
    }
    e.actor = e.actor || actor;
    if (actor && e.type == EntityType::kLocation) e.type = type;
    e.mediator = e.mediator || mediator[i];
    e.place = e.place || ms[i].place_position;
    e.mentions.push_back(i);
    if (!entity_of[i] || e.key < entity_of[i]->key) entity_of[i] = &e;
  };
  auto gaz_key = [](const GazEntry& g) {
    std::string id = g.id;
    std::replace(id.begin(), id.end(), ':', '/');
    return "entity/" + id;
  };

  // A capital that stands for its government anywhere in the article does so everywhere in it:
  // "a visit to Baku" and "Baku said" name one entity, the state (the annotation convention).
  std::vector<bool> metonym_city(m.gazetteer.entries.size(), false);
  for (size_t i = 0; i < ms.size(); ++i)
    if (ms[i].kind == MentionKind::kCapital && (ms[i].acting || role[i]) && !ms[i].place_position &&
        ms[i].entry >= 0)
      metonym_city[static_cast<size_t>(ms[i].entry)] = true;

  // The state of the wire dateline ("KUWAIT, June 2 -"): a ministry named by its own words
  // alone ("the Foreign Ministry said") is that state's, when the article names no other.
  int dateline_state = -1;
  for (size_t k = 0; k < tagged.sentences.size() && k < 3 && dateline_state < 0; ++k) {
    const text::Sentence& s = tagged.sentences[k];
    if (text::dateline_end(doc.text, s.begin) != s.end) continue;
    for (const Mention& mm : ms) {
      if (mm.begin < s.begin || mm.end > s.end || mm.entry < 0) continue;
      const GazEntry& g = m.gazetteer.entries[static_cast<size_t>(mm.entry)];
      if (mm.kind == MentionKind::kCapital && g.capital_of >= 0) dateline_state = g.capital_of;
      else if (mm.kind == MentionKind::kGazetteer && g.type == EntityType::kState) dateline_state = mm.entry;
      break;
    }
  }
  std::unordered_map<std::string, int> dateline_body;  // entity key -> the dateline's state
  auto ministry = [](const std::string& key) {
    return key.rfind("ministry ", 0) == 0 || (key.size() > 9 && key.compare(key.size() - 9, 9, " ministry") == 0);
  };
  auto state_body_key = [&](int state, EntityType type, const std::string& body) {
    std::string id = m.gazetteer.entries[static_cast<size_t>(state)].id;
    std::replace(id.begin(), id.end(), ':', '/');
    return "entity/" + lower_type(type) + "/" + id + "/" + iri_segment(body);
  };

  // The state the article is about: the one its names of states, their people, capitals, forces,
  // seats of government and known office holders name most often (-1 on a tie or none).
  int leading_state = -1;
  {
    std::unordered_map<int, int> votes;
    for (const Mention& mm : ms) {
      if (mm.entry < 0) continue;
      const GazEntry& g = m.gazetteer.entries[static_cast<size_t>(mm.entry)];
      int st = -1;
      if (mm.kind == MentionKind::kDemonym || mm.kind == MentionKind::kForces) st = mm.entry;
      else if (mm.kind == MentionKind::kCapital) st = g.capital_of >= 0 ? g.capital_of : (g.type == EntityType::kState ? mm.entry : -1);
      else if (mm.kind == MentionKind::kGazetteer && g.type == EntityType::kState) st = mm.entry;
      else if (mm.kind == MentionKind::kGazetteer && g.authority >= 0 &&
               m.gazetteer.entries[static_cast<size_t>(g.authority)].type == EntityType::kState)
        st = g.authority;
      if (st >= 0) ++votes[st];
    }
    // and the people the persons gazetteer knows by their full names, each for the one state all
    // their offices were of ("Tony Blair": GB)
    for (const Mention& mm : ms) {
      if (mm.kind != MentionKind::kUnknown || mm.type != EntityType::kPerson || words(mm.key) < 2) continue;
      const auto p = m.persons.names.find(mm.key);
      if (p == m.persons.names.end() || p->second.size() != 1) continue;
      int st = -1;
      for (const mappings::Term& t : m.persons.entries[static_cast<size_t>(p->second.front())].terms) {
        const bool state = t.acts_for_entry >= 0 &&
                           m.gazetteer.entries[static_cast<size_t>(t.acts_for_entry)].type == EntityType::kState;
        if (!state || (st >= 0 && st != t.acts_for_entry)) { st = -2; break; }
        st = t.acts_for_entry;
      }
      if (st >= 0) ++votes[st];
    }
    int best = 0, with_best = 0;
    for (const auto& [st, n] : votes) best = std::max(best, n);
    for (const auto& [st, n] : votes)
      if (n == best) {
        ++with_best;
        leading_state = st;
      }
    if (with_best != 1) leading_state = -1;
  }

  // Two names with nothing but spaces between them on one line ("News Agency IRNA").
  auto apposed = [&](const Mention& a, const Mention& b) {
    if (b.begin < a.end || b.begin - a.end > 2 || a.sentence != b.sentence) return false;
    for (size_t k = a.end; k < b.begin; ++k)
      if (doc.text[k] != ' ') return false;
    return b.begin > a.end;
  };

  // Pass 1: gazetteer mentions and multi-word unknown names.
  std::unordered_map<std::string, std::string> surname;   // "lavrov" -> entity key (persons)
  std::unordered_map<std::string, std::string> acronym;   // "suna" -> entity key (organisations)
  std::unordered_map<std::string, std::string> full;      // name key -> entity key
  std::unordered_map<std::string, std::string> first_name;  // "ali" -> entity key, "" when shared
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& mm = ms[i];
    const bool acts = mm.acting || role[i];
    switch (mm.kind) {
      case MentionKind::kGazetteer: {
        const GazEntry& g = m.gazetteer.entries[static_cast<size_t>(mm.entry)];
        // a state only as a place stays a Location unless it acts somewhere in the article; a
        // state named neither as a place nor acting ("the seven countries, the United States,
        // Canada, ...", "sanctions on Iran") is read both ways: a polity and a territory
        const bool actor = g.type != EntityType::kLocation &&
                           (g.type != EntityType::kState || acts || !mm.place_position);
        if (g.scope >= 0 && g.scope != leading_state) {
          // a name other countries' bodies share, outside the articles of its state's ("Labour"
          // in a story of Australia's): that name's body, no gazetteer entry's
          attach(i, "entity/" + lower_type(g.type) + "/" + iri_segment(g.label), g.type, actor, g.label, "");
          break;
        }
        attach(i, gaz_key(g), g.type, actor, g.label, g.qid);
        if (g.type == EntityType::kState && !(mm.acting || own_role[i]) && !mm.place_position) by_key[gaz_key(g)].place = true;
        break;
      }
      case MentionKind::kDemonym: {
        const GazEntry& g = m.gazetteer.entries[static_cast<size_t>(mm.entry)];
        attach(i, gaz_key(g), EntityType::kState, true, g.label, g.qid);
        break;
      }
      case MentionKind::kCapital: {
        const GazEntry& city = m.gazetteer.entries[static_cast<size_t>(mm.entry)];
        if (((acts && !mm.place_position) || metonym_city[static_cast<size_t>(mm.entry)]) && city.capital_of >= 0) {
          const GazEntry& st = m.gazetteer.entries[static_cast<size_t>(city.capital_of)];
          attach(i, gaz_key(st), EntityType::kState, true, st.label, st.qid);
        } else if (city.type == EntityType::kState) {
          // demonym+noun resolved straight to the state by the tagger
          attach(i, gaz_key(city), EntityType::kState, true, city.label, city.qid);
        } else {
          attach(i, gaz_key(city), EntityType::kLocation, false, city.label, city.qid);
        }
        break;
      }
      case MentionKind::kRole:
        break;  // pass 3
      case MentionKind::kForces: {
        // the forces of a state: one body per state and group within the article; its "forces"
        // or "troops" are its peacekeepers where the article names those ("Russian peacekeepers
        // ... Russian forces")
        const GazEntry& st = m.gazetteer.entries[static_cast<size_t>(mm.entry)];
        std::string id = st.id;
        std::replace(id.begin(), id.end(), ':', '/');
        std::string group = mm.group;
        if (group == "forces") {
          const bool peacekeepers = std::any_of(ms.begin(), ms.end(), [&](const Mention& o) {
            return o.kind == MentionKind::kForces && o.entry == mm.entry && o.group == "peacekeepers";
          });
          if (!peacekeepers) {
            // otherwise a state's forces, troops or soldiers are the state acting ("after Turkish
            // forces invaded"), as the annotation conventions fold them; its army, navy, police and
            // peacekeepers are bodies of their own
            attach(i, gaz_key(st), EntityType::kState, true, st.label, st.qid);
            break;
          }
          group = "peacekeepers";
        }
        attach(i, "entity/forces/" + id + "/" + iri_segment(group), EntityType::kOrganization, true, "", "");
        break;
      }
      case MentionKind::kCollective:
        // "the unions": one side per head noun within the article, kept where it takes a role
        // (its IRI is the article's: another article's unions are other people)
        if (role[i]) attach(i, "entity/group/" + iri_segment(doc.id) + "/" + iri_segment(mm.group), EntityType::kGroup, true, surface(mm), "");
        break;
      case MentionKind::kAuthority: {
        const GazEntry& place = m.gazetteer.entries[static_cast<size_t>(mm.entry)];
        if (place.authority >= 0) {
          // "Karabakh officials": the place's de facto government, when the gazetteer names it
          const GazEntry& gov = m.gazetteer.entries[static_cast<size_t>(place.authority)];
          attach(i, gaz_key(gov), gov.type == EntityType::kLocation ? EntityType::kOrganization : gov.type,
                 true, gov.label, gov.qid);
          break;
        }
        std::string id = place.id;
        std::replace(id.begin(), id.end(), ':', '/');
        attach(i, "entity/authorities/" + id, EntityType::kOrganization, true, "", "");
        break;
      }
      case MentionKind::kUnknown: {
        if (words(mm.key) < 2) break;
        auto f = full.find(mm.key);
        std::string key;
        const Mention* next = i + 1 < ms.size() ? &ms[i + 1] : nullptr;
        if (f != full.end()) {
          key = f->second;
        } else if (mm.type == EntityType::kOrganization && next && next->kind == MentionKind::kGazetteer &&
                   next->entry >= 0 && apposed(mm, *next) &&
                   m.gazetteer.entries[static_cast<size_t>(next->entry)].type == EntityType::kOrganization) {
          // a body described and then named, with no comma: "the Iranian News Agency IRNA", "Kuwait
          // News Agency KUNA": the name's entity, which its description names again in the article
          const GazEntry& g = m.gazetteer.entries[static_cast<size_t>(next->entry)];
          full[mm.key] = gaz_key(g);
          attach(i, gaz_key(g), g.type, true, g.label, g.qid);
          break;
        } else if (auto sn = surname.find(mm.key); sn != surname.end() && mm.type == EntityType::kPerson) {
          key = sn->second;
        } else if (mm.thing_position) {
          break;  // "the failed Christmas Day plot", "a Volvo XC90": no one
        } else if (mm.state >= 0 && mm.body_begin > mm.begin && mm.body_begin < mm.end) {
          // a body named with its state is that state's, in every article ("the Kuwaiti
          // Foreign Ministry", "Kuwait's Foreign Ministry": entity/organization/state/KW/foreign_ministry);
          // its own words alone name it again in the article ("the Foreign Ministry said")
          const std::string body = text::name_key(doc.text.substr(mm.body_begin, mm.end - mm.body_begin));
          key = state_body_key(mm.state, mm.type, body);
          full[mm.key] = key;
          full.emplace(body, key);
        } else if (mm.type == EntityType::kOrganization && dateline_state >= 0 && ministry(mm.key)) {
          key = state_body_key(dateline_state, mm.type, mm.key);  // "the Foreign Ministry" under "KUWAIT -"
          full[mm.key] = key;
          dateline_body.emplace(key, dateline_state);
        } else {
          const std::string label = surface(mm);
          key = "entity/" + lower_type(mm.type) + "/" + iri_segment(without_the(label));
          full[mm.key] = key;
        }
        const bool actor = mm.type != EntityType::kLocation;
        attach(i, key, mm.type, actor, surface(mm), "");
        if (mm.type == EntityType::kPerson) {
          surname.emplace(text::last_key_word(mm.key), key);
          if (std::string bare = ner::without_prefix_particle(text::last_key_word(mm.key), m.lexicon); !bare.empty())
            surname.emplace(bare, key);  // "Shaheen" after "Suleiman Majed al-Shaheen"
          // "Perez de Cuellar" after "Javier Perez de Cuellar": the name less its first word
          if (words(mm.key) >= 3) surname.emplace(mm.key.substr(mm.key.find(' ') + 1), key);
          // a first name stands for one person only if no other person has it
          const std::string first = mm.key.substr(0, mm.key.find(' '));
          auto [it, fresh] = first_name.emplace(first, key);
          if (!fresh && it->second != key) it->second.clear();
        }
        if (mm.type == EntityType::kOrganization || mm.type == EntityType::kGroup) {
          // ("the Rotterdam Port Employers Association SVZ": an acronym right after the name)
          if (next && next->kind == MentionKind::kUnknown && words(next->key) == 1 && apposed(mm, *next))
            acronym.emplace(next->key, key);
          acronym.emplace(initials(mm.key), key);
          acronym.emplace(initials(mm.key, /*content_words_only=*/true), key);
        }
        break;
      }
    }
  }
  // Pass 2: single-word unknown names: a surname, an acronym, or a name of its own.
  // (the surnames a spelling variant may be of, by their first two bytes and their length, which
  // two edits change by two at most, and the answer for each name asked; the latest body before
  // each mention whose name of two words or more ends with a given word)
  std::unordered_map<std::string, std::vector<std::pair<std::string, std::string>>> surname_by_prefix;
  auto bucket = [](const std::string& name, size_t length) { return name.substr(0, 2) + std::to_string(length); };
  for (const auto& [sn, key] : surname)
    if (sn.size() >= 6 && sn.find(' ') == std::string::npos) surname_by_prefix[bucket(sn, sn.size())].emplace_back(sn, key);
  // the article's places of two words or more by their first word ("rio"), or "" when two share it
  std::unordered_map<std::string, std::string> place_first_word;
  for (size_t i = 0; i < ms.size(); ++i) {
    const Entity* e = entity_of[i];
    // (only where a particle or function word follows it: "Rio de Janeiro", "Bosnia and Herzegovina"; "Texas
    // City" and "Mexico City" are not what "Texas" and "Mexico" name)
    const size_t space = ms[i].key.find(' ');
    if (!e || e->type != EntityType::kLocation || space == std::string::npos || space < 3) continue;
    const std::string second = ms[i].key.substr(space + 1, ms[i].key.find(' ', space + 1) - space - 1);
    if (!m.lexicon.name_particles.count(second) && !m.lexicon.function_words.count(second)) continue;
    auto [it, fresh] = place_first_word.try_emplace(ms[i].key.substr(0, space), e->key);
    if (!fresh && it->second != e->key) it->second.clear();
  }
  std::unordered_map<std::string, std::string> variant_cache;  // single-word name key -> surname's entity key or ""
  std::unordered_map<std::string, std::string> latest_body;  // last word -> name key
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& mm = ms[i];
    if (i > 0) {
      const Mention& before = ms[i - 1];
      if (before.kind == MentionKind::kUnknown && before.type == EntityType::kOrganization && words(before.key) >= 2)
        latest_body[text::last_key_word(before.key)] = before.key;
    }
    if (mm.kind != MentionKind::kUnknown || words(mm.key) >= 2) continue;
    const bool acts = mm.acting || role[i];
    if (auto s = surname.find(mm.key); s != surname.end() && mm.type != EntityType::kLocation) {
      attach(i, s->second, EntityType::kPerson, true, "", "");
      continue;
    }
    if (auto f = first_name.find(mm.key); f != first_name.end() && mm.typed_by_cue &&
        mm.type == EntityType::kPerson && !f->second.empty()) {
      attach(i, f->second, EntityType::kPerson, true, "", "");  // "Sheikh Ali" after "Sheikh Ali al-Sabah"
      continue;
    }
    // a short form of the given name of the one person of the article who has it ("Ted" after
    // "Edward Heath", lexicon/given_name_forms.tsv), in whatever position ("close to Ted"); not
    // where someone's given name is the word itself
    if (const auto g = m.lexicon.given_name_forms.find(mm.key);
        g != m.lexicon.given_name_forms.end() && !first_name.count(mm.key) &&
        !(mm.typed_by_cue && mm.type == EntityType::kOrganization)) {
      std::string who;
      bool several = false;
      for (const std::string& name : g->second)
        if (const auto f = first_name.find(name); f != first_name.end()) {
          several = several || f->second.empty() || (!who.empty() && who != f->second);
          who = f->second;
        }
      if (!who.empty() && !several) {
        attach(i, who, EntityType::kPerson, true, "", "");
        continue;
      }
    }
    // a spelling variant of a surname in the same text ("Harutiunian" for "Harutyunyan")
    if (mm.type != EntityType::kLocation && mm.key.size() >= 6) {
      // (one key whichever order the surnames are read in, or none when they disagree)
      auto [cached, fresh] = variant_cache.try_emplace(mm.key);
      std::string& variant_of = cached->second;
      bool ambiguous = false;
      for (size_t length = mm.key.size() - 2; fresh && !ambiguous && length <= mm.key.size() + 2; ++length)
        if (const auto b = surname_by_prefix.find(bucket(mm.key, length)); b != surname_by_prefix.end())
          for (const auto& [sn, key] : b->second) {
            count_mention_steps(1);
            if (edit_distance(sn, mm.key) > 2) continue;
            if (!variant_of.empty() && variant_of != key) { variant_of.clear(); ambiguous = true; break; }
            variant_of = key;
          }
      if (!variant_of.empty()) {
        attach(i, variant_of, EntityType::kPerson, true, "", "");
        continue;
      }
    }
    if (auto a = acronym.find(mm.key); a != acronym.end()) {
      attach(i, a->second, EntityType::kOrganization, true, "", "");
      continue;
    }
    // "the Ministry" after "the Foreign Ministry": a body named by its head word alone is the
    // latest body before it whose name ends with that word
    if (mm.type == EntityType::kOrganization && m.lexicon.org_heads.count(mm.key)) {
      const auto b = latest_body.find(mm.key);
      const std::string latest = b == latest_body.end() ? std::string() : b->second;
      if (auto f = full.find(latest); !latest.empty() && f != full.end()) {
        attach(i, f->second, EntityType::kOrganization, true, "", "");
        continue;
      }
    }
    if (auto f = full.find(mm.key); f != full.end()) {
      attach(i, f->second, mm.type, mm.type != EntityType::kLocation, "", "");
      continue;
    }
    if (mm.type == EntityType::kGroup && !mm.acting) continue;  // a people named in passing
    // an unknown word at the start of a sentence is as likely a common word as a name
    if (mm.sentence_initial && !mm.typed_by_cue) continue;
    if (!mm.typed_by_cue && !acts) continue;
    if (mm.thing_position) continue;  // "the Volvo had come": no one the article names otherwise
    // "Rio" after "Rio de Janeiro": a place named again by the first word of its name
    if (mm.type == EntityType::kLocation) {
      if (const auto p = place_first_word.find(mm.key); p != place_first_word.end() && !p->second.empty()) {
        attach(i, p->second, EntityType::kLocation, false, "", "");
        continue;
      }
    }
    const std::string label = surface(mm);
    const std::string key = "entity/" + lower_type(mm.type) + "/" + iri_segment(label);
    full[mm.key] = key;
    attach(i, key, mm.type, mm.type != EntityType::kLocation, label, "");
  }

  // A name where no person's name stands ("Gaddafi's forces") that the article names as someone
  // only later ("talks with Gaddafi") is that someone.
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& mm = ms[i];
    if (!mm.thing_position || entity_of[i] || mm.kind != MentionKind::kUnknown) continue;
    if (const auto f = full.find(mm.key); f != full.end()) attach(i, f->second, mm.type, true, "", "");
    else if (const auto sn = surname.find(mm.key); sn != surname.end()) attach(i, sn->second, EntityType::kPerson, true, "", "");
  }

  // Pass 3: roles ("the prime minister") stand for the latest person whose title ends with the
  // role, or for the person they are in apposition to ("Arayik Harutyunyan, the Karabakh
  // president,"); otherwise for no one.
  // The nearest earlier mention that qualifies is found by index rather than by a walk back
  // through the article: the latest role of each title with an entity, the persons with an entity
  // by each ending of their title, and the mentions by where they end (an apposition's gap is
  // at most six bytes).
  auto named_person = [&](size_t k) {
    return ms[k].kind == MentionKind::kUnknown && ms[k].type == EntityType::kPerson && entity_of[k] != nullptr;
  };
  std::unordered_map<std::string, size_t> latest_role;              // title -> role mention
  std::unordered_map<std::string, std::vector<size_t>> titled_by;   // title ending -> persons, in order
  std::unordered_map<size_t, std::vector<size_t>> ending_at;         // end offset -> mentions, in order
  for (size_t k = 0; k < ms.size(); ++k) {
    ending_at[ms[k].end].push_back(k);
    if (!named_person(k) || ms[k].title.empty()) continue;
    // the title and each of its endings after a word ("Armenian foreign minister": "foreign
    // minister"), but not past a word that says the office is another ("deputy prime minister",
    // "shadow foreign secretary", "vice-president", "former president" are not "the prime
    // minister", "the foreign secretary", "the president")
    const std::string& title = ms[k].title;
    for (size_t from = 0; from < title.size(); from = title.find(' ', from) + 1) {
      titled_by[title.substr(from)].push_back(k);
      const size_t end = title.find(' ', from);
      if (end == std::string::npos) break;
      const std::string_view word = std::string_view(title).substr(from, end - from);
      if (word == "shadow" || word == "deputy" || word == "vice" || word == "former" || word == "ex" ||
          word == "assistant" || word == "under" || word == "junior")
        break;
    }
  }
  for (size_t i = 0; i < ms.size(); ++i) {
    const Mention& mm = ms[i];
    if (mm.kind != MentionKind::kRole) continue;
    // (a role of any type with an entity is "the spokesman" again for the roles after it)
    struct Later {
      std::unordered_map<std::string, size_t>& latest;
      const std::vector<Entity*>& of;
      size_t i;
      const std::string& title;
      ~Later() { if (of[i]) latest[title] = i; }
    } later{latest_role, entity_of, i, mm.title};
    if (mm.type != EntityType::kPerson) {
      // "the ministry": the latest organisation whose name ends with that word; "the government":
      // the latest state that acts
      Entity* target = nullptr;
      for (size_t k = i; k-- > 0 && !target;) {
        const Mention& p = ms[k];
        if (p.sentence + 4 < mm.sentence) break;
        count_mention_steps(1);
        Entity* e = entity_of[k];
        if (!e || !e->actor) continue;
        if (mm.type == EntityType::kState ? e->type == EntityType::kState
                                          : ((e->type == EntityType::kOrganization || e->type == EntityType::kGroup) &&
                                             text::last_key_word(text::name_key(e->label)) == mm.title))
          target = e;
      }
      if (target) attach(i, target->key, target->type, true, "", "");
      continue;
    }
    // the latest of: "the spokesman" again; a person whose title ends with the role; a person
    // right before it in apposition: "X, the Karabakh president," (not "X, spokesperson of the
    // president,")
    int found = -1;
    auto take = [&](size_t k) {
      count_mention_steps(1);
      if (k < i && static_cast<int>(k) > found) found = static_cast<int>(k);
    };
    if (const auto again = latest_role.find(mm.title); again != latest_role.end()) take(again->second);
    if (const auto t = titled_by.find(mm.title); t != titled_by.end()) {
      const auto before = std::lower_bound(t->second.begin(), t->second.end(), i);
      if (before != t->second.begin()) take(*(before - 1));
    }
    for (const std::string_view gap : {", the ", ", a ", ", an ", ", "})
      if (mm.begin >= gap.size() && std::string_view(doc.text).substr(mm.begin - gap.size(), gap.size()) == gap)
        if (const auto e = ending_at.find(mm.begin - gap.size()); e != ending_at.end())
          for (size_t k : e->second)
            if (named_person(k)) take(k);
    if (found < 0) continue;
    Entity* e = entity_of[static_cast<size_t>(found)];
    attach(i, e->key, EntityType::kPerson, true, "", "");
  }

  // Labels, aliases and the entity index of each mention.
  for (auto& [key, e] : by_key) {
    std::sort(e.mentions.begin(), e.mentions.end());
    if (e.label.empty()) e.label = surface(ms[e.mentions.front()]);
    if (key.rfind("entity/state/", 0) != 0 && key.rfind("entity/org/", 0) != 0 &&
        key.rfind("entity/city/", 0) != 0 && key.rfind("entity/place/", 0) != 0) {
      // the longest surface form is the label of a name no gazetteer knows
      for (size_t i : e.mentions) {
        if (ms[i].kind == MentionKind::kRole) continue;  // "the foreign minister" is no name
        const std::string s = surface(ms[i]);
        if (s.size() > e.label.size()) e.label = s;
      }
    }
    for (size_t i : e.mentions) {
      const std::string s = surface(ms[i]);
      if (s != e.label) e.aliases.insert(s);
      // "Sheikh Ali al-Khalifa al-Sabah", "Sir Edward": the name with the form of address the
      // text writes before it
      if (e.type == EntityType::kPerson && ms[i].kind == MentionKind::kUnknown) {
        size_t to = ms[i].begin;
        while (to > 0 && doc.text[to - 1] == ' ') --to;
        size_t from = to;
        while (from > 0 && (std::isalpha(static_cast<unsigned char>(doc.text[from - 1])) || doc.text[from - 1] == '.')) --from;
        if (from < to && to < ms[i].begin && m.lexicon.honorifics.count(text::name_key(doc.text.substr(from, to - from))))
          e.aliases.insert(doc.text.substr(from, to - from) + " " + s);
      }
    }
    if (e.type == EntityType::kLocation) e.actor = false;
  }
  // A body named with its state ("the Kuwaiti Foreign Ministry") acts for that state, which is
  // an actor of the article even where no other word names it.
  std::map<std::string, std::string> body_of;  // organisation key -> state key
  for (const auto& [key, e] : by_key) {
    if (e.type != EntityType::kOrganization) continue;
    const auto dl = dateline_body.find(key);
    for (size_t i : e.mentions) {
      const int state_entry = ms[i].state >= 0 ? ms[i].state : dl != dateline_body.end() ? dl->second : -1;
      if (state_entry < 0) continue;
      const GazEntry& g = m.gazetteer.entries[static_cast<size_t>(state_entry)];
      const std::string state = gaz_key(g);
      body_of[key] = state;
      Entity& st = by_key[state];
      if (!st.key.empty()) continue;
      st.key = state;
      st.type = EntityType::kState;
      st.actor = true;
      st.label = g.label;
      st.qid = g.qid;
    }
  }
  for (auto& [key, e] : by_key) {
    const int idx = static_cast<int>(r.entities.size());
    for (size_t i : e.mentions) r.mention_entity[i] = idx;
    r.entities.push_back(std::move(e));
  }
  auto index = [&](const std::string& key) {
    const auto it = std::lower_bound(r.entities.begin(), r.entities.end(), key,
                                     [](const Entity& e, const std::string& k) { return e.key < k; });
    return it != r.entities.end() && it->key == key ? static_cast<int>(it - r.entities.begin()) : -1;
  };
  // a body named with its state ("the Kuwaiti Foreign Ministry") acts for that state
  for (const auto& [org, state] : body_of) {
    const int o = index(org), st = index(state);
    if (o >= 0 && st >= 0 && r.entities[static_cast<size_t>(st)].actor) r.entities[static_cast<size_t>(o)].acts_for = st;
  }
  // whom a person acts for: the first of its mentions that says so, when that names an actor
  // other than the person
  for (Entity& e : r.entities) {
    if (e.type != EntityType::kPerson) continue;
    for (size_t i : e.mentions) {
      if (x.acts_for[i] < 0) continue;
      const int to = r.mention_entity[static_cast<size_t>(x.acts_for[i])];
      if (to < 0 || &r.entities[static_cast<size_t>(to)] == &e || !r.entities[static_cast<size_t>(to)].actor) continue;
      e.acts_for = to;
      break;
    }
  }
  link_persons(doc, tagged, m, r);
  link_titles(doc, tagged, m, r);
  key_linked_persons(m, r);
  for (size_t i = 0; i < r.entities.size(); ++i)
    if (r.entities[i].actor) r.entities[i].actor_code = actor_code(r, i, tagged, m);
  return r;
}

}  // namespace parley::resolve
