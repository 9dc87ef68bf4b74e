#include "syntax/lemmatizer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

namespace parley::syntax {
namespace {

// One gold word: form, UPOS, XPOS, lemma.
using Row = std::tuple<std::string, std::string, std::string, std::string>;

Sentence make(const std::vector<Row>& rows) {
  Sentence s;
  s.tagged = true;
  for (const auto& [form, upos, xpos, lemma] : rows) {
    Word& w = s.words.emplace_back();
    w.form = form;
    w.upos = upos;
    w.xpos = xpos;
    w.lemma = lemma;
  }
  return s;
}

// A small treebank in EWT conventions: regular endings on several words each (so that the
// suffix rules have support), a few irregulars, capitalised sentence starts, proper nouns,
// numbers with group commas and EWT's "_" lemmas of goeswith fragments.
std::vector<Sentence> treebank() {
  return {
      make({{"The", "DET", "DT", "the"},
            {"cats", "NOUN", "NNS", "cat"},
            {"created", "VERB", "VBD", "create"},
            {"the", "DET", "DT", "the"},
            {"problems", "NOUN", "NNS", "problem"},
            {".", "PUNCT", ".", "."}}),
      make({{"This", "DET", "DT", "this"},
            {"city", "NOUN", "NN", "city"},
            {"related", "VERB", "VBD", "relate"},
            {"two", "NUM", "CD", "two"},
            {"stories", "NOUN", "NNS", "story"},
            {",", "PUNCT", ",", ","},
            {"and", "CCONJ", "CC", "and"},
            {"I", "PRON", "PRP", "I"},
            {"walked", "VERB", "VBD", "walk"},
            {",", "PUNCT", ",", ","},
            {"helped", "VERB", "VBD", "help"},
            {",", "PUNCT", ",", ","},
            {"asked", "VERB", "VBD", "ask"},
            {"and", "CCONJ", "CC", "and"},
            {"looked", "VERB", "VBD", "look"},
            {".", "PUNCT", ".", "."}}),
      make({{"That", "DET", "DT", "that"},
            {"country", "NOUN", "NN", "country"},
            {"stated", "VERB", "VBD", "state"},
            {"its", "PRON", "PRP$", "its"},
            {"cities", "NOUN", "NNS", "city"},
            {"and", "CCONJ", "CC", "and"},
            {"parties", "NOUN", "NNS", "party"},
            {"located", "VERB", "VBD", "locate"},
            {"200,000", "NUM", "CD", "200000"},
            {"mice", "NOUN", "NNS", "mouse"},
            {".", "PUNCT", ".", "."}}),
      make({{"Cats", "NOUN", "NNS", "cat"},
            {"went", "VERB", "VBD", "go"},
            {"to", "ADP", "IN", "to"},
            {"Paris", "PROPN", "NNP", "Paris"},
            {"and", "CCONJ", "CC", "and"},
            {"London", "PROPN", "NNP", "London"},
            {"with", "ADP", "IN", "with"},
            {"NATO", "PROPN", "NNP", "NATO"},
            {"and", "CCONJ", "CC", "and"},
            {"Germans", "PROPN", "NNPS", "German"},
            {"played", "VERB", "VBD", "play"},
            {"3,500", "NUM", "CD", "3500"},
            {"games", "NOUN", "NNS", "game"},
            {".", "PUNCT", ".", "."}}),
      make({{"Houses", "NOUN", "NNS", "house"},
            {"and", "CCONJ", "CC", "and"},
            {"Trees", "NOUN", "NNS", "tree"},
            {"of", "ADP", "IN", "of"},
            {"Russians", "PROPN", "NNPS", "Russian"},
            {"and", "CCONJ", "CC", "and"},
            {"Indians", "PROPN", "NNPS", "Indian"},
            {"from", "ADP", "IN", "from"},
            {"Mexico", "PROPN", "NNP", "Mexico"},
            {"counted", "VERB", "VBD", "count"},
            {"1,200", "NUM", "CD", "1200"},
            {"mice", "NOUN", "NNS", "mouse"},
            {"Ken", "X", "GW", "KenRice@ENRON"},
            {"Rice@ENRON", "X", "GW", "_"},
            {"!", "PUNCT", ".", "!"}}),
  };
}

// The lemmas of a fixed list of probes: seen, unseen, case variants, odd bytes.
std::vector<std::string> probe(const Lemmatizer& l) {
  const std::vector<std::tuple<std::string, std::string, std::string>> probes = {
      {"went", "VERB", "VBD"},     {"Went", "VERB", "VBD"},      {"mice", "NOUN", "NNS"},
      {"negotiated", "VERB", "VBD"}, {"ministries", "NOUN", "NNS"}, {"Berlin", "PROPN", "NNP"},
      {"NATO", "PROPN", "NNP"},    {"45,000", "NUM", "CD"},      {"é", "NOUN", "NNS"},
      {"s", "NOUN", "NNS"},        {"The", "DET", "DT"},         {"x", "NOUN", "ZZ"},
  };
  std::vector<std::string> out;
  for (const auto& [form, upos, xpos] : probes) out.push_back(l.lemma(form, upos, xpos));
  return out;
}

std::string bytes_of(const Lemmatizer& l) {
  ModelWriter w;
  l.save(w);
  return w.take();
}

TEST(Lemmatizer, LearnsIrregulars) {
  const Lemmatizer l = Lemmatizer::train(treebank());
  EXPECT_EQ(l.lemma("went", "VERB", "VBD"), "go");
  EXPECT_EQ(l.lemma("mice", "NOUN", "NNS"), "mouse");
  EXPECT_EQ(l.lemma("I", "PRON", "PRP"), "I");
  // A case variant not seen in training finds the lemma of the lower-cased form.
  EXPECT_EQ(l.lemma("Went", "VERB", "VBD"), "go");
  EXPECT_EQ(l.lemma("MICE", "NOUN", "NNS"), "mouse");
}

TEST(Lemmatizer, SuffixRulesGeneraliseToUnseenWords) {
  const Lemmatizer l = Lemmatizer::train(treebank());
  EXPECT_EQ(l.lemma("negotiated", "VERB", "VBD"), "negotiate");  // like created, related
  EXPECT_EQ(l.lemma("jumped", "VERB", "VBD"), "jump");           // like walked, helped
  EXPECT_EQ(l.lemma("ministries", "NOUN", "NNS"), "ministry");   // like stories, parties
  EXPECT_EQ(l.lemma("dogs", "NOUN", "NNS"), "dog");
  // Capitalised common nouns are lower-cased, as EWT does at the start of a sentence.
  EXPECT_EQ(l.lemma("Birds", "NOUN", "NNS"), "bird");
  EXPECT_EQ(l.lemma("These", "DET", "DT"), "these");
}

TEST(Lemmatizer, ProperNounsKeepTheirCase) {
  const Lemmatizer l = Lemmatizer::train(treebank());
  EXPECT_EQ(l.lemma("Paris", "PROPN", "NNP"), "Paris");
  EXPECT_EQ(l.lemma("Berlin", "PROPN", "NNP"), "Berlin");  // unseen
  EXPECT_EQ(l.lemma("NATO", "PROPN", "NNP"), "NATO");
  EXPECT_EQ(l.lemma("OPEC", "PROPN", "NNP"), "OPEC");      // unseen
  EXPECT_EQ(l.lemma("Canadians", "PROPN", "NNPS"), "Canadian");
  EXPECT_EQ(l.lemma("paris", "PROPN", "NNP"), "Paris");    // a variant of a seen name
}

TEST(Lemmatizer, NumbersPunctuationAndUnknownTags) {
  const Lemmatizer l = Lemmatizer::train(treebank());
  EXPECT_EQ(l.lemma("45,000", "NUM", "CD"), "45000");  // EWT drops group commas
  EXPECT_EQ(l.lemma("3.25", "NUM", "CD"), "3.25");
  EXPECT_EQ(l.lemma(",", "PUNCT", ","), ",");
  EXPECT_EQ(l.lemma("?", "PUNCT", "."), "?");
  // A tag the model never saw: the form itself; the UPOS stands in for a missing XPOS.
  EXPECT_EQ(l.lemma("Foo", "SYM", "ZZ"), "Foo");
  EXPECT_EQ(l.lemma("went", "VERB", ""), "went");
  // "_" lemmas (goeswith fragments) are not learned.
  EXPECT_EQ(l.lemma("Rice@ENRON", "X", "GW"), "Rice@ENRON");
}

TEST(Lemmatizer, NeverEmptyForANonEmptyForm) {
  const Lemmatizer l = Lemmatizer::train(treebank());
  const std::vector<std::string> forms = {"s", "S", "'s", "-", "ed", "ies", "é", "\xC3", "mice",
                                          "1", ",", "_", "a", "ZZZZZZZZZZZZZZZZZZZZZZZZZZZ"};
  for (std::string_view tag : {"NNS", "VBD", "NNP", "CD", "DT", "."})
    for (const std::string& f : forms) EXPECT_FALSE(l.lemma(f, "", tag).empty()) << f << "/" << tag;
  EXPECT_EQ(l.lemma("", "NOUN", "NNS"), "");
}

TEST(Lemmatizer, LemmatizeFillsEveryWord) {
  const Lemmatizer l = Lemmatizer::train(treebank());
  Sentence s = make({{"The", "DET", "DT", ""},
                     {"mice", "NOUN", "NNS", "stale"},
                     {"negotiated", "VERB", "VBD", ""},
                     {".", "PUNCT", ".", ""}});
  l.lemmatize(s);
  std::vector<std::string> lemmas;
  for (const Word& w : s.words) lemmas.push_back(w.lemma);
  EXPECT_EQ(lemmas, (std::vector<std::string>{"the", "mouse", "negotiate", "."}));
}

TEST(Lemmatizer, DefaultConstructedReturnsTheForm) {
  const Lemmatizer l;
  EXPECT_EQ(l.lemma("Mice", "NOUN", "NNS"), "Mice");
  ModelWriter w;
  l.save(w);
  ModelReader r(w.bytes(), "empty");
  Result<Lemmatizer> back = Lemmatizer::load(r);
  ASSERT_TRUE(back.ok()) << back.status().str();
  EXPECT_EQ(back->lemma("Mice", "NOUN", "NNS"), "Mice");
}

TEST(Lemmatizer, TrainingIsDeterministic) {
  const std::string once = bytes_of(Lemmatizer::train(treebank()));
  EXPECT_EQ(bytes_of(Lemmatizer::train(treebank())), once);
  // The model counts words: the order of the sentences does not matter either.
  std::vector<Sentence> reversed = treebank();
  std::reverse(reversed.begin(), reversed.end());
  EXPECT_EQ(bytes_of(Lemmatizer::train(reversed)), once);
}

TEST(Lemmatizer, SaveLoadRoundTrip) {
  const Lemmatizer l = Lemmatizer::train(treebank());
  const std::string bytes = bytes_of(l);
  ModelReader r(bytes, "lemmas.model");
  Result<Lemmatizer> back = Lemmatizer::load(r);
  ASSERT_TRUE(back.ok()) << back.status().str();
  EXPECT_TRUE(r.at_end());
  EXPECT_EQ(probe(back.value()), probe(l));
  EXPECT_EQ(bytes_of(back.value()), bytes);
}

// A section written field by field, for the error table.
struct Section {
  uint32_t version = 1;
  std::vector<std::string> tags = {"NN", "NNS"};
  uint8_t flags = 0;
  uint8_t max_suffix = 5;
  std::vector<uint8_t> casing = std::vector<uint8_t>(24, 0);
  std::vector<std::tuple<uint8_t, uint32_t, std::string, std::string>> exceptions = {
      {0, 1, "mice", "mouse"}};
  std::vector<std::pair<uint8_t, std::string>> rewrites = {{1, ""}, {3, "y"}};
  std::vector<std::tuple<uint32_t, std::string, std::vector<uint32_t>>> buckets = {
      {1, "", {0}}, {1, "ies", {1}}};
  std::vector<std::string> lexicon = {"cat", "city"};

  std::string bytes() const {
    ModelWriter w;
    w.u32(version);
    w.strs(tags);
    w.u8(flags);
    w.u8(max_suffix);
    w.array(casing);
    w.u32(static_cast<uint32_t>(exceptions.size()));
    for (const auto& [kind, tag, form, lemma] : exceptions) {
      w.u8(kind);
      w.u32(tag);
      w.str(form);
      w.str(lemma);
    }
    w.u32(static_cast<uint32_t>(rewrites.size()));
    for (const auto& [strip, append] : rewrites) {
      w.u8(strip);
      w.str(append);
    }
    w.u32(static_cast<uint32_t>(buckets.size()));
    for (const auto& [tag, suffix, ids] : buckets) {
      w.u32(tag);
      w.str(suffix);
      w.u32(static_cast<uint32_t>(ids.size()));
      for (uint32_t id : ids) w.u32(id);
    }
    w.strs(lexicon);
    return w.take();
  }
};

TEST(Lemmatizer, HandWrittenSectionLoads) {
  const std::string bytes = Section{}.bytes();
  ModelReader r(bytes, "hand");
  Result<Lemmatizer> l = Lemmatizer::load(r);
  ASSERT_TRUE(l.ok()) << l.status().str();
  EXPECT_EQ(l->lemma("mice", "NOUN", "NNS"), "mouse");
  EXPECT_EQ(l->lemma("cities", "NOUN", "NNS"), "city");
  EXPECT_EQ(l->lemma("cats", "NOUN", "NNS"), "cat");  // the ending "" strips one byte
}

TEST(Lemmatizer, BadSectionsAreErrors) {
  struct Case {
    const char* name;
    std::function<void(Section&)> spoil;
    const char* message;  // a part of the expected error
  };
  const std::vector<Case> cases = {
      {"version", [](Section& s) { s.version = 7; }, "section version 7"},
      {"unsorted tags", [](Section& s) { s.tags = {"NNS", "NN"}; }, "not sorted"},
      {"empty tag", [](Section& s) { s.tags = {"", "NN"}; }, "not sorted"},
      {"flags", [](Section& s) { s.flags = 9; }, "flags 9"},
      {"suffix length", [](Section& s) { s.max_suffix = 200; }, "suffix length 200"},
      {"casing size", [](Section& s) { s.casing.pop_back(); }, "casing table has 23"},
      {"casing value", [](Section& s) { s.casing[3] = 4; }, "unknown lemmatiser casing 4"},
      {"exception kind", [](Section& s) { std::get<0>(s.exceptions[0]) = 2; }, "exception"},
      {"exception tag", [](Section& s) { std::get<1>(s.exceptions[0]) = 2; }, "exception"},
      {"empty lemma", [](Section& s) { std::get<3>(s.exceptions[0]) = ""; }, "empty form or lemma"},
      {"duplicate exception", [](Section& s) { s.exceptions.push_back(s.exceptions[0]); },
       "duplicate key"},
      {"bucket tag", [](Section& s) { std::get<0>(s.buckets[1]) = 5; }, "suffix rule"},
      {"long suffix", [](Section& s) { std::get<1>(s.buckets[1]) = "abcdef"; }, "suffix rule"},
      {"no rewrite", [](Section& s) { std::get<2>(s.buckets[1]).clear(); }, "no rewrite"},
      {"missing rewrite", [](Section& s) { std::get<2>(s.buckets[1]) = {2}; }, "missing rewrite"},
      {"duplicate bucket", [](Section& s) { s.buckets.push_back(s.buckets[1]); }, "duplicate key"},
      {"empty lexicon word", [](Section& s) { s.lexicon.push_back(""); }, "empty word"},
      {"duplicate lexicon word", [](Section& s) { s.lexicon.push_back("cat"); }, "duplicate key"},
  };
  for (const Case& c : cases) {
    Section s;
    c.spoil(s);
    const std::string bytes = s.bytes();
    ModelReader r(bytes, "bad.model");
    Result<Lemmatizer> l = Lemmatizer::load(r);
    ASSERT_FALSE(l.ok()) << c.name;
    EXPECT_NE(l.status().str().find(c.message), std::string::npos)
        << c.name << ": " << l.status().str();
    EXPECT_EQ(l.status().where().file, "bad.model") << c.name;
  }
}

TEST(Lemmatizer, TruncatedModelsAreErrors) {
  const std::string bytes = bytes_of(Lemmatizer::train(treebank()));
  for (size_t n = 0; n < bytes.size(); ++n) {
    ModelReader r(std::string_view(bytes).substr(0, n), "cut.model");
    Result<Lemmatizer> l = Lemmatizer::load(r);
    ASSERT_FALSE(l.ok()) << "cut at " << n;
    EXPECT_NE(l.status().str().find("cut.model: at byte "), std::string::npos) << l.status().str();
  }
}

TEST(Lemmatizer, GarbledBytesNeverCrash) {
  // Every byte flipped in turn: the load fails with a Status or gives a model whose lemmas
  // are still non-empty (a changed letter in a lemma is not detectable here; the model file's
  // checksum catches it).
  const std::string good = bytes_of(Lemmatizer::train(treebank()));
  for (size_t i = 0; i < good.size(); ++i) {
    for (int flip : {0x01, 0x80, 0xff}) {
      std::string bytes = good;
      bytes[i] = static_cast<char>(bytes[i] ^ flip);
      ModelReader r(bytes, "garbled.model");
      Result<Lemmatizer> l = Lemmatizer::load(r);
      if (!l.ok()) continue;
      for (const std::string& lemma : probe(l.value())) EXPECT_FALSE(lemma.empty()) << i;
    }
  }
}

}  // namespace
}  // namespace parley::syntax
