/// What the parse says about an event beyond who and what: its status (happened, planned,
/// refused, hypothetical, habitual) and its kind (a meeting's visit, call, summit or talks; a
/// denial's criticism, rejection or denial of a claim), read from the trigger's clause with the
/// words of lexicon/event_kinds.tsv.
///
///   const std::string status = event_status(s, trigger, m.event_kinds, /*meeting=*/true);
///   const std::string kind = event_kind(s, trigger, m.event_kinds, EventKinds::kMeetingKind);
///
/// Status, strongest first: refused (a governing word of the class: "refused to meet", "the talks
/// were cancelled"; for a meeting also a negated trigger or a negated verb it completes: "did
/// not meet", "did not agree to meet"; a statement's governing words count only through
/// complements, "declined to demand", since "rejects the IMF demand" rejects a demand that was
/// made), hypothetical (a modal
/// such as "would" or "could", a condition or a question: grammar::hypothetical), planned (a
/// governing word such as "plans to", "agreed to", "scheduled", or the future tense: "will
/// meet", "is to meet"), habitual ("regularly meet", "annual talks"), else happened. Pure
/// functions of their arguments; cost linear in the sentence.
#pragma once

#include <string>

#include "mappings/mappings.h"
#include "syntax/sentence.h"

namespace parley::extract {

/// The status of the event whose trigger is word `trigger` of `s` ("happened" when `s` is not
/// parsed or `trigger` is -1). `meeting`: a negated trigger means the meeting did not take
/// place (a statement's rule reads its own negation: "would not accept" is a rejection made).
std::string event_status(const syntax::Sentence& s, int trigger, const mappings::EventKinds& k, bool meeting);

/// The value of `property` (kMeetingKind or kDenialKind) for the trigger: its lemma's row; for a
/// meeting whose trigger names no closer kind, a compound's or modifier's ("summit talks",
/// "telephone conversation", "spoke by telephone"); else the `*` row.
std::string event_kind(const syntax::Sentence& s, int trigger, const mappings::EventKinds& k,
                       mappings::EventKinds::Property property);

}  // namespace parley::extract
