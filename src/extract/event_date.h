/// The date an event's sentence gives for it, resolved against the article date, with its
/// precision: the date expression the parse attaches to the event's clause (or, in an unparsed
/// sentence, the one nearest the trigger). A date inside another clause of the sentence ("the
/// demand he first made on 12 March", "..., a week after talks in Baku on 3 March") belongs to
/// that other event and is not taken; a weekday is anchored before or after the article date by
/// the tense of the clause it is in ("met on Tuesday": before; "will meet on Tuesday": after).
///
///   EventDate d = event_date(doc, tagged, analysis.sentences[si], si, trigger_word, trigger_byte, m.classes);
///   if (d.day) write(d.day->iso(), ner::precision_name(d.precision));
///
/// Pure function of its arguments; cost linear in the sentence's length and its dates.
#pragma once

#include <optional>

#include "mappings/mappings.h"
#include "ner/dates.h"
#include "ner/tagger.h"
#include "syntax/sentence.h"
#include "text/document.h"

namespace parley::extract {

struct EventDate {
  std::optional<text::Date> day;                 ///< the first day of the month or year when coarser
  ner::Precision precision = ner::Precision::kDay;
};

/// The date of the event whose trigger is word `trigger` (-1 when it is no word of the parse)
/// at byte `at` of sentence `si`. `s` is the sentence's analysis (parsed or not).
/// `classes` gives the meeting nouns (talks_noun) a date may be told on.
EventDate event_date(const text::Document& doc, const ner::Tagged& t, const syntax::Sentence& s, size_t si, int trigger,
                     size_t at, const mappings::LexiconClasses& classes);

/// The word of `s` that heads the date expression `d` (the word in its span whose head lies
/// outside it), or -1 when no word lies in the span.
int date_word(const syntax::Sentence& s, const ner::DateMention& d);

}  // namespace parley::extract
