/// Joins an article's person entities to the persons gazetteer: a person gets the QID of the
/// one office holder its names can be at the article's date, and acts for that holder's state or
/// body when the article names it. Called by `resolve` once its entities are built.
///
///   link_persons(doc, tagged, mappings, resolved);
#pragma once

#include "mappings/mappings.h"
#include "ner/tagger.h"
#include "resolve/resolver.h"
#include "text/document.h"

namespace parley::resolve {

/// For every person entity without a QID: the keys of its name mentions and the titles written
/// before them go to `Persons::link` with the article's date. A QID that would then be on two
/// entities of the article is taken off both: one node per QID, and no guess between them.
void link_persons(const text::Document& doc, const ner::Tagged& tagged, const mappings::Mappings& m,
                  Resolved& r);

/// A person the gazetteer links is named by its gazetteer entry, not by how one article spells
/// it: key "entity/person/Q58217" and label "Sergey Lavrov", the article's own spelling
/// ("Sergei Lavrov") an alias; so every article that names the person gives one node.
/// Entities stay sorted by key (indices into them are renumbered). Called last.
void key_linked_persons(const mappings::Mappings& m, Resolved& r);

/// A bare title ("the prime minister", "the president") the article gives no one by name is the
/// person named before it whom the gazetteer has in that office at the article's date ("Tony
/// Blair ... the prime minister said", 2004): that one person, or no one when two could be.
/// Called after `link_persons`, whose QIDs it reads.
void link_titles(const text::Document& doc, const ner::Tagged& tagged, const mappings::Mappings& m, Resolved& r);

}  // namespace parley::resolve
