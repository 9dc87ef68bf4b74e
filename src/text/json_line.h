/// A small, strict JSON reader for one JSON Lines record: a top-level object whose string
/// members are kept (unescaped, as UTF-8) and whose other members are typed but not kept.
///
///   Result<JsonRecord> r = parse_json_object(line);
///   if (r.ok() && r->has_string("text")) use(r->strings.at("text"));
///
/// Errors say the 1-based column (in bytes) and what was expected.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "core/status.h"

namespace parley::text {

struct JsonRecord {
  std::map<std::string, std::string> strings;  ///< members whose value is a string
  std::map<std::string, std::string> others;   ///< other members: name -> JSON type name
  int lone_surrogates = 0;  ///< \uD800-style escapes without a pair, replaced by U+FFFD
  int nul_escapes = 0;      ///< \u0000 escapes, replaced by U+FFFD (a NUL would cut C strings)

  bool has_string(const std::string& k) const { return strings.count(k) != 0; }
};

/// Parses `line` (valid UTF-8). The Status location has only a column; the caller adds the
/// file and line.
Result<JsonRecord> parse_json_object(std::string_view line);

}  // namespace parley::text
