/// One article as parley reads it: identifier, text (valid UTF-8) and metadata.
///
///   Document d;  d.id = "seed0.txt";  d.text = "...";
///   for (const Sentence& s : segment(d.text, abbreviations)) use(d.text.substr(s.begin, s.size()));
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace parley::text {

/// A calendar date (proleptic Gregorian). year 0 means unknown.
struct Date {
  int year = 0;
  int month = 0;  ///< 1..12
  int day = 0;    ///< 1..31

  bool valid() const;
  /// "YYYY-MM-DD"; only for valid dates.
  std::string iso() const;
  /// Days since 1970-01-01.
  int64_t days() const;
  static Date from_days(int64_t days);
  /// 0 = Monday ... 6 = Sunday.
  int weekday() const;
  /// Parses exactly "YYYY-MM-DD" (a longer ISO timestamp is accepted and cut to its date).
  static std::optional<Date> parse_iso(std::string_view s);

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;
};

/// An article. `text` is valid UTF-8: offsets written to the graph are byte offsets into it.
struct Document {
  std::string id;      ///< file base name or JSON Lines `id`
  std::string text;
  std::string title;   ///< JSON `title`, or the headline line of a text file when there is one
  std::string url;     ///< JSON `url`, may be empty
  std::string category;  ///< JSON `category` (a news section such as "politics"), may be empty
  std::optional<Date> date;  ///< publication date: --date, JSON `date`, or found in the text
  std::string source;  ///< the input path it came from (for messages)
  int line = 0;        ///< the JSON Lines line it came from (0 for a text file)
};

}  // namespace parley::text
