#include "extract/event_date.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "extract/extractor.h"
#include "ner/tagger.h"
#include "test_support.h"

namespace parley::extract {
namespace {

using text::Date;

struct Read {
  text::Document doc;
  syntax::Analysis analysis;
  ner::Tagged tagged;
  Extraction x;
};

Read read(const std::string& text, std::optional<Date> date) {
  const mappings::Mappings& m = unit::real_mappings();
  Read r;
  r.doc.id = "t";
  r.doc.text = text;
  r.doc.date = date;
  r.analysis = unit::analyze(r.doc.text);
  r.tagged = ner::tag(r.doc, r.analysis, m);
  r.x = extract(r.doc, r.tagged, r.analysis, m);
  return r;
}

// The events of each class the text holds, with the date each got: the hard cases of issue 13
// (weekdays before and after the article date, a month-day across a year end, "last week", a
// date inside another event told in the same sentence).
TEST(EventDate, HardCases) {
  struct Row {
    const char* text;
    Date article;
    EventClass cls;
    std::optional<Date> date;  // nullopt: the text gives none (the report date is written)
    ner::Precision precision = ner::Precision::kDay;
  };
  // 2023-03-01 is a Wednesday
  const Row kRows[] = {
      {"Armenian and Azerbaijani officials met in Tbilisi on Tuesday.", Date{2023, 3, 1}, EventClass::kMeeting,
       Date{2023, 2, 28}},
      {"Armenian and Azerbaijani officials will meet in Tbilisi on Tuesday.", Date{2023, 3, 1}, EventClass::kMeeting,
       Date{2023, 3, 7}},
      {"Armenian and Azerbaijani officials will meet in Tbilisi next Tuesday.", Date{2023, 3, 1},
       EventClass::kMeeting, Date{2023, 3, 7}},
      {"Armenian and Azerbaijani officials met in Tbilisi on December 30.", Date{2024, 1, 2}, EventClass::kMeeting,
       Date{2023, 12, 30}},
      {"Armenian and Azerbaijani officials met in Tbilisi last week.", Date{2023, 3, 1}, EventClass::kMeeting,
       std::nullopt},
      {"Armenian and Azerbaijani officials met in Tbilisi in February.", Date{2023, 3, 1}, EventClass::kMeeting,
       Date{2023, 2, 1}, ner::Precision::kMonth},
      {"Kuwait on Tuesday rejected charges that its boats were spying.", Date{2023, 3, 1}, EventClass::kDenial,
       Date{2023, 2, 28}},
      // the date belongs to the earlier talks the sentence recalls, not to the denial
      {"Kuwait rejected charges that it had broken the accord it signed on 12 January.", Date{2023, 3, 1},
       EventClass::kDenial, std::nullopt},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text + std::string(" @ ") + row.article.iso());
    const Read r = read(row.text, row.article);
    const Event* found = nullptr;
    for (const Event& e : r.x.events)
      if (e.cls == row.cls && !found) found = &e;
    ASSERT_NE(found, nullptr) << "no event of the class";
    EXPECT_EQ(found->date, row.date);
    if (row.date) {
      EXPECT_EQ(found->precision, row.precision);
    }
  }
}

TEST(EventDate, DateWordIsTheHeadOfTheSpan) {
  const std::string text = "They met on 2 March 2023.";
  const Read r = read(text, std::nullopt);
  ASSERT_EQ(r.tagged.dates.size(), 1u);
  const syntax::Sentence& s = r.analysis.sentences[0];
  const int w = date_word(s, r.tagged.dates[0]);
  ASSERT_GE(w, 0);
  EXPECT_GE(s.words[static_cast<size_t>(w)].begin, r.tagged.dates[0].begin);
  EXPECT_LE(s.words[static_cast<size_t>(w)].end, r.tagged.dates[0].end);
}

}  // namespace
}  // namespace parley::extract
