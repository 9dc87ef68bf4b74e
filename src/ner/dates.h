/// Finds date expressions in a sentence and resolves them against the article date.
///
///   for (const DateMention& d : find_dates(text, sentence)) {
///     std::optional<Date> day = resolve(d, article_date);   // nullopt: cannot be resolved
///     Precision p = precision(d);                          // kDay, kMonth or kYear
///   }
///
/// Forms: ISO ("2023-03-01"), "2 March 2023", "March 2, 2023", "March 2", "2 March",
/// weekdays ("on Wednesday", "last Tuesday", "next Friday"), "today", "yesterday", "tomorrow";
/// a month with its year ("in March 2023", "March 2023": month precision), a month after "in"
/// ("in March": month precision, the year from the article date) and a year after "in"
/// ("in 1974": year precision). Vague spans ("last week", "recently") are not dates. A month
/// and day take the year that puts them nearest the article date (on or before it, unless
/// that is more than a year away); a weekday is the most recent such day on or before the
/// article date ("last Tuesday": before it), or the next one after it when the clause speaks
/// of the future ("next Tuesday", "will meet on Tuesday"). A date of month or year precision
/// resolves to the first day of its month or year; `precision` says which.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "text/segmenter.h"

namespace parley::ner {

/// How much of a date the text gives: the day, only the month, or only the year.
enum class Precision { kDay, kMonth, kYear };

/// "day", "month" or "year" (the lexical forms of parley:datePrecision).
const char* precision_name(Precision p);

struct DateMention {
  /// kMonthYear: "March 2023"; kMonth: "in March" (year 0); kYear: "in 1974".
  enum class Kind { kAbsolute, kMonthDay, kWeekday, kRelative, kMonthYear, kMonth, kYear };
  size_t begin = 0, end = 0;   ///< byte offsets in the article text
  Kind kind = Kind::kAbsolute;
  text::Date date;             ///< kAbsolute: the date; kMonthDay: month and day (year 0)
  int weekday = -1;            ///< kWeekday: 0 = Monday
  int offset_days = 0;         ///< kRelative: -1 yesterday, 0 today, 1 tomorrow
  bool future = false;         ///< the sentence speaks of the future ("will", "next")
  bool past = false;           ///< said of a weekday: "last Tuesday" (before the article date)
  bool next = false;           ///< said of a weekday: "next Tuesday" (after the article date)
  bool dateline = false;       ///< in a wire dateline ("LONDON, March 24 -"): the article's date
};

std::vector<DateMention> find_dates(std::string_view text, const text::Sentence& s);

/// The day `d` names, resolved against the article date `anchor` (the first day of the month or
/// year for a date of month or year precision); nullopt when it cannot be told.
std::optional<text::Date> resolve(const DateMention& d, const std::optional<text::Date>& anchor);

/// The precision of what `d` names.
Precision precision(const DateMention& d);

/// The article's own date when the text states one in a dateline: an absolute date that opens
/// one of the first lines ("Friday, January 4, 2019", "Thursday 2 March 2023 - 18:33", a
/// "date 2023-03-01" prefix) or a wire dateline ("LONDON, March 2, 2023 -"). A date inside a
/// sentence is about an event, not the article, and is never taken.
std::optional<text::Date> find_article_date(std::string_view text);

}  // namespace parley::ner
