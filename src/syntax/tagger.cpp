#include "syntax/tagger.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <set>

#include "syntax/spelling.h"
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
  std::vector<uint64_t> casing;     // case_class of each word
  std::vector<uint64_t> frequency;  // frequency_bucket of each word's lexicon count
  int first_alpha = 0;              // the first word with a letter
  uint64_t mode = 1;                // 1 running text, 2 title case, 3 capitals
};

namespace {

constexpr uint64_t kBoundary = 0x5eed;   // the atom of a position outside the sentence
constexpr int kNoTag = -1;

uint64_t tag_atom(int t) { return static_cast<uint64_t>(t + 2); }

uint64_t frequency_bucket(uint32_t n) {
  if (n == 0) return 1;
  if (n <= 2) return n + 1;
  if (n <= 5) return 4;
  if (n <= 20) return 5;
  return 6;
}

// 1 lower, 2 Title, 3 UPPER (two letters or more), 4 mixed ("iPhone"), 5 no ASCII letter.
uint64_t case_class(std::string_view s) {
  int upper = 0, lower = 0;
  for (unsigned char c : s) {
    if (c >= 'A' && c <= 'Z') ++upper;
    else if (c >= 'a' && c <= 'z') ++lower;
  }
  if (upper == 0 && lower == 0) return 5;
  if (upper == 0) return 1;
  if (lower == 0) return upper == 1 && s.size() == 1 ? 2 : 3;
  if (s[0] >= 'A' && s[0] <= 'Z' && upper == 1) return 2;
  return 4;
}

// The hash of the set of classes a form took, ignoring stray tags (under 5 % and seen fewer
// than 3 times); 0 when the form was seen fewer than `min_count` times.
uint64_t ambiguity_of(const std::map<int, int>& classes, int min_count) {
  int total = 0;
  for (const auto& [c, k] : classes) total += k;
  if (total < min_count) return 0;
  uint64_t h = 0x1234;
  for (const auto& [c, k] : classes)
    if (k * 20 >= total || k >= 3) h = mix64(h ^ static_cast<uint64_t>(c + 1));
  return h;
}

}  // namespace

// A lower-case word the lexicon lacks is read as the first of its American spellings the
// lexicon has ("criticised" as "criticized"). Capitalised words are left alone: inside a
// sentence they are names ("Labour", "Chartres"), and the first word of a sentence is rarely
// one of these verbs.
void Tagger::read_spellings(Sentence& s) const {
  for (Word& w : s.words) {
    if (!w.spelling.empty()) continue;
    if (w.form.empty() || w.form[0] < 'a' || w.form[0] > 'z') continue;
    const std::string lower = ascii_lower(w.form);
    if (lexicon_.forms.count(fnv1a64(lower))) continue;
    for (std::string& a : american_spellings(lower))
      if (lexicon_.forms.count(fnv1a64(a))) {
        w.spelling = std::move(a);
        break;
      }
  }
}

bool Tagger::knows(std::string_view lower) const { return lexicon_.forms.count(fnv1a64(lower)) > 0; }

Tagger::Context Tagger::context(const Sentence& s, const Lexicon& lexicon) const {
  Context c;
  const size_t n = s.words.size();
  c.atoms.reserve(n);
  c.ambiguity.reserve(n);
  c.casing.reserve(n);
  c.frequency.reserve(n);
  int alpha = 0, title = 0, upper = 0;
  c.first_alpha = -1;
  for (size_t i = 0; i < n; ++i) {
    const Word& w = s.words[i];
    c.atoms.push_back(word_atoms(w.spelling.empty() ? w.form : w.spelling));
    auto it = lexicon.forms.find(c.atoms.back().lower);
    const bool known = it != lexicon.forms.end();
    c.ambiguity.push_back(known ? it->second.ambiguity : 0);
    c.frequency.push_back(frequency_bucket(known ? it->second.count : 0));
    const uint64_t k = case_class(w.form);
    c.casing.push_back(k);
    if (k != 5) {
      if (c.first_alpha < 0) c.first_alpha = static_cast<int>(i);
      ++alpha;
      title += k == 2;
      upper += k == 3;
    }
  }
  if (c.first_alpha < 0) c.first_alpha = 0;
  if (alpha >= 3 && upper * 10 >= alpha * 7) c.mode = 3;
  else if (alpha >= 3 && (title + upper) * 10 >= alpha * 6) c.mode = 2;
  return c;
}

void Tagger::word_features(const Context& c, int i, std::vector<uint64_t>& f) const {
  const int n = static_cast<int>(c.atoms.size());
  auto lower = [&](int j) { return j < 0 || j >= n ? kBoundary + static_cast<uint64_t>(j < 0 ? j + 10 : j - n + 20) : c.atoms[j].lower; };
  auto shape = [&](int j) { return j < 0 || j >= n ? kBoundary : c.atoms[j].shape; };
  auto amb = [&](int j) { return j < 0 || j >= n ? kBoundary : c.ambiguity[j]; };
  auto suf3 = [&](int j) { return j < 0 || j >= n ? kBoundary : c.atoms[j].suffix[2]; };
  const WordAtoms& w = c.atoms[i];
  const uint64_t first = i == c.first_alpha ? 1 : 0;

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
  f.push_back(feature(33, amb(i), amb(i + 1)));
  f.push_back(feature(36, i == 0 ? 1 : 0, w.upper_initial ? 1 : 0, w.lower));
  f.push_back(feature(37, w.shape, w.suffix[2]));
  f.push_back(feature(39, lower(i - 1), lower(i + 1)));
  f.push_back(feature(40, shape(i - 1), w.shape, shape(i + 1)));
  f.push_back(feature(42, w.lower, lower(i + 2)));
  // Case in context: a capital means less in a headline in title case or capitals.
  f.push_back(feature(54, c.mode, c.casing[i], c.frequency[i]));
  f.push_back(feature(55, c.mode, c.casing[i], amb(i)));
  f.push_back(feature(56, c.mode, c.casing[i], first));
}

void Tagger::tag_features(const Context& c, int i, const int* left, const int* right,
                          std::vector<uint64_t>& f) const {
  const int n = static_cast<int>(c.atoms.size());
  auto lower = [&](int j) { return j < 0 || j >= n ? kBoundary + static_cast<uint64_t>(j < 0 ? j + 10 : j - n + 20) : c.atoms[j].lower; };
  auto amb = [&](int j) { return j < 0 || j >= n ? kBoundary : c.ambiguity[j]; };
  const WordAtoms& w = c.atoms[i];
  const uint64_t t1 = i >= 1 ? tag_atom(left[i - 1]) : tag_atom(kNoTag);
  const uint64_t t2 = i >= 2 ? tag_atom(left[i - 2]) : tag_atom(kNoTag);
  // Pass two's weights are its own: the same templates under other ids.
  const uint64_t pass = right ? 100 : 0;
  f.push_back(feature(pass + 18, t1));
  f.push_back(feature(pass + 19, t2));
  f.push_back(feature(pass + 20, t1, t2));
  f.push_back(feature(pass + 21, t1, w.lower));
  f.push_back(feature(pass + 32, t1, amb(i)));
  f.push_back(feature(pass + 34, t1, amb(i), amb(i + 1)));
  f.push_back(feature(pass + 35, t1, lower(i + 1)));
  f.push_back(feature(pass + 38, t1, w.suffix[2]));
  f.push_back(feature(pass + 41, t2, lower(i - 1)));
  if (!right) return;
  const uint64_t r1 = i + 1 < n ? tag_atom(right[i + 1]) : tag_atom(kNoTag);
  const uint64_t r2 = i + 2 < n ? tag_atom(right[i + 2]) : tag_atom(kNoTag);
  f.push_back(feature(170, r1));
  f.push_back(feature(171, r2));
  f.push_back(feature(172, r1, r2));
  f.push_back(feature(173, r1, w.lower));
  f.push_back(feature(174, t1, r1));
  f.push_back(feature(175, r1, amb(i)));
  f.push_back(feature(176, r1, w.suffix[2]));
  f.push_back(feature(177, t1, r1, amb(i)));
  f.push_back(feature(178, r1, lower(i + 1)));
  f.push_back(feature(179, r1, r2, amb(i)));
}

void Tagger::layout() {
  std::map<std::string, int> upos;
  for (const std::string& u : upos_) upos.emplace(u, 0);
  const int pairs = static_cast<int>(upos_.size());
  int k = pairs;
  for (auto& [u, index] : upos) index = k++;
  width_ = k;
  coarse_.clear();
  for (const std::string& u : upos_) coarse_.push_back(upos[u]);
  past_ = -1;
  kind_.assign(upos_.size(), PairKind::kOther);
  for (size_t p = 0; p < upos_.size(); ++p) {
    const std::string& x = xpos_[p];
    if (upos_[p] == "VERB" && x == "VBD") past_ = static_cast<int>(p);
    if (x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD") kind_[p] = PairKind::kFinite;
    else if (x == "VBN") kind_[p] = PairKind::kParticiple;
    else if (x == "VB") kind_[p] = PairKind::kBase;
    else if (x.rfind("NN", 0) == 0 || x == "PRP") kind_[p] = PairKind::kNominal;
    else if (x == "," || x == ":") kind_[p] = PairKind::kClauseComma;
    else if (x == "CC") kind_[p] = PairKind::kConjunction;
  }
}

bool Tagger::participle_after_noun(const std::vector<int>& tags, int i) const {
  return i > 0 && kind_[tags[i]] == PairKind::kParticiple && kind_[tags[i - 1]] == PairKind::kNominal;
}

bool Tagger::running_text(const Sentence& s, const Context& c) const {
  if (c.mode != 1 || s.words.empty()) return false;
  // the last word that is no closing quotation mark or bracket ends the sentence
  for (size_t i = s.words.size(); i-- > 0;) {
    const std::string& f = s.words[i].form;
    if (f == "\"" || f == "'" || f == "\u201d" || f == "\u2019" || f == ")" || f == "''") continue;
    return f == "." || f == "!" || f == "?";
  }
  return false;
}

int Tagger::clause_end(const std::vector<int>& tags, int from) const {
  const int n = static_cast<int>(tags.size());
  for (int i = from + 1; i + 1 < n; ++i)
    if (kind_[tags[i]] == PairKind::kClauseComma && kind_[tags[i + 1]] == PairKind::kConjunction) return i + 1;
  return n;
}

bool Tagger::lacks_finite_verb(const std::vector<int>& tags, int from, int to, int first_alpha) const {
  for (int i = from; i < to; ++i) {
    if (kind_[tags[i]] == PairKind::kFinite) return false;
    // (a base form first is an imperative or a question: "Use the straps", "Have you seen")
    if (kind_[tags[i]] == PairKind::kBase && i == first_alpha) return false;
  }
  return true;
}

float Tagger::total(const float* s, int pair) const { return s[pair] + s[coarse_[pair]]; }

int Tagger::decide(const float* s) const {
  int best = 0;
  float best_score = 0;
  for (int p = 0; p < static_cast<int>(coarse_.size()); ++p) {
    const float v = total(s, p);
    if (p == 0 || v > best_score) {
      best = p;
      best_score = v;
    }
  }
  return best;
}

Tagger::Lexicon Tagger::build_lexicon(const std::vector<Sentence>& gold,
                                      const std::vector<std::vector<int>>& tags,
                                      size_t skip_from, size_t skip_to, int min_count) {
  std::map<std::string, std::map<int, int>> seen;
  for (size_t k = 0; k < gold.size(); ++k) {
    if (k >= skip_from && k < skip_to) continue;
    for (size_t i = 0; i < gold[k].words.size(); ++i) ++seen[ascii_lower(gold[k].words[i].form)][tags[k][i]];
  }
  Lexicon lexicon;
  for (const auto& [form, classes] : seen) {
    Lexicon::Entry e;
    e.ambiguity = ambiguity_of(classes, min_count);
    for (const auto& [c, k] : classes) e.count += static_cast<uint32_t>(k);
    lexicon.forms[fnv1a64(form)] = e;
  }
  return lexicon;
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
  t.layout();
  std::vector<std::vector<int>> gold_tags(gold.size());
  for (size_t k = 0; k < gold.size(); ++k)
    for (const Word& w : gold[k].words) gold_tags[k].push_back(class_of[{w.upos, w.xpos}]);

  t.lexicon_ = build_lexicon(gold, gold_tags, 0, 0, o.dictionary_min_count);
  // Fold f holds the sentences [n f / folds, n (f + 1) / folds).
  const size_t folds = o.lexicon_folds > 1 ? static_cast<size_t>(o.lexicon_folds) : 0;
  std::vector<Lexicon> fold_lexicon;
  for (size_t f = 0; f < folds; ++f)
    fold_lexicon.push_back(build_lexicon(gold, gold_tags, gold.size() * f / folds,
                                         gold.size() * (f + 1) / folds, o.dictionary_min_count));
  auto lexicon_of = [&](size_t k) -> const Lexicon& {
    return folds ? fold_lexicon[k * folds / gold.size()] : t.lexicon_;
  };

  const int classes = t.width_;
  PerceptronTrainer trainer(classes);
  // Pass two is trained only through its tag features, on top of pass one's current word
  // scores; the word weights are pass one's.
  auto learn = [&](std::span<const uint64_t> f, int truth, int guess) {
    if (truth == guess) return;
    trainer.update(f, truth, guess);
    if (t.coarse_[truth] != t.coarse_[guess]) trainer.update(f, t.coarse_[truth], t.coarse_[guess]);
  };
  std::vector<uint64_t> wf, f;
  std::vector<float> scores(classes);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    size_t correct = 0, total = 0;
    for (size_t k : shuffled_order(gold.size(), o.seed + epoch)) {
      const Sentence& s = gold[k];
      if (s.words.empty()) continue;
      const Context c = t.context(s, lexicon_of(k));
      const size_t n = s.words.size();
      std::vector<int> first(n, kNoTag), second(n, kNoTag);
      for (int i = 0; i < s.size(); ++i) {
        f.clear();
        t.word_features(c, i, f);
        t.tag_features(c, i, first.data(), nullptr, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f, scores.data());
        const int guess = t.decide(scores.data());
        learn(f, gold_tags[k][i], guess);
        trainer.tick();
        first[i] = guess;  // greedy: the context is what the tagger predicted
      }
      for (int i = 0; i < s.size(); ++i) {
        wf.clear();
        t.word_features(c, i, wf);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(wf, scores.data());
        f.clear();
        t.tag_features(c, i, second.data(), first.data(), f);
        trainer.score(f, scores.data());
        const int guess = t.decide(scores.data());
        learn(f, gold_tags[k][i], guess);
        trainer.tick();
        second[i] = guess;
        correct += guess == gold_tags[k][i];
        ++total;
      }
    }
    if (o.progress)
      o.progress("tagger epoch " + std::to_string(epoch + 1) + ": training accuracy " +
                 std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(total)));
  }
  t.model_ = trainer.average(o.prune, o.min_updates);
  return t;
}

void Tagger::tag(Sentence& s, bool finite_verb) const {
  if (upos_.empty()) return;
  read_spellings(s);
  const Context c = context(s, lexicon_);
  const size_t n = s.words.size();
  const size_t classes = static_cast<size_t>(width_);
  std::vector<int> first(n, kNoTag), second(n, kNoTag);
  std::vector<float> base(n * classes, 0.0f), scores(classes);
  std::vector<uint64_t> f;
  f.reserve(48);
  for (int i = 0; i < s.size(); ++i) {
    float* b = &base[static_cast<size_t>(i) * classes];
    f.clear();
    word_features(c, i, f);
    model_.score(f, b);
    std::copy(b, b + classes, scores.begin());
    f.clear();
    tag_features(c, i, first.data(), nullptr, f);
    model_.score(f, scores.data());
    first[i] = decide(scores.data());
  }
  for (int i = 0; i < s.size(); ++i) {
    const float* b = &base[static_cast<size_t>(i) * classes];
    std::copy(b, b + classes, scores.begin());
    f.clear();
    tag_features(c, i, second.data(), first.data(), f);
    model_.score(f, scores.data());
    second[i] = decide(scores.data());
  }
  // A clause of running text needs a finite verb. With none, the past participle after a noun
  // or pronoun that came closest to a past tense becomes one (see lacks_finite_verb).
  const bool running = finite_verb && past_ >= 0 && running_text(s, c);
  for (int from = 0, to = 0; running && from < s.size(); from = to) {
    to = clause_end(second, from);
    if (!lacks_finite_verb(second, from, to, c.first_alpha)) continue;
    int best = -1;
    float best_margin = 0;
    for (int i = from; i < to; ++i) {
      if (!participle_after_noun(second, i)) continue;
      const float* b = &base[static_cast<size_t>(i) * classes];
      std::copy(b, b + classes, scores.begin());
      f.clear();
      tag_features(c, i, second.data(), first.data(), f);
      model_.score(f, scores.data());
      const float margin = total(scores.data(), second[i]) - total(scores.data(), past_);
      if (best < 0 || margin < best_margin) {
        best = i;
        best_margin = margin;
      }
    }
    if (best >= 0) second[static_cast<size_t>(best)] = past_;
  }
  for (size_t i = 0; i < n; ++i) {
    s.words[i].upos = upos_[second[i]];
    s.words[i].xpos = xpos_[second[i]];
  }
  s.tagged = true;
}

void Tagger::save(ModelWriter& w) const {
  w.u32(kFeatureVersion);
  w.strs(upos_);
  w.strs(xpos_);
  std::vector<std::pair<uint64_t, Lexicon::Entry>> forms(lexicon_.forms.begin(), lexicon_.forms.end());
  std::sort(forms.begin(), forms.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<uint64_t> flat;
  for (const auto& [k, e] : forms) {
    flat.push_back(k);
    flat.push_back(e.ambiguity);
    flat.push_back(e.count);
  }
  w.array(flat);
  model_.save(w);
}

Result<Tagger> Tagger::load(ModelReader& r) {
  Tagger t;
  PARLEY_TRY(r.feature_version(kFeatureVersion, "tagger"));
  PARLEY_TRY(r.strs(t.upos_));
  PARLEY_TRY(r.strs(t.xpos_));
  if (t.upos_.size() != t.xpos_.size() || t.upos_.empty())
    return r.fail("the tagger's UPOS and XPOS class lists differ in length or are empty");
  std::vector<uint64_t> flat;
  PARLEY_TRY(r.array(flat));
  if (flat.size() % 3) return r.fail("the tagger's lexicon is not a list of (form, ambiguity, count)");
  for (size_t k = 0; k < flat.size(); k += 3) {
    if (flat[k + 2] > UINT32_MAX) return r.fail("the tagger's lexicon has a count out of range");
    t.lexicon_.forms[flat[k]] = {flat[k + 1], static_cast<uint32_t>(flat[k + 2])};
  }
  t.layout();
  Result<Perceptron> p = Perceptron::load(r);
  if (!p.ok()) return p.status();
  t.model_ = std::move(p.value());
  if (t.model_.classes() != t.width_)
    return r.fail("the tagger's weights are for " + std::to_string(t.model_.classes()) +
                  " classes, its tag list makes " + std::to_string(t.width_));
  return t;
}

}  // namespace parley::syntax
