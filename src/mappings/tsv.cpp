#include "mappings/tsv.h"

#include <fstream>
#include <sstream>

#include "core/utf8.h"

namespace parley::mappings {
namespace {

void error(std::vector<Diagnostic>& errors, const std::string& path, int line, std::string msg) {
  errors.push_back(Diagnostic{Diagnostic::Severity::kError, Location{path, line, 0}, std::move(msg)});
}

std::vector<std::string> split_tabs(const std::string& line) {
  std::vector<std::string> out;
  size_t i = 0;
  for (;;) {
    const size_t t = line.find('\t', i);
    out.push_back(line.substr(i, t == std::string::npos ? std::string::npos : t - i));
    if (t == std::string::npos) break;
    i = t + 1;
  }
  return out;
}

}  // namespace

int TsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i)
    if (header[i] == name) return static_cast<int>(i);
  return -1;
}

const std::string& TsvTable::get(const TsvRow& row, std::string_view name) const {
  static const std::string kEmpty;
  const int c = column(name);
  return c < 0 || static_cast<size_t>(c) >= row.fields.size() ? kEmpty : row.fields[static_cast<size_t>(c)];
}

TsvTable read_tsv(const std::string& path, const std::vector<std::string>& required,
                  std::vector<Diagnostic>& errors) {
  TsvTable t;
  t.path = path;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error(errors, path, 0, "cannot open file");
    return t;
  }
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!is_valid_utf8(line)) {
      error(errors, path, n, "invalid UTF-8");
      continue;
    }
    if (line.empty()) continue;
    if (line[0] == '#') {
      t.comments.push_back(line.substr(1));
      continue;
    }
    std::vector<std::string> fields = split_tabs(line);
    if (t.header.empty()) {
      t.header = std::move(fields);
      for (const std::string& r : required)
        if (t.column(r) < 0) error(errors, path, n, "header has no column \"" + r + "\"");
      continue;
    }
    if (fields.size() != t.header.size()) {
      std::ostringstream m;
      m << "expected " << t.header.size() << " tab-separated fields (as in the header), found "
        << fields.size();
      error(errors, path, n, m.str());
      continue;
    }
    t.rows.push_back(TsvRow{n, std::move(fields)});
  }
  if (t.header.empty()) error(errors, path, 0, "no header line");
  return t;
}

std::vector<std::string> split_list(std::string_view field) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= field.size()) {
    size_t e = field.find(';', i);
    if (e == std::string_view::npos) e = field.size();
    std::string_view part = field.substr(i, e - i);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    if (!part.empty()) out.emplace_back(part);
    i = e + 1;
  }
  return out;
}

}  // namespace parley::mappings
