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
  in = re2::StringPiece(sv.data(), sv.size());
  re2::StringPiece wd, stem;
  while (RE2::FindAndConsume(&in, p.weekday, &wd, &stem)) {
    const size_t begin = offset(wd);
    if (overlaps(out, begin, begin + wd.size())) continue;
    DateMention dm{begin, begin + wd.size(), DateMention::Kind::kWeekday};
    dm.weekday = weekday_number(std::string_view(wd.data(), wd.size()));
    dm.future = future;
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
      Date c{anchor->year, d.date.month, d.date.day};
      if (!c.valid()) c.year -= 1;  // 29 February
      if (!c.valid()) return std::nullopt;
      // on or before the anchor, unless it is just ahead of it (a scheduled event)
      if (c.days() > anchor->days() + (d.future ? 200 : 45)) {
        c.year -= 1;
        if (!c.valid()) return std::nullopt;
      }
      return c;
    }
    case DateMention::Kind::kWeekday: {
      if (!anchor) return std::nullopt;
      int delta = (anchor->weekday() - d.weekday + 7) % 7;
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

std::optional<Date> find_article_date(std::string_view text) {
  // the first few lines only: a date further down is about an event, not the article
  size_t end = 0;
  for (int lines = 0; lines < 6 && end < text.size(); ++lines) {
    const size_t nl = text.find('\n', end);
    end = nl == std::string_view::npos ? text.size() : nl + 1;
  }
  end = std::min(end, std::min(text.size(), size_t{400}));
  const text::Sentence head{0, end};
  for (const DateMention& d : find_dates(text, head))
    if (d.kind == DateMention::Kind::kAbsolute) return d.date;
  return std::nullopt;
}

}  // namespace parley::ner
