/// Office holders with Wikidata QIDs (gazetteer/persons.tsv) and the titles that name their
/// offices (lexicon/office_titles.tsv): who a personal name is, and who held an office when.
///
///   const Persons& p = mappings.persons;
///   int who = p.link({"tony blair"}, {"prime minister"}, Date{2004, 6, 1});  // -1: none or ambiguous
///   std::vector<int> pm = p.holders("hog", "state:GB", Date{2004, 6, 1});    // who held the office
///
/// A `Persons` is immutable after loading and safe to share across threads. Lookups cost a hash
/// probe per name plus a scan of the few people who share it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "text/document.h"

namespace parley::mappings {

struct Gazetteer;

/// One term of office: `office` ("hos", "hog", "fm", "dm", "head") of the state or body
/// `acts_for` ("state:GB", "org:UN") from `start` to `end` (days as yyyymmdd; end 0: open).
struct Term {
  std::string office;
  std::string acts_for;
  int acts_for_entry = -1;  ///< index into Gazetteer::entries
  int start = 0, end = 0;
};

struct PersonEntry {
  std::string id;      ///< "person:Q9545"
  std::string label;   ///< "Tony Blair"
  std::string qid;     ///< "Q9545"
  std::vector<Term> terms;
  std::vector<std::string> keys;  ///< name_key of the label and of every name variant

  /// Whether some term covers `day` (yyyymmdd), optionally of one office only.
  bool in_office(int day, std::string_view office = {}) const;
  bool holds(std::string_view office) const;
};

struct Persons {
  std::vector<PersonEntry> entries;
  /// name_key(label or name) -> people it may name
  std::unordered_map<std::string, std::vector<int>> names;
  /// QID -> index into `entries`
  std::unordered_map<std::string, int> by_qid;
  /// last word of a name key -> people it may name ("bush"); read only with a title and a date
  std::unordered_map<std::string, std::vector<int>> surnames;
  /// spelling_key of every full name (two words or more) -> people it may name; read when no
  /// name matches as written
  std::unordered_map<std::string, std::vector<int>> spellings;
  /// name_key(title) -> the offices it names ("prime minister" -> hog; "president" -> hos, head)
  std::unordered_map<std::string, std::vector<std::string>> title_offices;
  size_t max_title_tokens = 1;

  /// The one person the name keys (name_key forms) can be: among those who held office at `date`
  /// (among all when `date` is unknown), narrowed to the offices the titles name (a title that
  /// names no office narrows nothing). A surname alone is looked up as a surname only when a
  /// title names an office and the date is known ("President Bush", 2004), and the article gives
  /// no full name with it. A full name the
  /// gazetteer lacks is tried as a spelling of one it has, with the same surname and a given name
  /// that differs only in its last two letters ("Dmitriy Medvedev" for "Dmitry Medvedev"). -1 when
  /// no one or more than one person is left.
  int link(const std::vector<std::string>& keys, const std::vector<std::string>& titles,
           const std::optional<text::Date>& date) const;

  /// Who held `office` of `acts_for` ("state:GB") on `date`, in file order. For a bare title
  /// ("the prime minister" in a British article of 2004).
  std::vector<int> holders(std::string_view office, std::string_view acts_for, const text::Date& date) const;

  /// The offices a title names: its longest run of final words that is a listed title
  /// ("british prime minister" -> hog). Empty when none.
  const std::vector<std::string>* offices_of_title(const std::string& title_key) const;
};

/// A full name's key with the usual differences between transliterations evened out: y read
/// as i, a doubled letter as one ("harutyunyan", "harutiunian" -> "harutiunian").
std::string spelling_key(std::string_view name_key);

/// yyyymmdd of a date, 0 when unknown.
int day_number(const text::Date& d);

/// Reads gazetteer/persons.tsv into `out`; bad rows are reported as FILE:LINE:COL and left out.
/// `gazetteer` resolves the acts_for ids (states and organisations must be loaded first).
void load_persons(const std::string& path, const Gazetteer& gazetteer, Persons& out,
                  std::vector<Diagnostic>& errors);

/// Reads lexicon/office_titles.tsv (term, offices).
void load_office_titles(const std::string& path, Persons& out, std::vector<Diagnostic>& errors);

}  // namespace parley::mappings
