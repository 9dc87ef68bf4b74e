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

}  // namespace parley::resolve
