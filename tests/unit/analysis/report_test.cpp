#include "analysis/report.h"

#include <gtest/gtest.h>

#include "analysis/fixture.h"

namespace parley::analysis {
namespace {

size_t count(const std::string& s, const std::string& what) {
  size_t n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

TEST(Report, IsOnePageWithNoNetworkAndLinksEveryEventToItsEvidence) {
  Corpus c = testing::fixture_corpus();
  std::string html;
  write_report(c, compute_stats(c), ReportOptions{}, html);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  // self-contained: nothing is fetched
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(count(html, "<tr class=\"event\""), 4u);
  EXPECT_EQ(count(html, "<li class=\"evidence\" id=\"ev-"), 4u);
  for (int i = 1; i <= 4; ++i) EXPECT_NE(html.find("<a href=\"#ev-" + std::to_string(i) + "\">"), std::string::npos);
  // text from the graph is escaped in HTML and in the JSON inside <script>
  EXPECT_NE(html.find("any &lt;script&gt; role"), std::string::npos);
  EXPECT_EQ(html.find("any <script> role"), std::string::npos);
  EXPECT_EQ(count(html, "<script"), 2u);
}

TEST(Report, NetworkHasTheSidesAndMediatorsOfMeetings) {
  Corpus c = testing::fixture_corpus();
  std::string html;
  write_report(c, compute_stats(c), ReportOptions{}, html);
  const size_t at = html.find("id=\"parley-data\">");
  ASSERT_NE(at, std::string::npos);
  const std::string data = html.substr(at);
  // AM-Gor met twice; DE mediated m1 for AM and Gor and took part in m2
  EXPECT_NE(data.find("{\"a\":\"http://x/e/AM\",\"b\":\"http://x/e/Gor\",\"kind\":\"meet\",\"meetings\":2"), std::string::npos);
  EXPECT_NE(data.find("{\"a\":\"http://x/e/DE\",\"b\":\"http://x/e/AM\",\"kind\":\"mediate\",\"meetings\":1"), std::string::npos);
  EXPECT_NE(data.find("{\"id\":\"http://x/e/DE\",\"label\":\"Germany\",\"qid\":\"Q183\",\"meetings\":2,\"mediated\":1}"),
            std::string::npos);
  ReportOptions two;
  two.max_nodes = 2;
  std::string small;
  write_report(c, compute_stats(c), two, small);
  EXPECT_NE(small.find("2 of 3 actors shown"), std::string::npos);
}

}  // namespace
}  // namespace parley::analysis
