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

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

// The parts after the scheme that Jena's IRI checker (jena-iri, used by riot) also refuses:
// a '%' without two hex digits, '[' or ']' outside an IP literal host, a port that is not
// digits, and for http and https a missing host or a user name.
Status check_structure(std::string_view iri, size_t colon) {
  const std::string quoted = "\"" + std::string(iri) + "\"";
  for (size_t i = 0; i < iri.size(); ++i)
    if (iri[i] == '%' && (i + 2 >= iri.size() || !is_hex(iri[i + 1]) || !is_hex(iri[i + 2])))
      return Status::error("'%' not followed by two hex digits in " + quoted);
  std::string_view rest = iri.substr(colon + 1);
  const std::string_view scheme = iri.substr(0, colon);
  const bool web = scheme == "http" || scheme == "https";
  std::string_view authority;
  if (rest.substr(0, 2) == "//") {
    rest.remove_prefix(2);
    const size_t end = std::min(rest.find_first_of("/?#"), rest.size());
    authority = rest.substr(0, end);
    rest.remove_prefix(end);
  } else if (web) {
    return Status::error("no host in " + quoted + " (expected " + std::string(scheme) + "://HOST/...)");
  }
  if (rest.find_first_of("[]") != std::string_view::npos)
    return Status::error("'[' or ']' outside a host in " + quoted);
  if (const size_t at = authority.rfind('@'); at != std::string_view::npos) {
    if (web) return Status::error("a user name in an " + std::string(scheme) + " IRI: " + quoted);
    authority.remove_prefix(at + 1);
  }
  std::string_view host = authority, port;
  if (!authority.empty() && authority.front() == '[') {
    const size_t close = authority.find(']');
    if (close == std::string_view::npos || authority.find_first_of("[]", 1) != close ||
        authority.find_first_not_of("0123456789abcdefABCDEF:.vV", 1) < close)
      return Status::error("malformed IP literal host in " + quoted);
    host = authority.substr(0, close + 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') return Status::error("malformed IP literal host in " + quoted);
      port = authority.substr(close + 2);
    }
  } else {
    if (authority.find_first_of("[]") != std::string_view::npos)
      return Status::error("'[' or ']' outside an IP literal host in " + quoted);
    if (const size_t c = authority.rfind(':'); c != std::string_view::npos) {
      host = authority.substr(0, c);
      port = authority.substr(c + 1);
    }
  }
  if (port.find_first_not_of("0123456789") != std::string_view::npos)
    return Status::error("a port that is not a number in " + quoted);
  if (web && host.empty()) return Status::error("no host in " + quoted);
  return {};
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
    // Jena warns on an upper-case scheme ("lowercase is preferred"), and riot then fails.
    if (c >= 'A' && c <= 'Z')
      return Status::error("upper-case letter in the IRI scheme of \"" + std::string(iri) + "\"");
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
  return check_structure(iri, colon);
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
