/// One row per event, the flat shape GDELT and ICEWS users load into R or pandas: article,
/// date, class, codes, agent and what it represents (the state or organisation a person acts
/// for), participants, addressee, mediators, place (each with its IRI, label and Wikidata
/// QID), content, evidence sentence and its byte offsets.
///
///   std::string csv;
///   analysis::write_table(corpus, analysis::TableFormat::kCsv, csv);
///
/// CSV is RFC 4180 (a field with a comma, quote, CR or LF is quoted, quotes doubled; rows end
/// in LF). TSV escapes backslash, tab, LF and CR as \\ \t \n \r, so every row is one line.
/// A role with several entities (participants, most often) holds them in one cell each for
/// IRIs, labels and QIDs, separated by "; " and in the same order, so that the n-th label and
/// QID are the n-th IRI's (an unlinked entity has an empty QID between its separators).
#pragma once

#include <string>
#include <vector>

#include "analysis/corpus.h"

namespace parley::analysis {

enum class TableFormat { kCsv, kTsv };

/// The header, in order.
const std::vector<std::string>& table_columns();

/// Appends the header and one row per event (in `corpus.events()` order) to `out`.
void write_table(const Corpus& corpus, TableFormat format, std::string& out);

}  // namespace parley::analysis
