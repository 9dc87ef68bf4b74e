#include "graph/term.h"

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace parley::graph {

namespace {

std::string hex_code(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
  return buf;
}

}  // namespace

Status check_iri(std::string_view iri) {
  size_t colon = iri.find(':');
  if (colon == std::string_view::npos || colon == 0)
    return Status::error("not an absolute IRI (no scheme): \"" + std::string(iri) + "\"");
  for (size_t i = 0; i < colon; ++i) {
    const char c = iri[i];
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                    (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return Status::error("invalid IRI scheme in \"" + std::string(iri) + "\"");
  }
  if (!is_valid_utf8(iri)) return Status::error("IRI is not valid UTF-8");
  for (unsigned char c : iri) {
    if (c <= 0x20 || c == 0x7F || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\')
      return Status::error("character not allowed in an IRI in \"" + std::string(iri) + "\"");
  }
  // Non-ASCII: only RFC 3987's ucschar and iprivate ranges (no C1 controls such as U+0085,
  // no surrogates or non-characters), which is also what Jena and rdflib accept.
  for (size_t i = 0; i < iri.size();) {
    const char32_t c = decode_utf8(iri, i);
    if (c < 0x80) continue;
    const bool ok = c >= 0xA0 && !(c >= 0xD800 && c <= 0xDFFF) && !(c >= 0xFDD0 && c <= 0xFDEF) &&
                    (c & 0xFFFE) != 0xFFFE && !(c >= 0xFFF0 && c <= 0xFFFF) && !(c >= 0xE0000 && c <= 0xE0FFF);
    if (!ok) return Status::error("character U+" + hex_code(c) + " not allowed in an IRI");
  }
  if (std::count(iri.begin(), iri.end(), '#') > 1)
    return Status::error("more than one '#' in \"" + std::string(iri) + "\" (an IRI has one fragment)");
  return {};
}

Result<Term> Term::iri(std::string_view value) {
  Status s = check_iri(value);
  if (!s.ok()) return s;
  return Term{Kind::kIri, std::string(value), {}, {}};
}

Term Term::literal(std::string_view lexical) {
  std::string v = is_valid_utf8(lexical) ? std::string(lexical) : repair_utf8(lexical).text;
  return Term{Kind::kLiteral, std::move(v), {}, {}};
}

Term Term::typed(std::string lexical, const char* datatype) {
  return Term{Kind::kLiteral, std::move(lexical), datatype, {}};
}

Term Term::integer(long long v) { return typed(std::to_string(v), "http://www.w3.org/2001/XMLSchema#integer"); }

}  // namespace parley::graph
