/// Content hashes for deterministic identifiers (not for security).
///
///   std::string key = hex64(fnv1a64("some text"));   // 16 lowercase hex digits
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace parley {

/// FNV-1a, 64 bits: stable across platforms and runs.
constexpr uint64_t fnv1a64(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

/// 16 lowercase hex digits.
inline std::string hex64(uint64_t v) {
  static const char* kDigits = "0123456789abcdef";
  std::string s(16, '0');
  for (int i = 15; i >= 0; --i) {
    s[static_cast<size_t>(i)] = kDigits[v & 0xf];
    v >>= 4;
  }
  return s;
}

}  // namespace parley
