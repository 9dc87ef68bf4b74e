#include "extract/event_attributes.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/extractor.h"
#include "ner/tagger.h"
#include "test_support.h"

namespace parley::extract {
namespace {

// The first event of class `cls` the pipeline reads from `text` (article of 2023-03-01), or a
// default Event with an empty rule when there is none.
Event first_event(const std::string& text, EventClass cls) {
  const mappings::Mappings& m = unit::real_mappings();
  text::Document doc;
  doc.id = "t";
  doc.text = text;
  doc.date = text::Date{2023, 3, 1};
  const syntax::Analysis a = unit::analyze(doc.text);
  const ner::Tagged t = ner::tag(doc, a, m);
  for (const Event& e : extract(doc, t, a, m).events)
    if (e.cls == cls) return e;
  return Event{};
}

TEST(EventAttributes, StatusFromTheParse) {
  struct Row {
    const char* text;
    EventClass cls;
    const char* status;
  };
  const Row kRows[] = {
      {"Armenian and Azerbaijani officials met in Tbilisi on Tuesday.", EventClass::kMeeting, "happened"},
      {"Armenian and Azerbaijani officials will meet in Tbilisi next week.", EventClass::kMeeting, "planned"},
      {"Armenia and Azerbaijan agreed to hold talks in Tbilisi.", EventClass::kMeeting, "planned"},
      {"Armenian and Azerbaijani officials are to meet in Tbilisi.", EventClass::kMeeting, "planned"},
      // (a meeting refused, cancelled, conditional or habitual is blocked by a rule of
      // rules/meeting.tsv and written nowhere; statements keep their status)
      {"Kuwait rejected charges that its boats were spying for Iraq.", EventClass::kDenial, "happened"},
      {"Kuwait would reject any charges that its boats were spying for Iraq.", EventClass::kDenial, "hypothetical"},
      {"Kuwait regularly condemns attacks by Iraq.", EventClass::kDenial, "habitual"},
      {"Kuwait will demand that Iraq withdraw its troops.", EventClass::kDemand, "planned"},
      {"Kuwait plans to demand that Iraq withdraw its troops.", EventClass::kDemand, "planned"},
      {"Kuwait could demand that Iraq withdraw its troops.", EventClass::kDemand, "hypothetical"},
      {"If Iraq attacks, Kuwait will demand that Iraq withdraw its troops.", EventClass::kDemand, "hypothetical"},
      {"Kuwait often urges Iraq to withdraw its troops.", EventClass::kDemand, "habitual"},
      {"Kuwait declined to demand that Iraq withdraw its troops.", EventClass::kDemand, "refused"},
      // a demand another party rejects was made; meetings that "do not amount to" talks took place
      {"Sudan has rejected a demand by the International Monetary Fund for a currency devaluation.",
       EventClass::kDemand, "happened"},
      {"Western diplomats in Khartoum say the meetings between IMF and Sudanese government officials do not amount "
       "to formal talks.",
       EventClass::kMeeting, "happened"},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text);
    const Event e = first_event(row.text, row.cls);
    ASSERT_NE(e.rule, nullptr) << "no event of the class";
    EXPECT_EQ(e.status, row.status);
  }
}

TEST(EventAttributes, KindFromTheLexicon) {
  struct Row {
    const char* text;
    EventClass cls;
    const char* kind;
  };
  const Row kRows[] = {
      {"Armenian and Azerbaijani officials held talks in Tbilisi.", EventClass::kMeeting, "talks"},
      {"The Armenian president visited Azerbaijan on Tuesday.", EventClass::kMeeting, "visit"},
      {"The Armenian president spoke by telephone with the Azerbaijani president Ilham Aliyev.", EventClass::kMeeting,
       "call"},
      {"Armenian President Serzh Sargsyan held a phone call with Azerbaijani President Ilham Aliyev.",
       EventClass::kMeeting, "call"},
      {"Armenian and Azerbaijani leaders held a summit in Tbilisi.", EventClass::kMeeting, "summit"},
      {"Kuwait denied charges that its boats were spying for Iraq.", EventClass::kDenial, "denial"},
      {"Kuwait rejected the proposal of Iraq.", EventClass::kDenial, "rejection"},
      {"Kuwait condemned the attack by Iraq.", EventClass::kDenial, "criticism"},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text);
    const Event e = first_event(row.text, row.cls);
    ASSERT_NE(e.rule, nullptr) << "no event of the class";
    EXPECT_EQ(e.kind, row.kind);
  }
}

TEST(EventAttributes, UnparsedIsHappenedAndFallbackKind) {
  const mappings::Mappings& m = unit::real_mappings();
  const syntax::Sentence empty;
  EXPECT_EQ(event_status(empty, -1, m.event_kinds, true), "happened");
  EXPECT_EQ(event_kind(empty, -1, m.event_kinds, mappings::EventKinds::kMeetingKind), "talks");
  EXPECT_EQ(event_kind(empty, -1, m.event_kinds, mappings::EventKinds::kDenialKind), "denial");
}

// Every value the lexicon gives is one the ontology allows, and each property has its `*` row.
TEST(EventAttributes, LexiconValuesAreTheOntologys) {
  const mappings::EventKinds& k = unit::real_mappings().event_kinds;
  for (int p = 0; p < mappings::EventKinds::kProperties; ++p) {
    const std::vector<std::string>& allowed = mappings::EventKinds::values(p);
    for (const auto& [lemma, value] : k.by_lemma[static_cast<size_t>(p)])
      EXPECT_NE(std::find(allowed.begin(), allowed.end(), value), allowed.end()) << lemma << " " << value;
  }
  EXPECT_EQ(k.fallback[mappings::EventKinds::kMeetingKind], "talks");
  EXPECT_EQ(k.fallback[mappings::EventKinds::kDenialKind], "denial");
  const std::string ttl = unit::read_file(unit::source_path("ontology/parley.ttl"));
  for (int p = 0; p < mappings::EventKinds::kProperties; ++p)
    for (const std::string& v : mappings::EventKinds::values(p))
      EXPECT_NE(ttl.find("\"" + v + "\""), std::string::npos) << v << " is not in ontology/parley.ttl";
}

}  // namespace
}  // namespace parley::extract
