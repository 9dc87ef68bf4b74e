// Fuzzes JSON Lines reading (text/reader, text/json_line) with the invariants the rest of
// parley relies on: nothing crashes or reads out of bounds (ASan, UBSan), every article
// delivered has a non-empty id and a non-blank text, all valid UTF-8 with no NUL, and every
// diagnostic names a line of the input and a column inside it (or none, for the whole file),
// with no raw control character in what is printed.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/json_line.h"
#include "text/reader.h"

namespace {

void check(bool ok) {
  if (!ok) std::abort();  // libFuzzer reports the input that broke the invariant
}

bool clean(const std::string& s) { return parley::is_valid_utf8(s) && s.find('\0') == std::string::npos; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  (void)parley::text::parse_json_object(bytes);

  // The most lines the input can have: one per CR or LF, plus one.
  size_t lines = 1;
  for (char c : bytes) lines += c == '\n' || c == '\r' ? 1 : 0;
  parley::text::ReadOptions options;
  options.max_article_bytes = 4096;
  parley::text::read_jsonl(
      "fuzz.jsonl", bytes, options,
      [&](parley::text::Document&& d) {
        check(!d.id.empty() && clean(d.id));
        check(clean(d.text) && d.text.find_first_not_of(" \t\r\n\f\v") != std::string::npos);
        check(clean(d.title) && clean(d.url));
        check(d.line >= 1 && static_cast<size_t>(d.line) <= lines);
        check(!d.date || d.date->valid());
      },
      [&](const parley::Diagnostic& g) {
        check(g.where.file == "fuzz.jsonl");
        check(g.where.line >= 0 && static_cast<size_t>(g.where.line) <= lines);
        // column 0: about the whole file ("empty file"); else a byte of the line or just past it
        check(g.where.column >= 0 && static_cast<size_t>(g.where.column) <= size + 1);
        if (g.where.line == 0) check(g.where.column == 0);
        check(!g.message.empty());
        const std::string shown = g.str();  // printable: no raw control character reaches a terminal
        for (unsigned char c : shown) check(c >= 0x20 && c != 0x7F);
      });
  return 0;
}
