#include "ner/dates.h"

#include <re2/re2.h>

#include <string>

namespace parley::ner {
namespace {

using text::Date;

constexpr const char* kMonth =
    "(jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|"
    "aug(?:ust|\\.)?|sept?(?:ember|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?)";

int month_number(std::string_view m) {
  static const char* kNames[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                 "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string l(m.substr(0, 3));
  for (char& c : l) c = static_cast<char>(c | 0x20);
  for (int i = 0; i < 12; ++i)
    if (l == kNames[i]) return i + 1;
  return 0;
}

int weekday_number(std::string_view w) {
  static const char* kNames[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::string l(w.substr(0, 3));
  for (char& c : l) c = static_cast<char>(c | 0x20);
  for (int i = 0; i < 7; ++i)
    if (l == kNames[i]) return i;
  return -1;
}

struct Patterns {
  RE2 iso{"(?:^|[^0-9])((\\d{4})-(\\d{2})-(\\d{2}))(?:[^0-9]|$)"};
  RE2 day_month{std::string("(?i)(?:^|[^\\pL\\pN])((\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?") + kMonth +
                "(?:,?\\s+(\\d{4}))?)(?:[^\\pL\\pN]|$)"};
  RE2 month_day{std::string("(?i)(?:^|[^\\pL\\pN])(") + kMonth +
                "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?)(?:[^\\pL\\pN]|$)"};
  RE2 weekday{"(?:^|[^\\pL\\pN])((Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?:[^\\pL\\pN]|$)"};
  RE2 relative{"(?i)(?:^|[^\\pL\\pN])(yesterday|today|tomorrow)(?:[^\\pL\\pN]|$)"};
  // "March 2023", "in March" (capitalised, after "in": "may" is a verb), "in 1974"
  RE2 month_year{std::string("(?i)(?:^|[^\\pL\\pN])(") + kMonth + ",?\\s+(\\d{4}))(?:[^\\pL\\pN]|$)"};
  RE2 month_alone{"(?:^|[^\\pL\\pN])(?:[Ii]n|[Ee]arly|[Ll]ate|[Mm]id-|[Ss]ince|[Dd]uring)\\s+"
                  "((January|February|March|April|May|June|July|August|September|October|November|December))"
                  "(?:[^\\pL\\pN]|$)"};
  RE2 year_alone{"(?:^|[^\\pL\\pN])(?:[Ii]n|[Dd]uring)\\s+((1[89]\\d\\d|20\\d\\d))(?:[^\\pL\\pN'\\x{2019}-]|$)"};
  // "last Tuesday", "next Tuesday", "this coming Tuesday": said of the weekday that follows
  RE2 weekday_last{"(?i)(?:^|[^\\pL])last\\s+$"};
  RE2 weekday_next{"(?i)(?:^|[^\\pL])(?:next|coming)\\s+$"};
  RE2 future{"(?i)(?:^|[^\\pL])(will|shall|next|upcoming|scheduled|due to|is to|are to)(?:[^\\pL]|$)"};
};

const Patterns& patterns() {
  static const Patterns p;
  return p;
}

bool overlaps(const std::vector<DateMention>& v, size_t b, size_t e) {
  for (const DateMention& d : v)
    if (b < d.end && d.begin < e) return true;
  return false;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

}  // namespace

std::vector<DateMention> find_dates(std::string_view text, const text::Sentence& s) {
  const Patterns& p = patterns();
  std::vector<DateMention> out;
  const std::string_view sv = s.view(text);
  const bool future = RE2::PartialMatch(re2::StringPiece(sv.data(), sv.size()), p.future);
  auto offset = [&](re2::StringPiece part) { return s.begin + static_cast<size_t>(part.data() - sv.data()); };

  re2::StringPiece in(sv.data(), sv.size()), whole, y, m, d;
  while (RE2::FindAndConsume(&in, p.iso, &whole, &y, &m, &d)) {
    Date dt{to_int(std::string_view(y.data(), y.size())), to_int(std::string_view(m.data(), m.size())), to_int(std::string_view(d.data(), d.size()))};
    if (dt.valid()) out.push_back({offset(whole), offset(whole) + whole.size(), DateMention::Kind::kAbsolute, dt});
  }
  // "2 March 2023" and "March 2, 2023" (with or without the year)
  for (int form = 0; form < 2; ++form) {
    in = re2::StringPiece(sv.data(), sv.size());
    re2::StringPiece a, b, year;
    const RE2& re = form == 0 ? p.day_month : p.month_day;
    while (RE2::FindAndConsume(&in, re, &whole, &a, &b, &year)) {
      const re2::StringPiece dp = form == 0 ? a : b, mp = form == 0 ? b : a;
      const std::string_view day(dp.data(), dp.size()), mon(mp.data(), mp.size());
      const size_t begin = offset(whole), end = begin + whole.size();
      if (overlaps(out, begin, end)) continue;
      Date dt{year.empty() ? 0 : to_int(std::string_view(year.data(), year.size())), month_number(mon), to_int(day)};
      Date check = dt;
      if (check.year == 0) check.year = 2000;  // leap year: accepts 29 February
      if (!check.valid()) continue;
      // "May" alone is too ambiguous to be a month without a day; the day is required here.
      DateMention dm{begin, end, year.empty() ? DateMention::Kind::kMonthDay : DateMention::Kind::kAbsolute, dt};
      dm.future = future;
      out.push_back(dm);
    }
  }
  // "March 2023": month precision
  in = re2::StringPiece(sv.data(), sv.size());
  {
    re2::StringPiece mon, year;
    while (RE2::FindAndConsume(&in, p.month_year, &whole, &mon, &year)) {
      const size_t begin = offset(whole), end = begin + whole.size();
      if (overlaps(out, begin, end)) continue;
      DateMention dm{begin, end, DateMention::Kind::kMonthYear,
                     Date{to_int(std::string_view(year.data(), year.size())), month_number(std::string_view(mon.data(), mon.size())), 1}};
      if (dm.date.valid()) out.push_back(dm);
    }
  }
  // "in March": month precision, the year from the article date
  in = re2::StringPiece(sv.data(), sv.size());
  {
    re2::StringPiece mon;
    while (RE2::FindAndConsume(&in, p.month_alone, &whole, &mon)) {
      const size_t begin = offset(whole), end = begin + whole.size();
      if (overlaps(out, begin, end)) continue;
      DateMention dm{begin, end, DateMention::Kind::kMonth, Date{0, month_number(std::string_view(mon.data(), mon.size())), 1}};
      dm.future = future;
      out.push_back(dm);
    }
  }
  // "in 1974": year precision
  in = re2::StringPiece(sv.data(), sv.size());
  {
    re2::StringPiece year;
    while (RE2::FindAndConsume(&in, p.year_alone, &whole, &year)) {
      const size_t begin = offset(whole), end = begin + whole.size();
      if (overlaps(out, begin, end)) continue;
      out.push_back({begin, end, DateMention::Kind::kYear, Date{to_int(std::string_view(year.data(), year.size())), 1, 1}});
    }
  }
  in = re2::StringPiece(sv.data(), sv.size());
  re2::StringPiece wd, stem;
  while (RE2::FindAndConsume(&in, p.weekday, &wd, &stem)) {
    const size_t begin = offset(wd);
    if (overlaps(out, begin, begin + wd.size())) continue;
    DateMention dm{begin, begin + wd.size(), DateMention::Kind::kWeekday};
    dm.weekday = weekday_number(std::string_view(wd.data(), wd.size()));
    dm.future = future;
    // "last Tuesday" is before the article date, "next Tuesday" after it, whatever the tense
    const re2::StringPiece before(sv.data(), begin - s.begin);
    if (RE2::PartialMatch(before, p.weekday_last)) {
      dm.past = true;
      dm.future = false;
    } else if (RE2::PartialMatch(before, p.weekday_next)) {
      dm.next = true;
      dm.future = true;
    }
    out.push_back(dm);
  }
  in = re2::StringPiece(sv.data(), sv.size());
  re2::StringPiece rel;
  while (RE2::FindAndConsume(&in, p.relative, &rel)) {
    const size_t begin = offset(rel);
    DateMention dm{begin, begin + rel.size(), DateMention::Kind::kRelative};
    const char c = static_cast<char>(rel[2] | 0x20);  // yeSterday, toDay, toMorrow
    dm.offset_days = c == 's' ? -1 : c == 'd' ? 0 : 1;
    out.push_back(dm);
  }
  std::sort(out.begin(), out.end(), [](const DateMention& x, const DateMention& z) { return x.begin < z.begin; });
  // "Wednesday, March 1": the weekday adds nothing when a month-day or date follows at once
  std::vector<DateMention> kept;
  for (size_t i = 0; i < out.size(); ++i) {
    if (out[i].kind == DateMention::Kind::kWeekday && i + 1 < out.size() &&
        out[i + 1].kind != DateMention::Kind::kWeekday && out[i + 1].begin <= out[i].end + 3)
      continue;
    kept.push_back(out[i]);
  }
  return kept;
}

std::optional<Date> resolve(const DateMention& d, const std::optional<Date>& anchor) {
  switch (d.kind) {
    case DateMention::Kind::kAbsolute:
      return d.date;
    case DateMention::Kind::kMonthDay: {
      if (!anchor) return std::nullopt;
      // the latest year that puts the day no further ahead of the article date than a report
      // reaches: a few weeks ("called for redemption on April 30", "with effect from July 4":
      // a past-tense verb often announces a day to come), most of a year in the future tense
      // ("will meet on January 3" in an article of December 29 is next January)
      const int64_t ahead = d.future ? 300 : 45;
      for (int y = anchor->year + 1; y >= anchor->year - 1; --y) {
        Date c{y, d.date.month, d.date.day};
        if (!c.valid()) continue;  // 29 February
        if (c.days() <= anchor->days() + ahead) return c;
      }
      return std::nullopt;
    }
    case DateMention::Kind::kMonthYear:
    case DateMention::Kind::kYear:
      return d.date;
    case DateMention::Kind::kMonth: {
      if (!anchor) return std::nullopt;
      Date c{anchor->year, d.date.month, 1};
      // a month more than one after the article's is last year's, unless the clause speaks of
      // the future ("in early April" in an article of March is this April)
      if (!d.future && c.month > anchor->month + 1) c.year -= 1;
      return c.valid() ? std::optional<Date>(c) : std::nullopt;
    }
    case DateMention::Kind::kWeekday: {
      if (!anchor) return std::nullopt;
      int delta = (anchor->weekday() - d.weekday + 7) % 7;
      // "last Tuesday" in an article of a Tuesday is a week before it
      if (d.past && delta == 0) delta = 7;
      if (d.future) {
        const int ahead = (d.weekday - anchor->weekday() + 7) % 7;
        return Date::from_days(anchor->days() + (ahead == 0 ? 7 : ahead));
      }
      return Date::from_days(anchor->days() - delta);
    }
    case DateMention::Kind::kRelative:
      if (!anchor) return std::nullopt;
      return Date::from_days(anchor->days() + d.offset_days);
  }
  return std::nullopt;
}

Precision precision(const DateMention& d) {
  switch (d.kind) {
    case DateMention::Kind::kMonthYear:
    case DateMention::Kind::kMonth: return Precision::kMonth;
    case DateMention::Kind::kYear: return Precision::kYear;
    default: return Precision::kDay;
  }
}

const char* precision_name(Precision p) {
  switch (p) {
    case Precision::kDay: return "day";
    case Precision::kMonth: return "month";
    case Precision::kYear: return "year";
  }
  return "day";
}

std::optional<Date> find_article_date(std::string_view text) {
  // A dateline opens a line: "Friday, January 4, 2019", "Thursday 2 March 2023 - 18:33",
  // " date 2023-03-01 ...", or a wire dateline "LONDON, March 2, 2023 -" (upper-case words
  // and a comma before the date, a dash after it). Only the first lines are read: a date
  // further down, or inside a sentence, is about an event, not the article.
  static const RE2 kLead{"(?i)^[\\s,]*(?:(?:date[d]?|published|updated)[:\\s]+)?"
                         "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day[,\\s]+)?$"};
  size_t line = 0;
  for (int lines = 0; lines < 6 && line < text.size() && line < 400; ++lines) {
    const size_t nl = text.find('\n', line);
    const size_t end = nl == std::string_view::npos ? text.size() : nl;
    const text::Sentence s{line, end};
    for (const DateMention& d : find_dates(text, s)) {
      if (d.kind != DateMention::Kind::kAbsolute) continue;
      const std::string_view before = text.substr(line, d.begin - line);
      bool wire = before.find(',') != std::string_view::npos && !before.empty();
      for (char c : before) wire = wire && !(c >= 'a' && c <= 'z');
      const std::string_view after = text.substr(d.end, std::min<size_t>(16, end - d.end));
      wire = wire && after.find_first_of("-\xE2") != std::string_view::npos && after.find_first_of("-\xE2") <= 12;
      if (wire || RE2::FullMatch(re2::StringPiece(before.data(), before.size()), kLead)) return d.date;
      break;  // the line's first date is inside a sentence
    }
    line = end + 1;
  }
  return std::nullopt;
}

}  // namespace parley::ner
