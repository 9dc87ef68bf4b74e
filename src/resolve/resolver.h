/// Groups an article's mentions into entities: one per real thing, with the best full form as
/// its label and every other surface form as an alias; decides whether a state or capital acts
/// (an Actor) or is only a place (a Location).
///
///   Resolved r = resolve(doc, tagged, events, mappings);
///   int e = r.mention_entity[i];   // -1: the mention names nothing we keep
#pragma once

#include <set>
#include <string>
#include <vector>

#include "extract/extractor.h"
#include "mappings/mappings.h"
#include "ner/tagger.h"

namespace parley::resolve {

using mappings::EntityType;

struct Entity {
  std::string key;        ///< IRI path under the base: "entity/state/AZ", "entity/person/Ramin_Mamedov"
  EntityType type = EntityType::kPerson;
  bool actor = false;     ///< an Actor (else a Location)
  bool mediator = false;  ///< the object of a mediatedBy in this article
  bool place = false;     ///< also named as a place ("talks in Azerbaijan") in this article
  std::string label;
  std::set<std::string> aliases;  ///< other surface forms, label excluded
  std::string qid;        ///< "Q227" when the gazetteer links it
  std::vector<size_t> mentions;
  int acts_for = -1;      ///< index into Resolved::entities of the state or body a person acts for
  std::string actor_code; ///< CAMEO-style: "GBR" for a state, "GBRGOV" for its prime minister (actor_code.h)
};

struct Resolved {
  std::vector<Entity> entities;     ///< sorted by key
  std::vector<int> mention_entity;  ///< per mention: index into entities or -1
};

/// `x.acts_for` gives each person entity its `acts_for`: the first its mentions name.
Resolved resolve(const text::Document& doc, const ner::Tagged& tagged, const extract::Extraction& x,
                 const mappings::Mappings& m);

/// "Ramin Mamedov" -> "Ramin_Mamedov": spaces to underscores, characters that IRIs or
/// prefixed names cannot hold dropped.
std::string iri_segment(std::string_view label);

}  // namespace parley::resolve
