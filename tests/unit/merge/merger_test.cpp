#include "merge/merger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "graph/vocab.h"
#include "rdf/reader.h"
#include "rdf/writer.h"

namespace parley::merge {
namespace {

using graph::ArticleGraph;
using graph::Quad;
using graph::Term;

const std::string kBase = "https://w3id.org/parley/id/";
Term I(const std::string& s) { return Term::iri_unchecked(s); }
std::string E(const std::string& key) { return kBase + "entity/" + key; }

// A hand-made article graph: entities (key, class) and meeting reports.
struct Report {
  std::string frag;  // "meeting-12"
  std::vector<std::string> participants, mediators;
  std::string date;  // "" unknown
  std::string location;
  std::string evidence = "";
  std::string month_day = "";  // parley:dateWithoutYear, "--02-24"
};

ArticleGraph article(const std::string& id, const std::vector<std::pair<std::string, const char*>>& ents,
                     const std::vector<Report>& reports, const std::string& title = "", long long length = 1000,
                     const std::string& date = "") {
  ArticleGraph g;
  g.name = I(kBase + "article/" + id);
  const Term A = g.name;
  auto add = [&](std::vector<Quad>& v, const Term& s, const char* p, Term o) { v.push_back(Quad{s, I(p), std::move(o), A}); };
  add(g.local, A, vocab::kType, I(vocab::kArticle));
  add(g.local, A, vocab::kIdentifier, Term::literal(id));
  add(g.local, A, vocab::kTextLength, Term::integer(length));
  if (!title.empty()) add(g.local, A, vocab::kTitle, Term::literal(title));
  if (!date.empty()) add(g.local, A, vocab::kDcDate, Term::typed(date, vocab::kXsdDate));
  for (const auto& [key, cls] : ents) {
    const Term s = I(E(key));
    add(g.entities, s, vocab::kType, I(cls == vocab::kLocation ? vocab::kLocation : vocab::kActor));
    add(g.entities, s, vocab::kType, I(cls));
    add(g.entities, s, vocab::kLabel, Term::literal(key.substr(key.rfind('/') + 1)));
    add(g.local, s, vocab::kWasDerivedFrom, A);
  }
  for (const Report& r : reports) {
    const Term s = I(A.value + "#" + r.frag);
    add(g.local, s, vocab::kType, I(vocab::kMeetingReport));
    add(g.local, s, vocab::kEvidence, Term::literal(r.evidence.empty() ? id + " " + r.frag : r.evidence));
    for (const auto& p : r.participants) add(g.local, s, vocab::kParticipant, I(E(p)));
    for (const auto& p : r.mediators) add(g.local, s, vocab::kMediatedBy, I(E(p)));
    if (!r.date.empty()) add(g.local, s, vocab::kDate, Term::typed(r.date, vocab::kXsdDate));
    if (!r.location.empty()) add(g.local, s, vocab::kLocationProp, I(E(r.location)));
    if (!r.month_day.empty()) add(g.local, s, vocab::kDateWithoutYear, Term::typed(r.month_day, vocab::kXsdGMonthDay));
    add(g.local, s, vocab::kWasDerivedFrom, A);
  }
  graph::sort_for_output(g.local);
  graph::sort_for_output(g.entities);
  return g;
}

std::vector<Quad> merge(const std::vector<ArticleGraph>& gs) {
  Merger m(MergeOptions{});
  for (const ArticleGraph& g : gs) m.add(g);
  return m.finish();
}

std::vector<std::string> objects(const std::vector<Quad>& qs, const std::string& s, const char* p) {
  std::vector<std::string> out;
  for (const Quad& q : qs)
    if (q.s.value == s && q.p.value == p) out.push_back(q.o.value);
  return out;
}

std::vector<std::string> meetings(const std::vector<Quad>& qs) {
  std::vector<std::string> out;
  for (const Quad& q : qs)
    if (q.p.value == vocab::kType && q.o.value == vocab::kMeeting) out.push_back(q.s.value);
  return out;
}

std::vector<std::string> rules(const std::vector<Quad>& qs) {
  std::vector<std::string> out;
  for (const Quad& q : qs)
    if (q.p.value == vocab::kMergeRule) out.push_back(q.o.value);
  std::sort(out.begin(), out.end());
  return out;
}

const std::vector<std::pair<std::string, const char*>> kSides = {
    {"state/AZ", vocab::kState}, {"state/X-ARTSAKH", vocab::kState}, {"forces/RU", vocab::kOrganization}};

// The seed pattern: one meeting on 1 March in three articles (one without a date: its mediator
// fits only 1 March), another on 24/25 February in two (the texts disagree by a day) and in a
// third article that says "February 24" without a year.
std::vector<ArticleGraph> seeds() {
  return {
      article("s0", kSides, {{"meeting-10", {}, {"forces/RU"}, "", ""}, {"meeting-50", {"state/AZ", "state/X-ARTSAKH"}, {}, "", "", "", "--02-24"}}),
      article("s1", kSides, {{"meeting-20", {"state/AZ", "state/X-ARTSAKH"}, {"forces/RU"}, "2023-03-01", ""},
                             {"meeting-90", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-02-24", ""}}),
      article("s4", kSides, {{"meeting-30", {"state/AZ", "state/X-ARTSAKH"}, {"forces/RU"}, "2023-03-01", ""},
                             {"meeting-70", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-02-25", ""}}),
  };
}

TEST(Merger, OneMeetingPerRealMeetingAcrossArticles) {
  const std::vector<Quad> qs = merge(seeds());
  const std::vector<std::string> ms = meetings(qs);
  ASSERT_EQ(ms.size(), 2u);
  const std::string march = kBase + "meeting/s0/meeting-10", feb = kBase + "meeting/s0/meeting-50";
  EXPECT_EQ(ms, (std::vector<std::string>{march, feb}));
  auto reports = objects(qs, march, vocab::kReport);
  std::sort(reports.begin(), reports.end());
  EXPECT_EQ(reports, (std::vector<std::string>{kBase + "article/s0#meeting-10", kBase + "article/s1#meeting-20",
                                               kBase + "article/s4#meeting-30"}));
  EXPECT_EQ(objects(qs, march, vocab::kDate), std::vector<std::string>{"2023-03-01"});
  EXPECT_EQ(objects(qs, march, vocab::kNumArticles), std::vector<std::string>{"3"});
  // 24 and 25 February: one meeting; the date two reports give is not overwritten on the reports,
  // the merged node takes the earlier of the tie
  EXPECT_EQ(objects(qs, feb, vocab::kReport).size(), 3u);
  EXPECT_EQ(objects(qs, feb, vocab::kDate), std::vector<std::string>{"2023-02-24"});
  EXPECT_EQ(objects(qs, feb, vocab::kMediatedBy), std::vector<std::string>{});
  const std::vector<std::string> r = rules(qs);
  EXPECT_EQ(std::count(r.begin(), r.end(), "meeting-one-date-unknown"), 2);
  EXPECT_EQ(std::count(r.begin(), r.end(), "meeting-same-date"), 1);
  EXPECT_EQ(std::count(r.begin(), r.end(), "meeting-near-date"), 1);
}

TEST(Merger, DatesFarApartOrNoCommonSideStayApart) {
  const std::vector<Quad> qs = merge({
      article("a", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", ""}}),
      article("b", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-05", ""}}),
      article("c", kSides, {{"meeting-1", {"forces/RU"}, {}, "2023-03-01", ""}}),
  });
  EXPECT_EQ(meetings(qs).size(), 3u);
  const std::vector<std::string> r = rules(qs);
  EXPECT_EQ(std::count_if(r.begin(), r.end(), [](const std::string& x) { return x.rfind("meeting-", 0) == 0; }), 0);
}

TEST(Merger, AnUndatedReportThatFitsTwoMeetingsStaysApart) {
  const std::vector<Quad> qs = merge({
      article("a", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", ""}}),
      article("b", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-02-24", ""}}),
      article("c", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "", ""}}),
  });
  EXPECT_EQ(meetings(qs).size(), 3u);
  // the day without a year decides
  const std::vector<Quad> md = merge({
      article("a", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", ""}}),
      article("b", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-02-24", ""}}),
      article("c", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "", "", "", "--03-01"}}),
  });
  ASSERT_EQ(meetings(md).size(), 2u);
  EXPECT_EQ(objects(md, kBase + "meeting/a/meeting-1", vocab::kReport).size(), 2u);
}

TEST(Merger, TwoReportsOfOneArticleAreOneMeetingOnlyWithOneDate) {
  // undated, or two dates: two meetings (an article telling two rounds of talks)
  EXPECT_EQ(meetings(merge({article("a", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "", ""},
                                                  {"meeting-2", {"state/AZ", "state/X-ARTSAKH"}, {}, "", ""}})}))
                .size(),
            2u);
  EXPECT_EQ(meetings(merge({article("a", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-02-24", ""},
                                                  {"meeting-2", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", ""}})}))
                .size(),
            2u);
  // one date, the same two sides: alone, the extractor's two meetings stay; with another
  // article's report of that meeting, one meeting told twice
  const ArticleGraph twice = article("a", kSides, {{"meeting-1", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", ""},
                                                   {"meeting-2", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", ""}});
  EXPECT_EQ(meetings(merge({twice})).size(), 2u);
  const std::vector<Quad> qs = merge({twice, article("b", kSides, {{"meeting-9", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", ""}})});
  EXPECT_EQ(meetings(qs).size(), 1u);
  const std::vector<std::string> r = rules(qs);
  EXPECT_EQ(std::count(r.begin(), r.end(), "meeting-same-article-same-date"), 1);
  EXPECT_EQ(std::count(r.begin(), r.end(), "meeting-same-date"), 1);
}

TEST(Merger, OrderOfQuadsDoesNotChangeTheMergeGraph) {
  std::vector<Quad> all;
  for (const ArticleGraph& g : seeds()) {
    all.insert(all.end(), g.local.begin(), g.local.end());
    all.insert(all.end(), g.entities.begin(), g.entities.end());
  }
  Merger ordered(MergeOptions{});
  for (const Quad& q : all) ordered.add(q);
  const std::vector<Quad> want = ordered.finish();
  std::mt19937 rng(12);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(all.begin(), all.end(), rng);
    Merger m(MergeOptions{});
    for (const Quad& q : all) m.add(q);
    EXPECT_EQ(m.finish(), want) << "round " << round;
  }
}

TEST(Merger, EntitiesNamedInSeveralArticlesGetARecordAndACount) {
  const std::vector<Quad> qs = merge({
      article("a", {{"person/Artur_Harutyunyan", vocab::kPerson}, {"city/X-ARTSAKH", vocab::kLocation}}, {}),
      article("b", {{"person/Arayik_Harutyunyan", vocab::kPerson}, {"state/X-ARTSAKH", vocab::kState}}, {}),
      article("c", {{"person/Arayik_Harutyunyan", vocab::kPerson}, {"state/X-ARTSAKH", vocab::kState}}, {}),
  });
  EXPECT_EQ(objects(qs, E("person/Arayik_Harutyunyan"), vocab::kNumArticles), std::vector<std::string>{"2"});
  EXPECT_EQ(objects(qs, E("state/X-ARTSAKH"), vocab::kNumArticles), std::vector<std::string>{"2"});
  EXPECT_TRUE(objects(qs, E("person/Artur_Harutyunyan"), vocab::kNumArticles).empty());
  // same surname, other given name: no merge record joins the two people; the city is not the state
  for (const Quad& q : qs)
    if (q.p.value == vocab::kMergedFrom) {
      EXPECT_NE(q.o.value, E("person/Artur_Harutyunyan"));
      EXPECT_NE(q.o.value, E("city/X-ARTSAKH"));
    }
}

TEST(Merger, DuplicateArticlesAreLinkedAndCountedAsOneSource) {
  const Report r{"meeting-5", {"state/AZ", "state/X-ARTSAKH"}, {}, "2023-03-01", "", "Both sides met on Wednesday."};
  const std::vector<Quad> qs = merge({
      article("wire-1", kSides, {r}, "Talks resume", 2000),
      article("wire-2", kSides, {r}, "Talks resume", 2000),
  });
  EXPECT_EQ(objects(qs, kBase + "article/wire-2", vocab::kDuplicateOf), std::vector<std::string>{kBase + "article/wire-1"});
  ASSERT_EQ(meetings(qs).size(), 1u);
  EXPECT_EQ(objects(qs, meetings(qs)[0], vocab::kNumArticles), std::vector<std::string>{"2"});
  EXPECT_EQ(objects(qs, meetings(qs)[0], vocab::kNumSources), std::vector<std::string>{"1"});
}

// A demand of `agent` with `content` in article `id`.
ArticleGraph demand(const std::string& id, const std::string& agent, const std::string& content) {
  ArticleGraph g = article(id, {{agent, vocab::kState}}, {});
  const Term A = g.name, s = I(A.value + "#demand-1");
  g.local.push_back(Quad{s, I(vocab::kType), I(vocab::kDemand), A});
  g.local.push_back(Quad{s, I(vocab::kAgent), I(E(agent)), A});
  g.local.push_back(Quad{s, I(vocab::kContent), Term::literal(content), A});
  return g;
}

TEST(Merger, AStatementReportedTwiceIsLinkedNotMerged) {
  const std::vector<Quad> qs = merge({
      demand("a", "state/AZ", "Ruben Vardanyan"),
      demand("b", "state/AZ", "the dismissal of state minister Ruben Vardanyan"),
      demand("c", "state/AM", "the dismissal of state minister Ruben Vardanyan"),  // another agent
      demand("d", "state/AZ", "the opening of a checkpoint on the corridor"),       // other words
  });
  std::vector<std::string> linked;
  for (const Quad& q : qs)
    if (q.p.value == vocab::kMergedFrom && q.o.value.find("#demand-") != std::string::npos) linked.push_back(q.o.value);
  std::sort(linked.begin(), linked.end());
  EXPECT_EQ(linked, (std::vector<std::string>{kBase + "article/a#demand-1", kBase + "article/b#demand-1"}));
  const std::vector<std::string> r = rules(qs);
  EXPECT_EQ(std::count(r.begin(), r.end(), "statement-same-agent-content"), 1);
}

TEST(Merger, IrisDoNotDependOnTheOtherArticlesOfTheRun) {
  // an article's meeting alone and among others: the same meeting IRI when it is the first report
  const std::vector<Quad> alone = merge({seeds()[0]});
  const std::vector<Quad> together = merge(seeds());
  const std::vector<std::string> a = meetings(alone), t = meetings(together);
  for (const std::string& m : a) EXPECT_NE(std::find(t.begin(), t.end(), m), t.end()) << m;
}

TEST(Merger, ReadsItsOwnNQuadsBackToTheSameMergeGraph) {
  std::string nq;
  auto w = rdf::Writer::to_string(&nq, rdf::Format::kNQuads);
  for (const ArticleGraph& g : seeds()) ASSERT_TRUE(w->write_article(g).ok());
  ASSERT_TRUE(w->finish().ok());
  Merger m(MergeOptions{});
  ASSERT_TRUE(rdf::read_string(nq, "seeds.nq", rdf::Format::kNQuads, [&](Quad&& q) {
                m.add(q);
                return Status{};
              }).ok());
  EXPECT_EQ(m.finish(), merge(seeds()));
  EXPECT_GT(m.memory_bytes(), 0u);
}

TEST(Merger, ABadNQuadsLineIsAnErrorWithItsPlace) {
  const Status s = rdf::read_string("<a:b> <a:c> <a:d> <a:g> .\n<a:b> <a:c> \"x .\n", "bad.nq", rdf::Format::kNQuads,
                                           [](Quad&&) { return Status{}; });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.where().file, "bad.nq");
  EXPECT_EQ(s.where().line, 2);
}

}  // namespace
}  // namespace parley::merge
