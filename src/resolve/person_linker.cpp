#include "resolve/person_linker.h"

#include <algorithm>
#include <map>
#include <set>

namespace parley::resolve {

void link_persons(const text::Document& doc, const ner::Tagged& tagged, const mappings::Mappings& m,
                  Resolved& r) {
  const mappings::Persons& persons = m.persons;
  if (persons.entries.empty()) return;
  std::vector<int> linked(r.entities.size(), -1);  // entity -> person entry
  for (size_t e = 0; e < r.entities.size(); ++e) {
    Entity& ent = r.entities[e];
    if (ent.type != EntityType::kPerson || !ent.qid.empty()) continue;
    std::vector<std::string> keys, titles;
    for (size_t i : ent.mentions) {
      const ner::Mention& mm = tagged.mentions[i];
      if (mm.kind == ner::MentionKind::kUnknown && !mm.key.empty()) keys.push_back(mm.key);
      if (!mm.title.empty()) titles.push_back(mm.title);
    }
    if (keys.empty()) continue;
    linked[e] = persons.link(keys, titles, doc.date);
  }
  // One QID, one node: a holder two entities of the article could be stays unlinked on both.
  std::map<int, int> uses;
  for (int p : linked)
    if (p >= 0) ++uses[p];
  for (size_t e = 0; e < r.entities.size(); ++e) {
    const int p = linked[e];
    if (p < 0 || uses[p] > 1) continue;
    const mappings::PersonEntry& who = persons.entries[static_cast<size_t>(p)];
    Entity& ent = r.entities[e];
    ent.qid = who.qid;
    if (ent.acts_for >= 0) continue;
    // acts for the state or body of the term at the article's date (of every term when the date
    // is unknown), when it is one and the article has it as an actor
    const int day = doc.date ? mappings::day_number(*doc.date) : 0;
    std::set<int> bodies;
    for (const mappings::Term& t : who.terms)
      if (day == 0 || (t.start <= day && (t.end == 0 || day <= t.end))) bodies.insert(t.acts_for_entry);
    if (bodies.size() != 1 || *bodies.begin() < 0) continue;
    std::string key = "entity/" + m.gazetteer.entries[static_cast<size_t>(*bodies.begin())].id;
    std::replace(key.begin(), key.end(), ':', '/');
    for (size_t s = 0; s < r.entities.size(); ++s)
      if (r.entities[s].key == key && r.entities[s].actor && s != e) ent.acts_for = static_cast<int>(s);
  }
}

void key_linked_persons(const mappings::Mappings& m, Resolved& r) {
  const mappings::Persons& persons = m.persons;
  bool changed = false;
  for (Entity& e : r.entities) {
    if (e.type != EntityType::kPerson || e.qid.empty()) continue;
    const auto p = persons.by_qid.find(e.qid);
    if (p == persons.by_qid.end()) continue;
    const mappings::PersonEntry& who = persons.entries[static_cast<size_t>(p->second)];
    std::string key = "entity/" + who.id;  // "person:Q58217" -> "entity/person/Q58217"
    std::replace(key.begin(), key.end(), ':', '/');
    if (key == e.key) continue;
    e.key = std::move(key);
    if (who.label != e.label) {
      e.aliases.insert(e.label);
      e.aliases.erase(who.label);
      e.label = who.label;
    }
    changed = true;
  }
  if (!changed) return;
  // Entities stay sorted by key: reorder, and renumber what points into them.
  std::vector<int> order(r.entities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return r.entities[static_cast<size_t>(a)].key < r.entities[static_cast<size_t>(b)].key;
  });
  std::vector<int> now(order.size());
  for (size_t i = 0; i < order.size(); ++i) now[static_cast<size_t>(order[i])] = static_cast<int>(i);
  std::vector<Entity> sorted;
  sorted.reserve(r.entities.size());
  for (int i : order) sorted.push_back(std::move(r.entities[static_cast<size_t>(i)]));
  for (Entity& e : sorted)
    if (e.acts_for >= 0) e.acts_for = now[static_cast<size_t>(e.acts_for)];
  for (int& i : r.mention_entity)
    if (i >= 0) i = now[static_cast<size_t>(i)];
  r.entities = std::move(sorted);
}

void link_titles(const text::Document& doc, const ner::Tagged& tagged, const mappings::Mappings& m, Resolved& r) {
  const mappings::Persons& persons = m.persons;
  if (persons.entries.empty() || !doc.date) return;
  const int day = mappings::day_number(*doc.date);
  for (size_t i = 0; i < tagged.mentions.size(); ++i) {
    const ner::Mention& mm = tagged.mentions[i];
    if (mm.kind != ner::MentionKind::kRole || mm.type != EntityType::kPerson || r.mention_entity[i] >= 0) continue;
    const std::vector<std::string>* offices = persons.offices_of_title(mm.title);
    if (!offices) continue;
    int found = -1;
    for (size_t e = 0; e < r.entities.size(); ++e) {
      const Entity& ent = r.entities[e];
      if (ent.type != EntityType::kPerson || ent.qid.empty() || ent.mentions.empty() ||
          tagged.mentions[ent.mentions.front()].begin >= mm.begin)
        continue;
      const auto p = persons.by_qid.find(ent.qid);
      if (p == persons.by_qid.end()) continue;
      const mappings::PersonEntry& who = persons.entries[static_cast<size_t>(p->second)];
      if (std::none_of(offices->begin(), offices->end(), [&](const std::string& o) { return who.in_office(day, o); }))
        continue;
      if (found >= 0) {  // two holders of the office named before: no guess
        found = -2;
        break;
      }
      found = static_cast<int>(e);
    }
    if (found < 0) continue;
    Entity& ent = r.entities[static_cast<size_t>(found)];
    r.mention_entity[i] = found;
    ent.mentions.insert(std::upper_bound(ent.mentions.begin(), ent.mentions.end(), i), i);
  }
}

}  // namespace parley::resolve
