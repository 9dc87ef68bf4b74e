#include "syntax/perceptron.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

namespace parley::syntax {
namespace {

std::vector<float> scores_of(const Perceptron& p, std::vector<uint64_t> features) {
  std::vector<float> s(static_cast<size_t>(p.classes()), 0.0f);
  p.score(features, s.data());
  return s;
}

// Feature f1 is updated at the first instance, f2 at the last of 1001: their averaged weights
// are 1000/1001 and 1/1001, three orders of magnitude apart.
Perceptron two_scales() {
  PerceptronTrainer t(3);
  const std::vector<uint64_t> f1 = {feature(1, 1)}, f2 = {feature(2, 2)};
  t.update(f1, 0, 1);
  for (int k = 0; k < 1000; ++k) t.tick();
  t.update(f2, 2, 0);
  t.tick();
  return t.average(0.0f);
}

TEST(Perceptron, AveragedWeightsKeepTheirPrecisionAtEveryScale) {
  const Perceptron p = two_scales();
  EXPECT_EQ(p.features(), 2u);
  EXPECT_EQ(p.entries(), 4u);
  const std::vector<float> big = scores_of(p, {feature(1, 1)});
  EXPECT_NEAR(big[0], 1000.0 / 1001.0, 1000.0 / 1001.0 / 254);
  EXPECT_NEAR(big[1], -1000.0 / 1001.0, 1000.0 / 1001.0 / 254);
  EXPECT_EQ(big[2], 0.0f);
  // The small weights are quantised against their own feature's largest weight, not the
  // model's: a global 16-bit scale kept them to about 1.6 %, this keeps them to 0.4 %.
  const std::vector<float> small = scores_of(p, {feature(2, 2)});
  EXPECT_NEAR(small[2], 1.0 / 1001.0, 1.0 / 1001.0 / 254);
  EXPECT_NEAR(small[0], -1.0 / 1001.0, 1.0 / 1001.0 / 254);
  // Scores add up over features; an unknown feature adds nothing.
  const std::vector<float> both = scores_of(p, {feature(1, 1), feature(2, 2), feature(3, 3)});
  EXPECT_FLOAT_EQ(both[0], big[0] + small[0]);
  EXPECT_FLOAT_EQ(both[2], small[2]);
}

TEST(Perceptron, PruneAndCountCutOffDropFeatures) {
  PerceptronTrainer t(2);
  const std::vector<uint64_t> often = {feature(1, 1)}, once = {feature(2, 2)};
  for (int k = 0; k < 3; ++k) {
    t.update(often, 0, 1);
    t.tick();
  }
  t.update(once, 1, 0);
  t.tick();
  EXPECT_EQ(t.average(0.0f, 1).features(), 2u);
  EXPECT_EQ(t.average(0.0f, 2).features(), 1u);      // `once` took part in one update
  EXPECT_EQ(t.average(0.5f, 1).features(), 1u);      // its averaged weights are 1/5 and -1/5
}

TEST(Perceptron, SaveLoadRoundTripAndBadBytes) {
  const Perceptron p = two_scales();
  ModelWriter w;
  p.save(w);
  const std::string bytes = w.bytes();
  ModelReader r(bytes, "weights");
  Result<Perceptron> q = Perceptron::load(r);
  ASSERT_TRUE(q.ok()) << q.status().str();
  EXPECT_EQ(scores_of(q.value(), {feature(1, 1), feature(2, 2)}), scores_of(p, {feature(1, 1), feature(2, 2)}));

  auto load_error = [](const std::string& b) {
    ModelReader rr(b, "weights");
    Result<Perceptron> x = Perceptron::load(rr);
    return x.ok() ? std::string() : x.status().str();
  };
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_NE(load_error(bytes.substr(0, n)), "") << n;
  // Layout: classes u32 @0, used u64 @4, unit f32 @12, slot count u64 @16, slots @24.
  std::string bad = bytes;
  const float minus = -1.0f;
  std::memcpy(&bad[12], &minus, 4);
  EXPECT_NE(load_error(bad).find("weight unit"), std::string::npos) << load_error(bad);
  bad = bytes;
  const float huge = 1e30f;  // 2^63 times it is not a float
  std::memcpy(&bad[12], &huge, 4);
  EXPECT_NE(load_error(bad).find("weight unit"), std::string::npos);
  bad = bytes;
  bad[0] = 2;  // two classes, while a weight names class 2
  EXPECT_NE(load_error(bad).find("class 2"), std::string::npos) << load_error(bad);
  // A slot pointing past the weights.
  uint64_t slots = 0;
  std::memcpy(&slots, &bytes[16], 8);
  bad = bytes;
  bool changed = false;
  for (uint64_t s = 0; s < slots && !changed; ++s) {
    uint32_t check_count = 0;
    std::memcpy(&check_count, &bad[24 + 8 * s], 4);
    if (check_count == 0) continue;
    const uint32_t first = 1u << 25;
    std::memcpy(&bad[24 + 8 * s + 4], &first, 4);
    changed = true;
  }
  ASSERT_TRUE(changed);
  EXPECT_NE(load_error(bad).find("outside the weight table"), std::string::npos) << load_error(bad);
}

}  // namespace
}  // namespace parley::syntax
