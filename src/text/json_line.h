/// A small, strict JSON reader for one JSON Lines record: a top-level object whose string
/// members are kept (unescaped, as UTF-8) and whose other members are typed but not kept.
///
///   Result<JsonRecord> r = parse_json_object(line);
///   if (r.ok() && r->has_string("text")) use(r->strings.at("text"));
///
/// Errors say the 1-based column (in bytes) and what was expected. A `\u0000` escape is an
/// error (a NUL is not text, and would cut the string short in C APIs), and so is a member
/// name given twice (which value counts would be a guess).
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"

namespace parley::text {

struct JsonRecord {
  std::map<std::string, std::string> strings;  ///< members whose value is a string
  std::map<std::string, std::string> others;   ///< other members: name -> JSON type name
  std::map<std::string, int> columns;          ///< every member: 1-based byte column of its value
  int lone_surrogates = 0;  ///< `\uD800`-style escapes without a pair, replaced by U+FFFD
  int lone_surrogate_column = 0;  ///< 1-based byte column of the first of them

  bool has_string(const std::string& k) const { return strings.count(k) != 0; }
};

/// Parses `line` (valid UTF-8). The Status location has only a column; the caller adds the
/// file and line.
Result<JsonRecord> parse_json_object(std::string_view line);

/// `s` (valid UTF-8) as a JSON string with its quotes: '"', '\\' and control characters
/// escaped, everything else as it is.
std::string json_string(std::string_view s);

}  // namespace parley::text
