#include "graph/term.h"

#include "core/utf8.h"

namespace parley::graph {

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
    if (c <= 0x20 || c == '<' || c == '>' || c == '"' || c == '{' || c == '}' || c == '|' ||
        c == '^' || c == '`' || c == '\\')
      return Status::error("character not allowed in an IRI in \"" + std::string(iri) + "\"");
  }
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
