#include "graph/vocab.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <string>

#include "test_support.h"

namespace parley::vocab {
namespace {

const std::string kNs = "https://w3id.org/parley/ontology#";

// Is `local` declared (as the subject of an `a ...` statement) in the Turtle text?
bool declared(const std::string& ttl, const std::string& local) {
  const std::regex decl("(^|\\n)[ \\t]*(parley:" + local + "|<" + std::regex_replace(kNs, std::regex("[.#/:]"), "\\$&") +
                        local + ">)\\s+(a|rdf:type)\\s");
  return std::regex_search(ttl, decl);
}

// The local names of every PARLEY_NS constant, read from the header itself so that a new
// constant is checked without touching this test.
std::set<std::string> parley_terms_in_header() {
  const std::string h = unit::read_file(unit::source_path("src/graph/vocab.h"));
  std::set<std::string> out;
  const std::regex term("PARLEY_NS \"([A-Za-z][A-Za-z0-9_]*)\"");
  for (auto it = std::sregex_iterator(h.begin(), h.end(), term); it != std::sregex_iterator(); ++it)
    out.insert((*it)[1].str());
  return out;
}

TEST(Vocab, EveryParleyTermIsDeclaredInTheOntology) {
  const std::string path = unit::source_path("ontology/parley.ttl");
  const std::string ttl = unit::read_file(path);
  ASSERT_FALSE(ttl.empty()) << path << " is missing or empty";
  const std::set<std::string> terms = parley_terms_in_header();
  ASSERT_GT(terms.size(), 25u);
  for (const std::string& local : terms) EXPECT_TRUE(declared(ttl, local)) << "parley:" << local << " is not declared in " << path;
}

TEST(Vocab, ConstantsSpellTheParleyNamespace) {
  // the constants the header parse above found are the ones the code uses
  static const char* const kConstants[] = {
      kActor, kPerson, kOrganization, kState, kGroup, kMediator, kLocation, kMeeting, kDemand,
      kDenial, kArticle, kMention, kParticipant, kMediatedBy, kLocationProp, kDate, kAgent,
      kAddressee, kContent, kEvidence, kBeginOffset, kEndOffset, kRule, kCameoCode, kPloverType,
      kMentionOf, kTextLength, kGazetteerVersion};
  const std::set<std::string> terms = parley_terms_in_header();
  for (const char* c : kConstants) {
    const std::string iri(c);
    ASSERT_EQ(iri.rfind(kNs, 0), 0u) << iri;
    EXPECT_TRUE(terms.count(iri.substr(kNs.size()))) << iri;
  }
  EXPECT_EQ(std::string(kParley), kNs);
  EXPECT_STREQ(kPrefixes[0][0], "parley");
  EXPECT_EQ(std::string(kPrefixes[0][1]), kNs);
}

TEST(Vocab, DeclaredMatcherSeesMissingTerms) {
  const std::string ttl = "parley:Actor\n    a owl:Class ;\n    rdfs:comment \"parley:Ghost a thing\" .\n";
  EXPECT_TRUE(declared(ttl, "Actor"));
  EXPECT_FALSE(declared(ttl, "Ghost"));
  EXPECT_FALSE(declared(ttl, "Act"));
}

}  // namespace
}  // namespace parley::vocab
