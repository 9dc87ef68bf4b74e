/// A small parley graph in N-Quads for the analysis tests: two articles, two meetings (one
/// mediated, one with three sides), a demand (by Gor, who represents Armenia) and a denial; Germany's description repeated in
/// both articles' graphs (as parley writes N-Quads) so that union counting is tested.
#pragma once

#include <string>

#include "analysis/corpus.h"
#include "rdf/reader.h"

namespace parley::analysis::testing {

inline const char* kFixture = R"NQ(<http://x/article/a1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Article> <http://x/article/a1> .
<http://x/article/a1> <http://purl.org/dc/terms/identifier> "a1.txt" <http://x/article/a1> .
<http://x/article/a1> <http://purl.org/dc/terms/subject> "politics" <http://x/article/a1> .
<http://x/article/a1> <http://purl.org/dc/terms/date> "2024-03-01"^^<http://www.w3.org/2001/XMLSchema#date> <http://x/article/a1> .
<http://x/article/a2> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Article> <http://x/article/a2> .
<http://x/article/a2> <http://purl.org/dc/terms/identifier> "a2" <http://x/article/a2> .
<http://x/e/DE> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Actor> <http://x/article/a1> .
<http://x/e/DE> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#State> <http://x/article/a1> .
<http://x/e/DE> <http://www.w3.org/2000/01/rdf-schema#label> "Germany" <http://x/article/a1> .
<http://x/e/DE> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q183> <http://x/article/a1> .
<http://x/e/DE> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Mediator> <http://x/article/a1> .
<http://x/e/DE> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Actor> <http://x/article/a2> .
<http://x/e/DE> <http://www.w3.org/2000/01/rdf-schema#label> "Germany" <http://x/article/a2> .
<http://x/e/DE> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q183> <http://x/article/a2> .
<http://x/e/AM> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Actor> <http://x/article/a1> .
<http://x/e/AM> <http://www.w3.org/2000/01/rdf-schema#label> "Armenia" <http://x/article/a1> .
<http://x/e/AM> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q399> <http://x/article/a1> .
<http://x/e/Gor> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Actor> <http://x/article/a1> .
<http://x/e/Gor> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Person> <http://x/article/a1> .
<http://x/e/Gor> <http://www.w3.org/2000/01/rdf-schema#label> "Gor, \"the envoy\"" <http://x/article/a1> .
<http://x/e/Baku> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Location> <http://x/article/a1> .
<http://x/e/Baku> <http://www.w3.org/2000/01/rdf-schema#label> "Baku" <http://x/article/a1> .
<http://x/article/a1#meeting-10> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Meeting> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <http://www.w3.org/ns/prov#wasDerivedFrom> <http://x/article/a1> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#participant> <http://x/e/AM> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#participant> <http://x/e/Gor> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#mediatedBy> <http://x/e/DE> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#location> <http://x/e/Baku> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#date> "2024-03-03"^^<http://www.w3.org/2001/XMLSchema#date> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#cameoCode> "044" <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#evidence> "Armenia's Gor met in Baku,\ttabbed\nbrokered by Germany." <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#beginOffset> "5"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/article/a1> .
<http://x/article/a1#meeting-10> <https://w3id.org/parley/ontology#endOffset> "60"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/article/a1> .
<http://x/article/a1#mention-5-12> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Mention> <http://x/article/a1> .
<http://x/article/a1#mention-5-12> <https://w3id.org/parley/ontology#beginOffset> "5"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/article/a1> .
<http://x/article/a1#demand-70-70> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Demand> <http://x/article/a1> .
<http://x/article/a1#demand-70-70> <http://www.w3.org/ns/prov#wasDerivedFrom> <http://x/article/a1> <http://x/article/a1> .
<http://x/article/a1#demand-70-70> <https://w3id.org/parley/ontology#agent> <http://x/e/Gor> <http://x/article/a1> .
<http://x/e/Gor> <https://w3id.org/parley/ontology#represents> <http://x/e/AM> <http://x/article/a1> .
<http://x/article/a1#demand-70-70> <https://w3id.org/parley/ontology#addressee> <http://x/e/DE> <http://x/article/a1> .
<http://x/article/a1#demand-70-70> <https://w3id.org/parley/ontology#content> "a ceasefire" <http://x/article/a1> .
<http://x/article/a1#demand-70-70> <https://w3id.org/parley/ontology#beginOffset> "70"^^<http://www.w3.org/2001/XMLSchema#integer> <http://x/article/a1> .
<http://x/article/a2#meeting-3> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Meeting> <http://x/article/a2> .
<http://x/article/a2#meeting-3> <http://www.w3.org/ns/prov#wasDerivedFrom> <http://x/article/a2> <http://x/article/a2> .
<http://x/article/a2#meeting-3> <https://w3id.org/parley/ontology#participant> <http://x/e/DE> <http://x/article/a2> .
<http://x/article/a2#meeting-3> <https://w3id.org/parley/ontology#participant> <http://x/e/AM> <http://x/article/a2> .
<http://x/article/a2#meeting-3> <https://w3id.org/parley/ontology#participant> <http://x/e/Gor> <http://x/article/a2> .
<http://x/article/a2#meeting-3> <https://w3id.org/parley/ontology#date> "2024-04-01"^^<http://www.w3.org/2001/XMLSchema#date> <http://x/article/a2> .
<http://x/article/a2#denial-9-1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/parley/ontology#Denial> <http://x/article/a2> .
<http://x/article/a2#denial-9-1> <http://www.w3.org/ns/prov#wasDerivedFrom> <http://x/article/a2> <http://x/article/a2> .
<http://x/article/a2#denial-9-1> <https://w3id.org/parley/ontology#agent> <http://x/e/DE> <http://x/article/a2> .
<http://x/article/a2#denial-9-1> <https://w3id.org/parley/ontology#content> "any <script> role" <http://x/article/a2> .
)NQ";

/// The fixture read and finished.
inline Corpus fixture_corpus() {
  Corpus c;
  Status s = rdf::read_string(kFixture, "fixture.nq", rdf::Format::kNQuads, [&](graph::Quad&& q) {
    c.add(q);
    return Status{};
  });
  if (!s.ok()) throw std::runtime_error(s.str());
  c.finish();
  return c;
}

}  // namespace parley::analysis::testing
