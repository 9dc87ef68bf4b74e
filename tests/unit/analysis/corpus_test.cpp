#include "analysis/corpus.h"

#include <gtest/gtest.h>

#include "analysis/fixture.h"

namespace parley::analysis {
namespace {

TEST(Corpus, ReadsEventsWithTheirRoles) {
  Corpus c = testing::fixture_corpus();
  ASSERT_EQ(c.events().size(), 4u);
  // sorted by article id, then offset: a1.txt's meeting (5), its demand (70), then a2's two
  const Event& m = c.events()[0];
  EXPECT_EQ(m.iri, "http://x/article/a1#meeting-10");
  EXPECT_EQ(m.cls, EventClass::kMeeting);
  EXPECT_EQ(m.article, "http://x/article/a1");
  EXPECT_EQ(m.date, "2024-03-03");
  EXPECT_EQ(m.cameo, "044");
  EXPECT_EQ(m.participants, (std::vector<std::string>{"http://x/e/AM", "http://x/e/Gor"}));
  EXPECT_EQ(m.mediators, (std::vector<std::string>{"http://x/e/DE"}));
  EXPECT_EQ(m.places, (std::vector<std::string>{"http://x/e/Baku"}));
  EXPECT_EQ(m.begin, 5);
  EXPECT_EQ(m.end, 60);
  EXPECT_EQ(c.events()[1].cls, EventClass::kDemand);
  EXPECT_EQ(c.events()[1].end, -1);  // no endOffset: unknown
  EXPECT_EQ(c.events()[1].agents, (std::vector<std::string>{"http://x/e/Gor"}));
  EXPECT_EQ(c.events()[1].agent_represents, (std::vector<std::string>{"http://x/e/AM"}));
  // a2: neither has offsets (-1), so the class decides: meetings before denials
  EXPECT_EQ(c.events()[2].iri, "http://x/article/a2#meeting-3");
  EXPECT_EQ(c.events()[3].cls, EventClass::kDenial);
}

// The merge graph's parley:Meeting stands for its reports: it takes the first report's
// evidence, rule and offsets, and is read from every reporting article. A report that no
// meeting holds (extract --no-merge) is a meeting of its own.
TEST(Corpus, AMergedMeetingStandsForItsReportsAndALoneReportForItself) {
  const std::string P = "https://w3id.org/parley/ontology#";
  const std::string T = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>";
  const std::string D = "<http://www.w3.org/ns/prov#wasDerivedFrom>";
  std::string nq;
  for (const char* a : {"a1", "a2", "a3"})
    nq += std::string("<http://x/article/") + a + "> " + T + " <" + P + "Article> .\n<http://x/article/" + a +
          "> <http://purl.org/dc/terms/identifier> \"" + a + "\" .\n";
  for (const char* r : {"a1#meeting-5", "a2#meeting-9", "a3#meeting-1"}) {
    const std::string art = std::string(r).substr(0, 2);
    nq += std::string("<http://x/article/") + r + "> " + T + " <" + P + "MeetingReport> .\n<http://x/article/" + r +
          "> " + D + " <http://x/article/" + art + "> .\n<http://x/article/" + r + "> <" + P + "evidence> \"said " +
          art + "\" .\n<http://x/article/" + r + "> <" + P + "beginOffset> \"" + std::string(r).substr(11) + "\" .\n";
  }
  nq += "<http://x/meeting/m> " + T + " <" + P + "Meeting> .\n";
  for (const char* r : {"a2#meeting-9", "a1#meeting-5"})
    nq += "<http://x/meeting/m> <" + P + "report> <http://x/article/" + r + "> .\n";
  nq += "<http://x/meeting/m> " + D + " <http://x/article/a1> .\n<http://x/meeting/m> " + D + " <http://x/article/a2> .\n";
  Corpus c;
  ASSERT_TRUE(rdf::read_string(nq, "m.nq", rdf::Format::kNQuads, [&](graph::Quad&& q) {
                c.add(q);
                return Status{};
              }).ok());
  c.finish();
  ASSERT_EQ(c.events().size(), 2u);
  const Event& m = c.events()[0];
  EXPECT_EQ(m.iri, "http://x/meeting/m");
  EXPECT_EQ(m.article, "http://x/article/a1");
  EXPECT_EQ(m.articles, (std::vector<std::string>{"http://x/article/a1", "http://x/article/a2"}));
  EXPECT_EQ(m.reports, (std::vector<std::string>{"http://x/article/a1#meeting-5", "http://x/article/a2#meeting-9"}));
  EXPECT_EQ(m.evidence, "said a1");
  EXPECT_EQ(m.begin, 5);
  const Event& lone = c.events()[1];
  EXPECT_EQ(lone.iri, "http://x/article/a3#meeting-1");
  EXPECT_EQ(lone.cls, EventClass::kMeeting);
  EXPECT_EQ(lone.evidence, "said a3");
}

TEST(Corpus, CountsAnEntityRepeatedInSeveralGraphsOnce) {
  Corpus c = testing::fixture_corpus();
  EXPECT_EQ(c.entities().size(), 4u);  // DE, AM, Gor, Baku; mentions are not entities
  const Entity& de = c.entity("http://x/e/DE");
  EXPECT_EQ(de.label, "Germany");
  EXPECT_EQ(de.qid, "Q183");
  EXPECT_TRUE(de.actor);
  EXPECT_TRUE(de.mediator);
  EXPECT_EQ(de.kind, "State");
  EXPECT_TRUE(c.entity("http://x/e/Baku").location);
  EXPECT_FALSE(c.entity("http://x/e/Baku").actor);
  EXPECT_EQ(c.entity("http://x/e/unknown").name(), "unknown");
  EXPECT_EQ(c.article_id("http://x/article/a1"), "a1.txt");
  EXPECT_EQ(c.articles().at("http://x/article/a1").date, "2024-03-01");
  EXPECT_EQ(c.articles().at("http://x/article/a1").category, "politics");
}

TEST(Corpus, DoesNotDependOnTheOrderOfTheQuads) {
  Corpus a = testing::fixture_corpus();
  std::vector<graph::Quad> quads;
  ASSERT_TRUE(rdf::read_string(testing::kFixture, "f.nq", rdf::Format::kNQuads,
                               [&](graph::Quad&& q) {
                                 quads.push_back(q);
                                 return Status{};
                               }).ok());
  Corpus b;
  for (auto it = quads.rbegin(); it != quads.rend(); ++it) b.add(*it);
  b.finish();
  ASSERT_EQ(a.events().size(), b.events().size());
  for (size_t i = 0; i < a.events().size(); ++i) EXPECT_EQ(a.events()[i].iri, b.events()[i].iri);
}

TEST(Corpus, RefusesAFileThatIsNoRdf) {
  Corpus c;
  Status s = c.read("news.jsonl");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.str().find("news.jsonl"), std::string::npos);
  EXPECT_NE(s.message().find(".nq"), std::string::npos);
}

}  // namespace
}  // namespace parley::analysis
