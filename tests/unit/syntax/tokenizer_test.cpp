#include "syntax/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace parley::syntax {
namespace {

// A few rows of mappings/lexicon/abbreviations.tsv, lower-cased as the loader does.
const std::unordered_set<std::string>& abbreviations() {
  static const std::unordered_set<std::string> kSet = {"mr.", "dr.", "gen.", "u.s.", "inc.",
                                                       "etc.", "e.g.", "jan.", "st."};
  return kSet;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// Checks what holds for every sentence, then renders its words separated by spaces, a
// multiword token's words in brackets: "[do n't]".
std::string render(std::string_view text, const Sentence& s) {
  EXPECT_LE(s.begin, s.end);
  EXPECT_LE(s.end, text.size());
  if (s.begin < s.end) {
    EXPECT_FALSE(is_space(text[s.begin]));
    EXPECT_FALSE(is_space(text[s.end - 1]));
  }
  size_t previous_end = s.begin;
  for (const Word& w : s.words) {
    EXPECT_FALSE(w.form.empty());
    EXPECT_LE(previous_end, w.begin);
    EXPECT_LT(w.begin, w.end);
    EXPECT_LE(w.end, s.end);
    EXPECT_EQ(text.substr(w.begin, w.end - w.begin), w.form);
    for (char c : w.form) EXPECT_FALSE(is_space(c)) << w.form;
    EXPECT_TRUE(w.lemma.empty() && w.upos.empty() && w.xpos.empty() && w.deprel.empty());
    EXPECT_EQ(w.head, -1);
    previous_end = w.end;
  }
  std::string out;
  size_t m = 0;
  for (int i = 0; i < s.size(); ++i) {
    if (!out.empty()) out += ' ';
    const bool opens = m < s.multiword.size() && s.multiword[m].first == i;
    const bool closes = m < s.multiword.size() && s.multiword[m].last == i;
    if (opens) out += '[';
    out += s.words[i].form;
    if (closes) {
      out += ']';
      ++m;
    }
  }
  EXPECT_EQ(m, s.multiword.size()) << "multiword tokens out of order or overlapping";
  return out;
}

std::string tokens(std::string_view text) {
  return render(text, tokenize(text, 0, text.size(), abbreviations()));
}

struct Row {
  const char* text;
  const char* words;
};

void run_rows(const std::vector<Row>& rows) {
  for (const Row& row : rows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(tokens(row.text), row.words);
  }
}

TEST(Tokenizer, SplitsCliticsAsEwtDoes) {
  run_rows({
      {"I don't know.", "I [do n't] know ."},
      {"They can't and won't.", "They [ca n't] and [wo n't] ."},
      {"We cannot stay.", "We [can not] stay ."},
      {"I'm sure we'll go, they've said you'd come.",
       "[I 'm] sure [we 'll] go , [they 've] said [you 'd] come ."},
      {"Iran's army", "[Iran 's] army"},
      {"Iran\xE2\x80\x99s army", "[Iran \xE2\x80\x99s] army"},  // ’
      {"Don\xE2\x80\x99t go", "[Do n\xE2\x80\x99t] go"},
      {"the ministers' talks", "the [ministers '] talks"},
      {"O'Neill's aide", "[O'Neill 's] aide"},
      {"I'd've gone", "[I 'd 've] gone"},
      {"we're gonna win", "[we 're] [gon na] win"},
      {"I dont know", "I [do nt] know"},
      {"in the 1990's and 1986's results", "in the 1990's and [1986 's] results"},
      {"AT&T and PG&E's plan", "AT&T and [PG&E 's] plan"},
      // old wire copy writes the possessive with a double quote; the word reads as 's
      {"OPEC\"s pricing committee", "[OPEC \"s] pricing committee"},
      {"He said \"yes\" to the \"s\" key", "He said \" yes \" to the \" s \" key"},
  });
}

TEST(Tokenizer, SplitsHyphensExceptAfterBoundPrefixes) {
  run_rows({
      {"Al-Zaman reported", "Al - Zaman reported"},
      {"Sheikh Khalid bin Ahmed al-Hamadi said", "Sheikh Khalid bin Ahmed al - Hamadi said"},
      {"an e-mail to co-operate", "an e-mail to co-operate"},
      {"a non-violent, anti-war protest", "a non-violent , anti-war protest"},
      {"the UN-led force", "the UN - led force"},
      {"over-the-counter trade", "over - the - counter trade"},
      {"in 1990-91", "in 1990 - 91"},
      {"call 713-853-3989 or 345-9945", "call 713-853-3989 or 345-9945"},
      {"on 2023-03-01", "on 2023-03-01"},
      {"a well-known man", "a well - known man"},
  });
}

TEST(Tokenizer, KeepsDotsOfAbbreviationsAndAcronyms) {
  run_rows({
      {"The U.S. envoy", "The U.S. envoy"},
      {"Mr. Smith met Gen. Jones", "Mr. Smith met Gen. Jones"},
      {"e.g. at 9 a.m. today", "e.g. at 9 a.m. today"},
      {"J. Smith", "J. Smith"},
      {"The end.", "The end ."},
      {"An unknown abbr. here", "An unknown abbr . here"},
      // The sentence's last dot is its own word, even after an abbreviation (EWT).
      {"They live in the U.S.", "They live in the U.S ."},
      {"apples, pears, etc.", "apples , pears , etc ."},
      {"(pears, etc.)", "( pears , etc . )"},
      {"Apple Inc.. Then", "Apple Inc. . Then"},
      {"on Jan.28 at St.Mary", "on Jan. 28 at St. Mary"},
  });
}

TEST(Tokenizer, KeepsNumbersWholeAndSplitsUnits) {
  run_rows({
      {"1,000.5 tonnes", "1,000.5 tonnes"},
      {"$5 or 5%", "$ 5 or 5 %"},
      {"at 3:30, 5pm", "at 3:30 , 5 pm"},
      {"the 1990s, 10th time", "the 1990s , 10th time"},
      {"on 9/11 and 11/28/2000, 1/2 of it", "on 9/11 and 11/28/2000 , 1 / 2 of it"},
      {"'90s music", "'90s music"},
  });
}

TEST(Tokenizer, KeepsUrlsEmailsAndEmoticonsWhole) {
  run_rows({
      {"See http://www.example.com/a?b=c, now.", "See http://www.example.com/a?b=c , now ."},
      {"(www.example.org)", "( www.example.org )"},
      {"Mail john.doe@example.org.", "Mail john.doe@example.org ."},
      {"great :) thanks :-(", "great :) thanks :-("},
      {"#hashtag here", "#hashtag here"},
  });
}

TEST(Tokenizer, SplitsPunctuationQuotesAndDashes) {
  run_rows({
      {"\xE2\x80\x9CNo,\xE2\x80\x9D he said", "\xE2\x80\x9C No , \xE2\x80\x9D he said"},
      {"\"Yes\" (maybe) [sic]", "\" Yes \" ( maybe ) [ sic ]"},
      {"wait...what?!", "wait ... what ?!"},
      {"yes--no", "yes -- no"},
      {"yes\xE2\x80\x94no", "yes \xE2\x80\x94 no"},  // em dash
      {"He said 'no' twice", "He said ' no ' twice"},
  });
}

TEST(Tokenizer, TreatsNonAsciiLettersAsLetters) {
  run_rows({
      {"\xC5\x9E" "u\xC5\x9F" "a, M\xC3\xBCller and Qas\xC4\xB1ml\xC4\xB1 met.",
       "\xC5\x9E" "u\xC5\x9F" "a , M\xC3\xBCller and Qas\xC4\xB1ml\xC4\xB1 met ."},
      {"M\xC3\xBCller\xE2\x80\x99s car", "[M\xC3\xBCller \xE2\x80\x99s] car"},
      {"Cafe\xCC\x81 open", "Cafe\xCC\x81 open"},  // a combining accent stays in its word
  });
}

TEST(Tokenizer, LineBreaksOfWireCopyAreSpaces) {
  const std::string text = "  The minister\nsaid on Monday that\r\n  talks would\tresume.\n";
  const Sentence s = tokenize(text, 0, text.size(), abbreviations());
  EXPECT_EQ(render(text, s), "The minister said on Monday that talks would resume .");
  EXPECT_EQ(s.begin, 2u);
  EXPECT_EQ(s.end, text.size() - 1);
  EXPECT_TRUE(s.words[1].space_after);  // "minister" before a line break
}

TEST(Tokenizer, SpansAreBytesIntoTheWholeArticle) {
  const std::string text =
      "Skip this. \xC5\x9E" "u\xC5\x9F" "a\xE2\x80\x99s mayor didn't go. Next.";
  const size_t b = text.find("\xC5\x9E");
  const size_t e = text.find(" Next");
  const Sentence s = tokenize(text, b - 1, e + 1, abbreviations());  // with a space either side
  EXPECT_EQ(render(text, s), "[\xC5\x9E" "u\xC5\x9F" "a \xE2\x80\x99s] mayor [did n't] go .");
  EXPECT_EQ(s.begin, b);
  EXPECT_EQ(s.end, e);
  ASSERT_EQ(s.size(), 7);
  EXPECT_EQ(s.words[0].begin, b);
  EXPECT_EQ(s.words[0].end, b + 6);  // Ş u ş a: 2 + 1 + 2 + 1 bytes
  EXPECT_EQ(s.words[1].begin, b + 6);
  EXPECT_EQ(s.words[1].end, b + 10);  // ’ is 3 bytes
  EXPECT_EQ(s.words[6].end, e);
}

TEST(Tokenizer, MultiwordTokensSpanTheirWords) {
  const std::string text = "They don't know Sanders' plan.";
  const Sentence s = tokenize(text, 0, text.size(), abbreviations());
  ASSERT_EQ(s.multiword.size(), 2u);
  struct Expected {
    int first, last;
    const char* form;
    bool space_after;
  };
  const Expected expected[] = {{1, 2, "don't", true}, {4, 5, "Sanders'", true}};
  for (size_t k = 0; k < 2; ++k) {
    const MultiwordToken& m = s.multiword[k];
    SCOPED_TRACE(expected[k].form);
    EXPECT_EQ(m.first, expected[k].first);
    EXPECT_EQ(m.last, expected[k].last);
    EXPECT_EQ(m.form, expected[k].form);
    EXPECT_EQ(text.substr(m.begin, m.end - m.begin), m.form);
    EXPECT_EQ(m.begin, s.words[m.first].begin);
    EXPECT_EQ(m.end, s.words[m.last].end);
    EXPECT_EQ(m.space_after, expected[k].space_after);
    // Inner words are glued; the last carries the token's space.
    EXPECT_FALSE(s.words[m.first].space_after);
    EXPECT_EQ(s.words[m.last].space_after, m.space_after);
    std::string joined;
    for (int i = m.first; i <= m.last; ++i) joined += s.words[i].form;
    EXPECT_EQ(joined, m.form);
  }
}

TEST(Tokenizer, MarksSpaceAfter) {
  const std::string text = "Yes, \"no\" (maybe).";
  const Sentence s = tokenize(text, 0, text.size(), abbreviations());
  std::string marks;
  for (const Word& w : s.words) marks += w.space_after ? 'S' : '_';
  // Yes , " no " ( maybe ) .   -- the last word is at the end of the text
  EXPECT_EQ(marks, "_S__S___S");
}

TEST(Tokenizer, EmptyAndWhitespaceOnlyInputGiveNoWords) {
  struct Case {
    std::string text;
    size_t begin, end;
  };
  const Case cases[] = {
      {"", 0, 0},
      {"   \n\t ", 0, 6},
      {"abc", 2, 2},
      {"abc", 3, 1},                       // begin after end
      {"a \xC2\xA0\xE2\x80\x83 b", 1, 8},  // no-break and em spaces only
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    const Sentence s = tokenize(c.text, c.begin, c.end, abbreviations());
    EXPECT_TRUE(s.words.empty());
    EXPECT_TRUE(s.multiword.empty());
    EXPECT_EQ(s.begin, s.end);
    EXPECT_LE(s.end, c.text.size());
  }
}

TEST(Tokenizer, ClampsTheEndToTheText) {
  const std::string text = "Talks ended.";
  const Sentence s = tokenize(text, 0, 1000, abbreviations());
  EXPECT_EQ(render(text, s), "Talks ended .");
  EXPECT_EQ(s.end, text.size());
}

TEST(Tokenizer, WorksWithoutAbbreviations) {
  const std::string text = "Mr. Smith saw the U.S. envoy.";
  const Sentence s = tokenize(text, 0, text.size(), {});
  // Acronyms and initials keep their dot without a list; "Mr" needs the list.
  EXPECT_EQ(render(text, s), "Mr . Smith saw the U.S. envoy .");
}

}  // namespace
}  // namespace parley::syntax
