/// Everything parley knows that is data, not code: gazetteers, word lists and extraction
/// rules from the mappings/ directory, loaded and compiled once per run.
///
///   std::vector<Diagnostic> errors;
///   std::unique_ptr<Mappings> m = Mappings::load("mappings", errors);
///   if (!errors.empty()) { report(errors); return 1; }
///   const GazEntry* e = m->gazetteer.find("azerbaijan");
///
/// A `Mappings` is immutable after `load` and safe to share across threads.
#pragma once

#include <array>
#include <memory>
#include <string>
#include <unordered_map>
#include <functional>
#include <string_view>
#include <unordered_set>
#include <vector>


#include "core/diagnostic.h"
#include "mappings/persons.h"
#include "syntax/pattern.h"

namespace parley::mappings {

enum class EntityType { kPerson, kOrganization, kState, kGroup, kLocation };

/// "Person", "Organization", ... as in the ontology; parses the same names.
const char* type_name(EntityType t);
bool parse_type(std::string_view s, EntityType& out);

/// One gazetteer entity (a state, its capital city, an organisation, a place).
struct GazEntry {
  std::string id;          ///< "state:AZ", "city:AZ", "org:UN", "place:caucasus"
  EntityType type = EntityType::kOrganization;
  std::string label;
  std::string qid;         ///< "Q227" or empty
  int capital_of = -1;     ///< for a capital city: index of its state entry
  int capital = -1;        ///< for a state: index of its capital city entry
  int from_year = 0, to_year = 0;  ///< a former state's years (0: a current entity)
  int authority = -1;      ///< for a place: the entry that governs it ("<place> officials" act for it)
  std::string code{};      ///< for a state: its CAMEO country code ("GBR"), or empty
  /// For a body whose name other countries' bodies share ("Labour Party", "Conservatives"): the
  /// state entry whose articles it is named in. Elsewhere the name is no gazetteer entry's.
  int scope = -1;
};

/// How a surface form names its entry.
enum class NameKind { kName, kDemonym, kCapital };

struct NameRef {
  int entry = -1;
  NameKind kind = NameKind::kName;
};

struct Gazetteer {
  std::vector<GazEntry> entries;
  /// name_key(surface) -> entries it may name.
  std::unordered_map<std::string, std::vector<NameRef>> names;
  size_t max_tokens = 1;   ///< longest name, in tokens
  std::unordered_map<std::string, int> ids;  ///< "state:GB" -> index into entries
  /// The states' demonyms of one word, as written ("Azerbaijani", "Qatari"): what the syntax
  /// stage reads as an adjective of nationality (syntax::Analyzer).
  std::unordered_set<std::string> demonym_words;

  /// The entry with this id ("state:GB"), or nullptr.
  const GazEntry* find_id(const std::string& id) const {
    auto it = ids.find(id);
    return it == ids.end() ? nullptr : &entries[static_cast<size_t>(it->second)];
  }

  const std::vector<NameRef>* find(const std::string& key) const {
    auto it = names.find(key);
    return it == names.end() ? nullptr : &it->second;
  }
};

/// Word lists (keys are `name_key` forms: folded, tokens joined by spaces).
struct Lexicon {
  std::unordered_map<std::string, EntityType> titles;     ///< "foreign minister" -> Person
  std::unordered_set<std::string> title_starts;           ///< first words of titles of two or more words ("foreign")
  std::unordered_set<std::string> roles;                  ///< "spokesman"
  std::unordered_set<std::string> collective_sides;       ///< "employer", "union": sides of labour talks
  std::unordered_map<std::string, EntityType> org_heads;  ///< "ministry" -> Organization
  std::unordered_set<std::string> company_suffixes;       ///< "plc", "co": a company's legal suffix
  std::unordered_set<std::string> place_heads;            ///< "corridor", "province"
  std::unordered_set<std::string> seat_nouns;             ///< "headquarters": with a body's name, a place
  std::unordered_set<std::string> state_nouns;            ///< "officials", "government"
  std::unordered_map<std::string, EntityType> possessed_nouns;  ///< "(his) government" -> State
  std::unordered_set<std::string> place_prepositions;     ///< "in", "at", "near"
  std::unordered_set<std::string> auxiliaries;            ///< "is", "has", "will"
  std::unordered_set<std::string> action_verbs;           ///< "met", "brokered", "rejected"
  std::unordered_set<std::string> work_heads;             ///< "agreement", "treaty"
  std::unordered_set<std::string> function_words;         ///< "the", "however"
  std::unordered_set<std::string> topic_nouns;            ///< "future", "status"
  std::unordered_map<std::string, std::string> force_nouns;  ///< "peacekeeping contingent" -> "peacekeepers"
  size_t max_force_tokens = 1;
  /// "prime minister" -> "GOV", "defence ministry" -> "GOVMIL": CAMEO role codes (lexicon/actor_roles.tsv)
  std::unordered_map<std::string, std::string> actor_roles;
  size_t max_actor_role_tokens = 1;
  std::unordered_set<std::string> not_names;              ///< "the", "however", "monday"
  std::unordered_set<std::string> abbreviations;          ///< lower-case with dot: "mr."
  std::unordered_set<std::string> speech_verbs;           ///< "said"
  std::unordered_set<std::string> name_particles;         ///< "al", "van"
  std::unordered_set<std::string> given_names;            ///< words that open people's names: "jose", "kim"
  std::unordered_set<std::string> honorifics;             ///< "sheikh", "sir", "mr": forms of address kept in aliases
  std::unordered_map<std::string, char> honorific_gender;  ///< "mr" -> 'm', "mrs" -> 'f' (those that say it)
  /// short form of a given name -> the given names it shortens ("ted" -> edmund, edward, theodore)
  std::unordered_map<std::string, std::vector<std::string>> given_name_forms;
  size_t max_title_tokens = 1;
};

/// Word classes the event rules name as `@class` (lexicon/classes.tsv), with the senses a
/// dependent rules out (lexicon/class_exclusions.tsv: "deny" with the object "visa").
/// A string hash that also takes string_views, so that lookups need not build a std::string.
struct StringHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

struct LexiconClasses {
  /// One condition on a dependent: relation (subtypes included) and any of the lemmas.
  struct Condition {
    std::string relation;
    std::unordered_set<std::string> lemmas;
  };
  /// class -> lemmas of its members; a phrasal verb is "lemma particle" ("turn down").
  std::unordered_map<std::string, StringSet, StringHash, std::equal_to<>> members;
  /// "class<TAB>lemma" -> exclusions; each is a list of conditions that must all hold.
  std::unordered_map<std::string, std::vector<std::vector<Condition>>> exclusions;

  bool has_class(std::string_view cls) const { return members.find(cls) != members.end(); }
  bool contains(std::string_view cls, std::string_view lemma) const;
};

/// lexicon/event_kinds.tsv: the kind of a meeting or denial, and the words that tell an event's
/// status, by lemma (class rows expanded at load; a lemma row wins over a class row).
struct EventKinds {
  enum Property { kMeetingKind = 0, kDenialKind = 1, kStatus = 2 };
  static constexpr int kProperties = 3;
  /// "meetingKind", "denialKind", "status"; parses the same names.
  static const char* property_name(int p);
  /// The values a property may take, as written in the graph.
  static const std::vector<std::string>& values(int p);
  std::array<std::unordered_map<std::string, std::string>, kProperties> by_lemma;
  std::array<std::string, kProperties> fallback;  ///< the `*` row's value, "" when none
  /// The value lemma `lemma` gives property `p`, or nullptr.
  const std::string* find(Property p, std::string_view lemma) const {
    auto it = by_lemma[p].find(std::string(lemma));
    return it == by_lemma[p].end() ? nullptr : &it->second;
  }
};

enum class EventClass { kMeeting = 0, kMediator = 1, kDemand = 2, kDenial = 3 };
constexpr int kEventClasses = 4;
const char* class_name(EventClass c);

/// One extraction rule from mappings/rules/<class>.tsv.
struct Rule {
  std::string id;
  EventClass cls = EventClass::kMeeting;
  /// meeting.tsv only: a veto. Its =trigger binds a meeting word another rule found, which then
  /// names no meeting ("refused to meet", "an offer to host talks", "no plans for a summit").
  bool block = false;
  /// meeting.tsv only: the sentence names more sides of the meeting just told ("X will represent
  /// the UK"); its =participant actors join that meeting, and no meeting of its own is made.
  bool join = false;
  bool speaker_agent = false;  ///< the agent is whoever says the sentence ("X must Y," he said)
  bool public_speaker = false;  ///< with speaker_agent: only a public actor's saying counts
  bool person_speaker = false;  ///< with public_speaker: only a person's (not a body's or a state's)
  /// Switched off (its file's `enabled` column or --disable-rule). A switched-off trigger still
  /// matches, so that the other rules read the text exactly as before, but its facts are not
  /// written: switching a rule off removes exactly its facts. A switched-off block blocks nothing.
  bool enabled = true;
  std::string cameo, plover;
  std::string file;
  int line = 0;

  /// The dependency pattern (syntax/pattern.h), whose node named "trigger" names the event and
  /// whose other named nodes (agent, addressee, content, mediator, participant) give roles.
  std::unique_ptr<syntax::Pattern> match;
  /// When a rule fires: kPositive on a trigger the parse does not negate ("rejected"),
  /// kNegative only on a negated one ("would not accept"), kAny on both.
  enum class Polarity { kPositive, kNegative, kAny } polarity = Polarity::kPositive;
  /// The lemmas (lower case) one of which a sentence must hold for the pattern to match: the
  /// values of its first node, among those every match binds, that tests lemmas positively
  /// (class members expanded; a phrasal member by its verb). Empty: it may match anywhere.
  std::vector<std::string> anchors;
  /// rules/confidence.tsv: (correct + 1) / (judged + 2) of the rule's audit, as written
  /// ("0.818"); "" when the table has no row for it.
  std::string confidence;
};

struct Mappings {
  std::string dir;
  std::string version;     ///< "<date from the files>+<content hash>"
  Gazetteer gazetteer;
  Persons persons;         ///< gazetteer/persons.tsv and lexicon/office_titles.tsv
  Lexicon lexicon;
  LexiconClasses classes;
  EventKinds event_kinds;  ///< lexicon/event_kinds.tsv
  std::vector<std::unique_ptr<Rule>> rules;   ///< all rules, enabled or not, in file order
  /// Per class, its rules over the parse in file order (switched-off ones included).
  std::array<std::vector<const Rule*>, kEventClasses> parse_rules;
  /// The lemmas (lower case) one of which a sentence must hold for some parse rule to match:
  /// per rule, the values of the first node that tests lemmas positively (class members
  /// expanded; a phrasal member by its verb). `parse_any` when a rule has no such node.
  std::unordered_set<std::string> anchor_lemmas;
  bool parse_any = false;

  /// Loads every file under `dir`. Errors are appended as FILE:LINE: message; the result is
  /// usable (bad rows are left out) but a caller should refuse to run when errors is non-empty.
  /// `disabled` lists rule ids to switch off in addition to the files' `enabled` column.
  static std::unique_ptr<Mappings> load(const std::string& dir, std::vector<Diagnostic>& errors,
                                        const std::vector<std::string>& disabled = {});
};

}  // namespace parley::mappings
