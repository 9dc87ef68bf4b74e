#include "syntax/perceptron.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace parley::syntax {

namespace {

size_t slot_of(uint64_t key, uint64_t mask) { return static_cast<size_t>(key & mask); }

}  // namespace

int argmax(const float* scores, int n, const std::vector<uint8_t>* valid) {
  int best = -1;
  for (int c = 0; c < n; ++c) {
    if (valid && !(*valid)[c]) continue;
    if (best < 0 || scores[c] > scores[best]) best = c;
  }
  return best;
}

// --- Perceptron ---------------------------------------------------------------------------

void Perceptron::score(std::span<const uint64_t> features, float* scores) const {
  if (slots_.empty()) return;
  for (uint64_t f : features) __builtin_prefetch(&slots_[slot_of(f, mask_)]);
  // Find every feature's weights first and prefetch them, then add: the table is larger than
  // the caches, so the lookups' memory latency overlaps instead of adding up.
  constexpr size_t kBatch = 128;
  uint32_t first[kBatch], count[kBatch];
  float step[kBatch];
  for (size_t start = 0; start < features.size(); start += kBatch) {
    const size_t n = std::min(kBatch, features.size() - start);
    size_t found = 0;
    for (size_t k = 0; k < n; ++k) {
      const uint64_t f = features[start + k];
      const uint32_t check = check_of(f);
      for (size_t s = slot_of(f, mask_);; s = (s + 1) & mask_) {
        const Slot& slot = slots_[s];
        if (slot.check_count == 0) break;
        if ((slot.check_count & ~0xFFu) != check) continue;
        first[found] = slot.first_exponent & kIndexMask;
        count[found] = slot.check_count & 0xFFu;
        step[found] = step_[slot.first_exponent >> kIndexBits];
        __builtin_prefetch(&entries_[first[found]]);
        ++found;
        break;
      }
    }
    for (size_t k = 0; k < found; ++k) {
      const Entry* e = &entries_[first[k]];
      for (uint32_t j = 0; j < count[k]; ++j) scores[e[j].cls] += static_cast<float>(e[j].value) * step[k];
    }
  }
}

Perceptron Perceptron::build(int classes, const std::vector<uint64_t>& keys,
                             const std::vector<std::vector<std::pair<uint8_t, float>>>& rows) {
  Perceptron p;
  p.classes_ = classes;
  float largest = 0.0f;
  for (const auto& row : rows)
    for (const auto& [c, v] : row) largest = std::max(largest, std::fabs(v));
  // The largest weight of all gets exponent 40: rows 2^40 times smaller still get 8 bits.
  p.unit_ = largest > 0 ? std::ldexp(largest / 127.0f, -40) : 1.0f;
  p.set_steps();
  size_t cap = 16;
  while (cap * 3 < keys.size() * 4) cap *= 2;  // load factor at most 3/4
  p.slots_.assign(cap, Slot{});
  p.mask_ = cap - 1;
  for (size_t k = 0; k < keys.size(); ++k) {
    float row_max = 0.0f;
    for (const auto& [c, v] : rows[k]) row_max = std::max(row_max, std::fabs(v));
    uint32_t e = 0;
    while (e < 63 && row_max > 127.0f * p.step_[e]) ++e;
    const uint32_t first = static_cast<uint32_t>(p.entries_.size());
    for (const auto& [c, v] : rows[k]) {
      const long q = std::lround(v / p.step_[e]);
      if (q != 0) p.entries_.push_back(Entry{static_cast<int8_t>(std::clamp(q, -127L, 127L)), c});
    }
    const uint32_t count = static_cast<uint32_t>(p.entries_.size()) - first;
    if (count == 0) continue;
    if (p.entries_.size() > kIndexMask) throw std::length_error("a perceptron of more than 2^26 weights");
    size_t s = slot_of(keys[k], p.mask_);
    while (p.slots_[s].check_count != 0) s = (s + 1) & p.mask_;
    p.slots_[s].check_count = check_of(keys[k]) | count;
    p.slots_[s].first_exponent = first | e << kIndexBits;
    ++p.used_;
  }
  return p;
}

void Perceptron::set_steps() {
  for (int e = 0; e < 64; ++e) step_[e] = std::ldexp(unit_, e);
}

Perceptron Perceptron::pruned(float threshold) const {
  Perceptron p = *this;
  for (Slot& slot : p.slots_) {
    if (slot.check_count == 0) continue;
    uint32_t kept = 0;
    const uint32_t first = slot.first_exponent & kIndexMask;
    const float step = step_[slot.first_exponent >> kIndexBits];
    const uint32_t end = first + (slot.check_count & 0xFFu);
    for (uint32_t e = first; e < end; ++e) {
      if (std::fabs(static_cast<float>(entries_[e].value) * step) < threshold) continue;
      p.entries_[first + kept] = entries_[e];
      ++kept;
    }
    // A slot with no weights left stays as a tombstone so that probing still works.
    slot.check_count = (slot.check_count & ~0xFFu) | kept;
  }
  return p;  // (the freed entries stay in the array; pruned() is for measuring, not saving)
}

void Perceptron::save(ModelWriter& w) const {
  w.u32(static_cast<uint32_t>(classes_));
  w.u64(used_);
  w.f32(unit_);
  w.array(slots_);
  w.array(entries_);
}

Result<Perceptron> Perceptron::load(ModelReader& r) {
  Perceptron p;
  uint32_t classes = 0;
  uint64_t used = 0;
  PARLEY_TRY(r.u32(classes));
  if (classes == 0 || classes > 255)
    return r.fail("a perceptron has 1 to 255 classes, not " + std::to_string(classes));
  PARLEY_TRY(r.u64(used));
  PARLEY_TRY(r.f32(p.unit_));
  if (!std::isfinite(p.unit_) || p.unit_ <= 0 || !std::isfinite(std::ldexp(p.unit_, 63)))
    return r.fail("a perceptron's weight unit is not a positive number small enough for its exponents");
  PARLEY_TRY(r.array(p.slots_));
  PARLEY_TRY(r.array(p.entries_));
  const size_t n = p.slots_.size();
  if (n == 0 || (n & (n - 1)) != 0) return r.fail("the feature table size is not a power of two");
  size_t empty = 0;
  for (const Slot& slot : p.slots_) {
    if (slot.check_count == 0) {
      ++empty;
      continue;
    }
    if (static_cast<uint64_t>(slot.first_exponent & kIndexMask) + (slot.check_count & 0xFFu) > p.entries_.size())
      return r.fail("a feature's weights lie outside the weight table");
  }
  if (empty == 0) return r.fail("the feature table has no empty slot");
  for (const Entry& e : p.entries_)
    if (e.cls >= classes)
      return r.fail("a weight names class " + std::to_string(e.cls) + " of " + std::to_string(classes));
  p.classes_ = static_cast<int>(classes);
  p.used_ = static_cast<size_t>(used);
  p.mask_ = n - 1;
  p.set_steps();
  return p;
}

// --- PerceptronTrainer ----------------------------------------------------------------------

PerceptronTrainer::PerceptronTrainer(int classes) : classes_(classes) {
  slots_.assign(1 << 16, 0);
  slot_row_.assign(1 << 16, -1);
  mask_ = (1 << 16) - 1;
}

int PerceptronTrainer::row(uint64_t key) const {
  for (size_t s = slot_of(key, mask_);; s = (s + 1) & mask_) {
    if (slots_[s] == key) return slot_row_[s];
    if (slots_[s] == 0) return -1;
  }
}

void PerceptronTrainer::grow() {
  const size_t n = slots_.size() * 2;
  slots_.assign(n, 0);
  slot_row_.assign(n, -1);
  mask_ = n - 1;
  for (size_t r = 0; r < keys_.size(); ++r) {
    size_t s = slot_of(keys_[r], mask_);
    while (slots_[s] != 0) s = (s + 1) & mask_;
    slots_[s] = keys_[r];
    slot_row_[s] = static_cast<int32_t>(r);
  }
}

int PerceptronTrainer::add_row(uint64_t key) {
  if ((keys_.size() + 1) * 2 > slots_.size()) grow();
  size_t s = slot_of(key, mask_);
  while (slots_[s] != 0) {
    if (slots_[s] == key) return slot_row_[s];
    s = (s + 1) & mask_;
  }
  const int r = static_cast<int>(keys_.size());
  slots_[s] = key;
  slot_row_[s] = r;
  keys_.push_back(key);
  updates_.push_back(0);
  w_.resize(w_.size() + classes_, 0.0f);
  u_.resize(u_.size() + classes_, 0.0);
  return r;
}

void PerceptronTrainer::score(std::span<const uint64_t> features, float* scores) const {
  for (uint64_t f : features) {
    const int r = row(f);
    if (r < 0) continue;
    const float* w = &w_[static_cast<size_t>(r) * classes_];
    for (int c = 0; c < classes_; ++c) scores[c] += w[c];
  }
}

void PerceptronTrainer::update(std::span<const uint64_t> features, int gold, int guess) {
  if (gold == guess) return;
  for (uint64_t f : features) {
    const int r = add_row(f);
    ++updates_[r];
    const size_t base = static_cast<size_t>(r) * classes_;
    w_[base + gold] += 1.0f;
    u_[base + gold] += instances_;
    if (guess >= 0) {
      w_[base + guess] -= 1.0f;
      u_[base + guess] -= instances_;
    }
  }
}

Perceptron PerceptronTrainer::average(float prune, int min_updates) const {
  // Rows in key order, so the saved table does not depend on the order features were met.
  std::vector<size_t> order(keys_.size());
  for (size_t r = 0; r < order.size(); ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return keys_[a] < keys_[b]; });

  std::vector<uint64_t> keys;
  std::vector<std::vector<std::pair<uint8_t, float>>> rows;
  for (size_t r : order) {
    if (updates_[r] < static_cast<uint32_t>(min_updates)) continue;
    std::vector<std::pair<uint8_t, float>> row;
    for (int c = 0; c < classes_; ++c) {
      const size_t i = r * classes_ + c;
      const float v = static_cast<float>(static_cast<double>(w_[i]) - u_[i] / instances_);
      if (v == 0.0f || std::fabs(v) <= prune) continue;
      row.emplace_back(static_cast<uint8_t>(c), v);
    }
    if (row.empty()) continue;
    keys.push_back(keys_[r]);
    rows.push_back(std::move(row));
  }
  return Perceptron::build(classes_, keys, rows);
}

}  // namespace parley::syntax
