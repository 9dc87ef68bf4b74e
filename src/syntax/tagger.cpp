#include "syntax/tagger.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <random>
#include <set>

#include "syntax/word_features.h"

namespace parley::syntax {

// EXPERIMENT KNOBS (temporary)
static bool on(const char* name) {
  static const char* env = std::getenv("TAGX");
  if (!env) return false;
  const std::string s = std::string(",") + env + ",";
  return s.find(std::string(",") + name + ",") != std::string::npos;
}
static int knob(const char* name, int def) {
  const char* e = std::getenv(name);
  return e ? std::atoi(e) : def;
}

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
  std::vector<uint64_t> exact;
  std::vector<uint64_t> kase;       // case class
  std::vector<uint64_t> freq;       // frequency bucket of the lower form
  std::vector<uint64_t> seenlow;    // bucket of lower-case occurrences
  std::vector<uint64_t> tail;       // lower form after the last hyphen
  std::vector<uint64_t> tail_amb;
  std::vector<uint64_t> len;
  uint64_t mode = 0;
  int first_alpha = 0;
};

namespace {

constexpr uint64_t kBoundary = 0x5eed;   // the atom of a position outside the sentence
constexpr int kNoTag = -1;

uint64_t tag_atom(int t) { return static_cast<uint64_t>(t + 2); }

uint64_t bucket(uint32_t n) {
  if (n == 0) return 1;
  if (n == 1) return 2;
  if (n == 2) return 3;
  if (n <= 5) return 4;
  if (n <= 20) return 5;
  return 6;
}

// 1 lower, 2 Title, 3 UPPER, 4 mixed (iPhone), 5 no letters
uint64_t case_class(std::string_view s) {
  int up = 0, low = 0;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') ++up;
    else if (c >= 'a' && c <= 'z') ++low;
  }
  if (up == 0 && low == 0) return 5;
  if (up == 0) return 1;
  if (low == 0) return up == 1 && s.size() == 1 ? 2 : 3;
  if (s[0] >= 'A' && s[0] <= 'Z' && up == 1) return 2;
  return 4;
}

}  // namespace

Tagger::Context Tagger::context(const Sentence& s, const Lexicon& lex) const {
  Context c;
  const size_t n = s.words.size();
  c.atoms.reserve(n);
  c.ambiguity.reserve(n);
  int title = 0, upper = 0, alpha = 0;
  c.first_alpha = -1;
  for (size_t i = 0; i < n; ++i) {
    const Word& w = s.words[i];
    c.atoms.push_back(word_atoms(w.form));
    auto it = lex.lower.find(c.atoms.back().lower);
    const bool found = it != lex.lower.end();
    c.ambiguity.push_back(found ? it->second.ambiguity : 0);
    auto ex = lex.exact.find(c.atoms.back().form);
    c.exact.push_back(ex == lex.exact.end() ? 0 : ex->second);
    const uint64_t k = case_class(w.form);
    c.kase.push_back(k);
    if (k != 5) {
      if (c.first_alpha < 0) c.first_alpha = static_cast<int>(i);
      ++alpha;
      title += k == 2;
      upper += k == 3;
    }
    c.freq.push_back(bucket(found ? it->second.count : 0));
    c.seenlow.push_back(bucket(found ? it->second.lower_count : 0));
    const size_t h = w.form.rfind('-');
    if (h != std::string::npos && h + 1 < w.form.size() && h > 0) {
      const std::string t = ascii_lower(std::string_view(w.form).substr(h + 1));
      c.tail.push_back(fnv1a64(t) + 7);
      auto tt = lex.lower.find(fnv1a64(t));
      c.tail_amb.push_back(tt == lex.lower.end() ? 1 : tt->second.ambiguity);
    } else {
      c.tail.push_back(0);
      c.tail_amb.push_back(0);
    }
    c.len.push_back(std::min<size_t>(w.form.size(), 12));
  }
  if (c.first_alpha < 0) c.first_alpha = 0;
  if (alpha >= 3 && upper * 10 >= alpha * 7) c.mode = 3;
  else if (alpha >= 3 && (title + upper) * 10 >= alpha * 6) c.mode = 2;
  else c.mode = 1;
  return c;
}

void Tagger::static_features(const Context& c, int i, uint64_t off, std::vector<uint64_t>& f) const {
  auto add = [&](uint64_t id, uint64_t a, uint64_t b = 0, uint64_t d = 0) {
    f.push_back(feature(id + off, a, b, d));
  };
  const int n = static_cast<int>(c.atoms.size());
  auto lower = [&](int j) { return j < 0 || j >= n ? kBoundary + static_cast<uint64_t>(j < 0 ? j + 10 : j - n + 20) : c.atoms[j].lower; };
  auto shape = [&](int j) { return j < 0 || j >= n ? kBoundary : c.atoms[j].shape; };
  auto amb = [&](int j) { return j < 0 || j >= n ? kBoundary : c.ambiguity[j]; };
  auto suf3 = [&](int j) { return j < 0 || j >= n ? kBoundary : c.atoms[j].suffix[2]; };
  auto kase = [&](int j) { return j < 0 || j >= n ? kBoundary : c.kase[j]; };
  const WordAtoms& w = c.atoms[i];

  add(1, 0);
  add(2, w.lower);
  add(3, w.form);
  for (int k = 0; k < 5; ++k) add(4 + k, w.suffix[k]);
  for (int k = 0; k < 3; ++k) add(10 + k, w.prefix[k]);
  add(13, w.shape);
  add(14, lower(i - 1));
  add(15, lower(i - 2));
  add(16, lower(i + 1));
  add(17, lower(i + 2));
  add(22, shape(i - 1));
  add(23, shape(i + 1));
  add(24, suf3(i + 1));
  add(25, suf3(i - 1));
  add(26, lower(i - 1), w.lower);
  add(27, w.lower, lower(i + 1));
  add(28, amb(i));
  add(29, amb(i + 1));
  add(30, amb(i + 2));
  add(31, amb(i - 1));
  add(33, amb(i), amb(i + 1));
  add(36, i == 0 ? 1 : 0, w.upper_initial ? 1 : 0, w.lower);
  add(37, w.shape, w.suffix[2]);
  add(39, lower(i - 1), lower(i + 1));
  add(40, shape(i - 1), w.shape, shape(i + 1));
  add(42, w.lower, lower(i + 2));

  const uint64_t first = i == c.first_alpha ? 1 : 0;
  if (on("case")) {
    add(43, c.kase[i], first);
    add(44, c.kase[i], w.suffix[2]);
    add(45, kase(i - 1), c.kase[i], kase(i + 1));
  }
  if (on("exact")) add(47, c.exact[i]);
  if (on("seenlow")) {
    add(49, c.kase[i], c.seenlow[i], first);
    add(50, c.kase[i], c.seenlow[i], amb(i));
  }
  if (on("freq")) {
    add(51, c.freq[i], w.shape);
    add(52, c.freq[i], w.suffix[2]);
  }
  if (on("mode")) {
    add(54, c.mode, c.kase[i], c.freq[i]);
    add(55, c.mode, c.kase[i], amb(i));
    add(56, c.mode, c.kase[i], first);
  }
  if (on("hyph") && c.tail[i]) {
    add(57, c.tail[i]);
    add(58, c.tail_amb[i]);
  }
  if (on("len")) add(59, c.len[i], c.kase[i]);
}

void Tagger::tag_features(const Context& c, int i, const int* prev, const int* next, uint64_t off,
                          std::vector<uint64_t>& f) const {
  auto add = [&](uint64_t id, uint64_t a, uint64_t b = 0, uint64_t d = 0) {
    f.push_back(feature(id + off, a, b, d));
  };
  const int n = static_cast<int>(c.atoms.size());
  auto lower = [&](int j) { return j < 0 || j >= n ? kBoundary + static_cast<uint64_t>(j < 0 ? j + 10 : j - n + 20) : c.atoms[j].lower; };
  auto amb = [&](int j) { return j < 0 || j >= n ? kBoundary : c.ambiguity[j]; };
  const WordAtoms& w = c.atoms[i];
  const uint64_t t1 = i >= 1 ? tag_atom(prev[i - 1]) : tag_atom(kNoTag);
  const uint64_t t2 = i >= 2 ? tag_atom(prev[i - 2]) : tag_atom(kNoTag);
  add(18, t1);
  add(19, t2);
  add(20, t1, t2);
  add(21, t1, w.lower);
  add(32, t1, amb(i));
  add(34, t1, amb(i), amb(i + 1));
  add(35, t1, lower(i + 1));
  add(38, t1, w.suffix[2]);
  add(41, t2, lower(i - 1));
  if (on("case")) add(46, c.kase[i], t1);
  if (on("exact")) add(48, c.exact[i], t1);
  if (on("freq")) add(53, c.freq[i], t1);
  if (!next) return;
  const uint64_t r1 = i + 1 < n ? tag_atom(next[i + 1]) : tag_atom(kNoTag);
  const uint64_t r2 = i + 2 < n ? tag_atom(next[i + 2]) : tag_atom(kNoTag);
  add(70, r1);
  add(71, r2);
  add(72, r1, r2);
  add(73, r1, w.lower);
  add(74, t1, r1);
  add(75, r1, amb(i));
  add(76, r1, w.suffix[2]);
  add(77, t1, r1, amb(i));
  add(78, r1, lower(i + 1));
  add(79, r1, r2, amb(i));
}

namespace {

std::pair<std::vector<std::string>, std::map<std::pair<std::string, std::string>, int>> make_classes(
    const std::vector<Sentence>& gold) {
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Sentence& s : gold)
    for (const Word& w : s.words) pairs.insert({w.upos, w.xpos});
  std::map<std::pair<std::string, std::string>, int> class_of;
  std::vector<std::string> dummy;
  for (const auto& p : pairs) class_of[p] = static_cast<int>(class_of.size());
  return {dummy, class_of};
}

uint64_t ambiguity_of(const std::map<int, int>& classes, int min_count) {
  int total = 0;
  for (const auto& [c, k] : classes) total += k;
  if (total < min_count) return 0;
  uint64_t h = 0x1234;
  for (const auto& [c, k] : classes)
    if (k * 20 >= total || k >= 3) h = mix64(h ^ static_cast<uint64_t>(c + 1));  // ignore stray tags
  return h;
}

}  // namespace

Tagger Tagger::train(const std::vector<Sentence>& gold, const TaggerOptions& o) {
  return train_impl(gold, o, false);
}

Tagger Tagger::train_pass1(const std::vector<Sentence>& gold, const TaggerOptions& o) {
  return train_impl(gold, o, true);
}

Tagger Tagger::train_impl(const std::vector<Sentence>& gold, const TaggerOptions& o, bool only1) {
  Tagger t;
  // Classes: every (UPOS, XPOS) pair in the data, in sorted order.
  auto [unused, class_of] = make_classes(gold);
  for (const auto& [p, k] : class_of) {
    t.upos_.push_back(p.first);
    t.xpos_.push_back(p.second);
  }
  const int min_count = knob("DMIN", o.dictionary_min_count);
  // Lexicon of sentences [from, to) excluded
  auto build = [&](size_t skip_from, size_t skip_to) {
    std::map<std::string, std::map<int, int>> seen, seen_exact;
    std::map<std::string, uint32_t> lower_count;
    for (size_t k = 0; k < gold.size(); ++k) {
      if (k >= skip_from && k < skip_to) continue;
      for (const Word& w : gold[k].words) {
        const int c = class_of[{w.upos, w.xpos}];
        const std::string low = ascii_lower(w.form);
        ++seen[low][c];
        ++seen_exact[w.form][c];
        if (low == w.form) ++lower_count[low];
      }
    }
    Lexicon lex;
    for (const auto& [form, classes] : seen) {
      Lexicon::Entry e;
      e.ambiguity = ambiguity_of(classes, min_count);
      for (const auto& [c, k] : classes) e.count += static_cast<uint32_t>(k);
      auto lc = lower_count.find(form);
      e.lower_count = lc == lower_count.end() ? 0 : lc->second;
      lex.lower[fnv1a64(form)] = e;
    }
    for (const auto& [form, classes] : seen_exact) {
      const uint64_t a = ambiguity_of(classes, min_count);
      if (a) lex.exact[fnv1a64(form)] = a;
    }
    return lex;
  };
  t.lex_ = build(0, 0);
  const int folds = knob("FOLDS", 0);
  std::vector<Lexicon> fold_lex;
  for (int k = 0; k < folds; ++k)
    fold_lex.push_back(build(gold.size() * k / folds, gold.size() * (k + 1) / folds));
  auto lex_of = [&](size_t k) -> const Lexicon& {
    return folds ? fold_lex[k * folds / gold.size()] : t.lex_;
  };

  const int mode = only1 ? 1 : on("pass2") ? 2 : on("pass2r") ? 3 : 1;
  const int classes = static_cast<int>(t.upos_.size());
  PerceptronTrainer trainer(classes);
  std::vector<std::vector<int>> gold_tags(gold.size());
  for (size_t k = 0; k < gold.size(); ++k)
    for (const Word& w : gold[k].words) gold_tags[k].push_back(class_of[{w.upos, w.xpos}]);

  // Jackknifed first-pass predictions for the second pass.
  const int jk = mode > 1 ? knob("JK", 0) : 0;
  std::vector<std::vector<int>> jk_tags(gold.size());
  if (jk > 1) {
    for (int k = 0; k < jk; ++k) {
      std::vector<Sentence> rest;
      for (size_t i = 0; i < gold.size(); ++i)
        if (static_cast<int>(i % static_cast<size_t>(jk)) != k) rest.push_back(gold[i]);
      TaggerOptions fo = o;
      fo.progress = nullptr;
      const Tagger sub = Tagger::train_pass1(rest, fo);
      for (size_t i = static_cast<size_t>(k); i < gold.size(); i += static_cast<size_t>(jk))
        jk_tags[i] = sub.pass1(gold[i]);
    }
  }

  std::vector<uint64_t> st, f;
  std::vector<float> scores(classes);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    size_t correct = 0, total = 0;
    for (size_t k : shuffled_order(gold.size(), o.seed + epoch)) {
      const Sentence& s = gold[k];
      if (s.words.empty()) continue;
      Context c = t.context(s, lex_of(k));
      std::vector<int> pred(s.words.size(), kNoTag);
      for (int i = 0; i < s.size(); ++i) {
        f.clear();
        t.static_features(c, i, 0, f);
        t.tag_features(c, i, pred.data(), nullptr, 0, f);
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
      if (mode > 1) {
        const std::vector<int>& right = jk > 1 ? jk_tags[k] : pred;
        std::vector<int> pred2(s.words.size(), kNoTag);
        for (int i = 0; i < s.size(); ++i) {
          f.clear();
          std::fill(scores.begin(), scores.end(), 0.0f);
          if (mode == 2) {
            t.static_features(c, i, 100, f);
          } else {
            st.clear();
            t.static_features(c, i, 0, st);
            trainer.score(st, scores.data());
          }
          t.tag_features(c, i, pred2.data(), right.data(), 100, f);
          trainer.score(f, scores.data());
          const int guess = argmax(scores.data(), classes);
          const int truth = gold_tags[k][i];
          trainer.update(f, truth, guess);
          trainer.tick();
          pred2[i] = guess;
        }
      }
    }
    if (o.progress)
      o.progress("tagger epoch " + std::to_string(epoch + 1) + ": training accuracy " +
                 std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(total)));
  }
  t.model_ = trainer.average(o.prune);
  t.pass2_ = static_cast<uint8_t>(mode);
  return t;
}

std::vector<int> Tagger::pass1(const Sentence& s) const {
  const int classes = static_cast<int>(upos_.size());
  Context c = context(s, lex_);
  std::vector<int> pred(s.words.size(), kNoTag);
  std::vector<uint64_t> f;
  std::vector<float> scores(classes);
  for (int i = 0; i < s.size(); ++i) {
    f.clear();
    static_features(c, i, 0, f);
    tag_features(c, i, pred.data(), nullptr, 0, f);
    std::fill(scores.begin(), scores.end(), 0.0f);
    model_.score(f, scores.data());
    pred[i] = argmax(scores.data(), classes);
  }
  return pred;
}

void Tagger::tag(Sentence& s) const {
  const int classes = static_cast<int>(upos_.size());
  if (classes == 0) return;
  Context c = context(s, lex_);
  const size_t n = s.words.size();
  std::vector<int> pred(n, kNoTag);
  std::vector<uint64_t> f;
  f.reserve(96);
  std::vector<float> base(n * static_cast<size_t>(classes));
  std::vector<float> scores(classes);
  for (int i = 0; i < s.size(); ++i) {
    float* b = &base[static_cast<size_t>(i) * classes];
    f.clear();
    static_features(c, i, 0, f);
    model_.score(f, b);
    std::copy(b, b + classes, scores.begin());
    f.clear();
    tag_features(c, i, pred.data(), nullptr, 0, f);
    model_.score(f, scores.data());
    pred[i] = argmax(scores.data(), classes);
  }
  if (pass2_ > 1) {
    std::vector<int> pred2(n, kNoTag);
    for (int i = 0; i < s.size(); ++i) {
      f.clear();
      if (pass2_ == 2) {
        std::fill(scores.begin(), scores.end(), 0.0f);
        static_features(c, i, 100, f);
      } else {
        const float* b = &base[static_cast<size_t>(i) * classes];
        std::copy(b, b + classes, scores.begin());
      }
      tag_features(c, i, pred2.data(), pred.data(), 100, f);
      model_.score(f, scores.data());
      pred2[i] = argmax(scores.data(), classes);
    }
    pred = pred2;
  }
  for (int i = 0; i < s.size(); ++i) {
    s.words[i].upos = upos_[pred[i]];
    s.words[i].xpos = xpos_[pred[i]];
  }
  s.tagged = true;
}

void Tagger::save(ModelWriter& w) const {
  w.strs(upos_);
  w.strs(xpos_);
  std::vector<std::pair<uint64_t, Lexicon::Entry>> amb(lex_.lower.begin(), lex_.lower.end());
  std::sort(amb.begin(), amb.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint64_t> flat;
  for (const auto& [k, v] : amb) {
    flat.push_back(k);
    flat.push_back(v.ambiguity);
    flat.push_back(static_cast<uint64_t>(v.count) << 32 | v.lower_count);
  }
  w.array(flat);
  std::vector<std::pair<uint64_t, uint64_t>> ex(lex_.exact.begin(), lex_.exact.end());
  std::sort(ex.begin(), ex.end());
  flat.clear();
  for (const auto& [k, v] : ex) {
    flat.push_back(k);
    flat.push_back(v);
  }
  w.array(flat);
  w.u8(pass2_);
  model_.save(w);
}

Result<Tagger> Tagger::load(ModelReader& r) {
  Tagger t;
  PARLEY_TRY(r.strs(t.upos_));
  PARLEY_TRY(r.strs(t.xpos_));
  if (t.upos_.size() != t.xpos_.size() || t.upos_.empty())
    return r.fail("the tagger's UPOS and XPOS class lists differ in length or are empty");
  std::vector<uint64_t> flat;
  PARLEY_TRY(r.array(flat));
  if (flat.size() % 3) return r.fail("the tagger's lexicon has a bad length");
  for (size_t k = 0; k < flat.size(); k += 3) {
    Lexicon::Entry e;
    e.ambiguity = flat[k + 1];
    e.count = static_cast<uint32_t>(flat[k + 2] >> 32);
    e.lower_count = static_cast<uint32_t>(flat[k + 2]);
    t.lex_.lower[flat[k]] = e;
  }
  PARLEY_TRY(r.array(flat));
  if (flat.size() % 2) return r.fail("the tagger's ambiguity table has an odd length");
  for (size_t k = 0; k < flat.size(); k += 2) t.lex_.exact[flat[k]] = flat[k + 1];
  uint8_t p2 = 0;
  PARLEY_TRY(r.u8(p2));
  t.pass2_ = p2;
  Result<Perceptron> p = Perceptron::load(r);
  if (!p.ok()) return p.status();
  t.model_ = std::move(p.value());
  if (t.model_.classes() != static_cast<int>(t.upos_.size()))
    return r.fail("the tagger's weights are for " + std::to_string(t.model_.classes()) +
                  " classes, its tag list has " + std::to_string(t.upos_.size()));
  return t;
}

}  // namespace parley::syntax
