/// Reads the tab-separated data files under mappings/: UTF-8, one header line, `#` comment
/// lines and blank lines skipped, no quoting, every row as many fields as the header.
///
///   TsvTable t = read_tsv("mappings/rules/demand.tsv", errors);
///   for (const TsvRow& r : t.rows) use(r.get(t, "pattern"));
///
/// Bad rows are reported as FILE:LINE: message and left out; the good rows are kept.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"

namespace parley::mappings {

struct TsvRow {
  int line = 0;
  std::vector<std::string> fields;
};

struct TsvTable {
  std::string path;
  std::vector<std::string> header;
  std::vector<TsvRow> rows;
  std::vector<std::string> comments;  ///< comment lines, without the leading '#'

  /// Index of column `name`, or -1.
  int column(std::string_view name) const;
  /// Field `name` of `row` ("" when the column does not exist).
  const std::string& get(const TsvRow& row, std::string_view name) const;
};

/// Reads `path`; every problem is appended to `errors`. `required` columns must be in the header.
TsvTable read_tsv(const std::string& path, const std::vector<std::string>& required,
                  std::vector<Diagnostic>& errors);

/// Splits a `;`-separated field, trimming spaces and dropping empty parts.
std::vector<std::string> split_list(std::string_view field);

}  // namespace parley::mappings
