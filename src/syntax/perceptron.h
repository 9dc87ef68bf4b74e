/// The averaged multiclass perceptron behind the tagger and the parser: features are 64-bit
/// hashes, each with a sparse vector of class weights.
///
///   PerceptronTrainer t(classes);
///   t.score(features, scores);  int guess = argmax(scores);
///   t.update(features, gold, guess);  t.tick();        // once per training instance
///   Perceptron model = t.average(0.0f);               // averaged weights, ready to save
///   model.score(features, scores);                     // inference: read-only, thread-safe
///
/// Training keeps a dense row of weights per updated feature (fast, memory-hungry: rows x
/// classes x 12 bytes); the averaged model keeps only non-zero weights, so a feature seen with
/// three classes costs three entries. Scores add up in float in feature order, so a model gives
/// the same scores on every machine with IEEE floats.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/status.h"
#include "syntax/huge_pages.h"
#include "syntax/model_io.h"

namespace parley::syntax {

/// Mixes template id and atom values into one feature key (never 0).
inline uint64_t mix64(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}
inline uint64_t feature(uint64_t templ, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  // The atoms are hashes already: odd multipliers keep them apart, one mix spreads the bits.
  const uint64_t h = mix64((templ * 0x9e3779b97f4a7c15ULL) ^ (a * 0xbf58476d1ce4e5b9ULL) ^
                           (b * 0x94d049bb133111ebULL) ^ (c * 0xd6e8feb86659fd93ULL) ^ templ);
  return h ? h : 1;
}

/// An averaged model: immutable after load, safe to share across threads.
///
/// Storage: an open-addressing table of 8-byte slots (24 bits of the feature key's high half
/// as a check, the number of weights, the index of the first and the row's exponent), and per
/// weight 2 bytes: an 8-bit quantised value and the class. A weight is value x 2^exponent x
/// unit, the exponent chosen per feature so that its largest weight fills the 8 bits: the
/// error is at most 1/254 of that feature's largest weight (on EWT dev the tagger and parser
/// score what 16-bit weights score, in half the memory). A feature the model does not know
/// may match a slot with probability about 2^-24 per probe; it then adds that slot's weights,
/// which is harmless noise.
class Perceptron {
 public:
  Perceptron() = default;
  int classes() const { return classes_; }
  /// Adds the weights of every known feature to `scores[0..classes)` (which the caller zeroes).
  void score(std::span<const uint64_t> features, float* scores) const;
  size_t features() const { return used_; }
  size_t entries() const { return entries_.size(); }
  size_t bytes() const { return slots_.size() * sizeof(Slot) + entries_.size() * sizeof(Entry); }
  /// The same model without the weights of magnitude below `threshold`.
  Perceptron pruned(float threshold) const;

  void save(ModelWriter& w) const;
  static Result<Perceptron> load(ModelReader& r);

 private:
  friend class PerceptronTrainer;
  struct Slot {
    uint32_t check_count = 0;  // high 24 bits: key check (never 0 in a used slot); low 8: count
    uint32_t first_exponent = 0;  // low 26 bits: index of the first weight; high 6: exponent
  };
  struct Entry {
    int8_t value = 0;  // weight = value x 2^exponent x unit
    uint8_t cls = 0;
  };
  static constexpr uint32_t kIndexBits = 26;
  static constexpr uint32_t kIndexMask = (1u << kIndexBits) - 1;
  static uint32_t check_of(uint64_t key) {
    const uint32_t c = static_cast<uint32_t>(key >> 40) << 8;
    return c ? c : 0x100u;
  }
  /// The model of `rows[k]` (class, averaged weight) for each `keys[k]`.
  static Perceptron build(int classes, const std::vector<uint64_t>& keys,
                          const std::vector<std::vector<std::pair<uint8_t, float>>>& rows);
  void set_steps();

  int classes_ = 0;
  size_t used_ = 0;
  uint64_t mask_ = 0;
  float unit_ = 1.0f;
  float step_[64] = {};          // unit x 2^exponent
  // (on huge pages: every lookup lands on a random page of some 8 MB; syntax/huge_pages.h)
  std::vector<Slot, HugePageAllocator<Slot>> slots_;
  std::vector<Entry, HugePageAllocator<Entry>> entries_;   // each slot's weights, contiguous
};

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int classes);
  int classes() const { return classes_; }
  /// Current (not averaged) weights added into `scores`.
  void score(std::span<const uint64_t> features, float* scores) const;
  /// +1 to `gold`, -1 to `guess` for each feature; nothing when they are equal.
  void update(std::span<const uint64_t> features, int gold, int guess);
  /// Counts one training instance (for averaging).
  void tick() { ++instances_; }
  /// The averaged weights, dropping those whose magnitude is at most `prune` and the features
  /// that took part in fewer than `min_updates` updates (a count cut-off: most features are
  /// rare, and a weight learned from one or two mistakes rarely decides anything).
  Perceptron average(float prune, int min_updates = 1) const;
  size_t rows() const { return keys_.size(); }

 private:
  int row(uint64_t key) const;
  int add_row(uint64_t key);
  void grow();

  int classes_;
  double instances_ = 1;
  uint64_t mask_ = 0;
  std::vector<uint64_t> slots_;  // open addressing: key per slot, 0 = empty
  std::vector<int32_t> slot_row_;
  std::vector<uint64_t> keys_;   // per row
  std::vector<float> w_;         // rows x classes
  std::vector<double> u_;        // rows x classes: sum of instance-count-weighted updates
  std::vector<uint32_t> updates_;  // per row: updates it took part in
};

/// Index of the highest score among classes allowed by `valid` (all when empty); ties go to
/// the lowest index. -1 when nothing is allowed.
int argmax(const float* scores, int n, const std::vector<uint8_t>* valid = nullptr);

}  // namespace parley::syntax
