/// Finds meetings (with mediators), demands and denials in a tagged, parsed article by firing
/// the dependency rules of mappings/rules/ on each sentence: MeetingReader (meetings.h) gives
/// the meeting words and their sides, MediatorReader (mediators.h) the mediations,
/// StatementReader (statements.h) the demands and denials. This file ties a meeting told over
/// several sentences together (anaphora, joins, repeats).
///
///   Extraction x = extract(doc, tagged, analysis, mappings);
///   for (const Event& e : x.events) ...; x.acts_for[mention]   // "Russian president X": Russia
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "mappings/mappings.h"
#include "ner/tagger.h"
#include "syntax/analyzer.h"
#include "text/document.h"

namespace parley::extract {

using mappings::EventClass;

struct Event {
  EventClass cls = EventClass::kMeeting;   ///< kMeeting, kDemand or kDenial
  const mappings::Rule* rule = nullptr;    ///< the rule that produced it
  size_t sentence = 0;
  size_t last_told = 0;                    ///< meetings: the last sentence that spoke of it
  bool definite = false;                   ///< meetings: named with "the" ("the negotiations between A and B")
  int ordinal = 0;                         ///< meetings: 2 for "the second meeting", 0 when not numbered
  bool earlier = false;                    ///< meetings: told as one before those the article is about ("the previous negotiations")
  size_t trigger = 0;                      ///< byte offset of the trigger (names the event)
  size_t begin = 0, end = 0;               ///< evidence: the sentence
  std::vector<size_t> participants;        ///< mention indices (meetings)
  std::vector<size_t> mediators;           ///< mention indices (meetings)
  std::vector<const mappings::Rule*> mediator_rules;  ///< the rule that found each mediator
  int location = -1;                       ///< mention index (meetings)
  int agent = -1;                          ///< mention index (demands, denials)
  int addressee = -1;                      ///< mention index (demands)
  bool quoted = false;                     ///< statements: said inside a quotation
  std::string content;                     ///< what is demanded or denied, as worded
  size_t content_begin = 0, content_end = 0;  ///< where the content was read (byte offsets)
  std::optional<text::Date> date;         ///< the date the text gives (event_date.h), or none
  ner::Precision precision = ner::Precision::kDay;  ///< of `date`
  std::string status = "happened";         ///< event_attributes.h: happened, planned, refused, ...
  std::string kind;                        ///< meetings: visit, call, summit, talks; denials: criticism, rejection, denial
};

/// What an article says happened, and who acts for whom in it.
struct Extraction {
  std::vector<Event> events;
  /// per mention: the mention of the state or body the person it names acts for, or -1
  /// (Reference::acts_for)
  std::vector<int> acts_for;
};

/// Can mention `m` be an actor here (a person, organisation, group, or a state or capital that
/// is not in a place position)?
bool actor_eligible(const ner::Mention& m);

/// `analysis` is the syntax stage's, with the sentences `wants_parse` names parsed.
Extraction extract(const text::Document& doc, const ner::Tagged& tagged, const syntax::Analysis& analysis,
                   const mappings::Mappings& m);

/// Does a rule need sentence `s` parsed: it holds a lemma some parse rule is anchored on, or a
/// verb of saying (whose subject speaks the sentence)?
bool wants_parse(const syntax::Sentence& s, const mappings::Mappings& m);

/// Parses the tagged sentences of `a` that `wants_parse` names (the others stay unparsed).
void parse_for_rules(syntax::Analysis& a, const syntax::Parser& parser, const mappings::Mappings& m);

}  // namespace parley::extract
