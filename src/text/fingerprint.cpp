#include "text/fingerprint.h"

#include <array>
#include <bit>
#include <string>
#include <vector>

#include "core/hash.h"

namespace parley::text {

Fingerprint fingerprint(std::string_view text) {
  std::vector<uint64_t> words;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) words.push_back(fnv1a64(w));
    w.clear();
  };
  for (unsigned char c : text) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
    if (!alnum) {
      flush();
      continue;
    }
    w += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  flush();
  Fingerprint f;
  uint64_t h = fnv1a64("");
  for (uint64_t x : words)
    for (int i = 0; i < 8; ++i) h = fnv1a64(std::string_view(reinterpret_cast<const char*>(&x) + i, 1), h);
  f.words = h;
  // SimHash: each feature votes +1/-1 on every bit; the sign of the sum is the bit
  std::array<int64_t, 64> votes{};
  const size_t n = words.size() < 3 ? words.size() : words.size() - 2;
  for (size_t i = 0; i < n; ++i) {
    uint64_t feature = words[i];
    if (words.size() >= 3) feature = fnv1a64(std::to_string(words[i]) + " " + std::to_string(words[i + 1]) + " " + std::to_string(words[i + 2]));
    for (int b = 0; b < 64; ++b) votes[static_cast<size_t>(b)] += (feature >> b) & 1 ? 1 : -1;
  }
  for (int b = 0; b < 64; ++b)
    if (votes[static_cast<size_t>(b)] > 0) f.simhash |= uint64_t{1} << b;
  return f;
}

int hamming(uint64_t a, uint64_t b) { return std::popcount(a ^ b); }

}  // namespace parley::text
