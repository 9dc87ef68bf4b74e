#include "resolve/actor_code.h"

#include <vector>

#include "text/tokenizer.h"

namespace parley::resolve {
namespace {

// "entity/state/GB" -> the gazetteer's "state:GB" entry, or nullptr
const mappings::GazEntry* state_entry(const Entity& e, const mappings::Mappings& m) {
  if (e.type != EntityType::kState) return nullptr;
  constexpr std::string_view kPrefix = "entity/state/";
  if (e.key.compare(0, kPrefix.size(), kPrefix) != 0) return nullptr;
  return m.gazetteer.find_id("state:" + e.key.substr(kPrefix.size()));
}

}  // namespace

std::string role_code(std::string_view words, const mappings::Lexicon& lex) {
  std::vector<std::string> w;
  const std::string key = text::name_key(words);
  for (size_t b = 0; b < key.size();) {
    size_t e = key.find(' ', b);
    if (e == std::string::npos) e = key.size();
    w.push_back(key.substr(b, e - b));
    b = e + 1;
  }
  std::string best;
  size_t best_len = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    std::string phrase;
    for (size_t n = 1; n <= lex.max_actor_role_tokens && i + n <= w.size(); ++n) {
      if (n > 1) phrase += ' ';
      phrase += w[i + n - 1];
      auto it = lex.actor_roles.find(phrase);
      // the plural PETRARCH also generates ("troops" for "troop")
      if (it == lex.actor_roles.end() && phrase.size() > 1 && phrase.back() == 's')
        it = lex.actor_roles.find(phrase.substr(0, phrase.size() - 1));
      if (it != lex.actor_roles.end() && n >= best_len) {
        best = it->second;
        best_len = n;
      }
    }
  }
  return best;
}

std::string actor_code(const Resolved& r, size_t entity, const ner::Tagged& tagged, const mappings::Mappings& m) {
  const Entity& e = r.entities[entity];
  if (const mappings::GazEntry* g = state_entry(e, m)) return g->code;
  // the state it acts for, or whose forces it is ("Russian peacekeepers")
  std::string country;
  if (e.acts_for >= 0)
    if (const mappings::GazEntry* g = state_entry(r.entities[static_cast<size_t>(e.acts_for)], m)) country = g->code;
  if (country.empty())
    for (size_t i : e.mentions) {
      const ner::Mention& mm = tagged.mentions[i];
      if (mm.kind != ner::MentionKind::kForces || mm.entry < 0) continue;
      country = m.gazetteer.entries[static_cast<size_t>(mm.entry)].code;
      if (!country.empty()) break;
    }
  if (country.empty()) return "";
  // the role: a person's title, as any of its mentions gives it; a body's name
  std::string role;
  if (e.type == EntityType::kPerson) {
    for (size_t i : e.mentions)
      if (role.empty() && !tagged.mentions[i].title.empty()) role = role_code(tagged.mentions[i].title, m.lexicon);
  } else {
    role = role_code(e.label, m.lexicon);
  }
  return country + role;
}

}  // namespace parley::resolve
