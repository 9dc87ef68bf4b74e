/// Errors as values: `Status` says whether an operation worked and why not; `Result<T>` carries
/// a value or a `Status`.
///
///   Result<Mappings> m = Mappings::load(dir);
///   if (!m.ok()) { report(m.status()); return 1; }
///   PARLEY_TRY(writer.finish());   // returns the error Status to the caller
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace parley {

/// `s` safe to print on a terminal: control characters (C0, DEL and the C1 range U+0080 to
/// U+009F, which hold terminal escapes such as ESC [ and CSI) become \xNN or \uNNNN; other
/// bytes are kept.
inline std::string printable(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == 0x7F) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      const unsigned char d = static_cast<unsigned char>(s[++i]);
      out += "\\u00";
      out += kHex[d >> 4];
      out += kHex[d & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

/// Where a diagnostic points: a file and, when known, a 1-based line and column.
struct Location {
  std::string file;
  int line = 0;    ///< 0: unknown
  int column = 0;  ///< 0: unknown

  /// "file:line:col" with the unknown parts left out (control characters escaped).
  std::string str() const {
    std::string s = printable(file);
    if (line > 0) s += ":" + std::to_string(line);
    if (line > 0 && column > 0) s += ":" + std::to_string(column);
    return s;
  }
};

/// Success or an error message with an optional location. Cheap to copy when ok.
class Status {
 public:
  Status() = default;
  static Status error(std::string message, Location where = {}) {
    Status s;
    s.failed_ = true;
    s.message_ = std::move(message);
    s.where_ = std::move(where);
    return s;
  }

  bool ok() const { return !failed_; }
  const std::string& message() const { return message_; }
  const Location& where() const { return where_; }

  /// "file:line:col: message", or just the message when there is no location; control
  /// characters from the input are escaped, so that printing it cannot drive a terminal.
  std::string str() const {
    std::string w = where_.str();
    return w.empty() ? printable(message_) : w + ": " + printable(message_);
  }

 private:
  bool failed_ = false;
  std::string message_;
  Location where_;
};

/// A value or the Status saying why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}   // NOLINT: implicit by design

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &std::get<T>(v_); }
  const T* operator->() const { return &std::get<T>(v_); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace parley

/// Returns the Status of `expr` from the enclosing function when it is an error.
#define PARLEY_TRY(expr)                              \
  do {                                                \
    ::parley::Status parley_try_status_ = (expr);     \
    if (!parley_try_status_.ok()) return parley_try_status_; \
  } while (0)
