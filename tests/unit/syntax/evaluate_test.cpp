#include "syntax/evaluate.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "syntax/conllu.h"

#ifndef PARLEY_SOURCE_DIR
#error "PARLEY_SOURCE_DIR must be defined for the unit tests"
#endif

namespace parley::syntax {
namespace {

// A word; the head is a 0-based index, -1 for the root.
Word word(std::string form, std::string upos = "", int head = -1, std::string deprel = "", std::string lemma = "",
          std::string xpos = "") {
  Word w;
  w.form = std::move(form);
  w.upos = std::move(upos);
  w.head = head;
  w.deprel = std::move(deprel);
  w.lemma = std::move(lemma);
  w.xpos = std::move(xpos);
  return w;
}

MultiwordToken multiword(int first, int last, std::string form) {
  MultiwordToken m;
  m.first = first;
  m.last = last;
  m.form = std::move(form);
  return m;
}

// One sentence from conll18_ud_eval.py's test notation: "abc" is a word, "abc a b c" a
// multiword token "abc" of the words a, b, c. Every word hangs off the first one.
Sentence tokens(const std::vector<std::string>& spec) {
  Sentence s;
  for (const std::string& t : spec) {
    std::vector<std::string> parts;
    std::istringstream in(t);
    for (std::string p; in >> p;) parts.push_back(p);
    if (parts.size() == 1) {
      s.words.push_back(word(parts[0]));
      continue;
    }
    MultiwordToken m;
    m.form = parts[0];
    m.first = s.size();
    for (size_t k = 1; k < parts.size(); ++k) s.words.push_back(word(parts[k]));
    m.last = s.size() - 1;
    s.multiword.push_back(m);
  }
  for (int i = 1; i < s.size(); ++i) s.words[i].head = 0;
  s.parsed = true;
  return s;
}

struct AlignmentCase {
  std::vector<std::string> gold, system;
  size_t correct;
};

size_t count_words(const std::vector<std::string>& spec) {
  size_t n = 0;
  for (const std::string& t : spec) n += std::max<size_t>(1, std::count(t.begin(), t.end(), ' '));
  return n;
}

// The cases of conll18_ud_eval.py's own TestAlignment.
TEST(Evaluate, AlignsWordsAsConll18) {
  const AlignmentCase kCases[] = {
      {{"a"}, {"a"}, 1},
      {{"a", "b", "c"}, {"a", "b", "c"}, 3},
      {{"abc a b c"}, {"a", "b", "c"}, 3},
      {{"a", "bc b c", "d"}, {"a", "b", "c", "d"}, 4},
      {{"abcd a b c d"}, {"ab a b", "cd c d"}, 4},
      {{"abc a b c", "de d e"}, {"a", "bcd b c d", "e"}, 5},
      {{"abcd"}, {"a", "b", "c", "d"}, 0},
      {{"abc", "d"}, {"a", "b", "c", "d"}, 1},
      {{"a", "bc", "d"}, {"a", "b", "c", "d"}, 2},
      {{"a", "bc b c", "d"}, {"a", "b", "cd"}, 2},
      {{"abc a BX c", "def d EX f"}, {"ab a b", "cd c d", "ef e f"}, 4},
      {{"ab a b", "cd bc d"}, {"a", "bc", "d"}, 2},
      {{"a", "bc b c", "d"}, {"ab AX BX", "cd CX a"}, 1},
  };
  for (const AlignmentCase& c : kCases) {
    SCOPED_TRACE(::testing::PrintToString(c.gold) + " vs " + ::testing::PrintToString(c.system));
    auto r = evaluate({tokens(c.gold)}, {tokens(c.system)});
    ASSERT_TRUE(r.ok()) << r.status().str();
    EXPECT_EQ(r->words.correct, c.correct);
    EXPECT_EQ(r->words.gold, count_words(c.gold));
    EXPECT_EQ(r->words.system, count_words(c.system));
  }
  EXPECT_FALSE(evaluate({tokens({"a"})}, {tokens({"b"})}).ok());
}

// "The cat sat ." with tags and a tree.
Sentence cat_sat() {
  Sentence s;
  s.tagged = s.parsed = true;
  s.words = {
      word("The", "DET", 1, "det", "the", "DT"),     word("cat", "NOUN", 2, "nsubj", "cat", "NN"),
      word("sat", "VERB", -1, "root", "sit", "VBD"), word("on", "ADP", 5, "case", "on", "IN"),
      word("it", "PRON", 2, "obl", "it", "PRP"),     word(".", "PUNCT", 2, "punct", ".", "."),
  };
  return s;
}

TEST(Evaluate, IdenticalInputScoresOneHundredPercent) {
  const std::vector<Sentence> gold = {cat_sat(), tokens({"a", "bc b c", "d"})};
  auto r = evaluate(gold, gold);
  ASSERT_TRUE(r.ok()) << r.status().str();
  for (const Score* s : {&r->tokens, &r->sentences, &r->words, &r->upos, &r->xpos, &r->lemma, &r->uas, &r->las}) {
    EXPECT_EQ(s->correct, s->gold);
    EXPECT_EQ(s->correct, s->system);
    EXPECT_DOUBLE_EQ(s->f1(), 1.0);
  }
  EXPECT_EQ(r->tokens.gold, 9u);
  EXPECT_EQ(r->words.gold, 10u);
  EXPECT_EQ(r->sentences.gold, 2u);
}

TEST(Evaluate, CountsWrongTagsLemmasHeadsAndLabels) {
  Sentence sys = cat_sat();
  sys.words[1].upos = "PROPN";      // wrong UPOS, right XPOS
  sys.words[2].lemma = "sat";       // wrong lemma
  sys.words[3].head = 2;            // wrong head ("on" -> "sat"), label kept
  sys.words[4].deprel = "obj";      // wrong label, right head
  sys.words[5].deprel = "punct:x";  // a subtype alone does not count
  sys.words[0].xpos = "";           // unfilled
  auto r = evaluate({cat_sat()}, {sys});
  ASSERT_TRUE(r.ok()) << r.status().str();
  EXPECT_EQ(r->words.correct, 6u);
  EXPECT_EQ(r->upos.correct, 5u);
  EXPECT_EQ(r->xpos.correct, 5u);
  EXPECT_EQ(r->lemma.correct, 5u);
  EXPECT_EQ(r->uas.correct, 5u);
  EXPECT_EQ(r->las.correct, 4u);
  EXPECT_EQ(r->las.gold, 6u);
  EXPECT_EQ(r->las.system, 6u);
  EXPECT_DOUBLE_EQ(r->las.f1(), 4.0 / 6.0);
  // An unfilled gold lemma accepts any lemma.
  Sentence gold = cat_sat();
  gold.words[2].lemma = "_";
  auto r2 = evaluate({gold}, {sys});
  ASSERT_TRUE(r2.ok());
  EXPECT_EQ(r2->lemma.correct, 6u);
}

TEST(Evaluate, DifferentTokenizationAndSentences) {
  // Gold: "New York sleeps ." | "Good ." ; system: "New York" as one word, one sentence.
  Sentence g1;
  g1.parsed = true;
  g1.words = {word("New", "PROPN", 1, "compound"), word("York", "PROPN", 2, "nsubj"),
              word("sleeps", "VERB", -1, "root"), word(".", "PUNCT", 2, "punct")};
  Sentence g2;
  g2.parsed = true;
  g2.words = {word("Good", "ADJ", -1, "root"), word(".", "PUNCT", 0, "punct")};
  Sentence s;
  s.parsed = true;
  s.words = {word("New York", "PROPN", 1, "nsubj"), word("sleeps", "VERB", -1, "root"), word(".", "PUNCT", 1, "punct"),
             word("Good", "ADJ", 1, "parataxis"), word(".", "PUNCT", 3, "punct")};
  auto r = evaluate({g1, g2}, {s});
  ASSERT_TRUE(r.ok()) << r.status().str();
  EXPECT_EQ(r->tokens.gold, 6u);
  EXPECT_EQ(r->tokens.system, 5u);
  EXPECT_EQ(r->tokens.correct, 4u);
  EXPECT_EQ(r->sentences.gold, 2u);
  EXPECT_EQ(r->sentences.system, 1u);
  EXPECT_EQ(r->sentences.correct, 0u);
  EXPECT_EQ(r->words.gold, 6u);
  EXPECT_EQ(r->words.system, 5u);
  EXPECT_EQ(r->words.correct, 4u);
  EXPECT_DOUBLE_EQ(r->words.precision(), 4.0 / 5.0);
  EXPECT_DOUBLE_EQ(r->words.recall(), 4.0 / 6.0);
  EXPECT_EQ(r->upos.correct, 4u);
  // sleeps (root), "." -> sleeps, "." -> Good are right; Good is no root in the system.
  EXPECT_EQ(r->uas.correct, 3u);
  EXPECT_EQ(r->las.correct, 3u);
}

TEST(Evaluate, MultiwordTokens) {
  // Gold "don't" = do + n't; the system does not see the multiword token and splits it into
  // two tokens: the words still align by their forms, the token does not.
  Sentence g;
  g.parsed = true;
  g.words = {word("I", "PRON", 3, "nsubj"), word("do", "AUX", 3, "aux"), word("n't", "PART", 3, "advmod"),
             word("know", "VERB", -1, "root")};
  g.multiword = {multiword(1, 2, "don't")};
  Sentence s = g;
  s.multiword.clear();
  s.words[2].head = 1;  // wrong head
  auto r = evaluate({g}, {s});
  ASSERT_TRUE(r.ok()) << r.status().str();
  EXPECT_EQ(r->tokens.gold, 3u);
  EXPECT_EQ(r->tokens.system, 4u);
  EXPECT_EQ(r->tokens.correct, 2u);
  EXPECT_EQ(r->words.correct, 4u);
  EXPECT_EQ(r->uas.correct, 3u);

  // The system's multiword token splits the surface differently ("Do" + "nt"): only "I" and
  // "know" align; case does not matter within a multiword region.
  Sentence t = g;
  t.words[1].form = "Do";
  t.words[2].form = "nt";
  auto r2 = evaluate({g}, {t});
  ASSERT_TRUE(r2.ok()) << r2.status().str();
  EXPECT_EQ(r2->tokens.correct, 3u);
  EXPECT_EQ(r2->words.correct, 3u);  // I, do~Do, know
  EXPECT_EQ(r2->uas.correct, 3u);
}

TEST(Evaluate, DivergingTextsSayWhere) {
  Sentence g = tokens({"a", "bcd", "e"});
  g.id = "s1";
  Sentence s = tokens({"a", "bxd", "e"});
  s.id = "t1";
  auto r = evaluate({tokens({"z"}), g}, {tokens({"z"}), s});
  ASSERT_FALSE(r.ok());
  const std::string m = r.status().message();
  EXPECT_NE(m.find("gold sentence 2 (s1), word 2 'bcd', character 2, has 'cde'"), std::string::npos) << m;
  EXPECT_NE(m.find("system sentence 2 (t1), word 2 'bxd', character 2, has 'xde'"), std::string::npos) << m;

  auto shorter = evaluate({tokens({"a", "b"})}, {tokens({"a"})});
  ASSERT_FALSE(shorter.ok());
  EXPECT_NE(shorter.status().message().find("system sentence 1, word 1 'a' is its end"), std::string::npos)
      << shorter.status().message();

  Sentence blank = tokens({"a", "b"});
  blank.words[1].form = " ";
  auto empty = evaluate({tokens({"a"})}, {blank});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("system sentence 1, word 2: expected a form with a non-space character"),
            std::string::npos)
      << empty.status().message();
}

TEST(Evaluate, ScoreRatios) {
  const Score zero;
  EXPECT_EQ(zero.precision(), 0.0);
  EXPECT_EQ(zero.recall(), 0.0);
  EXPECT_EQ(zero.f1(), 0.0);
  const Score s{10, 8, 6};
  EXPECT_DOUBLE_EQ(s.precision(), 0.75);
  EXPECT_DOUBLE_EQ(s.recall(), 0.6);
  EXPECT_DOUBLE_EQ(s.f1(), 12.0 / 18.0);
}

TEST(Evaluate, EwtDevAgainstItself) {
  const std::string path = std::string(PARLEY_SOURCE_DIR) + "/../shared/treebank/UD_English-EWT/en_ewt-ud-dev.conllu";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no treebank at " << path;
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  auto gold = read_conllu(ss.str(), path);
  ASSERT_TRUE(gold.ok()) << gold.status().str();
  auto r = evaluate(gold.value(), gold.value());
  ASSERT_TRUE(r.ok()) << r.status().str();
  EXPECT_EQ(r->words.gold, 25147u);
  EXPECT_EQ(r->las.correct, 25147u);
  EXPECT_EQ(r->tokens.correct, r->tokens.gold);
  EXPECT_EQ(r->sentences.correct, 2001u);
}

}  // namespace
}  // namespace parley::syntax
