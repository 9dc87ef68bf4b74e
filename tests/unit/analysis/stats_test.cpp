#include "analysis/stats.h"

#include <gtest/gtest.h>

#include "analysis/fixture.h"

namespace parley::analysis {
namespace {

TEST(Stats, CountDistinctNodes) {
  Corpus c = testing::fixture_corpus();
  Stats s = compute_stats(c);
  EXPECT_EQ(s.articles, 2u);
  EXPECT_EQ(s.articles_with_events, 2u);
  EXPECT_EQ(s.events, (std::array<size_t, 3>{2, 1, 1}));
  EXPECT_EQ(s.actors, 3u);          // DE, AM, Gor (DE described in both graphs: once)
  EXPECT_EQ(s.linked_actors, 2u);   // DE, AM
  EXPECT_EQ(s.locations, 1u);
  EXPECT_EQ(s.linked_locations, 0u);
  ASSERT_EQ(s.actors_by_events.size(), 3u);
  // DE: mediator of m1, addressee of the demand, side of m2, agent of the denial
  EXPECT_EQ(s.actors_by_events[0].iri, "http://x/e/DE");
  EXPECT_EQ(s.actors_by_events[0].total, 4u);
  EXPECT_EQ(s.actors_by_events[0].mediated, 1u);
  EXPECT_EQ(s.actors_by_events[1].iri, "http://x/e/Gor");  // m1, demand, m2
  EXPECT_EQ(s.actors_by_events[1].total, 3u);
  EXPECT_EQ(s.actors_by_events[2].iri, "http://x/e/AM");   // m1, m2
  EXPECT_EQ(s.actors_by_events[2].total, 2u);
  // pairs of sides: AM-Gor twice (m1, m2), AM-DE and DE-Gor once (DE only mediates m1)
  ASSERT_EQ(s.pairs.size(), 3u);
  EXPECT_EQ(s.pairs[0].a, "http://x/e/AM");
  EXPECT_EQ(s.pairs[0].b, "http://x/e/Gor");
  EXPECT_EQ(s.pairs[0].meetings, 2u);
  EXPECT_EQ(s.pairs[1].meetings, 1u);
}

TEST(Stats, TsvListsEachFigure) {
  Corpus c = testing::fixture_corpus();
  std::string out;
  write_stats(compute_stats(c), c, StatsFormat::kTsv, 0, out);
  EXPECT_EQ(out.rfind("measure\tkey\tlabel\tclass\tvalue\narticles\t\t\t\t2\n", 0), 0u) << out;
  EXPECT_NE(out.find("\nevents\t\t\tMeeting\t2\n"), std::string::npos);
  EXPECT_NE(out.find("\narticle-events\ta1.txt\t\tDemand\t1\n"), std::string::npos);
  // a1 is "politics", a2 has no category
  EXPECT_NE(out.find("\ncategory-events\tpolitics\t\tMeeting\t1\ncategory-events\tpolitics\t\tDemand\t1\n"),
            std::string::npos);
  EXPECT_NE(out.find("\ncategory-events\t\t\tMeeting\t1\ncategory-events\t\t\tDenial\t1\n"), std::string::npos);
  EXPECT_NE(out.find("\nactor-events\thttp://x/e/DE\tGermany\tall\t4\n"), std::string::npos);
  EXPECT_NE(out.find("\nactor-mediations\thttp://x/e/DE\tGermany\tMeeting\t1\n"), std::string::npos);
  EXPECT_NE(out.find("\npair-meetings\thttp://x/e/AM http://x/e/Gor\tArmenia / Gor, \"the envoy\"\tMeeting\t2\n"),
            std::string::npos);
  std::string top1;
  write_stats(compute_stats(c), c, StatsFormat::kTsv, 1, top1);
  EXPECT_EQ(top1.find("pair-meetings\thttp://x/e/AM http://x/e/DE"), std::string::npos);  // second pair cut
  std::string text;
  write_stats(compute_stats(c), c, StatsFormat::kText, 20, text);
  EXPECT_NE(text.find("actors                3, 2 linked to Wikidata (66.7 %)"), std::string::npos) << text;
  EXPECT_NE(text.find("events per category\n  meetings demands denials  category\n"
                      "         1       0       1  (none)\n         1       1       0  politics\n"),
            std::string::npos) << text;
}

}  // namespace
}  // namespace parley::analysis
