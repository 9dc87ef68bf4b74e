#include "analysis/table.h"

#include <gtest/gtest.h>

#include <sstream>

#include "analysis/fixture.h"

namespace parley::analysis {
namespace {

std::vector<std::string> lines(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  return v;
}

TEST(Table, TsvHasOneEscapedLinePerEvent) {
  Corpus c = testing::fixture_corpus();
  std::string out;
  write_table(c, TableFormat::kTsv, out);
  const auto l = lines(out);
  ASSERT_EQ(l.size(), 5u);  // header + 4 events
  EXPECT_EQ(l[0].rfind("article\tarticle_date\tevent\tclass\tdate\t", 0), 0u);
  EXPECT_EQ(l[1],
            "a1.txt\t2024-03-01\thttp://x/article/a1#meeting-10\tMeeting\t2024-03-03\t044\t\t\t\t\t\t\t\t\t"
            "http://x/e/AM; http://x/e/Gor\tArmenia; Gor, \"the envoy\"\tQ399; \t\t\t\t"
            "http://x/e/DE\tGermany\tQ183\thttp://x/e/Baku\tBaku\t\t\t"
            "Armenia's Gor met in Baku,\\ttabbed\\nbrokered by Germany.\t5\t60");
  EXPECT_EQ(l[2],
            "a1.txt\t2024-03-01\thttp://x/article/a1#demand-70-70\tDemand\t\t\t\t\thttp://x/e/Gor\tGor, \"the envoy\"\t\t"
            "http://x/e/AM\tArmenia\tQ399\t"
            "\t\t\thttp://x/e/DE\tGermany\tQ183\t\t\t\t\t\t\ta ceasefire\t\t70\t");
}

TEST(Table, CsvQuotesCellsWithCommasQuotesAndLineBreaks) {
  Corpus c = testing::fixture_corpus();
  std::string out;
  write_table(c, TableFormat::kCsv, out);
  EXPECT_NE(out.find(",\"Armenia; Gor, \"\"the envoy\"\"\","), std::string::npos) << out;
  EXPECT_NE(out.find("\"Armenia's Gor met in Baku,\ttabbed\nbrokered by Germany.\",5,60\n"), std::string::npos) << out;
  // every row has as many cells as the header
  EXPECT_EQ(table_columns().size(), 30u);
}

}  // namespace
}  // namespace parley::analysis
