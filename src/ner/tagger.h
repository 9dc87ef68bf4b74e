/// Finds the names in an article: gazetteer entries (states, their demonyms and capitals,
/// organisations, places) and capitalised names the gazetteers do not know, with cues that
/// type them (a title before, an organisation head word, a place preposition, a verb of saying).
///
///   Tagged t = tag(doc, analysis, mappings);   // analysis: the syntax stage's, one per article
///   for (const Mention& m : t.mentions) use(doc.text.substr(m.begin, m.end - m.begin));
///
/// Pure function of its inputs; safe to call from several threads on different documents.
#pragma once

#include <string>
#include <vector>

#include "mappings/mappings.h"
#include "ner/dates.h"
#include "syntax/analyzer.h"
#include "text/document.h"
#include "text/segmenter.h"

namespace parley::ner {

using mappings::EntityType;

enum class MentionKind {
  kGazetteer,  ///< a name of a gazetteer entry
  kDemonym,    ///< "Azerbaijani officials": the state, acting
  kCapital,    ///< "Baku": the capital city, or its state when it acts
  kUnknown,    ///< a capitalised name no gazetteer knows
  kForces,     ///< "Russian peacekeepers": the armed forces of the state `entry`, `group` says which
  kAuthority,  ///< "Karabakh officials": the authorities of the place `entry`
  kRole,       ///< "the prime minister": an office holder named by a role; `title` is the role
  kCollective, ///< "the unions", "rubber producers": a side of labour or trade talks; `group` is its head noun
};

struct Mention {
  size_t begin = 0, end = 0;  ///< the surface form in the article text
  size_t sentence = 0;        ///< index into Tagged::sentences
  MentionKind kind = MentionKind::kUnknown;
  int entry = -1;             ///< gazetteer entry (for kCapital: the city)
  EntityType type = EntityType::kPerson;  ///< best guess from the cues
  bool typed_by_cue = false;  ///< `type` comes from a cue (title, head word), not a default
  bool place_position = false;  ///< after "in", "at", "near", ... : a place reading
  bool acting = false;        ///< followed by a verb of saying, a possessive or a state noun
  bool sentence_initial = false;
  /// Where a person's name does not stand, for a name that is a person's only by default or by
  /// the verb after it: after an article ("the Volvo had come", "the failed Christmas Day plot"),
  /// or, for a name of two words or more, before the noun it modifies ("Comic Relief day"). Such a
  /// mention names whom the article names elsewhere ("the Blair government"), never a new entity.
  bool thing_position = false;
  std::string prev;           ///< the folded word before the mention ("" at sentence start)
  std::string preposition;    ///< the folded word before the mention past an article ("to" in "to the UN")
  size_t tokens = 0;          ///< number of word tokens in the surface
  std::string key;            ///< name_key of the surface
  std::string group;          ///< kForces: the force_nouns group ("peacekeepers"); kCollective: the singular head ("union")
  std::string title;          ///< persons: the title before the name ("foreign minister"); kRole: the role
  int state = -1;             ///< a body named with its state ("the Kuwaiti Foreign Ministry"): the state's gazetteer entry
  size_t body_begin = 0;      ///< with `state`: the byte where the body's own words begin ("Foreign Ministry"), else 0
};

struct Tagged {
  std::vector<text::Sentence> sentences;
  std::vector<Mention> mentions;     ///< in text order, non-overlapping
  std::vector<DateMention> dates;    ///< in text order
};

/// The sentences are the analysis's: the article is segmented once, by the syntax stage.
Tagged tag(const text::Document& doc, const syntax::Analysis& analysis, const mappings::Mappings& m);

/// A folded surname less the prefix particle it opens with ("shaheen" for "al-shaheen"; the
/// particles ending in "-" of lexicon/name_particles.tsv), or "" when it opens with none.
std::string without_prefix_particle(const std::string& surname, const mappings::Lexicon& lex);

}  // namespace parley::ner
