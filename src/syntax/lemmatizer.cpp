#include "syntax/lemmatizer.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/hash.h"

namespace parley::syntax {

namespace {

constexpr uint32_t kSectionVersion = 1;

// Learning parameters (fixed: they are part of the recipe, and the tables they give are
// stored, so loading does not need them).
constexpr uint8_t kMaxSuffix = 5;       // longest ending, in bytes, that selects rewrites
constexpr int kMinBucketSupport = 2;    // distinct training words an ending needs
constexpr int kMinRewriteSupport = 2;   // words a rewrite needs to be tried after the first
constexpr int kRewriteSharePercent = 10;  // ... and its share of the ending's words
constexpr int kMinCasingSupport = 3;    // distinct words a (tag, shape) needs to leave kKeep

// Key kinds (they seed the hashes, so that equal strings in two tables do not collide).
constexpr uint8_t kExact = 0;    // exception keyed by the form as written
constexpr uint8_t kLower = 1;    // exception keyed by the lower-cased, normalised form
constexpr uint8_t kEnding = 2;   // suffix bucket
constexpr uint8_t kLexicon = 3;  // known lemma

// How a lemma's case derives from the form's. kKeep copies the form's case (and writes an
// appended ending in capitals after an all-capitals form).
enum Casing : uint8_t { kKeep = 0, kToLower = 1, kToTitle = 2, kToUpper = 3, kCasings = 4 };

// The shape of a form's ASCII letters, plus kDigitShapes when it has a digit. Capitals are
// split by length: in EWT, "NATO"/NNP keeps its case but "SOUTER"/NNP has lemma "Souter".
enum Shape : int {
  kNoLetter = 0, kLowerShape, kTitleShape, kUpperShape, kLongUpperShape, kMixedShape
};
constexpr int kDigitShapes = 6;
constexpr int kShapes = 12;
constexpr int kLongUpper = 5;  // letters

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
char to_lower(char c) { return is_upper(c) ? static_cast<char>(c - 'A' + 'a') : c; }
char to_upper(char c) { return is_lower(c) ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

int shape_of(std::string_view form) {
  int upper = 0, lower = 0;
  bool digit = false;
  for (char c : form) {
    upper += is_upper(c);
    lower += is_lower(c);
    digit = digit || is_digit(c);
  }
  int s = kMixedShape;
  if (upper + lower == 0) s = kNoLetter;
  else if (upper == 0) s = kLowerShape;
  else if (lower == 0) s = upper == 1 ? kTitleShape : upper < kLongUpper ? kUpperShape : kLongUpperShape;
  else if (upper == 1 && is_upper(form[0])) s = kTitleShape;
  return s + (digit ? kDigitShapes : 0);
}

// A comma between digit groups ("200,000"), which EWT leaves out of the lemma.
bool is_group_comma(std::string_view form, size_t i) {
  return form[i] == ',' && i > 0 && is_digit(form[i - 1]) && i + 3 < form.size() &&
         is_digit(form[i + 1]) && is_digit(form[i + 2]) && is_digit(form[i + 3]);
}

// `form` without group commas (when `strip_commas`), lower-cased when `lower`, into `out`.
void normalise(std::string_view form, bool strip_commas, bool lower, std::string& out) {
  out.clear();
  for (size_t i = 0; i < form.size(); ++i) {
    if (strip_commas && is_group_comma(form, i)) continue;
    out.push_back(lower ? to_lower(form[i]) : form[i]);
  }
}

std::string lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = to_lower(c);
  return out;
}

// Applies "strip `strip` bytes, append `append`" and `casing` to `out`, which holds the
// lower-cased normalised form on entry.
void finish(std::string_view form, bool strip_commas, size_t strip, std::string_view append,
            uint8_t casing, std::string& out) {
  const size_t keep = out.size() - strip;
  if (casing == kKeep) normalise(form, strip_commas, /*lower=*/false, out);
  out.resize(keep);
  out.append(append);
  switch (casing) {
    case kKeep:
      if (const int s = shape_of(form) % kDigitShapes; s == kUpperShape || s == kLongUpperShape)
        for (size_t i = keep; i < out.size(); ++i) out[i] = to_upper(out[i]);
      break;
    case kToTitle:
      if (!out.empty()) out[0] = to_upper(out[0]);
      break;
    case kToUpper:
      for (char& c : out) c = to_upper(c);
      break;
    default:
      break;
  }
}

// Hashing for the lookup tables: FNV-1a over the key bytes, seeded with the kind and tag,
// then mixed so that the low bits (the slot) depend on every byte.
constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
uint64_t seed(uint8_t kind, uint32_t tag) {
  return kFnvBasis ^ ((static_cast<uint64_t>(kind) << 32 | tag) * 0x9e3779b97f4a7c15ULL);
}
uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h;
}

template <typename IndexT, typename Equal>
Status index_insert(IndexT& ix, uint64_t h, uint32_t entry, Equal same_key) {
  for (uint64_t s = h & ix.mask;; s = (s + 1) & ix.mask) {
    if (ix.slots[s] == 0) {
      ix.slots[s] = entry + 1;
      return {};
    }
    if (same_key(ix.slots[s] - 1)) return Status::error("duplicate key");
  }
}

template <typename IndexT>
void index_reset(IndexT& ix, size_t entries) {
  size_t n = 8;
  while (n < 2 * entries) n *= 2;
  ix.slots.assign(n, 0);
  ix.mask = n - 1;
}

// The entry whose key `same_key` accepts among those hashed to `h`, or -1.
template <typename IndexT, typename Equal>
int64_t index_find(const IndexT& ix, uint64_t h, Equal same_key) {
  if (ix.slots.empty()) return -1;
  for (uint64_t s = h & ix.mask;; s = (s + 1) & ix.mask) {
    const uint32_t v = ix.slots[s];
    if (v == 0) return -1;
    if (same_key(v - 1)) return v - 1;
  }
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Lookup

int Lemmatizer::tag_id(std::string_view upos, std::string_view xpos) const {
  for (std::string_view t : {xpos, upos}) {
    if (t.empty()) continue;
    auto it = std::lower_bound(tags_.begin(), tags_.end(), t,
                               [](const std::string& a, std::string_view b) { return a < b; });
    if (it != tags_.end() && *it == t) return static_cast<int>(it - tags_.begin());
  }
  return -1;
}

const Lemmatizer::Exception* Lemmatizer::find_exception(uint8_t kind, uint32_t tag,
                                                        std::string_view form) const {
  const int64_t i = index_find(exception_index_, mix(fnv1a64(form, seed(kind, tag))),
                               [&](uint32_t e) {
                                 const Exception& x = exceptions_[e];
                                 return x.kind == kind && x.tag == tag && x.form == form;
                               });
  return i < 0 ? nullptr : &exceptions_[static_cast<size_t>(i)];
}

const Lemmatizer::Bucket* Lemmatizer::find_bucket(uint32_t tag, std::string_view suffix) const {
  const int64_t i = index_find(bucket_index_, mix(fnv1a64(suffix, seed(kEnding, tag))), [&](uint32_t e) {
    return buckets_[e].tag == tag && buckets_[e].suffix == suffix;
  });
  return i < 0 ? nullptr : &buckets_[static_cast<size_t>(i)];
}

bool Lemmatizer::in_lexicon(std::string_view prefix, std::string_view append) const {
  const uint64_t h = mix(fnv1a64(append, fnv1a64(prefix, seed(kLexicon, 0))));
  return index_find(lexicon_index_, h, [&](uint32_t e) {
           const std::string& w = lexicon_[e];
           return w.size() == prefix.size() + append.size() &&
                  std::string_view(w).substr(0, prefix.size()) == prefix &&
                  std::string_view(w).substr(prefix.size()) == append;
         }) >= 0;
}

void Lemmatizer::normalise_lower(std::string_view form, std::string& out) const {
  normalise(form, strip_digit_commas_, /*lower=*/true, out);
}

void Lemmatizer::apply_rules(std::string_view form, uint32_t tag, std::string& out) const {
  const size_t n = out.size();
  const Rewrite* first = nullptr;
  const Rewrite* chosen = nullptr;
  // Longest known ending first; the first rewrite that makes a known lemma wins.
  for (size_t len = std::min<size_t>(max_suffix_, n) + 1; len-- > 0 && !chosen;) {
    const Bucket* b = find_bucket(tag, std::string_view(out).substr(n - len));
    if (!b) continue;
    for (uint32_t id : b->rewrites) {
      const Rewrite& r = rewrites_[id];
      if (r.strip > n || (r.strip < n && is_continuation(out[n - r.strip]))) continue;
      if (!first) first = &r;
      if (r.strip < n && in_lexicon(std::string_view(out).substr(0, n - r.strip), r.append)) {
        chosen = &r;
        break;
      }
    }
  }
  if (!chosen) chosen = first;
  const uint8_t casing = casing_[tag * kShapes + static_cast<uint32_t>(shape_of(form))];
  if (chosen) finish(form, strip_digit_commas_, chosen->strip, chosen->append, casing, out);
  else finish(form, strip_digit_commas_, 0, {}, casing, out);
  if (out.empty()) out.assign(form);  // a rewrite that removed everything
}

void Lemmatizer::lemma_into(std::string_view form, std::string_view upos, std::string_view xpos,
                            std::string& out) const {
  const int tag = tag_id(upos, xpos);
  if (tag < 0 || form.empty()) {
    out.assign(form);
    return;
  }
  const uint32_t t = static_cast<uint32_t>(tag);
  if (const Exception* e = find_exception(kExact, t, form)) {
    out.assign(e->lemma);
    return;
  }
  // Room for the form and a short ending: usually the only allocation.
  if (form.size() > out.capacity()) out.reserve(form.size() + 8);
  normalise_lower(form, out);
  if (const Exception* e = find_exception(kLower, t, out)) {
    out.assign(e->lemma);
    return;
  }
  apply_rules(form, t, out);
}

std::string Lemmatizer::lemma(std::string_view form, std::string_view upos,
                              std::string_view xpos) const {
  std::string out;
  lemma_into(form, upos, xpos, out);
  return out;
}

void Lemmatizer::lemmatize(Sentence& s) const {
  for (Word& w : s.words) lemma_into(w.form, w.upos, w.xpos, w.lemma);
}

Status Lemmatizer::build_indexes() {
  index_reset(exception_index_, exceptions_.size());
  for (uint32_t i = 0; i < exceptions_.size(); ++i) {
    const Exception& x = exceptions_[i];
    PARLEY_TRY(index_insert(exception_index_, mix(fnv1a64(x.form, seed(x.kind, x.tag))), i,
                            [&](uint32_t e) {
                              const Exception& y = exceptions_[e];
                              return y.kind == x.kind && y.tag == x.tag && y.form == x.form;
                            }));
  }
  index_reset(bucket_index_, buckets_.size());
  for (uint32_t i = 0; i < buckets_.size(); ++i) {
    const Bucket& b = buckets_[i];
    PARLEY_TRY(index_insert(bucket_index_, mix(fnv1a64(b.suffix, seed(kEnding, b.tag))), i,
                            [&](uint32_t e) {
                              return buckets_[e].tag == b.tag && buckets_[e].suffix == b.suffix;
                            }));
  }
  index_reset(lexicon_index_, lexicon_.size());
  for (uint32_t i = 0; i < lexicon_.size(); ++i) {
    PARLEY_TRY(index_insert(lexicon_index_, mix(fnv1a64(lexicon_[i], seed(kLexicon, 0))), i,
                            [&](uint32_t e) { return lexicon_[e] == lexicon_[i]; }));
  }
  return {};
}

// ---------------------------------------------------------------------------------------
// Training

struct Lemmatizer::Trainer {
  // lemma -> tokens, per (tag, form as written)
  using Counts = std::map<std::string, int>;
  std::map<std::pair<uint32_t, std::string>, Counts> exact;
  Lemmatizer m;

  // The most frequent key of `c` (the smallest on a tie, so training is deterministic).
  static const std::string& majority(const Counts& c) {
    auto best = c.begin();
    for (auto it = c.begin(); it != c.end(); ++it)
      if (it->second > best->second) best = it;
    return best->first;
  }

  // "strip k, append s" turning `lower_form` into `lower_lemma`, cutting at a character
  // boundary of both. False when k does not fit in a byte.
  static bool rewrite_of(std::string_view lower_form, std::string_view lower_lemma,
                         std::pair<uint8_t, std::string>& rw) {
    size_t p = 0;
    while (p < lower_form.size() && p < lower_lemma.size() && lower_form[p] == lower_lemma[p]) ++p;
    while (p > 0 && ((p < lower_form.size() && is_continuation(lower_form[p])) ||
                     (p < lower_lemma.size() && is_continuation(lower_lemma[p]))))
      --p;
    if (lower_form.size() - p > 255) return false;
    rw.first = static_cast<uint8_t>(lower_form.size() - p);
    rw.second = std::string(lower_lemma.substr(p));
    return true;
  }

  void collect(const std::vector<Sentence>& gold) {
    std::set<std::string> tags;
    auto tag_of = [](const Word& w) -> const std::string& { return w.xpos.empty() ? w.upos : w.xpos; };
    auto usable = [&](const Word& w) {
      return !w.form.empty() && !w.lemma.empty() && !tag_of(w).empty() &&
             !(w.lemma == "_" && w.form != "_");
    };
    for (const Sentence& s : gold)
      for (const Word& w : s.words)
        if (usable(w)) tags.insert(tag_of(w));
    m.tags_.assign(tags.begin(), tags.end());
    for (const Sentence& s : gold)
      for (const Word& w : s.words)
        if (usable(w))
          ++exact[{static_cast<uint32_t>(m.tag_id({}, tag_of(w))), w.form}][w.lemma];
  }

  // Does the treebank drop the commas of "200,000"? (EWT does.)
  void learn_number_convention() {
    int dropped = 0, kept = 0;
    std::string norm;
    for (const auto& [key, lemmas] : exact) {
      normalise(key.second, true, false, norm);
      if (norm == key.second) continue;
      for (const auto& [lemma, n] : lemmas) {
        if (lemma == norm) dropped += n;
        if (lemma == key.second) kept += n;
      }
    }
    m.strip_digit_commas_ = dropped > kept;
  }

  // For each (tag, shape): the casing that reproduces the most gold lemmas. Each distinct
  // (form, lemma) votes once: the words this decides are unseen ones, which behave like rare
  // words, not like "The".
  void learn_casing() {
    std::vector<std::array<int, kCasings + 1>> votes(m.tags_.size() * kShapes);
    std::string lower, out;
    std::pair<uint8_t, std::string> rw;
    for (const auto& [key, lemmas] : exact) {
      const std::string& form = key.second;
      m.normalise_lower(form, lower);
      auto& v = votes[key.first * kShapes + static_cast<uint32_t>(shape_of(form))];
      for (const auto& entry : lemmas) {
        const std::string& lemma = entry.first;
        if (!rewrite_of(lower, lower_copy(lemma), rw)) continue;
        bool any = false;
        for (uint8_t c = 0; c < kCasings; ++c) {
          out = lower;
          finish(form, m.strip_digit_commas_, rw.first, rw.second, c, out);
          if (out == lemma) {
            v[c] += 1;
            any = true;
          }
        }
        if (any) v[kCasings] += 1;
      }
    }
    m.casing_.assign(votes.size(), kKeep);
    for (size_t i = 0; i < votes.size(); ++i) {
      if (votes[i][kCasings] < kMinCasingSupport) continue;
      uint8_t best = kKeep;
      for (uint8_t c = 1; c < kCasings; ++c)
        if (votes[i][c] > votes[i][best]) best = c;
      m.casing_[i] = best;
    }
  }

  // Suffix buckets from the distinct (form, tag, lemma) triples, and the lexicon.
  void learn_rules() {
    using Rw = std::pair<uint8_t, std::string>;
    std::map<std::pair<uint32_t, std::string>, std::map<Rw, int>> counts;
    std::set<std::string> lexicon;
    std::string lower;
    Rw rw;
    for (const auto& [key, lemmas] : exact) {
      m.normalise_lower(key.second, lower);
      for (const auto& entry : lemmas) {
        const std::string lower_lemma = lower_copy(entry.first);
        lexicon.insert(lower_lemma);
        if (!rewrite_of(lower, lower_lemma, rw)) continue;
        for (size_t len = 0; len <= std::min<size_t>(kMaxSuffix, lower.size()); ++len)
          ++counts[{key.first, lower.substr(lower.size() - len)}][rw];
      }
    }
    m.max_suffix_ = kMaxSuffix;
    m.lexicon_.assign(lexicon.begin(), lexicon.end());

    // Each ending's rewrites worth trying, most frequent first.
    std::map<std::pair<uint32_t, std::string>, std::vector<Rw>> lists;
    for (const auto& [key, rws] : counts) {
      int total = 0;
      for (const auto& e : rws) total += e.second;
      if (total < kMinBucketSupport) continue;
      std::vector<std::pair<int, Rw>> sorted;
      for (const auto& [r, n] : rws) sorted.push_back({-n, r});
      std::sort(sorted.begin(), sorted.end());
      std::vector<Rw>& list = lists[key];
      for (size_t i = 0; i < sorted.size(); ++i) {
        const int n = -sorted[i].first;
        if (i == 0 || (n >= kMinRewriteSupport && 100 * n >= kRewriteSharePercent * total))
          list.push_back(sorted[i].second);
      }
    }
    // An ending whose list equals that of its nearest shorter ending changes no lemma: the
    // lookup would try the same rewrites in the same order. Leave it out.
    std::set<Rw> used;
    std::vector<std::pair<std::pair<uint32_t, std::string>, const std::vector<Rw>*>> kept;
    for (const auto& [key, list] : lists) {
      const std::vector<Rw>* parent = nullptr;
      for (size_t cut = 1; cut <= key.second.size() && !parent; ++cut) {
        auto it = lists.find({key.first, key.second.substr(cut)});
        if (it != lists.end()) parent = &it->second;
      }
      if (parent && *parent == list) continue;
      kept.push_back({key, &list});
      used.insert(list.begin(), list.end());
    }
    std::map<Rw, uint32_t> ids;
    for (const Rw& r : used) {
      ids[r] = static_cast<uint32_t>(m.rewrites_.size());
      m.rewrites_.push_back({r.first, r.second});
    }
    for (const auto& [key, list] : kept) {
      Bucket b{key.first, key.second, {}};
      for (const Rw& r : *list) b.rewrites.push_back(ids[r]);
      m.buckets_.push_back(std::move(b));
    }
  }

  // Exceptions where the rules miss: first by lower-cased form (for case variants not seen),
  // then by the form as written.
  void learn_exceptions() {
    (void)m.build_indexes();  // the rules alone, no exceptions yet
    std::map<std::pair<uint32_t, std::string>, std::vector<const decltype(exact)::value_type*>> by_lower;
    std::string lower;
    for (const auto& e : exact) {
      m.normalise_lower(e.first.second, lower);
      by_lower[{e.first.first, lower}].push_back(&e);
    }
    std::string predicted;
    std::vector<Exception> found;
    for (const auto& [key, forms] : by_lower) {
      Counts all;
      for (const auto* e : forms)
        for (const auto& [lemma, n] : e->second) all[lemma] += n;
      const std::string& best = majority(all);
      int by_rules = 0;
      for (const auto* e : forms) {
        m.lemma_into(e->first.second, {}, m.tags_[e->first.first], predicted);
        auto it = e->second.find(predicted);
        if (it != e->second.end()) by_rules += it->second;
      }
      // Worth storing when it is right at least as often as the rules on the seen forms and
      // the rules would miss it on an unseen lower-case, Title or UPPER variant ("chicago").
      bool variant_missed = false;
      for (uint8_t c = kToLower; c < kCasings && !variant_missed; ++c) {
        std::string variant = key.second;
        if (c == kToTitle) variant[0] = to_upper(variant[0]);
        if (c == kToUpper)
          for (char& ch : variant) ch = to_upper(ch);
        m.lemma_into(variant, {}, m.tags_[key.first], predicted);
        variant_missed = predicted != best;
      }
      if (all[best] > by_rules || (all[best] == by_rules && variant_missed))
        found.push_back({kLower, key.first, key.second, best});
    }
    m.exceptions_ = std::move(found);
    (void)m.build_indexes();
    found.clear();
    for (const auto& [key, lemmas] : exact) {
      const std::string& best = majority(lemmas);
      m.lemma_into(key.second, {}, m.tags_[key.first], predicted);
      if (predicted != best) found.push_back({kExact, key.first, key.second, best});
    }
    m.exceptions_.insert(m.exceptions_.end(), found.begin(), found.end());
    std::sort(m.exceptions_.begin(), m.exceptions_.end(), [](const Exception& a, const Exception& b) {
      return std::tie(a.kind, a.tag, a.form) < std::tie(b.kind, b.tag, b.form);
    });
    (void)m.build_indexes();  // keys are unique by construction
  }
};

Lemmatizer Lemmatizer::train(const std::vector<Sentence>& gold) {
  Trainer t;
  t.collect(gold);
  t.learn_number_convention();
  t.learn_casing();
  t.learn_rules();
  t.learn_exceptions();
  return std::move(t.m);
}

// ---------------------------------------------------------------------------------------
// Model section

// Section layout (little-endian, ModelWriter fields): version u32; tags strs; flags u8 (1:
// strip digit-group commas); longest ending u8; casing array<u8> [tag x shape]; exceptions
// u32 n x (kind u8, tag u32, form str, lemma str); rewrites u32 n x (strip u8, append str);
// endings u32 n x (tag u32, suffix str, u32 k x rewrite index u32); lexicon strs. Every list
// is in sorted order, so the same model always gives the same bytes.
void Lemmatizer::save(ModelWriter& w) const {
  w.u32(kSectionVersion);
  w.strs(tags_);
  w.u8(strip_digit_commas_ ? 1 : 0);
  w.u8(max_suffix_);
  w.array(casing_);
  w.u32(static_cast<uint32_t>(exceptions_.size()));
  for (const Exception& e : exceptions_) {
    w.u8(e.kind);
    w.u32(e.tag);
    w.str(e.form);
    w.str(e.lemma);
  }
  w.u32(static_cast<uint32_t>(rewrites_.size()));
  for (const Rewrite& r : rewrites_) {
    w.u8(r.strip);
    w.str(r.append);
  }
  w.u32(static_cast<uint32_t>(buckets_.size()));
  for (const Bucket& b : buckets_) {
    w.u32(b.tag);
    w.str(b.suffix);
    w.u32(static_cast<uint32_t>(b.rewrites.size()));
    for (uint32_t id : b.rewrites) w.u32(id);
  }
  w.strs(lexicon_);
}

namespace {

// A count read from the section, refused when `per_item` bytes each cannot fit in the rest.
Status read_count(ModelReader& r, size_t per_item, const char* what, uint32_t& n) {
  PARLEY_TRY(r.u32(n));
  if (n > r.remaining() / per_item)
    return r.fail(std::string("the lemmatiser section claims ") + std::to_string(n) + " " + what +
                  ", more than its remaining " + std::to_string(r.remaining()) + " bytes hold");
  return {};
}

}  // namespace

Result<Lemmatizer> Lemmatizer::load(ModelReader& r) {
  Lemmatizer m;
  uint32_t version = 0;
  PARLEY_TRY(r.u32(version));
  if (version != kSectionVersion)
    return r.fail("lemmatiser section version " + std::to_string(version) + ", expected " +
                  std::to_string(kSectionVersion));
  PARLEY_TRY(r.strs(m.tags_));
  for (size_t i = 0; i < m.tags_.size(); ++i)
    if (m.tags_[i].empty() || (i > 0 && !(m.tags_[i - 1] < m.tags_[i])))
      return r.fail("the lemmatiser's tags are not sorted, distinct and non-empty");
  uint8_t flags = 0;
  PARLEY_TRY(r.u8(flags));
  if (flags > 1) return r.fail("unknown lemmatiser flags " + std::to_string(flags));
  m.strip_digit_commas_ = flags & 1;
  PARLEY_TRY(r.u8(m.max_suffix_));
  if (m.max_suffix_ > 32)
    return r.fail("lemmatiser suffix length " + std::to_string(m.max_suffix_) + " (at most 32)");
  PARLEY_TRY(r.array(m.casing_));
  if (m.casing_.size() != m.tags_.size() * kShapes)
    return r.fail("the lemmatiser's casing table has " + std::to_string(m.casing_.size()) +
                  " entries, expected " + std::to_string(m.tags_.size() * kShapes));
  for (uint8_t c : m.casing_)
    if (c >= kCasings) return r.fail("unknown lemmatiser casing " + std::to_string(c));
  const uint32_t tags = static_cast<uint32_t>(m.tags_.size());

  uint32_t n = 0;
  PARLEY_TRY(read_count(r, 13, "exceptions", n));
  m.exceptions_.resize(n);
  for (Exception& e : m.exceptions_) {
    PARLEY_TRY(r.u8(e.kind));
    PARLEY_TRY(r.u32(e.tag));
    PARLEY_TRY(r.str(e.form));
    PARLEY_TRY(r.str(e.lemma));
    if (e.kind > kLower || e.tag >= tags || e.form.empty() || e.lemma.empty())
      return r.fail("a lemmatiser exception has a bad kind, tag, or an empty form or lemma");
  }
  PARLEY_TRY(read_count(r, 5, "rewrites", n));
  m.rewrites_.resize(n);
  for (Rewrite& rw : m.rewrites_) {
    PARLEY_TRY(r.u8(rw.strip));
    PARLEY_TRY(r.str(rw.append));
  }
  PARLEY_TRY(read_count(r, 12, "suffix rules", n));
  m.buckets_.resize(n);
  for (Bucket& b : m.buckets_) {
    PARLEY_TRY(r.u32(b.tag));
    PARLEY_TRY(r.str(b.suffix));
    uint32_t k = 0;
    PARLEY_TRY(read_count(r, 4, "rewrites in a suffix rule", k));
    b.rewrites.resize(k);
    for (uint32_t& id : b.rewrites) PARLEY_TRY(r.u32(id));
    if (b.tag >= tags || b.suffix.size() > m.max_suffix_ || b.rewrites.empty())
      return r.fail("a lemmatiser suffix rule has a bad tag, suffix or no rewrite");
    for (uint32_t id : b.rewrites)
      if (id >= m.rewrites_.size()) return r.fail("a lemmatiser suffix rule names a missing rewrite");
  }
  PARLEY_TRY(r.strs(m.lexicon_));
  for (const std::string& w : m.lexicon_)
    if (w.empty()) return r.fail("the lemmatiser's lexicon has an empty word");
  if (Status s = m.build_indexes(); !s.ok())
    return r.fail("the lemmatiser section has a " + s.message() + " (corrupt model?)");
  return m;
}

}  // namespace parley::syntax
