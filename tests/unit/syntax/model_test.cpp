#include "syntax/model.h"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/hash.h"
#include "syntax/spelling.h"
#include "syntax/tokenizer.h"

namespace parley::syntax {
namespace {

Sentence make(const std::vector<std::tuple<std::string, std::string, std::string, std::string, int, std::string>>& rows) {
  Sentence s;
  for (const auto& [form, lemma, upos, xpos, head, rel] : rows) {
    Word& w = s.words.emplace_back();
    w.form = form;
    w.lemma = lemma;
    w.upos = upos;
    w.xpos = xpos;
    w.head = head - 1;
    w.deprel = rel;
  }
  s.tagged = s.parsed = true;
  return s;
}

const SyntaxModel& small_model() {
  static const SyntaxModel m = [] {
    std::vector<Sentence> train;
    for (int k = 0; k < 8; ++k) {
      train.push_back(make({{"Leaders", "leader", "NOUN", "NNS", 2, "nsubj"}, {"met", "meet", "VERB", "VBD", 0, "root"},
                            {"in", "in", "ADP", "IN", 4, "case"}, {"Geneva", "Geneva", "PROPN", "NNP", 2, "obl"},
                            {".", ".", "PUNCT", ".", 2, "punct"}}));
      train.push_back(make({{"Iran", "Iran", "PROPN", "NNP", 2, "nsubj"}, {"rejected", "reject", "VERB", "VBD", 0, "root"},
                            {"the", "the", "DET", "DT", 4, "det"}, {"plans", "plan", "NOUN", "NNS", 2, "obj"},
                            {".", ".", "PUNCT", ".", 2, "punct"}}));
    }
    TrainSyntaxOptions o;
    o.tagger.epochs = 3;
    o.parser.epochs = 3;
    o.jackknife_folds = 2;
    SyntaxModel s = train_syntax(train, o);
    s.info.name = "test";
    s.info.licence = "CC0";
    return s;
  }();
  return m;
}

// Rewrites the checksum so that a change inside the file reaches the section parsers.
std::string with_checksum(std::string bytes) {
  const uint64_t sum = fnv1a64(std::string_view(bytes).substr(0, bytes.size() - 8));
  std::memcpy(bytes.data() + bytes.size() - 8, &sum, 8);
  return bytes;
}

TEST(Model, RoundTripKeepsBytesInfoAndAnalyses) {
  const std::string bytes = small_model().to_bytes();
  Result<SyntaxModel> loaded = SyntaxModel::from_bytes(bytes, "m");
  ASSERT_TRUE(loaded.ok()) << loaded.status().str();
  EXPECT_EQ(loaded->to_bytes(), bytes);
  EXPECT_EQ(loaded->info.name, "test");
  EXPECT_EQ(loaded->info.licence, "CC0");
  Sentence s;
  for (const char* f : {"Leaders", "rejected", "the", "plans", "."}) s.words.emplace_back().form = f;
  Sentence t = s;
  small_model().analyze(s, true);
  loaded->analyze(t, true);
  ASSERT_TRUE(s.tagged && s.parsed);
  for (int i = 0; i < s.size(); ++i) {
    EXPECT_EQ(s.words[i].upos, t.words[i].upos);
    EXPECT_EQ(s.words[i].lemma, t.words[i].lemma);
    EXPECT_EQ(s.words[i].head, t.words[i].head);
    EXPECT_EQ(s.words[i].deprel, t.words[i].deprel);
  }
  EXPECT_EQ(s.words[3].lemma, "plan");
  // analyze without parse tags and lemmatises only.
  Sentence u;
  for (const char* f : {"Iran", "met"}) u.words.emplace_back().form = f;
  small_model().analyze(u, false);
  EXPECT_TRUE(u.tagged);
  EXPECT_FALSE(u.parsed);
}

TEST(Model, TrainingIsDeterministic) {
  EXPECT_EQ(small_model().to_bytes(), [] {
    std::vector<Sentence> train;
    for (int k = 0; k < 8; ++k) {
      train.push_back(make({{"Leaders", "leader", "NOUN", "NNS", 2, "nsubj"}, {"met", "meet", "VERB", "VBD", 0, "root"},
                            {"in", "in", "ADP", "IN", 4, "case"}, {"Geneva", "Geneva", "PROPN", "NNP", 2, "obl"},
                            {".", ".", "PUNCT", ".", 2, "punct"}}));
      train.push_back(make({{"Iran", "Iran", "PROPN", "NNP", 2, "nsubj"}, {"rejected", "reject", "VERB", "VBD", 0, "root"},
                            {"the", "the", "DET", "DT", 4, "det"}, {"plans", "plan", "NOUN", "NNS", 2, "obj"},
                            {".", ".", "PUNCT", ".", 2, "punct"}}));
    }
    TrainSyntaxOptions o;
    o.tagger.epochs = 3;
    o.parser.epochs = 3;
    o.jackknife_folds = 2;
    SyntaxModel s = train_syntax(train, o);
    s.info.name = "test";
    s.info.licence = "CC0";
    return s.to_bytes();
  }());
}

TEST(Model, BadFilesAreClearErrors) {
  const std::string good = small_model().to_bytes();
  std::string wrong_version = good;
  wrong_version[8] = 9;
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x40;
  std::string huge_count = good;  // the first info string claims 4 GB
  std::memset(huge_count.data() + 12, 0xff, 4);
  struct Case {
    std::string name;
    std::string bytes;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"empty", "", "not a parley syntax model"},
      {"text", "hello, this is not a model at all", "not a parley syntax model"},
      {"magic only", "PARLEYSX", "not a parley syntax model"},
      {"truncated", good.substr(0, good.size() - 100), "checksum"},
      {"one byte short", good.substr(0, good.size() - 1), "checksum"},
      {"flipped bit", flipped, "checksum"},
      {"version", with_checksum(wrong_version), "version 9"},
      {"bad length", with_checksum(huge_count), "truncated"},
      {"trailing bytes", with_checksum(good + std::string(8, '\0')), "after the parser section"},
  };
  for (const Case& c : cases) {
    Result<SyntaxModel> m = SyntaxModel::from_bytes(c.bytes, "models/x.syntax");
    ASSERT_FALSE(m.ok()) << c.name;
    EXPECT_NE(m.status().message().find(c.message), std::string::npos) << c.name << ": " << m.status().str();
    EXPECT_EQ(m.status().where().file, "models/x.syntax") << c.name;
  }
  // Every truncation, checksum fixed up so that the section readers see it, is refused.
  for (size_t n = 20; n < good.size(); n += 1 + n / 5) {
    std::string cut = good.substr(0, n) + std::string(8, '\0');
    EXPECT_FALSE(SyntaxModel::from_bytes(with_checksum(cut), "m").ok()) << n;
  }
}

TEST(Model, LoadAndSaveFiles) {
  const auto dir = std::filesystem::temp_directory_path() / ("parley-model-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "m.syntax").string();
  ASSERT_TRUE(small_model().save(path).ok());
  Result<SyntaxModel> m = SyntaxModel::load(path);
  ASSERT_TRUE(m.ok()) << m.status().str();
  EXPECT_EQ(m->to_bytes(), small_model().to_bytes());
  Result<SyntaxModel> missing = SyntaxModel::load((dir / "missing.syntax").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().str().find("missing.syntax"), std::string::npos);
  // Missing directories are made, as for every output (core/output_file.h).
  EXPECT_TRUE(small_model().save((dir / "new/dir/m.syntax").string()).ok());
  EXPECT_TRUE(SyntaxModel::load((dir / "new/dir/m.syntax").string()).ok());
  // A directory is not overwritten.
  EXPECT_FALSE(small_model().save((dir / "new").string()).ok());
  std::filesystem::remove_all(dir);
}

TEST(Model, TheCommittedModelLoadsAndSaysWhatItIs) {
  const std::string path = std::string(PARLEY_SOURCE_DIR) + "/models/en-ud.syntax";
  Result<SyntaxModel> m = SyntaxModel::load(path);
  ASSERT_TRUE(m.ok()) << m.status().str();
  EXPECT_EQ(m->info.name, "en-ud");
  EXPECT_NE(m->info.licence.find("CC BY-SA 4.0"), std::string::npos);
  EXPECT_NE(m->info.data.find("UD_English-EWT"), std::string::npos);
  EXPECT_NE(m->info.scores.find("las="), std::string::npos);
  EXPECT_LE(std::filesystem::file_size(path), 30u * 1024 * 1024);
}

}  // namespace
}  // namespace parley::syntax

namespace parley::syntax {
namespace {

// The committed model, loaded once for the tests that read English with it.
const SyntaxModel& committed_model() {
  static const SyntaxModel m = [] {
    Result<SyntaxModel> r = SyntaxModel::load(std::string(PARLEY_SOURCE_DIR) + "/models/en-ud.syntax");
    EXPECT_TRUE(r.ok()) << r.status().str();
    return r.ok() ? std::move(r.value()) : SyntaxModel{};
  }();
  return m;
}

TEST(Spelling, EndingsHaveTheirAmericanVariants) {
  EXPECT_EQ(american_spellings("criticised"), (std::vector<std::string>{"criticized"}));
  EXPECT_EQ(american_spellings("labour"), (std::vector<std::string>{"labor"}));
  EXPECT_EQ(american_spellings("travelled"), (std::vector<std::string>{"traveled"}));
  EXPECT_EQ(american_spellings("centres"), (std::vector<std::string>{"centers"}));
  EXPECT_EQ(american_spellings("defence"), (std::vector<std::string>{"defense"}));
  EXPECT_EQ(american_spellings("programmes"), (std::vector<std::string>{"programs"}));
  EXPECT_TRUE(american_spellings("talks").empty());
}

// A British word the treebank lacks is read as its American spelling; the form, the lemma's
// source, stays as written; a word the model knows, or a capitalised name, is read as itself.
TEST(Spelling, TheModelReadsUnknownBritishWordsAsAmericanOnes) {
  const SyntaxModel& m = committed_model();
  const std::string text = "The ministers criticised the programme and the Labour Party.";
  Sentence s = tokenize(text, 0, text.size(), {});
  m.analyze(s, true);
  ASSERT_EQ(s.words.size(), 10u);
  EXPECT_EQ(s.words[2].form, "criticised");
  EXPECT_EQ(s.words[2].spelling, "criticized");
  EXPECT_EQ(s.words[2].upos, "VERB");
  EXPECT_EQ(s.words[2].lemma, "criticise");
  EXPECT_EQ(s.words[4].spelling, "");  // "programme" is an EWT word
  EXPECT_EQ(s.words[7].spelling, "");  // a name is read as written
  EXPECT_EQ(s.words[1].spelling, "");
  EXPECT_EQ(s.words[2].deprel, "root");
  EXPECT_EQ(s.words[1].deprel, "nsubj");
}

}  // namespace
}  // namespace parley::syntax
