#include "text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace parley::text {
namespace {

bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::vector<std::string> sentences(std::string_view text,
                                   const std::unordered_set<std::string>& abbreviations) {
  std::vector<std::string> out;
  for (const Sentence& s : segment(text, abbreviations)) {
    EXPECT_LT(s.begin, s.end);
    EXPECT_LE(s.end, text.size());
    EXPECT_FALSE(space(text[s.begin])) << s.begin;
    EXPECT_FALSE(space(text[s.end - 1])) << s.end;
    out.emplace_back(s.view(text));
  }
  return out;
}

struct Row {
  const char* name;
  const char* text;
  std::vector<std::string> expected;
};

void run_rows(const std::vector<Row>& rows, const std::unordered_set<std::string>& abbreviations) {
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    EXPECT_EQ(sentences(row.text, abbreviations), row.expected);
  }
}

// Texts whose first line is a headline or a full sentence, so only the rule under test decides.
const std::vector<Row>& rows() {
  static const std::vector<Row> kRows = {
      {"two plain sentences", "Armenia protested. Azerbaijan denied it.",
       {"Armenia protested.", "Azerbaijan denied it."}},
      // A wire dateline is no part of the first sentence's grammar: it stands alone.
      {"dateline with a date", "CAIRO, March 24 - Sudan has rejected the plan.",
       {"CAIRO, March 24 -", "Sudan has rejected the plan."}},
      {"dateline of several words, capitals, credit", "RIO DE JANEIRO, MARCH 13 (Reuters) - Talks began.",
       {"RIO DE JANEIRO, MARCH 13 (Reuters) -", "Talks began."}},
      {"dateline with an em dash", "STEPANAKERT (Azatutyun) \xE2\x80\x94 Officials met.",
       {"STEPANAKERT (Azatutyun) \xE2\x80\x94", "Officials met."}},
      {"capitals that are no dateline", "UK urges US to waive immunity. NATO - the alliance - met.",
       {"UK urges US to waive immunity.", "NATO - the alliance - met."}},
      {"Mr. and Dr. do not end a sentence", "Mr. Smith met Dr. Jones in Baku. They talked.",
       {"Mr. Smith met Dr. Jones in Baku.", "They talked."}},
      {"U.S. before a capitalised word", "The U.S. Secretary of State arrived. He left.",
       {"The U.S. Secretary of State arrived.", "He left."}},
      {"initials", "J. Smith and A. B. Jones met. Talks ended.",
       {"J. Smith and A. B. Jones met.", "Talks ended."}},
      {"lower-case word after a dot", "They met at 5 p.m. on Friday. Then they left.",
       {"They met at 5 p.m. on Friday.", "Then they left."}},
      {"question and exclamation marks", "Will they meet? Nobody knows! Maybe next week.",
       {"Will they meet?", "Nobody knows!", "Maybe next week."}},
      {"ellipsis and ?!", "Wait... What?! Really.", {"Wait...", "What?!", "Really."}},
      {"curly closing quote after the period",
       "He said: \xE2\x80\x9CWe will not withdraw.\xE2\x80\x9D Then he left.",
       {"He said: \xE2\x80\x9CWe will not withdraw.\xE2\x80\x9D", "Then he left."}},
      {"straight closing quote after the period", "He said: \"We will not.\" Then he left.",
       {"He said: \"We will not.\"", "Then he left."}},
      {"opening quote starts the next sentence", "He left. \xE2\x80\x9CWe are done,\xE2\x80\x9D he said.",
       {"He left.", "\xE2\x80\x9CWe are done,\xE2\x80\x9D he said."}},
      {"closing bracket", "It ended (finally.) Talks resume.", {"It ended (finally.)", "Talks resume."}},
      {"non-ASCII capital starts a sentence", "They met. \xC5\x9E" "u\xC5\x9F" "a was quiet.",
       {"They met.", "\xC5\x9E" "u\xC5\x9F" "a was quiet."}},
      {"blank lines end paragraphs without a period",
       "Talks held on Gibraltar's future\n\nTwo days of talks\n\n\nThird paragraph.",
       {"Talks held on Gibraltar's future", "Two days of talks", "Third paragraph."}},
      {"a headline without a blank line", "Blair hails Turkey-EU talks deal\nTony Blair has hailed a deal.",
       {"Blair hails Turkey-EU talks deal", "Tony Blair has hailed a deal."}},
      {"wire copy: indented paragraphs whose lines wrap",
       "Azerbaijan to hold talks\n"
       "   BAKU, March 1 - Azerbaijan said on\n"
       "Wednesday it would hold talks. The talks will\n"
       "be held in Geneva.\n"
       "   Armenia did not comment on the\n"
       "plan, officials said\n"
       "   A third paragraph.\n",
       {"Azerbaijan to hold talks", "BAKU, March 1 -", "Azerbaijan said on\nWednesday it would hold talks.",
        "The talks will\nbe held in Geneva.", "Armenia did not comment on the\nplan, officials said",
        "A third paragraph."}},
      {"a wrapped line in a normal paragraph", "Headline\n\nThe minister said on\nMonday that talks ended.",
       {"Headline", "The minister said on\nMonday that talks ended."}},
      {"no final punctuation", "Headline\n\nText without an end", {"Headline", "Text without an end"}},
      {"only whitespace", " \n\t\n ", {}},
      {"empty", "", {}},
  };
  return kRows;
}

TEST(Segmenter, SplitsWithTheRealAbbreviations) {
  const auto& abbreviations = unit::real_mappings().lexicon.abbreviations;
  ASSERT_TRUE(abbreviations.count("mr.")) << "mappings/lexicon/abbreviations.tsv lost Mr.";
  ASSERT_TRUE(abbreviations.count("u.s."));
  run_rows(rows(), abbreviations);
}

TEST(Segmenter, SplitsWithALiteralSet) {
  run_rows(rows(), {"mr.", "dr.", "u.s.", "p.m."});
}

TEST(Segmenter, WithoutAbbreviationsMrEndsASentence) {
  EXPECT_EQ(sentences("Mr. Smith left.", {}), (std::vector<std::string>{"Mr.", "Smith left."}));
}

TEST(Segmenter, OffsetsPointIntoTheText) {
  const std::string text = "  Headline  \n\n   First one.  Second one?\n";
  const std::vector<Sentence> ss = segment(text, {});
  ASSERT_EQ(ss.size(), 3u);
  EXPECT_EQ(ss[0].begin, 2u);
  EXPECT_EQ(ss[0].end, 10u);
  EXPECT_EQ(ss[1].view(text), "First one.");
  EXPECT_EQ(ss[1].begin, text.find("First"));
  EXPECT_EQ(ss[2].view(text), "Second one?");
  EXPECT_EQ(ss[2].size(), 11u);
}

// The first line of an article is taken for a headline even when it is the first line of a
// paragraph that wraps, so the first sentence is cut at the wrap.
// BUG: segment("   BAKU, March 1 - Azerbaijan said on\nWednesday it would hold talks.\n   Armenia
// did not comment.\n") returns {"BAKU, March 1 - Azerbaijan said on", "Wednesday it would hold
// talks.", "Armenia did not comment."}; expected the wrap not to split:
// {"BAKU, March 1 - Azerbaijan said on\nWednesday it would hold talks.", "Armenia did not comment."}.
// Same for an unindented first paragraph ("Azerbaijan said on\nWednesday it would hold talks.").
TEST(Segmenter, FirstLineThatWrapsIsNotAHeadline) {
  const std::vector<Row> kRows = {
      {"indented wire paragraph first",
       "   BAKU, March 1 - Azerbaijan said on\nWednesday it would hold talks.\n   Armenia did not comment.\n",
       {"BAKU, March 1 -", "Azerbaijan said on\nWednesday it would hold talks.", "Armenia did not comment."}},
      {"unindented paragraph first", "Azerbaijan said on\nWednesday it would hold talks. Armenia did not.",
       {"Azerbaijan said on\nWednesday it would hold talks.", "Armenia did not."}},
  };
  run_rows(kRows, unit::real_mappings().lexicon.abbreviations);
}

}  // namespace
}  // namespace parley::text
