#include "syntax/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "syntax/conllu.h"
#include "syntax/word_features.h"

namespace parley::syntax {
namespace {

std::string ewt(const std::string& file) {
  return std::string(PARLEY_SOURCE_DIR) + "/../shared/treebank/UD_English-EWT/" + file;
}

std::vector<Sentence> read_or_skip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::stringstream ss;
  ss << in.rdbuf();
  Result<std::vector<Sentence>> r = read_conllu(ss.str(), path);
  return r.ok() ? r.value() : std::vector<Sentence>{};
}

// Heads with n = ROOT, as the transition system counts them.
std::vector<int> heads_of(const Sentence& s) {
  std::vector<int> h;
  for (const Word& w : s.words) h.push_back(w.head < 0 ? s.size() : w.head);
  return h;
}

// Runs the static oracle to the end; returns the heads it built (n = ROOT).
std::vector<int> run_static(const std::vector<int>& gold) {
  const int n = static_cast<int>(gold.size());
  ArcEager c(n);
  int guard = 0;
  while (!c.terminal() && guard++ < 6 * n + 6) c.apply(c.static_oracle(gold), 0);
  std::vector<int> h;
  for (int i = 0; i < n; ++i) h.push_back(c.head(i));
  return h;
}

// A tagged, parsed sentence from (form, xpos, 1-based head with 0 for the root, relation).
Sentence make(const std::vector<std::tuple<std::string, std::string, int, std::string>>& rows) {
  Sentence s;
  for (const auto& [form, xpos, head, rel] : rows) {
    Word& w = s.words.emplace_back();
    w.form = form;
    w.xpos = xpos;
    w.upos = xpos;
    w.head = head - 1;
    w.deprel = rel;
  }
  s.tagged = s.parsed = true;
  return s;
}

TEST(Parser, StaticOracleReproducesHandTrees) {
  // "She met him in Geneva ." with ROOT = 6
  const std::vector<int> gold = {1, 6, 1, 4, 1, 1};
  EXPECT_EQ(run_static(gold), gold);
  // A right-branching chain and a left-branching chain.
  EXPECT_EQ(run_static({4, 0, 1, 2}), (std::vector<int>{4, 0, 1, 2}));
  EXPECT_EQ(run_static({1, 2, 3, 4}), (std::vector<int>{1, 2, 3, 4}));
  EXPECT_EQ(run_static({1}), (std::vector<int>{1}));
}

TEST(Parser, StaticOracleReproducesEveryProjectiveTreeOfEwtDev) {
  const std::vector<Sentence> dev = read_or_skip(ewt("en_ewt-ud-dev.conllu"));
  if (dev.empty()) GTEST_SKIP() << "the EWT treebank is not beside the repository";
  size_t projective = 0, nonprojective = 0;
  for (const Sentence& s : dev) {
    const std::vector<int> gold = heads_of(s);
    if (!is_projective(gold)) {
      ++nonprojective;
      // A lifted tree is projective and the oracle reproduces it.
      const std::vector<int> lifted = projectivize(gold);
      EXPECT_TRUE(is_projective(lifted)) << s.id;
      EXPECT_EQ(run_static(lifted), lifted) << s.id;
      continue;
    }
    ++projective;
    ASSERT_EQ(run_static(gold), gold) << s.id;
  }
  EXPECT_GT(projective, 1900u);
  EXPECT_GT(nonprojective, 10u);  // EWT dev has some; the lifting branch above ran
}

// Gold heads a configuration has lost for good: a wrong head, or no head where the gold head
// is a word (at the end phase every headless word still on the stack can only go to ROOT
// or to one another).
int lost(const ArcEager& c, const std::vector<int>& gold) {
  int n = 0;
  for (int i = 0; i < c.n(); ++i) n += c.head(i) >= 0 ? c.head(i) != gold[static_cast<size_t>(i)] : 0;
  return n;
}

TEST(Parser, DynamicOracleCostsAreZeroAlongTheGoldPathAndCountTheArcsAMoveLoses) {
  // Before the end phase, Goldberg and Nivre's costs are exact: a move of cost k, followed by
  // the cheapest moves, loses exactly k more gold heads by the time the buffer holds only ROOT.
  const std::vector<Sentence> dev = read_or_skip(ewt("en_ewt-ud-dev.conllu"));
  if (dev.empty()) GTEST_SKIP() << "the EWT treebank is not beside the repository";
  size_t checked = 0, wrong_moves = 0;
  const ArcEager::Move kAll[] = {ArcEager::kShift, ArcEager::kReduce, ArcEager::kUnshift, ArcEager::kLeft,
                                 ArcEager::kRight};
  for (size_t k = 0; k < dev.size() && k < 300; ++k) {
    std::vector<int> gold = projectivize(heads_of(dev[k]));
    const int n = static_cast<int>(gold.size());
    gold.push_back(-1);
    ArcEager c(n);
    while (!c.terminal()) {
      const ArcEager::Move m = c.static_oracle(gold);
      ASSERT_EQ(c.cost(m, gold), 0) << dev[k].id;
      if (!c.end_phase())
        for (ArcEager::Move other : kAll) {
          if (other == m || !c.can(other)) continue;
          ArcEager alt = c;
          const int before = lost(alt, gold);
          const int cost = alt.cost(other, gold);
          alt.apply(other, 0);
          while (!alt.end_phase()) {
            ArcEager::Move best = ArcEager::kShift;
            int best_cost = 1 << 20;
            for (ArcEager::Move t : kAll)
              if (alt.can(t) && alt.cost(t, gold) < best_cost) {
                best = t;
                best_cost = alt.cost(t, gold);
              }
            ASSERT_EQ(best_cost, 0) << dev[k].id;  // some move is always free
            alt.apply(best, 0);
          }
          // headless words left on the stack whose gold head is a word are lost too
          int missing = 0;
          for (int i = 0; i < n; ++i) missing += alt.head(i) < 0 && gold[static_cast<size_t>(i)] != n;
          EXPECT_EQ(lost(alt, gold) + missing - before, cost) << dev[k].id;
          wrong_moves += cost > 0;
        }
      c.apply(m, 0);
      ++checked;
    }
    EXPECT_EQ(lost(c, gold), 0) << dev[k].id;
  }
  EXPECT_GT(checked, 3000u);
  EXPECT_GT(wrong_moves, 1000u);
}

TEST(Parser, EveryMoveSequenceEndsInATreeWithOneRoot) {
  // Whatever the model prefers, the allowed moves end in one root and every word attached.
  std::mt19937_64 rng(11);
  for (int n = 1; n <= 12; ++n)
    for (int trial = 0; trial < 200; ++trial) {
      ArcEager c(n);
      int guard = 0;
      while (!c.terminal()) {
        ASSERT_LT(guard++, 8 * n + 8);
        std::vector<ArcEager::Move> allowed;
        for (ArcEager::Move m : {ArcEager::kShift, ArcEager::kReduce, ArcEager::kUnshift, ArcEager::kLeft,
                                 ArcEager::kRight})
          if (c.can(m)) allowed.push_back(m);
        ASSERT_FALSE(allowed.empty());
        c.apply(allowed[rng() % allowed.size()], 0);
      }
      int roots = 0;
      for (int i = 0; i < n; ++i) {
        ASSERT_GE(c.head(i), 0);
        roots += c.head(i) == n;
      }
      EXPECT_EQ(roots, 1);
    }
}

TEST(Parser, ProjectivizeLiftsOnlyCrossingArcs) {
  // 0 -> 2 crosses 1 -> 3 (ROOT = 4): words 0..3, heads {2, 4, 1, 1}? Build: 1 is the root,
  // 3 depends on 1, 0 depends on 2, 2 depends on 1: arc 2->0 spans word 1, which 2 does not
  // dominate, so 0 is lifted to 2's head, 1.
  const std::vector<int> heads = {2, 4, 1, 1};
  EXPECT_FALSE(is_projective(heads));
  const std::vector<int> lifted = projectivize(heads);
  EXPECT_TRUE(is_projective(lifted));
  EXPECT_EQ(lifted, (std::vector<int>{1, 4, 1, 1}));
  const std::vector<int> fine = {1, 4, 1, 1};
  EXPECT_TRUE(is_projective(fine));
  EXPECT_EQ(projectivize(fine), fine);
}

TEST(Parser, LearnsSmallTreebankAndAlwaysBuildsOneRootedTree) {
  std::vector<Sentence> train;
  for (int k = 0; k < 20; ++k) {
    train.push_back(make({{"Leaders", "NNS", 2, "nsubj"}, {"met", "VBD", 0, "root"}, {"in", "IN", 4, "case"},
                          {"Geneva", "NNP", 2, "obl"}, {".", ".", 2, "punct"}}));
    train.push_back(make({{"The", "DT", 2, "det"}, {"plan", "NN", 4, "nsubj:pass"}, {"was", "VBD", 4, "aux:pass"},
                          {"rejected", "VBN", 0, "root"}, {"by", "IN", 6, "case"}, {"Iran", "NNP", 4, "obl:agent"},
                          {".", ".", 4, "punct"}}));
  }
  ParserOptions o;
  o.epochs = 5;
  o.min_updates = 1;  // a tiny treebank: keep every feature
  const Parser p = Parser::train(train, o);
  for (size_t k = 0; k < 2; ++k) {
    Sentence s = train[k];
    for (Word& w : s.words) {
      w.head = -1;
      w.deprel.clear();
    }
    p.parse(s);
    for (int i = 0; i < s.size(); ++i) {
      EXPECT_EQ(s.words[i].head, train[k].words[i].head) << k << ":" << i;
      EXPECT_EQ(s.words[i].deprel, train[k].words[i].deprel) << k << ":" << i;
    }
  }
  // Unseen tag sequences of many lengths: one root labelled root, every word reaches it.
  const char* tags[] = {"NN", "VBD", "IN", "DT", "JJ", ".", "NNP", "CC"};
  for (int n = 1; n < 40; ++n) {
    Sentence s;
    for (int i = 0; i < n; ++i) {
      Word& w = s.words.emplace_back();
      w.form = "w" + std::to_string(i * 7 % 5);
      w.xpos = w.upos = tags[(i * 3 + n) % 8];
    }
    p.parse(s);
    ASSERT_TRUE(s.parsed);
    EXPECT_EQ(s.roots().size(), 1u) << n;
    EXPECT_EQ(s.words[s.roots()[0]].deprel, "root");
    for (int i = 0; i < n; ++i) {
      int x = i, steps = 0;
      while (s.words[x].head >= 0 && steps++ <= n) x = s.words[x].head;
      EXPECT_LE(steps, n) << "cycle at word " << i;
      if (s.words[x].head < 0) {
        EXPECT_EQ(x, s.roots()[0]);
      }
      if (i != s.roots()[0]) {
        EXPECT_NE(s.words[i].deprel, "root");
      }
    }
    EXPECT_TRUE(is_projective([&] {
      std::vector<int> h;
      for (const Word& w : s.words) h.push_back(w.head < 0 ? n : w.head);
      return h;
    }()));
  }
}

TEST(Parser, TrainingIsDeterministicAndSurvivesSaveAndLoad) {
  const std::vector<Sentence> dev = read_or_skip(ewt("en_ewt-ud-dev.conllu"));
  if (dev.empty()) GTEST_SKIP() << "the EWT treebank is not beside the repository";
  std::vector<Sentence> slice(dev.begin(), dev.begin() + 200);
  ParserOptions o;
  o.epochs = 2;
  ModelWriter a, b;
  const Parser p1 = Parser::train(slice, o);
  Parser::train(slice, o).save(b);
  p1.save(a);
  EXPECT_EQ(a.bytes(), b.bytes());
  ModelReader r(a.bytes(), "parser");
  Result<Parser> loaded = Parser::load(r);
  ASSERT_TRUE(loaded.ok()) << loaded.status().str();
  EXPECT_TRUE(r.at_end());
  for (size_t k = 200; k < 260; ++k) {
    Sentence x = dev[k], y = dev[k];
    p1.parse(x);
    loaded->parse(y);
    for (int i = 0; i < x.size(); ++i) {
      EXPECT_EQ(x.words[i].head, y.words[i].head);
      EXPECT_EQ(x.words[i].deprel, y.words[i].deprel);
    }
  }
}

TEST(Parser, FeatureAtoms) {
  EXPECT_EQ(word_shape("Obama"), "Xxx");
  EXPECT_EQ(word_shape("1,000.5"), "d,dd.d");
  EXPECT_EQ(word_shape("U.S."), "X.X.");
  EXPECT_EQ(word_shape("e-mail"), "x-xx");
  EXPECT_EQ(word_shape("Şuşa"), "uxux");
  EXPECT_EQ(ascii_lower("Iran's"), "iran's");
  const WordAtoms a = word_atoms("Negotiated"), b = word_atoms("negotiated");
  EXPECT_EQ(a.lower, b.lower);
  EXPECT_NE(a.form, b.form);
  EXPECT_NE(a.shape, b.shape);
  EXPECT_EQ(a.suffix[2], b.suffix[2]);
  EXPECT_TRUE(a.upper_initial);
  EXPECT_FALSE(b.upper_initial);
  EXPECT_TRUE(word_atoms("1990-91").has_digit);
  EXPECT_TRUE(word_atoms("1990-91").has_hyphen);
  // Features never hash to 0, the empty slot.
  for (uint64_t t = 0; t < 1000; ++t) EXPECT_NE(feature(t, t * 7, t * 13), 0u);
}

}  // namespace
}  // namespace parley::syntax
