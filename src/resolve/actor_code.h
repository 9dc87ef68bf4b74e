/// CAMEO-style actor codes, as event datasets (PETRARCH/Phoenix, ICEWS) count dyads: a state's
/// three-letter country code ("GBR", gazetteer/states.tsv `code`), followed, for a person or body
/// that acts for the state, by the role code its title or name says (lexicon/actor_roles.tsv):
/// "British Prime Minister Tony Blair" -> "GBRGOV", "Russian peacekeepers" -> "RUSMIL".
///
///   std::string c = actor_code(r, i, tagged, m);   // "" when nothing says a state
///   std::string g = role_code("defence ministry", m.lexicon);   // "GOVMIL"
#pragma once

#include <string>
#include <string_view>

#include "mappings/mappings.h"
#include "ner/tagger.h"
#include "resolve/resolver.h"

namespace parley::resolve {

/// The CAMEO role code of a title or name: the longest `actor_roles` term among its words (a word
/// also matches with a plural "s"), the last one between terms of one length; "" when none.
std::string role_code(std::string_view words, const mappings::Lexicon& lex);

/// The actor code of `r.entities[entity]`: a state's own code; a person or body's state code (the
/// state it acts for, or whose forces it is) plus its role code; "" for anything that acts for no
/// coded state (an organisation, a de facto state with no ISO code).
std::string actor_code(const Resolved& r, size_t entity, const ner::Tagged& tagged, const mappings::Mappings& m);

}  // namespace parley::resolve
