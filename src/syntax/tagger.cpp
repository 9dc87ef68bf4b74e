#include "syntax/tagger.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "syntax/word_features.h"

namespace parley::syntax {

std::vector<size_t> shuffled_order(size_t n, uint64_t seed) {
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::mt19937_64 rng(seed);  // its output sequence is fixed by the standard
  for (size_t i = n; i > 1; --i) {
    const size_t j = static_cast<size_t>(rng() % i);
    std::swap(order[i - 1], order[j]);
  }
  return order;
}

struct Tagger::Context {
  std::vector<WordAtoms> atoms;
  std::vector<uint64_t> ambiguity;  // 0: none
};

namespace {

constexpr uint64_t kBoundary = 0x5eed;   // the atom of a position outside the sentence
constexpr int kNoTag = -1;

uint64_t tag_atom(int t) { return static_cast<uint64_t>(t + 2); }

}  // namespace

Tagger::Context Tagger::context(const Sentence& s) const {
  Context c;
  c.atoms.reserve(s.words.size());
  c.ambiguity.reserve(s.words.size());
  for (const Word& w : s.words) {
    c.atoms.push_back(word_atoms(w.form));
    auto it = ambiguity_.find(c.atoms.back().lower);
    c.ambiguity.push_back(it == ambiguity_.end() ? 0 : it->second);
  }
  return c;
}

void Tagger::features(const Context& c, int i, const int* prev, std::vector<uint64_t>& f) const {
  f.clear();
  const int n = static_cast<int>(c.atoms.size());
  auto lower = [&](int j) { return j < 0 || j >= n ? kBoundary + static_cast<uint64_t>(j < 0 ? j + 10 : j - n + 20) : c.atoms[j].lower; };
  auto shape = [&](int j) { return j < 0 || j >= n ? kBoundary : c.atoms[j].shape; };
  auto amb = [&](int j) { return j < 0 || j >= n ? kBoundary : c.ambiguity[j]; };
  auto suf3 = [&](int j) { return j < 0 || j >= n ? kBoundary : c.atoms[j].suffix[2]; };
  const WordAtoms& w = c.atoms[i];
  const uint64_t t1 = i >= 1 ? tag_atom(prev[i - 1]) : tag_atom(kNoTag);
  const uint64_t t2 = i >= 2 ? tag_atom(prev[i - 2]) : tag_atom(kNoTag);

  f.push_back(feature(1, 0));
  f.push_back(feature(2, w.lower));
  f.push_back(feature(3, w.form));
  for (int k = 0; k < 5; ++k) f.push_back(feature(4 + k, w.suffix[k]));
  for (int k = 0; k < 3; ++k) f.push_back(feature(10 + k, w.prefix[k]));
  f.push_back(feature(13, w.shape));
  f.push_back(feature(14, lower(i - 1)));
  f.push_back(feature(15, lower(i - 2)));
  f.push_back(feature(16, lower(i + 1)));
  f.push_back(feature(17, lower(i + 2)));
  f.push_back(feature(18, t1));
  f.push_back(feature(19, t2));
  f.push_back(feature(20, t1, t2));
  f.push_back(feature(21, t1, w.lower));
  f.push_back(feature(22, shape(i - 1)));
  f.push_back(feature(23, shape(i + 1)));
  f.push_back(feature(24, suf3(i + 1)));
  f.push_back(feature(25, suf3(i - 1)));
  f.push_back(feature(26, lower(i - 1), w.lower));
  f.push_back(feature(27, w.lower, lower(i + 1)));
  f.push_back(feature(28, amb(i)));
  f.push_back(feature(29, amb(i + 1)));
  f.push_back(feature(30, amb(i + 2)));
  f.push_back(feature(31, amb(i - 1)));
  f.push_back(feature(32, t1, amb(i)));
  f.push_back(feature(33, amb(i), amb(i + 1)));
  f.push_back(feature(34, t1, amb(i), amb(i + 1)));
  f.push_back(feature(35, t1, lower(i + 1)));
  f.push_back(feature(36, i == 0 ? 1 : 0, w.upper_initial ? 1 : 0, w.lower));
  f.push_back(feature(37, w.shape, w.suffix[2]));
  f.push_back(feature(38, t1, w.suffix[2]));
  f.push_back(feature(39, lower(i - 1), lower(i + 1)));
  f.push_back(feature(40, shape(i - 1), w.shape, shape(i + 1)));
  f.push_back(feature(41, t2, lower(i - 1)));
  f.push_back(feature(42, w.lower, lower(i + 2)));
}

Tagger Tagger::train(const std::vector<Sentence>& gold, const TaggerOptions& o) {
  Tagger t;
  // Classes: every (UPOS, XPOS) pair in the data, in sorted order.
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Sentence& s : gold)
    for (const Word& w : s.words) pairs.insert({w.upos, w.xpos});
  std::map<std::pair<std::string, std::string>, int> class_of;
  for (const auto& p : pairs) {
    class_of[p] = static_cast<int>(t.upos_.size());
    t.upos_.push_back(p.first);
    t.xpos_.push_back(p.second);
  }
  // Ambiguity classes of frequent forms: the set of classes that form took.
  std::map<std::string, std::map<int, int>> seen;
  for (const Sentence& s : gold)
    for (const Word& w : s.words) ++seen[ascii_lower(w.form)][class_of[{w.upos, w.xpos}]];
  for (const auto& [form, classes] : seen) {
    int total = 0;
    for (const auto& [c, k] : classes) total += k;
    if (total < o.dictionary_min_count) continue;
    uint64_t h = 0x1234;
    for (const auto& [c, k] : classes)
      if (k * 20 >= total || k >= 3) h = mix64(h ^ static_cast<uint64_t>(c + 1));  // ignore stray tags
    t.ambiguity_[fnv1a64(form)] = h;
  }

  const int classes = static_cast<int>(t.upos_.size());
  PerceptronTrainer trainer(classes);
  std::vector<std::vector<int>> gold_tags(gold.size());
  for (size_t k = 0; k < gold.size(); ++k)
    for (const Word& w : gold[k].words) gold_tags[k].push_back(class_of[{w.upos, w.xpos}]);

  std::vector<uint64_t> f;
  std::vector<float> scores(classes);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    size_t correct = 0, total = 0;
    for (size_t k : shuffled_order(gold.size(), o.seed + epoch)) {
      const Sentence& s = gold[k];
      if (s.words.empty()) continue;
      Context c = t.context(s);
      std::vector<int> pred(s.words.size(), kNoTag);
      for (int i = 0; i < s.size(); ++i) {
        t.features(c, i, pred.data(), f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f, scores.data());
        const int guess = argmax(scores.data(), classes);
        const int truth = gold_tags[k][i];
        trainer.update(f, truth, guess);
        trainer.tick();
        pred[i] = guess;  // greedy: the context is what the tagger predicted
        correct += guess == truth;
        ++total;
      }
    }
    if (o.progress)
      o.progress("tagger epoch " + std::to_string(epoch + 1) + ": training accuracy " +
                 std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(total)));
  }
  t.model_ = trainer.average(o.prune);
  return t;
}

void Tagger::tag(Sentence& s) const {
  const int classes = static_cast<int>(upos_.size());
  if (classes == 0) return;
  Context c = context(s);
  std::vector<int> pred(s.words.size(), kNoTag);
  std::vector<uint64_t> f;
  f.reserve(48);
  std::vector<float> scores(classes);
  for (int i = 0; i < s.size(); ++i) {
    features(c, i, pred.data(), f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.score(f, scores.data());
    pred[i] = argmax(scores.data(), classes);
    s.words[i].upos = upos_[pred[i]];
    s.words[i].xpos = xpos_[pred[i]];
  }
  s.tagged = true;
}

void Tagger::save(ModelWriter& w) const {
  w.u32(kFeatureVersion);
  w.strs(upos_);
  w.strs(xpos_);
  std::vector<std::pair<uint64_t, uint64_t>> amb(ambiguity_.begin(), ambiguity_.end());
  std::sort(amb.begin(), amb.end());
  std::vector<uint64_t> flat;
  for (const auto& [k, v] : amb) {
    flat.push_back(k);
    flat.push_back(v);
  }
  w.array(flat);
  model_.save(w);
}

Result<Tagger> Tagger::load(ModelReader& r) {
  Tagger t;
  uint32_t version = 0;
  PARLEY_TRY(r.u32(version));
  if (version != kFeatureVersion)
    return r.fail("the tagger was trained with features of version " + std::to_string(version) +
                  ", this parley computes version " + std::to_string(kFeatureVersion) +
                  " (retrain with parley train-syntax)");
  PARLEY_TRY(r.strs(t.upos_));
  PARLEY_TRY(r.strs(t.xpos_));
  if (t.upos_.size() != t.xpos_.size() || t.upos_.empty())
    return r.fail("the tagger's UPOS and XPOS class lists differ in length or are empty");
  std::vector<uint64_t> flat;
  PARLEY_TRY(r.array(flat));
  if (flat.size() % 2) return r.fail("the tagger's ambiguity table has an odd length");
  for (size_t k = 0; k < flat.size(); k += 2) t.ambiguity_[flat[k]] = flat[k + 1];
  Result<Perceptron> p = Perceptron::load(r);
  if (!p.ok()) return p.status();
  t.model_ = std::move(p.value());
  if (t.model_.classes() != static_cast<int>(t.upos_.size()))
    return r.fail("the tagger's weights are for " + std::to_string(t.model_.classes()) +
                  " classes, its tag list has " + std::to_string(t.upos_.size()));
  return t;
}

}  // namespace parley::syntax
