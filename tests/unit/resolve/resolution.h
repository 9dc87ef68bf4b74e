// One article run through the real stages up to resolve::resolve (ner::tag, extract::extract,
// with the real mappings and model), and what the resolver tests ask of it: the entity a surface
// form names, an entity by key, a dump for failure messages.
#pragma once

#include <optional>
#include <string>

#include "extract/extractor.h"
#include "ner/tagger.h"
#include "resolve/resolver.h"
#include "test_support.h"

namespace parley::resolve {

struct Resolution {
  text::Document doc;
  syntax::Analysis analysis;
  ner::Tagged tagged;
  extract::Extraction events;
  Resolved r;

  std::string surface(size_t mention) const {
    const ner::Mention& m = tagged.mentions[mention];
    return doc.text.substr(m.begin, m.end - m.begin);
  }
  // The entity of the first mention with this exact surface form (null: no such mention, or
  // the mention names nothing kept).
  const Entity* of(const std::string& s, size_t nth = 0) const {
    for (size_t i = 0; i < tagged.mentions.size(); ++i) {
      if (surface(i) != s) continue;
      if (nth--) continue;
      const int e = r.mention_entity[i];
      return e < 0 ? nullptr : &r.entities[static_cast<size_t>(e)];
    }
    return nullptr;
  }
  const Entity* by_key(const std::string& key) const {
    for (const Entity& e : r.entities)
      if (e.key == key) return &e;
    return nullptr;
  }
  size_t count(mappings::EntityType t) const {
    size_t n = 0;
    for (const Entity& e : r.entities) n += e.type == t ? 1u : 0u;
    return n;
  }
  std::string dump() const {
    std::string s = "entities of \"" + doc.text + "\":\n";
    for (const Entity& e : r.entities) {
      s += "  " + e.key + " " + mappings::type_name(e.type) + (e.actor ? " actor" : " location") +
           (e.place ? " place" : "") + " label=\"" + e.label + "\" aliases={";
      for (const std::string& a : e.aliases) s += a + ";";
      s += "} mentions={";
      for (size_t i : e.mentions) s += surface(i) + ";";
      s += "}\n";
    }
    if (r.entities.empty()) s += "  (none)\n";
    s += "unresolved mentions:";
    for (size_t i = 0; i < tagged.mentions.size(); ++i)
      if (r.mention_entity[i] < 0) s += " \"" + surface(i) + "\"";
    return s + "\n";
  }
};

inline Resolution resolve_text(const std::string& text, std::optional<text::Date> date = text::Date{2023, 3, 1}) {
  const mappings::Mappings& m = unit::real_mappings();
  Resolution x;
  x.doc.id = "t1";
  x.doc.text = text;
  x.doc.date = date;
  x.analysis = unit::analyze(x.doc.text);
  x.tagged = ner::tag(x.doc, x.analysis, m);
  x.events = extract::extract(x.doc, x.tagged, x.analysis, m);
  x.r = resolve(x.doc, x.tagged, x.events, m);
  return x;
}

}  // namespace parley::resolve
