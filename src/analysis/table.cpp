#include "analysis/table.h"

#include <algorithm>

namespace parley::analysis {

namespace {

constexpr const char* kSeparator = "; ";

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (size_t i = 0; i < v.size(); ++i) s += (i ? kSeparator : "") + v[i];
  return s;
}

void append_cell(std::string& out, const std::string& cell, TableFormat f) {
  if (f == TableFormat::kTsv) {
    for (char c : cell) {
      switch (c) {
        case '\\': out += "\\\\"; break;
        case '\t': out += "\\t"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        default: out += c;
      }
    }
    return;
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void append_row(std::string& out, const std::vector<std::string>& cells, TableFormat f) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i) out += f == TableFormat::kTsv ? '\t' : ',';
    append_cell(out, cells[i], f);
  }
  out += '\n';
}

// The IRIs of a role, then their labels and QIDs in the same order.
void role(const Corpus& c, const std::vector<std::string>& iris, std::vector<std::string>& row) {
  std::vector<std::string> labels, qids;
  for (const std::string& i : iris) {
    const Entity& e = c.entity(i);
    labels.push_back(e.label);
    qids.push_back(e.qid);
  }
  row.push_back(join(iris));
  row.push_back(join(labels));
  row.push_back(join(qids));
}

}  // namespace

const std::vector<std::string>& table_columns() {
  static const std::vector<std::string> kColumns = {
      "article", "article_date", "event", "class", "date", "cameo", "plover", "rule",
      "agent", "agent_label", "agent_qid", "agent_represents", "agent_represents_label", "agent_represents_qid",
      "participants", "participant_labels", "participant_qids",
      "addressee", "addressee_label", "addressee_qid",
      "mediators", "mediator_labels", "mediator_qids",
      "place", "place_label", "place_qid",
      "content", "evidence", "begin", "end"};
  return kColumns;
}

void write_table(const Corpus& corpus, TableFormat format, std::string& out) {
  append_row(out, table_columns(), format);
  std::vector<std::string> row;
  for (const Event& e : corpus.events()) {
    row.clear();
    // Every article it was read from (several for a meeting several articles report), by
    // identifier, and their dates in the same order.
    std::vector<std::pair<std::string, std::string>> from;
    for (const std::string& iri : e.articles.empty() ? std::vector<std::string>{e.article} : e.articles) {
      auto a = corpus.articles().find(iri);
      from.emplace_back(corpus.article_id(iri), a == corpus.articles().end() ? "" : a->second.date);
    }
    std::sort(from.begin(), from.end());
    std::vector<std::string> ids, dates;
    for (auto& [id, date] : from) {
      ids.push_back(id);
      dates.push_back(date);
    }
    row.push_back(join(ids));
    row.push_back(join(dates));
    row.push_back(e.iri);
    row.push_back(class_name(e.cls));
    row.push_back(e.date);
    row.push_back(e.cameo);
    row.push_back(e.plover);
    row.push_back(e.rule);
    role(corpus, e.agents, row);
    role(corpus, e.agent_represents, row);
    role(corpus, e.participants, row);
    role(corpus, e.addressees, row);
    role(corpus, e.mediators, row);
    role(corpus, e.places, row);
    row.push_back(join(e.contents));
    row.push_back(e.evidence);
    row.push_back(e.begin < 0 ? "" : std::to_string(e.begin));
    row.push_back(e.end < 0 ? "" : std::to_string(e.end));
    append_row(out, row, format);
  }
}

}  // namespace parley::analysis
