#include "text/document.h"

#include <gtest/gtest.h>

namespace parley::text {
namespace {

TEST(Date, Valid) {
  struct Row {
    Date d;
    bool valid;
  };
  static const Row kRows[] = {
      {{2023, 3, 1}, true},   {{2000, 2, 29}, true},  {{2024, 2, 29}, true},
      {{2023, 2, 29}, false}, {{1900, 2, 29}, false}, {{2023, 4, 31}, false},
      {{2023, 12, 31}, true}, {{2023, 13, 1}, false}, {{2023, 0, 1}, false},
      {{2023, 1, 0}, false},  {{0, 1, 1}, false},     {{9999, 12, 31}, true},
      {{10000, 1, 1}, false}, {{1, 1, 1}, true},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(std::to_string(row.d.year) + "-" + std::to_string(row.d.month) + "-" +
                 std::to_string(row.d.day));
    EXPECT_EQ(row.d.valid(), row.valid);
  }
  EXPECT_FALSE(Date{}.valid());
}

TEST(Date, Iso) {
  EXPECT_EQ((Date{2023, 3, 1}).iso(), "2023-03-01");
  EXPECT_EQ((Date{1999, 12, 31}).iso(), "1999-12-31");
  EXPECT_EQ((Date{5, 1, 2}).iso(), "0005-01-02");
}

TEST(Date, DaysKnownValues) {
  EXPECT_EQ((Date{1970, 1, 1}).days(), 0);
  EXPECT_EQ((Date{1970, 1, 2}).days(), 1);
  EXPECT_EQ((Date{1969, 12, 31}).days(), -1);
  EXPECT_EQ((Date{2000, 3, 1}).days() - (Date{2000, 2, 28}).days(), 2);
  EXPECT_EQ((Date{2023, 3, 1}).days() - (Date{2023, 2, 28}).days(), 1);
  EXPECT_EQ((Date{2023, 3, 1}).days(), 19417);
}

TEST(Date, FromDaysRoundTripsOverTwoCenturies) {
  const int64_t first = Date{1900, 1, 1}.days();
  const int64_t last = Date{2100, 12, 31}.days();
  Date prev = Date::from_days(first - 1);
  EXPECT_EQ(prev, (Date{1899, 12, 31}));
  for (int64_t d = first; d <= last; ++d) {
    const Date x = Date::from_days(d);
    ASSERT_TRUE(x.valid()) << d;
    ASSERT_EQ(x.days(), d) << x.iso();
    ASSERT_LT(prev, x) << x.iso();
    ASSERT_EQ(x.weekday(), (prev.weekday() + 1) % 7) << x.iso();
    std::optional<Date> parsed = Date::parse_iso(x.iso());
    ASSERT_TRUE(parsed.has_value()) << x.iso();
    ASSERT_EQ(*parsed, x);
    prev = x;
  }
  EXPECT_EQ(prev, (Date{2100, 12, 31}));
}

TEST(Date, WeekdayOfKnownDates) {
  struct Row {
    Date d;
    int weekday;  // 0 = Monday
  };
  static const Row kRows[] = {
      {{2023, 3, 1}, 2},   // Wednesday
      {{2023, 3, 2}, 3},   // Thursday
      {{1970, 1, 1}, 3},   // Thursday
      {{2000, 1, 1}, 5},   // Saturday
      {{2024, 2, 29}, 3},  // Thursday
      {{2023, 1, 1}, 6},   // Sunday
      {{2023, 1, 2}, 0},   // Monday
      {{1969, 12, 31}, 2}, // Wednesday (negative day count)
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.d.iso());
    EXPECT_EQ(row.d.weekday(), row.weekday);
  }
}

TEST(Date, ParseIso) {
  struct Row {
    const char* in;
    std::optional<Date> out;
  };
  static const Row kRows[] = {
      {"2023-03-01", Date{2023, 3, 1}},
      {"2023-03-01T10:00:00Z", Date{2023, 3, 1}},
      {"2023-03-01T10:00:00+02:00", Date{2023, 3, 1}},
      {"2024-02-29", Date{2024, 2, 29}},
      {"2023-02-30", std::nullopt},
      {"2023-02-29", std::nullopt},
      {"2023-13-01", std::nullopt},
      {"23-03-01", std::nullopt},
      {"2023/03/01", std::nullopt},
      {"2023-3-01", std::nullopt},
      {"2023-03-1", std::nullopt},
      {"2023-03-01x", std::nullopt},
      {"0000-01-01", std::nullopt},
      {"abcd-ef-gh", std::nullopt},
      {"", std::nullopt},
      {"March 1, 2023", std::nullopt},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.in);
    EXPECT_EQ(Date::parse_iso(row.in), row.out);
  }
}

}  // namespace
}  // namespace parley::text
