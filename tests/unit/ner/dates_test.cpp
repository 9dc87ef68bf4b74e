#include "ner/dates.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace parley::ner {
namespace {

using text::Date;
using Kind = DateMention::Kind;

text::Sentence whole(std::string_view s) { return text::Sentence{0, s.size()}; }

TEST(Dates, FindAndResolve) {
  struct Row {
    const char* text;
    const char* surface;          // the span found (the first date of the sentence)
    std::optional<Date> anchor;
    std::optional<Date> resolved;
  };
  const std::optional<Date> kNone;
  const Row kRows[] = {
      {"Talks began on 2023-03-01 in Baku.", "2023-03-01", kNone, Date{2023, 3, 1}},
      {"They met on 2 March 2023.", "2 March 2023", kNone, Date{2023, 3, 2}},
      {"They met on 2nd of March, 2023.", "2nd of March, 2023", kNone, Date{2023, 3, 2}},
      {"They met on March 2, 2023, in Geneva.", "March 2, 2023", kNone, Date{2023, 3, 2}},
      {"They met on Sept. 14, 2022.", "Sept. 14, 2022", kNone, Date{2022, 9, 14}},
      {"They met on March 1.", "March 1", Date{2023, 3, 30}, Date{2023, 3, 1}},
      {"They met on 1 March.", "1 March", Date{2023, 3, 30}, Date{2023, 3, 1}},
      {"They met on December 30.", "December 30", Date{2023, 1, 2}, Date{2022, 12, 30}},
      {"They met on February 29.", "February 29", Date{2023, 3, 10}, std::nullopt},
      {"They met on February 29.", "February 29", Date{2024, 3, 10}, Date{2024, 2, 29}},
      {"They met on Wednesday.", "Wednesday", Date{2023, 3, 2}, Date{2023, 3, 1}},
      {"They met on Wednesday.", "Wednesday", Date{2023, 3, 1}, Date{2023, 3, 1}},
      {"They met on Thursday.", "Thursday", Date{2023, 3, 1}, Date{2023, 2, 23}},
      {"They will meet on Friday.", "Friday", Date{2023, 3, 1}, Date{2023, 3, 3}},
      {"They will meet on Wednesday.", "Wednesday", Date{2023, 3, 1}, Date{2023, 3, 8}},
      {"They met yesterday.", "yesterday", Date{2023, 3, 1}, Date{2023, 2, 28}},
      {"They meet today.", "today", Date{2023, 3, 1}, Date{2023, 3, 1}},
      {"They meet tomorrow.", "tomorrow", Date{2023, 12, 31}, Date{2024, 1, 1}},
      {"They met on Wednesday.", "Wednesday", kNone, std::nullopt},
      {"They met on March 1.", "March 1", kNone, std::nullopt},
      {"They met yesterday.", "yesterday", kNone, std::nullopt},
      {"On Wednesday, March 1, they met.", "March 1", Date{2023, 3, 30}, Date{2023, 3, 1}},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text + std::string(" @ ") + (row.anchor ? row.anchor->iso() : "none"));
    const std::string_view t(row.text);
    const std::vector<DateMention> ds = find_dates(t, whole(t));
    ASSERT_EQ(ds.size(), 1u);
    EXPECT_EQ(t.substr(ds[0].begin, ds[0].end - ds[0].begin), row.surface);
    EXPECT_EQ(resolve(ds[0], row.anchor), row.resolved);
  }
}

TEST(Dates, Kinds) {
  const std::string t = "On 2023-03-01, 2 March, Friday and yesterday.";
  const std::vector<DateMention> ds = find_dates(t, whole(t));
  ASSERT_EQ(ds.size(), 4u);
  EXPECT_EQ(ds[0].kind, Kind::kAbsolute);
  EXPECT_EQ(ds[1].kind, Kind::kMonthDay);
  EXPECT_EQ(ds[1].date.month, 3);
  EXPECT_EQ(ds[1].date.day, 2);
  EXPECT_EQ(ds[1].date.year, 0);
  EXPECT_EQ(ds[2].kind, Kind::kWeekday);
  EXPECT_EQ(ds[2].weekday, 4);
  EXPECT_EQ(ds[3].kind, Kind::kRelative);
  EXPECT_EQ(ds[3].offset_days, -1);
}

TEST(Dates, NotDates) {
  static const char* const kTexts[] = {
      "They met last week.",
      "Talks may resume soon.",         // "may" is not May
      "He visited in may.",             // a month alone is capitalised and follows "in"
      "Talks in 2023x.",                // runs on
      "The 1974 talks failed.",         // a year alone only after "in"
      "They met last month.",           // vague
      "They met earlier this year.",    // vague
      "The 2023-02-30 report.",         // no such day
      "Order number 12023-03-01x.",     // digits run on
      "A weekday in lower case: monday.",  // weekdays are capitalised
      "Article 31 of the treaty.",
  };
  for (const char* t : kTexts) {
    SCOPED_TRACE(t);
    const std::string_view s(t);
    EXPECT_TRUE(find_dates(s, whole(s)).empty());
  }
}

// The hard cases of issue 13: weekdays before and after the article date, month-days across a
// year end, coarse dates with their precision.
TEST(Dates, HardCasesAgainstTheArticleDate) {
  struct Row {
    const char* text;
    const char* surface;
    Date anchor;
    std::optional<Date> resolved;
    Precision precision = Precision::kDay;
  };
  const Row kRows[] = {
      // 2023-03-01 is a Wednesday
      {"They met on Tuesday.", "Tuesday", Date{2023, 3, 1}, Date{2023, 2, 28}},
      {"They met on Monday.", "Monday", Date{2023, 3, 1}, Date{2023, 2, 27}},
      {"They met last Wednesday.", "Wednesday", Date{2023, 3, 1}, Date{2023, 2, 22}},
      {"They meet next Tuesday.", "Tuesday", Date{2023, 3, 1}, Date{2023, 3, 7}},
      {"They meet next Thursday.", "Thursday", Date{2023, 3, 1}, Date{2023, 3, 2}},
      {"Talks are scheduled for Friday.", "Friday", Date{2023, 3, 1}, Date{2023, 3, 3}},
      // across a year end, both ways
      {"They met on Dec 30.", "Dec 30", Date{2024, 1, 2}, Date{2023, 12, 30}},
      {"They met on 31 December.", "31 December", Date{2024, 1, 1}, Date{2023, 12, 31}},
      {"They will meet on January 3.", "January 3", Date{2023, 12, 29}, Date{2024, 1, 3}},
      {"They met on Sunday.", "Sunday", Date{2024, 1, 2}, Date{2023, 12, 31}},
      {"They will meet on Monday.", "Monday", Date{2023, 12, 29}, Date{2024, 1, 1}},
      // coarse dates: the first day of the period, with its precision
      {"They met in March 2023.", "March 2023", Date{2024, 1, 1}, Date{2023, 3, 1}, Precision::kMonth},
      {"They met in March.", "March", Date{2024, 1, 10}, Date{2023, 3, 1}, Precision::kMonth},
      {"They met in January.", "January", Date{2024, 3, 10}, Date{2024, 1, 1}, Precision::kMonth},
      {"They will meet in May.", "May", Date{2024, 3, 10}, Date{2024, 5, 1}, Precision::kMonth},
      // a day or month just ahead of the article date is this year's whatever the tense: a
      // past-tense verb often announces it ("were told to return ... with effect from July 4")
      {"Banks were told to return to a six-day week with effect from July 4.", "July 4", Date{1987, 7, 1},
       Date{1987, 7, 4}},
      {"He told the party to draft a package in early April.", "April", Date{1987, 3, 20}, Date{1987, 4, 1},
       Precision::kMonth},
      {"The parties first met in 1974.", "1974", Date{2004, 3, 10}, Date{1974, 1, 1}, Precision::kYear},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text + std::string(" @ ") + row.anchor.iso());
    const std::string_view t(row.text);
    const std::vector<DateMention> ds = find_dates(t, whole(t));
    ASSERT_EQ(ds.size(), 1u);
    EXPECT_EQ(t.substr(ds[0].begin, ds[0].end - ds[0].begin).find(row.surface) != std::string_view::npos, true)
        << t.substr(ds[0].begin, ds[0].end - ds[0].begin);
    EXPECT_EQ(resolve(ds[0], row.anchor), row.resolved);
    EXPECT_EQ(precision(ds[0]), row.precision);
  }
}

TEST(Dates, OffsetsAreInTheWholeText) {
  const std::string t = "First sentence. They met on 2 March 2023 in Baku.";
  const text::Sentence s{16, t.size()};
  const std::vector<DateMention> ds = find_dates(t, s);
  ASSERT_EQ(ds.size(), 1u);
  EXPECT_EQ(ds[0].begin, t.find("2 March"));
  EXPECT_EQ(ds[0].end, t.find(" in Baku"));
}

TEST(Dates, FindArticleDate) {
  struct Row {
    const char* text;
    std::optional<Date> date;
  };
  const Row kRows[] = {
      {" date 2023-03-01 Representatives of Armenia and Azerbaijan met.", Date{2023, 3, 1}},
      {"Headline\n\nThursday 2 March 2023 - 18:33\n\nText of the article.", Date{2023, 3, 2}},
      {"Headline\n\nMarch 2, 2023\n\nText.", Date{2023, 3, 2}},
      {"Headline\n\nOn Wednesday they met.", std::nullopt},     // not an absolute date
      {"Headline\n\nThey met on 2 March.", std::nullopt},        // no year
      {"One\nTwo\nThree\nFour\nFive\nSix\nSeven 2023-03-01.", std::nullopt},  // too far down
      {"Wednesday, July 10, 2019 \n\nText.", Date{2019, 7, 10}},                // Wikinews
      {"LONDON, March 2, 2023 - Talks began.", Date{2023, 3, 2}},              // wire dateline
      // a date inside a sentence near the top is an event's, not the article's
      {"Headline\n\nThe talks of 2 March 2023 failed.", std::nullopt},
      {"Talks held on 12 May 2004 failed\n\nText.", std::nullopt},
      {"", std::nullopt},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(find_article_date(row.text), row.date);
  }
}

}  // namespace
}  // namespace parley::ner
