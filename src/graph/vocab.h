/// The IRIs of the ontology terms parley writes, spelled once. tests/unit/graph/vocab_test.cpp
/// checks every one of them against ontology/parley.ttl.
#pragma once

namespace parley::vocab {

#define PARLEY_NS "https://w3id.org/parley/ontology#"
#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define RDFS_NS "http://www.w3.org/2000/01/rdf-schema#"
#define SKOS_NS "http://www.w3.org/2004/02/skos/core#"
#define OWL_NS "http://www.w3.org/2002/07/owl#"
#define PROV_NS "http://www.w3.org/ns/prov#"
#define DCT_NS "http://purl.org/dc/terms/"
#define XSD_NS "http://www.w3.org/2001/XMLSchema#"
#define WD_NS "http://www.wikidata.org/entity/"

inline constexpr const char* kParley = PARLEY_NS;

// Classes
inline constexpr const char* kActor = PARLEY_NS "Actor";
inline constexpr const char* kPerson = PARLEY_NS "Person";
inline constexpr const char* kOrganization = PARLEY_NS "Organization";
inline constexpr const char* kState = PARLEY_NS "State";
inline constexpr const char* kGroup = PARLEY_NS "Group";
inline constexpr const char* kMediator = PARLEY_NS "Mediator";
inline constexpr const char* kLocation = PARLEY_NS "Location";
inline constexpr const char* kMeeting = PARLEY_NS "Meeting";
inline constexpr const char* kDemand = PARLEY_NS "Demand";
inline constexpr const char* kDenial = PARLEY_NS "Denial";
inline constexpr const char* kArticle = PARLEY_NS "Article";
inline constexpr const char* kMention = PARLEY_NS "Mention";
inline constexpr const char* kMeetingReport = PARLEY_NS "MeetingReport";
inline constexpr const char* kMerge = PARLEY_NS "Merge";

// Properties
inline constexpr const char* kParticipant = PARLEY_NS "participant";
inline constexpr const char* kMediatedBy = PARLEY_NS "mediatedBy";
inline constexpr const char* kLocationProp = PARLEY_NS "location";
inline constexpr const char* kDate = PARLEY_NS "date";
inline constexpr const char* kReportDate = PARLEY_NS "reportDate";
inline constexpr const char* kDatePrecision = PARLEY_NS "datePrecision";
inline constexpr const char* kStatus = PARLEY_NS "status";
inline constexpr const char* kMeetingKind = PARLEY_NS "meetingKind";
inline constexpr const char* kDenialKind = PARLEY_NS "denialKind";
inline constexpr const char* kConfidence = PARLEY_NS "confidence";
inline constexpr const char* kAgent = PARLEY_NS "agent";
inline constexpr const char* kAddressee = PARLEY_NS "addressee";
inline constexpr const char* kContent = PARLEY_NS "content";
inline constexpr const char* kEvidence = PARLEY_NS "evidence";
inline constexpr const char* kBeginOffset = PARLEY_NS "beginOffset";
inline constexpr const char* kEndOffset = PARLEY_NS "endOffset";
inline constexpr const char* kRule = PARLEY_NS "rule";
inline constexpr const char* kMediationRule = PARLEY_NS "mediationRule";
inline constexpr const char* kRepresents = PARLEY_NS "represents";
inline constexpr const char* kActorCode = PARLEY_NS "actorCode";
inline constexpr const char* kCameoCode = PARLEY_NS "cameoCode";
inline constexpr const char* kPloverType = PARLEY_NS "ploverType";
inline constexpr const char* kMentionOf = PARLEY_NS "mentionOf";
inline constexpr const char* kTextLength = PARLEY_NS "textLength";
inline constexpr const char* kGazetteerVersion = PARLEY_NS "gazetteerVersion";
inline constexpr const char* kTextHash = PARLEY_NS "textHash";
inline constexpr const char* kTextSimhash = PARLEY_NS "textSimhash";
// The merge graph (src/merge/)
inline constexpr const char* kDateWithoutYear = PARLEY_NS "dateWithoutYear";
inline constexpr const char* kReport = PARLEY_NS "report";
inline constexpr const char* kNumArticles = PARLEY_NS "numArticles";
inline constexpr const char* kNumSources = PARLEY_NS "numSources";
inline constexpr const char* kDuplicateOf = PARLEY_NS "duplicateOf";
inline constexpr const char* kMergeRule = PARLEY_NS "mergeRule";
inline constexpr const char* kMerged = PARLEY_NS "merged";
inline constexpr const char* kMergedFrom = PARLEY_NS "mergedFrom";
inline constexpr const char* kSharedActor = PARLEY_NS "sharedActor";
inline constexpr const char* kMergeNote = PARLEY_NS "mergeNote";

// Other vocabularies
inline constexpr const char* kType = RDF_NS "type";
inline constexpr const char* kLabel = RDFS_NS "label";
inline constexpr const char* kAltLabel = SKOS_NS "altLabel";
inline constexpr const char* kSameAs = OWL_NS "sameAs";
inline constexpr const char* kWasDerivedFrom = PROV_NS "wasDerivedFrom";
inline constexpr const char* kIdentifier = DCT_NS "identifier";
inline constexpr const char* kTitle = DCT_NS "title";
inline constexpr const char* kDcDate = DCT_NS "date";
inline constexpr const char* kSource = DCT_NS "source";
inline constexpr const char* kSubject = DCT_NS "subject";
inline constexpr const char* kXsdDate = XSD_NS "date";
inline constexpr const char* kXsdInteger = XSD_NS "integer";
inline constexpr const char* kXsdDecimal = XSD_NS "decimal";
inline constexpr const char* kXsdGMonthDay = XSD_NS "gMonthDay";
inline constexpr const char* kXsdString = XSD_NS "string";
inline constexpr const char* kWikidata = WD_NS;

/// Prefixes written at the top of Turtle and TriG output, in this order.
inline constexpr const char* kPrefixes[][2] = {
    {"parley", PARLEY_NS}, {"rdf", RDF_NS},   {"rdfs", RDFS_NS}, {"skos", SKOS_NS},
    {"owl", OWL_NS},       {"prov", PROV_NS}, {"dcterms", DCT_NS}, {"xsd", XSD_NS},
    {"wd", WD_NS}};

}  // namespace parley::vocab
