/// Finds date expressions in a sentence and resolves them against the article date.
///
///   for (const DateMention& d : find_dates(text, sentence)) {
///     std::optional<Date> day = resolve(d, article_date);   // nullopt: cannot be resolved
///   }
///
/// Forms: ISO ("2023-03-01"), "2 March 2023", "March 2, 2023", "March 2", "2 March",
/// weekdays ("on Wednesday"), "today", "yesterday", "tomorrow". Vague spans ("last week")
/// are not dates. A month and day take the year that puts them nearest the article date
/// (on or before it, unless that is more than a year away); a weekday is the most recent such
/// day on or before the article date, or the next one when the sentence speaks of the future.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "text/document.h"
#include "text/segmenter.h"

namespace parley::ner {

struct DateMention {
  enum class Kind { kAbsolute, kMonthDay, kWeekday, kRelative };
  size_t begin = 0, end = 0;   ///< byte offsets in the article text
  Kind kind = Kind::kAbsolute;
  text::Date date;             ///< kAbsolute: the date; kMonthDay: month and day (year 0)
  int weekday = -1;            ///< kWeekday: 0 = Monday
  int offset_days = 0;         ///< kRelative: -1 yesterday, 0 today, 1 tomorrow
  bool future = false;         ///< the sentence speaks of the future ("will", "next")
  bool dateline = false;       ///< in a wire dateline ("LONDON, March 24 -"): the article's date
};

std::vector<DateMention> find_dates(std::string_view text, const text::Sentence& s);

std::optional<text::Date> resolve(const DateMention& d, const std::optional<text::Date>& anchor);

/// The article's own date when the text states one near its start (a date line, a
/// "date 2023-03-01" prefix): the first absolute date in the first lines.
std::optional<text::Date> find_article_date(std::string_view text);

}  // namespace parley::ner
