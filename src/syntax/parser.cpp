#include "syntax/parser.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

#include "syntax/tagger.h"
#include "syntax/word_features.h"

namespace parley::syntax {

// --- Transition system ----------------------------------------------------------------------

ArcEager::ArcEager(int n)
    : n_(n), head_(n + 1, -1), label_(n + 1, -1), left_(n + 1, {-1, -1}),
      right_(n + 1, {-1, -1}), nleft_(n + 1, 0), nright_(n + 1, 0), lset_(n + 1, 0),
      rset_(n + 1, 0) {
  stack_.reserve(n);
}

bool ArcEager::can(Move m) const {
  const bool empty = stack_.empty();
  const bool s0_headed = !empty && head_[stack_.back()] >= 0;
  if (b0_ < n_) {
    switch (m) {
      case kShift: return true;
      case kReduce: return s0_headed;
      case kLeft: return !empty && !s0_headed;
      case kRight: return !empty;
      case kUnshift: return false;
    }
    return false;
  }
  if (x_ < 0) {  // b0 = ROOT
    if (empty) return false;
    if (s0_headed) return m == kReduce;
    return headless_ == 1 ? m == kLeft : m == kUnshift;
  }
  if (empty) return m == kShift;  // b0 = an unshifted word
  switch (m) {
    case kReduce: return s0_headed;
    case kLeft: return !s0_headed;
    case kRight: return true;
    default: return false;
  }
}

void ArcEager::apply(Move m, int label) {
  switch (m) {
    case kShift:
      if (x_ >= 0) { stack_.push_back(x_); x_ = -1; } else stack_.push_back(b0_++);
      ++headless_;
      return;
    case kReduce: stack_.pop_back(); return;
    case kUnshift: x_ = stack_.back(); stack_.pop_back(); --headless_; return;
    case kLeft: {
      const int dep = stack_.back();
      stack_.pop_back();
      --headless_;
      arc(b(0), dep, label);
      return;
    }
    case kRight: {
      const int dep = b(0);
      arc(stack_.back(), dep, label);
      if (x_ >= 0) x_ = -1; else ++b0_;
      stack_.push_back(dep);
      return;
    }
  }
}

int ArcEager::cost(Move m, const std::vector<int>& gh) const {
  if (b0_ == n_) {
    ArcEager after = *this;
    after.apply(m, 0);
    return end_score(gh) - after.end_score(gh);
  }
  const int b = b0_;
  int c = 0;
  switch (m) {
    case kShift:
      for (int k : stack_) {
        if (gh[b] == k) ++c;
        if (head_[k] < 0 && gh[k] == b) ++c;
      }
      return c;
    case kReduce: {
      const int s0 = stack_.back();
      for (int k = b; k < n_; ++k) c += gh[k] == s0;
      return c;
    }
    case kLeft: {
      const int s0 = stack_.back();
      if (gh[s0] > b) ++c;  // its head later in the buffer (or ROOT)
      for (int k = b; k < n_; ++k) c += gh[k] == s0;
      return c;
    }
    case kRight: {
      const int s0 = stack_.back();
      if (gh[b] != s0) {
        if (gh[b] > b) ++c;
        else if (std::find(stack_.begin(), stack_.end(), gh[b]) != stack_.end()) ++c;
      }
      for (int k : stack_) c += head_[k] < 0 && gh[k] == b;
      return c;
    }
    case kUnshift: return 0;
  }
  return 0;
}

void ArcEager::arc(int h, int dep, int label) {
  head_[dep] = h;
  label_[dep] = label;
  const uint64_t bit = mix64(static_cast<uint64_t>(label) + 1);
  if (dep < h) {
    if (left_[h][0] < 0 || dep < left_[h][0]) {
      left_[h][1] = left_[h][0];
      left_[h][0] = dep;
    } else if (left_[h][1] < 0 || dep < left_[h][1]) {
      left_[h][1] = dep;
    }
    ++nleft_[h];
    lset_[h] |= bit;
  } else {
    if (right_[h][0] < 0 || dep > right_[h][0]) {
      right_[h][1] = right_[h][0];
      right_[h][0] = dep;
    } else if (right_[h][1] < 0 || dep > right_[h][1]) {
      right_[h][1] = dep;
    }
    ++nright_[h];
    rset_[h] |= bit;
  }
}

int ArcEager::end_score(const std::vector<int>& gh) const {
  int ok = 0;
  std::vector<int> pos(n_ + 1, -1);
  for (size_t i = 0; i < stack_.size(); ++i) pos[stack_[i]] = static_cast<int>(i);
  // headless_below[i]: a headless word below stack position i
  int first_headless = -1;
  for (size_t i = 0; i < stack_.size(); ++i)
    if (head_[stack_[i]] < 0) { first_headless = static_cast<int>(i); break; }
  for (int d = 0; d < n_; ++d) {
    const int g = gh[d];
    if (head_[d] >= 0) { ok += head_[d] == g; continue; }
    if (g == n_) { ++ok; continue; }
    if (d == x_) { ok += g >= 0 && g < n_ && pos[g] >= 0; continue; }
    const int i = pos[d];
    if (i < 0) continue;  // cannot happen
    if (g == x_) { ++ok; continue; }
    const int j = g >= 0 && g < n_ ? pos[g] : -1;
    if (j < 0) continue;
    if (j < i) ok += first_headless >= 0 && first_headless < i;
    else ok += head_[g] < 0;
  }
  return ok;
}

ArcEager::Move ArcEager::static_oracle(const std::vector<int>& gold_head) const {
  // The first move in this order that loses no gold arc (LEFT and RIGHT before REDUCE and SHIFT,
  // so that arcs are made as soon as they can be).
  for (Move m : {kLeft, kRight, kReduce, kShift, kUnshift})
    if (can(m) && cost(m, gold_head) == 0) return m;
  for (Move m : {kLeft, kRight, kReduce, kShift, kUnshift})
    if (can(m)) return m;
  return kShift;
}


// --- Projectivity ---------------------------------------------------------------------------

namespace {

bool dominates(const std::vector<int>& heads, int h, int d) {
  const int n = static_cast<int>(heads.size());
  for (int x = d, steps = 0; x >= 0 && x < n && steps <= n; x = heads[x], ++steps)
    if (x == h) return true;
  return h == n;  // ROOT dominates everything
}

// The shortest arc (h, d) with a word between them that h does not dominate, or -1.
int shortest_crossing(const std::vector<int>& heads) {
  const int n = static_cast<int>(heads.size());
  int best = -1, best_len = 0;
  for (int d = 0; d < n; ++d) {
    const int h = heads[d];
    const int lo = std::min(h, d), hi = std::max(h, d);
    for (int x = lo + 1; x < hi; ++x) {
      if (!dominates(heads, h, x)) {
        if (best < 0 || hi - lo < best_len) {
          best = d;
          best_len = hi - lo;
        }
        break;
      }
    }
  }
  return best;
}

}  // namespace

bool is_projective(const std::vector<int>& heads) { return shortest_crossing(heads) < 0; }

std::vector<int> projectivize(const std::vector<int>& heads) {
  std::vector<int> h = heads;
  const int n = static_cast<int>(h.size());
  for (int guard = 0; guard < n * n; ++guard) {
    const int d = shortest_crossing(h);
    if (d < 0) break;
    if (h[d] >= n) break;  // attached to ROOT: cannot lift (does not happen in a tree)
    h[d] = h[h[d]];
  }
  return h;
}

// --- Features -------------------------------------------------------------------------------

namespace {

struct Atoms {
  // n words, then ROOT (n), then NONE (n + 1): form, tags, both, UPOS alone, 3-byte suffix
  std::vector<uint64_t> w, p, wp, u, x;
  // Prefix counts (n + 3 entries): how many of words 0..i-1 are punctuation or verbs (VERB
  // or AUX); what lies between two words decides many attachments.
  std::vector<int> punct, verb;
};

Atoms atoms_of(const Sentence& s) {
  const int n = s.size();
  Atoms a;
  a.w.resize(n + 2);
  a.p.resize(n + 2);
  a.wp.resize(n + 2);
  a.u.resize(n + 2);
  a.x.resize(n + 2);
  for (int i = 0; i < n; ++i) {
    const Word& word = s.words[static_cast<size_t>(i)];
    const std::string lower = ascii_lower(word.spelling.empty() ? word.form : word.spelling);
    a.w[i] = fnv1a64(lower);
    a.p[i] = fnv1a64(s.words[i].xpos) ^ (fnv1a64(s.words[i].upos) << 1);
    a.u[i] = fnv1a64(s.words[i].upos);
    a.x[i] = fnv1a64(std::string_view(lower).substr(lower.size() > 3 ? lower.size() - 3 : 0)) + 3;
  }
  a.punct.assign(n + 3, 0);
  a.verb.assign(n + 3, 0);
  for (int i = 0; i < n; ++i) {
    const std::string& u = s.words[i].upos;
    a.punct[i + 1] = a.punct[i] + (u == "PUNCT");
    a.verb[i + 1] = a.verb[i] + (u == "VERB" || u == "AUX");
  }
  for (int i = n + 1; i < n + 3; ++i) {
    a.punct[i] = a.punct[n];
    a.verb[i] = a.verb[n];
  }
  a.w[n] = a.p[n] = a.u[n] = a.x[n] = 0x7007;
  a.w[n + 1] = a.p[n + 1] = a.u[n + 1] = a.x[n + 1] = 0x4040;
  for (int i = 0; i < n + 2; ++i) a.wp[i] = mix64(a.w[i] * 31 + a.p[i]);
  return a;
}

// How many words strictly between a and b the prefix count `pre` counts: 0, 1 or 2 (two or
// more); 9 when either is missing. ROOT (n) counts as after the last word.
uint64_t between(const std::vector<int>& pre, int a, int b) {
  if (a < 0 || b < 0) return 9;
  const int n = static_cast<int>(pre.size()) - 3;
  const int lo = std::min(a, b), hi = std::max(a, b);
  const int k = pre[std::min(hi, n)] - pre[std::min(lo + 1, n)];
  return static_cast<uint64_t>(std::min(k, 2));
}

uint64_t distance_bucket(int a, int b) {
  if (a < 0 || b < 0) return 0;
  const int d = std::abs(a - b);
  if (d <= 4) return static_cast<uint64_t>(d);
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  return 7;
}

void features(const ArcEager& c, const Atoms& a, std::vector<uint64_t>& f) {
  f.clear();
  const int n = c.n();
  const int none = n + 1;
  auto at = [&](int i) { return i < 0 ? none : i; };
  auto child_label = [&](int i) { return i < 0 ? uint64_t{0} : static_cast<uint64_t>(c.label(i) + 1); };

  const int s0 = at(c.s(0)), s1 = at(c.s(1)), s2 = at(c.s(2));
  const int b0 = at(c.b(0)), b1 = at(c.b(1)), b2 = at(c.b(2));
  const bool has_s0 = s0 != none && s0 != n, has_s1 = s1 != none, has_b0 = b0 != none;
  const int s0l_raw = has_s0 ? c.leftmost(s0, 0) : -1, s0l2_raw = has_s0 ? c.leftmost(s0, 1) : -1;
  const int s0r_raw = has_s0 ? c.rightmost(s0, 0) : -1, s0r2_raw = has_s0 ? c.rightmost(s0, 1) : -1;
  const int b0l_raw = has_b0 ? c.leftmost(b0, 0) : -1, b0l2_raw = has_b0 ? c.leftmost(b0, 1) : -1;
  const int s1l_raw = has_s1 ? c.leftmost(s1, 0) : -1, s1r_raw = has_s1 ? c.rightmost(s1, 0) : -1;
  const int s0l = at(s0l_raw), s0l2 = at(s0l2_raw), s0r = at(s0r_raw), s0r2 = at(s0r2_raw);
  const int b0l = at(b0l_raw), b0l2 = at(b0l2_raw), s1l = at(s1l_raw), s1r = at(s1r_raw);
  const auto& W = a.w;
  const auto& P = a.p;
  const auto& WP = a.wp;
  const uint64_t d = distance_bucket(c.s(0), c.b(0));
  const uint64_t d10 = distance_bucket(c.s(1), c.s(0));
  const uint64_t s0vl = has_s0 ? static_cast<uint64_t>(c.left_count(s0)) : 99;
  const uint64_t s0vr = has_s0 ? static_cast<uint64_t>(c.right_count(s0)) : 99;
  const uint64_t b0vl = has_b0 ? static_cast<uint64_t>(c.left_count(b0)) : 99;
  const uint64_t s1vr = has_s1 ? static_cast<uint64_t>(c.right_count(s1)) : 99;
  const uint64_t s0sl = has_s0 ? c.left_labels(s0) : 0, s0sr = has_s0 ? c.right_labels(s0) : 0;
  const uint64_t b0sl = has_b0 ? c.left_labels(b0) : 0;

  f.push_back(feature(1, WP[s0]));
  f.push_back(feature(2, W[s0]));
  f.push_back(feature(3, P[s0]));
  f.push_back(feature(4, WP[b0]));
  f.push_back(feature(5, W[b0]));
  f.push_back(feature(6, P[b0]));
  f.push_back(feature(7, WP[b1]));
  f.push_back(feature(8, W[b1]));
  f.push_back(feature(9, P[b1]));
  f.push_back(feature(10, WP[b2]));
  f.push_back(feature(12, P[b2]));
  f.push_back(feature(13, WP[s1]));
  f.push_back(feature(14, W[s1]));
  f.push_back(feature(15, P[s1]));
  f.push_back(feature(16, P[s2]));
  f.push_back(feature(17, W[s2]));
  // pairs
  f.push_back(feature(20, WP[s0], WP[b0]));
  f.push_back(feature(21, WP[s0], W[b0]));
  f.push_back(feature(22, W[s0], WP[b0]));
  f.push_back(feature(23, WP[s0], P[b0]));
  f.push_back(feature(24, P[s0], WP[b0]));
  f.push_back(feature(25, W[s0], W[b0]));
  f.push_back(feature(26, P[s0], P[b0]));
  f.push_back(feature(27, P[b0], P[b1]));
  f.push_back(feature(28, WP[s1], WP[s0]));
  f.push_back(feature(29, W[s1], W[s0]));
  f.push_back(feature(30, P[s1], P[s0]));
  f.push_back(feature(31, WP[s1], P[s0]));
  f.push_back(feature(32, P[s1], WP[s0]));
  // triples of tags
  f.push_back(feature(33, P[b0], P[b1], P[b2]));
  f.push_back(feature(34, P[s0], P[b0], P[b1]));
  f.push_back(feature(35, P[s1], P[s0], P[b0]));
  f.push_back(feature(36, P[s0], P[s0l], P[b0]));
  f.push_back(feature(37, P[s0], P[s0r], P[b0]));
  f.push_back(feature(38, P[s0], P[b0], P[b0l]));
  f.push_back(feature(39, P[s1], P[s1r], P[s0]));
  f.push_back(feature(40, P[s2], P[s1], P[s0]));
  f.push_back(feature(41, P[s1], P[s0], P[s0l]));
  f.push_back(feature(42, P[s1], P[s0], P[s0r]));
  f.push_back(feature(43, P[s1], P[s1l], P[s0]));
  f.push_back(feature(88, W[s1], P[s0], P[b0]));
  f.push_back(feature(89, P[s1], W[s0], P[b0]));
  f.push_back(feature(90, P[s1], P[s0], W[b0]));
  // distance
  f.push_back(feature(44, W[s0], d));
  f.push_back(feature(45, P[s0], d));
  f.push_back(feature(46, W[b0], d));
  f.push_back(feature(47, P[b0], d));
  f.push_back(feature(48, W[s0], W[b0], d));
  f.push_back(feature(49, P[s0], P[b0], d));
  f.push_back(feature(50, P[s1], P[s0], d10));
  f.push_back(feature(51, W[s1], W[s0], d10));
  f.push_back(feature(91, WP[s1], P[s0], d10));
  f.push_back(feature(92, P[s1], WP[s0], d10));
  // valency
  f.push_back(feature(52, W[s0], s0vr));
  f.push_back(feature(53, P[s0], s0vr));
  f.push_back(feature(54, W[s0], s0vl));
  f.push_back(feature(55, P[s0], s0vl));
  f.push_back(feature(56, W[b0], b0vl));
  f.push_back(feature(57, P[b0], b0vl));
  f.push_back(feature(58, P[s1], s1vr));
  // children
  f.push_back(feature(59, W[s0l]));
  f.push_back(feature(60, P[s0l]));
  f.push_back(feature(61, child_label(s0l_raw)));
  f.push_back(feature(62, W[s0r]));
  f.push_back(feature(63, P[s0r]));
  f.push_back(feature(64, child_label(s0r_raw)));
  f.push_back(feature(65, W[b0l]));
  f.push_back(feature(66, P[b0l]));
  f.push_back(feature(67, child_label(b0l_raw)));
  f.push_back(feature(68, P[s1r], child_label(s1r_raw)));
  f.push_back(feature(69, W[s1r]));
  f.push_back(feature(70, W[s0l2]));
  f.push_back(feature(71, P[s0l2]));
  f.push_back(feature(72, child_label(s0l2_raw)));
  f.push_back(feature(73, W[s0r2]));
  f.push_back(feature(74, P[s0r2]));
  f.push_back(feature(75, child_label(s0r2_raw)));
  f.push_back(feature(76, W[b0l2]));
  f.push_back(feature(77, P[b0l2]));
  f.push_back(feature(78, child_label(b0l2_raw)));
  f.push_back(feature(79, P[s0], P[s0l], P[s0l2]));
  f.push_back(feature(80, P[s0], P[s0r], P[s0r2]));
  f.push_back(feature(81, P[b0], P[b0l], P[b0l2]));
  f.push_back(feature(93, P[s0], child_label(s0l_raw), child_label(s0r_raw)));
  f.push_back(feature(94, P[s1], child_label(s1l_raw), P[s0]));
  // coarse tags and suffixes: robust where the fine tag is wrong
  const auto& U = a.u;
  const auto& X = a.x;
  f.push_back(feature(95, U[s0], U[b0]));
  f.push_back(feature(96, U[s1], U[s0]));
  f.push_back(feature(97, U[s0], U[b0], U[b1]));
  f.push_back(feature(98, U[s1], U[s0], U[b0]));
  f.push_back(feature(99, X[s0], U[s0]));
  f.push_back(feature(100, X[b0], U[b0]));
  f.push_back(feature(101, X[b1]));
  f.push_back(feature(102, X[s1]));
  f.push_back(feature(103, X[s0], X[b0]));
  f.push_back(feature(104, U[s0], U[b0], d));
  // label sets
  f.push_back(feature(82, W[s0], s0sr));
  f.push_back(feature(83, P[s0], s0sr));
  f.push_back(feature(84, W[s0], s0sl));
  f.push_back(feature(85, P[s0], s0sl));
  f.push_back(feature(86, W[b0], b0sl));
  f.push_back(feature(87, P[b0], b0sl));
  // What lies between s0 and b0, and between s1 and s0.
  const uint64_t punct01 = between(a.punct, c.s(0), c.b(0)), verb01 = between(a.verb, c.s(0), c.b(0));
  const uint64_t punct10 = between(a.punct, c.s(1), c.s(0)), verb10 = between(a.verb, c.s(1), c.s(0));
  f.push_back(feature(105, P[s0], P[b0], punct01));
  f.push_back(feature(106, P[s0], P[b0], verb01));
  f.push_back(feature(107, P[s1], P[s0], punct10));
  f.push_back(feature(108, P[s1], P[s0], verb10));
  f.push_back(feature(109, W[s0], P[b0], punct01 * 4 + verb01));
  // Arc-eager extras: s0's head, its head's head and s0's own relation (REDUCE vs LEFT).
  {
    const int s0h_raw = has_s0 ? c.head(s0) : -1;
    const int s0h2_raw = s0h_raw >= 0 && s0h_raw < n ? c.head(s0h_raw) : -1;
    const int s0h = at(s0h_raw), s0h2 = at(s0h2_raw);
    const uint64_t s0lab = child_label(has_s0 && c.head(s0) >= 0 ? s0 : -1);
    const uint64_t s0hlab = child_label(s0h_raw >= 0 && s0h_raw < n && c.head(s0h_raw) >= 0 ? s0h_raw : -1);
    f.push_back(feature(110, W[s0h]));
    f.push_back(feature(111, P[s0h]));
    f.push_back(feature(112, s0lab));
    f.push_back(feature(113, P[s0h2]));
    f.push_back(feature(114, s0hlab));
    f.push_back(feature(115, P[s0], P[s0h], P[s0h2]));
    f.push_back(feature(116, P[s0h], P[s0], P[b0]));
    f.push_back(feature(117, s0lab, P[s0], P[b0]));
    f.push_back(feature(118, s0lab, W[s0], P[b0]));
    f.push_back(feature(119, W[s0h], P[s0], P[b0]));
    f.push_back(feature(120, s0lab, s0hlab, P[b0]));
    f.push_back(feature(121, P[s0h], W[b0]));
    f.push_back(feature(122, P[s0], P[b0], c.headless() > 3 ? 3 : c.headless()));
  }
}

// Classes: 0 = SHIFT, 1 = REDUCE, 2 = UNSHIFT, 3..L+2 = LEFT-label, L+3..2L+2 = RIGHT-label.
struct ClassMap {
  int labels = 0;
  int root = -1;  // label index of "root"
  int classes() const { return 3 + 2 * labels; }
  ArcEager::Move move(int c) const {
    return c < 3 ? static_cast<ArcEager::Move>(c) : (c < 3 + labels ? ArcEager::kLeft : ArcEager::kRight);
  }
  int label(int c) const { return c < 3 ? -1 : (c < 3 + labels ? c - 3 : c - 3 - labels); }
};

// Which classes the configuration allows: "root" only for the arc to ROOT, which has no other.
// Returns how many.
int valid_classes(const ArcEager& c, const ClassMap& m, std::vector<uint8_t>& valid) {
  valid.assign(m.classes(), 0);
  int k = 0;
  for (int mv = 0; mv < 3; ++mv) k += valid[mv] = c.can(static_cast<ArcEager::Move>(mv));
  if (c.can(ArcEager::kLeft)) {
    const bool to_root = c.b(0) == c.n();
    for (int l = 0; l < m.labels; ++l) k += valid[3 + l] = to_root ? (l == m.root) : (l != m.root);
  }
  if (c.can(ArcEager::kRight))
    for (int l = 0; l < m.labels; ++l) k += valid[3 + m.labels + l] = l != m.root;
  return k;
}

// Arcs no tree of the treebank has, left out at parse time unless nothing else is allowed:
// punctuation takes no dependents (6 of EWT train's 23,596 punctuation words do), and no word has
// two subjects or two objects (none in EWT train, and UD's validator rejects them). Without these
// a mistagged word can leave a clause hanging from the full stop ("that Armenia hand over the
// maps", "hand" read as a noun), or an apposition becomes a second subject ("The chairman of the
// conference, Manaspas Xuto of Thailand, said").
class ArcFilter {
 public:
  ArcFilter(const Sentence& s, const std::vector<std::string>& labels)
      : punct_(s.size()), subject_(s.size() + 1, 0), object_(s.size() + 1, 0), kind_(labels.size(), 0) {
    for (int i = 0; i < s.size(); ++i) punct_[i] = s.words[i].upos == "PUNCT";
    for (size_t l = 0; l < labels.size(); ++l) {
      const std::string& r = labels[l];
      if (r == "nsubj" || r == "nsubj:pass" || r == "csubj" || r == "csubj:pass") kind_[l] = kSubject;
      if (r == "obj") kind_[l] = kObject;
    }
  }

  // Clears the classes that would break a constraint; returns how many stay valid. (In place,
  // without allocating: this runs before every move.)
  int apply(const ArcEager& c, const ClassMap& m, std::vector<uint8_t>& valid) const {
    const int b0 = c.b(0), s0 = c.s(0);
    const int left_head = b0 >= 0 && b0 < c.n() ? b0 : -1;  // LEFT: b0 becomes a head
    const int right_head = s0;                              // RIGHT: s0 becomes a head
    int all = 0, kept = 0;
    for (int k = 0; k < m.classes(); ++k) {
      if (!valid[k]) continue;
      ++all;
      kept += !forbidden(k, left_head, right_head, m);
    }
    if (kept == 0 || kept == all) return all;
    for (int k = 0; k < m.classes(); ++k)
      if (valid[k] && forbidden(k, left_head, right_head, m)) valid[k] = 0;
    return kept;
  }

  // Records the arc the class `cls` is about to make in configuration `c`.
  void record(const ArcEager& c, const ClassMap& m, int cls) {
    const ArcEager::Move mv = m.move(cls);
    if (mv != ArcEager::kLeft && mv != ArcEager::kRight) return;
    const int h = mv == ArcEager::kLeft ? c.b(0) : c.s(0);
    const int l = m.label(cls);
    if (kind_[l] == kSubject) subject_[h] = 1;
    if (kind_[l] == kObject) object_[h] = 1;
  }

 private:
  enum : uint8_t { kOther = 0, kSubject = 1, kObject = 2 };
  bool forbidden(int k, int left_head, int right_head, const ClassMap& m) const {
    if (k < 3) return false;
    const bool left = k < 3 + m.labels;
    const int head = left ? left_head : right_head;
    if (head < 0) return false;
    const int l = left ? k - 3 : k - 3 - m.labels;
    return punct_[head] || (kind_[l] == kSubject && subject_[head]) || (kind_[l] == kObject && object_[head]);
  }

  std::vector<bool> punct_;
  std::vector<uint8_t> subject_, object_;  // per head: has one already
  std::vector<uint8_t> kind_;              // per label
};

int only_valid(const std::vector<uint8_t>& valid) {
  for (size_t k = 0; k < valid.size(); ++k)
    if (valid[k]) return static_cast<int>(k);
  return -1;
}

}  // namespace

Parser Parser::train(const std::vector<Sentence>& gold, const ParserOptions& o) {
  Parser p;
  std::set<std::string> label_set;
  for (const Sentence& s : gold)
    for (const Word& w : s.words) label_set.insert(w.deprel);
  label_set.insert("root");
  p.labels_.assign(label_set.begin(), label_set.end());
  std::map<std::string, int> label_of;
  for (size_t l = 0; l < p.labels_.size(); ++l) label_of[p.labels_[l]] = static_cast<int>(l);
  ClassMap m{static_cast<int>(p.labels_.size()), label_of["root"]};

  struct Gold {
    std::vector<int> head, label;
  };
  std::vector<Gold> golds(gold.size());
  for (size_t k = 0; k < gold.size(); ++k) {
    const Sentence& s = gold[k];
    const int n = s.size();
    std::vector<int> h(n);
    for (int i = 0; i < n; ++i) h[i] = s.words[i].head < 0 ? n : s.words[i].head;
    golds[k].head = projectivize(h);
    golds[k].head.push_back(-1);
    for (const Word& w : s.words) golds[k].label.push_back(label_of[w.deprel]);
    golds[k].label.push_back(-1);
  }

  PerceptronTrainer trainer(m.classes());
  std::mt19937_64 rng(o.seed ^ 0xa5a5a5a5ULL);
  std::vector<uint64_t> f;
  std::vector<float> scores(m.classes());
  std::vector<uint8_t> valid;
  std::vector<int> costs(m.classes());
  int move_cost[5];
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    size_t correct = 0, total = 0;
    const bool explore = epoch >= o.explore_after;
    for (size_t k : shuffled_order(gold.size(), o.seed + 1000 + epoch)) {
      const Sentence& s = gold[k];
      if (s.words.empty()) continue;
      const auto& gh = golds[k].head;
      const auto& gl = golds[k].label;
      const Atoms a = atoms_of(s);
      ArcEager c(s.size());
      ArcFilter filter(s, p.labels_);
      while (!c.terminal()) {
        valid_classes(c, m, valid);
        if (filter.apply(c, m, valid) == 1) {
          const int only = only_valid(valid);
          filter.record(c, m, only);
          c.apply(m.move(only), m.label(only));
          continue;
        }
        features(c, a, f);
        std::fill(scores.begin(), scores.end(), 0.0f);
        trainer.score(f, scores.data());
        for (int mv = 0; mv < 5; ++mv)
          move_cost[mv] = c.can(static_cast<ArcEager::Move>(mv)) ? c.cost(static_cast<ArcEager::Move>(mv), gh) : 0;
        const int s0 = c.s(0), b0 = c.b(0);
        int min_cost = 1 << 30;
        for (int cl = 0; cl < m.classes(); ++cl) {
          if (!valid[cl]) continue;
          const ArcEager::Move mv = m.move(cl);
          int cc = move_cost[mv];
          if (mv == ArcEager::kLeft && gh[s0] == b0 && gl[s0] != m.label(cl)) ++cc;
          if (mv == ArcEager::kRight && gh[b0] == s0 && gl[b0] != m.label(cl)) ++cc;
          costs[cl] = cc;
          min_cost = std::min(min_cost, cc);
        }
        const int guess = argmax(scores.data(), m.classes(), &valid);
        int best = -1;
        for (int cl = 0; cl < m.classes(); ++cl)
          if (valid[cl] && costs[cl] == min_cost && (best < 0 || scores[cl] > scores[best])) best = cl;
        if (costs[guess] > min_cost) trainer.update(f, best, guess);
        else ++correct;
        ++total;
        trainer.tick();
        int next = best;
        if (costs[guess] == min_cost) next = guess;
        else if (explore && static_cast<double>(rng() >> 11) * 0x1.0p-53 < o.explore_p) next = guess;
        filter.record(c, m, next);
        c.apply(m.move(next), m.label(next));
      }
    }
    if (o.progress)
      o.progress("parser epoch " + std::to_string(epoch + 1) + ": correct moves " +
                 std::to_string(100.0 * static_cast<double>(correct) / static_cast<double>(total)) +
                 " %, " + std::to_string(trainer.rows()) + " feature rows");
  }
  p.model_ = trainer.average(o.prune, o.min_updates);
  return p;
}

void Parser::parse(Sentence& s) const {
  const int n = s.size();
  ClassMap m{static_cast<int>(labels_.size()), -1};
  for (size_t l = 0; l < labels_.size(); ++l)
    if (labels_[l] == "root") m.root = static_cast<int>(l);
  const Atoms a = atoms_of(s);
  ArcEager c(n);
  std::vector<uint64_t> f;
  f.reserve(128);
  std::vector<float> scores(m.classes());
  std::vector<uint8_t> valid;
  ArcFilter filter(s, labels_);
  while (!c.terminal()) {
    int best;
    valid_classes(c, m, valid);
    if (filter.apply(c, m, valid) == 1) {
      best = only_valid(valid);
    } else {
      features(c, a, f);
      std::fill(scores.begin(), scores.end(), 0.0f);
      model_.score(f, scores.data());
      best = argmax(scores.data(), m.classes(), &valid);
    }
    filter.record(c, m, best);
    c.apply(m.move(best), m.label(best));
  }
  for (int i = 0; i < n; ++i) {
    s.words[i].head = c.head(i) >= n ? -1 : c.head(i);
    s.words[i].deprel = labels_[c.label(i)];
  }
  s.parsed = true;
}


void Parser::save(ModelWriter& w) const {
  w.u32(kFeatureVersion);
  w.strs(labels_);
  model_.save(w);
}

Result<Parser> Parser::load(ModelReader& r) {
  Parser p;
  PARLEY_TRY(r.feature_version(kFeatureVersion, "parser"));
  PARLEY_TRY(r.strs(p.labels_));
  if (std::find(p.labels_.begin(), p.labels_.end(), "root") == p.labels_.end())
    return r.fail("the parser's relation list has no \"root\"");
  if (p.labels_.size() > 127) return r.fail("the parser has more than 127 relations");
  Result<Perceptron> m = Perceptron::load(r);
  if (!m.ok()) return m.status();
  p.model_ = std::move(m.value());
  if (p.model_.classes() != static_cast<int>(3 + 2 * p.labels_.size()))
    return r.fail("the parser's weights do not match its relation list");
  return p;
}

}  // namespace parley::syntax
