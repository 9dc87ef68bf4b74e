/// Little-endian binary encoding for model files: a `ModelWriter` appends fields to a byte
/// string, a `ModelReader` reads them back with bounds checks and reports the first problem
/// as a Status naming the file and byte offset ("truncated", "bad magic", ...), never a crash.
///
///   ModelWriter w;  w.u32(7);  w.str("nsubj");  w.f32s(weights);
///   ModelReader r(bytes, "models/en-ud.syntax");
///   uint32_t n;  std::string s;
///   PARLEY_TRY(r.u32(n));  PARLEY_TRY(r.str(s));
///
/// Neither class owns a file; `syntax/model.h` frames a whole model (magic, version, checksum).
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"

namespace parley::syntax {

class ModelWriter {
 public:
  void u8(uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(uint32_t v) { put(&v, sizeof v); }
  void u64(uint64_t v) { put(&v, sizeof v); }
  void i32(int32_t v) { put(&v, sizeof v); }
  void f32(float v) { put(&v, sizeof v); }
  /// Length (u32) then bytes.
  void str(std::string_view s) {
    u32(static_cast<uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  void strs(const std::vector<std::string>& v) {
    u32(static_cast<uint32_t>(v.size()));
    for (const std::string& s : v) str(s);
  }
  template <typename T, typename A>
  void array(const std::vector<T, A>& v) {  // trivially copyable T only; count (u64) then bytes
    static_assert(std::is_trivially_copyable_v<T>);
    u64(v.size());
    put(v.data(), v.size() * sizeof(T));
  }
  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void put(const void* p, size_t n) {
    // The formats are defined little-endian; every Debian target parley builds on is.
    static_assert(std::endian::native == std::endian::little);
    out_.append(static_cast<const char*>(p), n);
  }
  std::string out_;
};

class ModelReader {
 public:
  /// `data` must outlive the reader; `name` is used in error messages.
  ModelReader(std::string_view data, std::string name, size_t base = 0)
      : data_(data), name_(std::move(name)), base_(base) {}

  Status u8(uint8_t& v) { return get(&v, sizeof v, "a byte"); }
  Status u32(uint32_t& v) { return get(&v, sizeof v, "a 32-bit integer"); }
  Status u64(uint64_t& v) { return get(&v, sizeof v, "a 64-bit integer"); }
  Status i32(int32_t& v) { return get(&v, sizeof v, "a 32-bit integer"); }
  Status f32(float& v) { return get(&v, sizeof v, "a float"); }
  Status str(std::string& s) {
    uint32_t n = 0;
    PARLEY_TRY(u32(n));
    if (n > remaining()) return error("a string of " + std::to_string(n) + " bytes");
    s.assign(data_.substr(pos_, n));
    pos_ += n;
    return {};
  }
  Status strs(std::vector<std::string>& v) {
    uint32_t n = 0;
    PARLEY_TRY(u32(n));
    if (n > remaining() / 4) return error("a list of " + std::to_string(n) + " strings");
    v.assign(n, {});
    for (std::string& s : v) PARLEY_TRY(str(s));
    return {};
  }
  template <typename T, typename A>
  Status array(std::vector<T, A>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    uint64_t n = 0;
    PARLEY_TRY(u64(n));
    if (n > remaining() / sizeof(T)) return error("an array of " + std::to_string(n) + " items");
    v.resize(n);
    return get(v.data(), n * sizeof(T), "array items");
  }

  /// The next `n` bytes, as a view into the data (for nested sections).
  Status view(size_t n, std::string_view& out) {
    if (n > remaining()) return error("a section of " + std::to_string(n) + " bytes");
    out = data_.substr(pos_, n);
    pos_ += n;
    return {};
  }

  /// Reads a section's feature version and refuses any other than `want`: a model trained
  /// with other features would score garbage. `section` names it ("tagger", "parser").
  Status feature_version(uint32_t want, const std::string& section) {
    uint32_t version = 0;
    PARLEY_TRY(u32(version));
    if (version != want)
      return fail("the " + section + " was trained with features of version " + std::to_string(version) +
                  ", this parley computes version " + std::to_string(want) +
                  " (retrain with parley train-syntax)");
    return {};
  }

  size_t position() const { return pos_; }
  size_t remaining() const { return data_.size() - pos_; }
  bool at_end() const { return pos_ == data_.size(); }
  /// An error at the current position: "<name>: at byte N: <message>".
  Status fail(const std::string& message) const {
    return Status::error("at byte " + std::to_string(base_ + pos_) + ": " + message,
                         Location{name_});
  }

 private:
  Status error(const std::string& what) const {
    return fail("the file ends where " + what + " was expected (truncated?)");
  }
  Status get(void* p, size_t n, const char* what) {
    if (n > remaining()) return error(what);
    if (n) std::memcpy(p, data_.data() + pos_, n);
    pos_ += n;
    return {};
  }
  std::string_view data_;
  std::string name_;
  size_t base_ = 0;
  size_t pos_ = 0;
};

}  // namespace parley::syntax
