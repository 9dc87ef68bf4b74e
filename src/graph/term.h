/// RDF terms and quads as plain values, with validating constructors: an IRI is checked
/// before it exists, a literal is valid UTF-8. Knows nothing about files or serd.
///
///   Result<Term> t = Term::iri("https://w3id.org/parley/id/article/seed0.txt");
///   Term l = Term::literal("Baku");
///   Quad q{s, Term::iri_unchecked(vocab::kLabel), l, graph};
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"

namespace parley::graph {

struct Term {
  enum class Kind { kIri, kLiteral };
  Kind kind = Kind::kIri;
  std::string value;     ///< the IRI, or the literal's lexical form (valid UTF-8)
  std::string datatype;  ///< literal datatype IRI; empty for a plain string
  std::string lang;      ///< language tag; empty for none

  /// An absolute IRI with a scheme and none of the characters N-Triples forbids.
  static Result<Term> iri(std::string_view iri);
  /// For IRIs built from constants and checked segments.
  static Term iri_unchecked(std::string value) { return Term{Kind::kIri, std::move(value), {}, {}}; }
  /// A plain string literal; invalid UTF-8 is repaired.
  static Term literal(std::string_view lexical);
  static Term typed(std::string lexical, const char* datatype);
  static Term integer(long long v);

  bool is_iri() const { return kind == Kind::kIri; }
  friend auto operator<=>(const Term&, const Term&) = default;
  friend bool operator==(const Term&, const Term&) = default;
};

/// Checks what N-Triples requires of an IRIREF, plus an absolute lower-case scheme and what
/// Jena's riot also refuses (RFC 3987 percent-encoding, brackets only around an IP literal
/// host, a numeric port; http and https need a host and take no user name).
Status check_iri(std::string_view iri);

struct Quad {
  Term s, p, o;
  Term g;  ///< the named graph; empty value: the default graph
  friend auto operator<=>(const Quad&, const Quad&) = default;
  friend bool operator==(const Quad&, const Quad&) = default;
};

}  // namespace parley::graph
