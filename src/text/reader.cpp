#include "text/reader.h"

#include <cctype>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/utf8.h"
#include "text/json_line.h"

namespace parley::text {
namespace {

using Severity = Diagnostic::Severity;

void emit(const DiagnosticSink& sink, Severity sev, std::string file, int line, int col,
          std::string msg) {
  sink(Diagnostic{sev, Location{std::move(file), line, col}, std::move(msg)});
}

bool blank(std::string_view s) {
  for (char c : s)
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v') return false;
  return true;
}

// Reads a whole file or stdin, at most `limit` bytes (`limit` + 1 read tells that there was
// more). Returns false (and says why) when it cannot.
bool slurp(const std::string& path, size_t limit, std::string& out, std::string& why) {
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) { why = "is a directory, not a file"; return false; }
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) { why = std::string("cannot open: ") + std::strerror(errno); return false; }
  char buf[1 << 16];
  size_t n;
  bool err = false;
  try {
    while (out.size() <= limit && (n = std::fread(buf, 1, std::min(sizeof buf, limit + 1 - out.size()), f)) > 0)
      out.append(buf, n);
    err = std::ferror(f) != 0;
  } catch (const std::bad_alloc&) {
    why = "out of memory reading it";
    err = true;
  }
  if (f != stdin) std::fclose(f);
  if (err) {
    if (why.empty()) why = path == "-" ? "cannot read standard input" : "read error";
    out.clear();
    return false;
  }
  return true;
}

// Repairs UTF-8, warning once per replaced sequence (at most a few, then a count).
std::string repaired(const std::string& name, const std::string& bytes, const DiagnosticSink& sink) {
  Utf8Repair r = repair_utf8(bytes);
  const size_t kShown = 5;
  for (size_t k = 0; k < r.replaced.size() && k < kShown; ++k) {
    const LineCol lc = line_col(bytes, r.replaced[k]);
    emit(sink, Severity::kWarning, name, lc.line, lc.column,
         "invalid UTF-8 byte sequence replaced by U+FFFD");
  }
  if (r.replaced.size() > kShown)
    emit(sink, Severity::kWarning, name, 0, 0,
         std::to_string(r.replaced.size() - kShown) + " more invalid UTF-8 sequences replaced");
  return std::move(r.text);
}

bool check_binary(const std::string& name, const std::string& bytes, const DiagnosticSink& sink) {
  const size_t nul = bytes.find('\0');
  if (nul == std::string::npos) return true;
  const LineCol lc = line_col(bytes, nul);
  emit(sink, Severity::kError, name, lc.line, lc.column,
       "binary file (NUL byte); expected UTF-8 text");
  return false;
}

// "a number", "an object", "null": a JSON type name as a message says it.
std::string a_type(const std::string& type) {
  if (type == "null") return type;
  return (type == "array" || type == "object" ? "an " : "a ") + type;
}

bool is_jsonl(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".jsonl" || ext == ".ndjson";
}

// What the extension of a file says parley cannot read as an article: "" when nothing (plain
// text, whatever the extension), else why. Reading a .json, .csv or .pdf file as plain text
// would turn markup into "sentences" without a word of warning.
std::string unreadable_kind(const std::string& path) {
  std::string ext = std::filesystem::path(path).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".json")
    return "a .json file is not read: parley reads JSON Lines (.jsonl, one {\"id\": ..., \"text\": ...} object "
           "per line); put one record per line and name the file .jsonl";
  if (ext == ".csv" || ext == ".tsv")
    return "a " + ext + " file is not read: parley reads plain-text articles (.txt) and JSON Lines (.jsonl, one "
           "{\"id\": ..., \"text\": ...} object per line); convert the table to JSON Lines";
  static const char* kOther[] = {".xml", ".html", ".htm", ".pdf", ".doc", ".docx", ".odt", ".rtf", ".gz", ".bz2",
                                 ".xz", ".zst", ".zip", ".tar", ".7z", ".ttl", ".nt", ".nq", ".trig", ".rdf",
                                 ".jsonld", ".conllu"};
  for (const char* k : kOther)
    if (ext == k)
      return "a " + ext + " file is not read: parley reads plain-text articles (.txt) and JSON Lines (.jsonl); "
             "extract the text first";
  return "";
}

}  // namespace

std::string guess_title(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    size_t e = text.find('\n', i);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(i, e - i);
    if (!blank(line)) {
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t'))
        line.remove_suffix(1);
      if (e == text.size() || line.size() > 200) return "";
      const char last = line.back();
      if (last == '.' || last == ',' || last == ';' || last == ':') return "";
      return std::string(line);
    }
    i = e + 1;
  }
  return "";
}

bool read_text_article(const std::string& name, const std::string& id, std::string bytes,
                       const ReadOptions& options, const ArticleSink& on_article,
                       const DiagnosticSink& on_diagnostic) {
  // A leading byte order mark is no part of the article (offsets count from after it).
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.erase(0, 3);
  if (!check_binary(name, bytes, on_diagnostic)) return false;
  if (blank(bytes)) {
    emit(on_diagnostic, Severity::kError, name, 1, 0, "empty article (no text)");
    return false;
  }
  Document d;
  d.id = id;
  d.source = name;
  d.text = repaired(name, bytes, on_diagnostic);
  d.title = guess_title(d.text);
  d.date = options.date;
  on_article(std::move(d));
  return true;
}

JsonlStream::JsonlStream(const std::string& name, const ReadOptions& options, const ArticleSink& on_article,
                         const DiagnosticSink& on_diagnostic)
    : name_(name), options_(options), on_article_(on_article), on_diagnostic_(on_diagnostic) {}

void JsonlStream::feed(std::string_view chunk) {
  buf_.append(chunk);
  drain(/*eof=*/false);
}

bool JsonlStream::finish() {
  drain(/*eof=*/true);
  if (!seen_content_) {
    emit(on_diagnostic_, Severity::kError, name_, 1, 0, "empty file (no JSON Lines records)");
    return false;
  }
  if (utf8_repairs_ > kShownRepairs)
    emit(on_diagnostic_, Severity::kWarning, name_, 0, 0,
         std::to_string(utf8_repairs_ - kShownRepairs) + " more invalid UTF-8 sequences replaced");
  return ok_;
}

void JsonlStream::drain(bool eof) {
  size_t i = 0;
  if (!bom_checked_) {
    if (buf_.size() < 3 && !eof) return;
    // A leading byte order mark is accepted (some editors write one); columns on the first
    // line still count its three bytes.
    bom_ = buf_.compare(0, 3, "\xEF\xBB\xBF") == 0;
    if (bom_) i = 3;
    bom_checked_ = true;
  }
  // (the bytes of an unfinished record scanned by the last call hold no line end)
  size_t from = std::max(i, scanned_);
  for (;;) {
    // A CRLF split between two chunks is one line end.
    if (after_cr_ && i < buf_.size()) {
      if (buf_[i] == '\n') ++i;
      after_cr_ = false;
    }
    // Records end at LF, CRLF or a lone CR: raw CR and LF cannot occur inside a JSON string.
    const size_t e = buf_.find_first_of("\r\n", std::max(i, from));
    from = 0;
    if (e == std::string::npos) {
      if (!skipping_ && buf_.size() - i > options_.max_article_bytes) too_long();
      if (skipping_) i = buf_.size();  // the rest of a record too long to hold
      if (eof && i < buf_.size()) {
        line(std::string_view(buf_).substr(i));
        i = buf_.size();
      }
      break;
    }
    if (skipping_) {
      skipping_ = false;
    } else {
      line(std::string_view(buf_).substr(i, e - i));
    }
    i = e + 1;
    if (buf_[e] == '\r') {
      if (i < buf_.size()) {
        if (buf_[i] == '\n') ++i;
      } else {
        after_cr_ = true;
      }
    }
  }
  buf_.erase(0, i);
  scanned_ = buf_.size();
}

void JsonlStream::too_long() {
  ++line_no_;
  seen_content_ = true;
  ok_ = false;
  skipping_ = true;
  emit(on_diagnostic_, Severity::kError, name_, line_no_, 1 + shift(),
       "JSON Lines record longer than the limit of " + std::to_string(options_.max_article_bytes) +
           " bytes (--max-article-bytes); record skipped");
}

void JsonlStream::line(std::string_view line) {
  ++line_no_;
  if (blank(line)) return;
  seen_content_ = true;
  const int shift = this->shift();
  // Diagnostics about this record, at a 1-based byte column of its line.
  auto report = [&](Severity sev, int col, std::string msg) {
    emit(on_diagnostic_, sev, name_, line_no_, col + shift, std::move(msg));
    if (sev == Severity::kError) ok_ = false;
  };
  if (line.size() > options_.max_article_bytes) {
    report(Severity::kError, 1,
           "JSON Lines record longer than the limit of " + std::to_string(options_.max_article_bytes) +
               " bytes (--max-article-bytes); record skipped");
    return;
  }
  // Records are parsed from the bytes as read, so that every column counts the bytes of the
  // file; invalid UTF-8 is reported here (at its line and column, which does not count the
  // byte order mark) and each string is repaired once parsed (a repair never touches the
  // quotes, backslashes and newlines JSON is made of).
  if (!is_valid_utf8(line)) {
    const Utf8Repair r = repair_utf8(line);
    for (size_t off : r.replaced)
      if (++utf8_repairs_ <= kShownRepairs)
        emit(on_diagnostic_, Severity::kWarning, name_, line_no_, line_col(line, off).column,
             "invalid UTF-8 byte sequence replaced by U+FFFD");
  }
  // A NUL byte makes this record binary, not the file: the other records are still read.
  if (const size_t nul = line.find('\0'); nul != std::string_view::npos) {
    report(Severity::kError, static_cast<int>(nul) + 1,
           "NUL byte in a JSON Lines record; expected UTF-8 text; record skipped");
    return;
  }
  Result<JsonRecord> rec = parse_json_object(line);
  if (!rec.ok()) {
    report(Severity::kError, rec.status().where().column,
           "malformed JSON Lines record: " + rec.status().message() + "; record skipped");
    return;
  }
  // The column of a member's value, or of the record when it has no such member.
  auto column = [&](const char* field) {
    auto c = rec->columns.find(field);
    return c == rec->columns.end() ? 1 : c->second;
  };
  auto missing = [&](const char* field) {
    std::string msg = std::string("JSON Lines record has no string member \"") + field + "\"";
    auto other = rec->others.find(field);
    if (other != rec->others.end()) msg += " (found " + a_type(other->second) + ")";
    report(Severity::kError, column(field), msg + "; record skipped");
  };
  if (!rec->has_string("id")) return missing("id");
  if (rec->strings["id"].empty()) {
    report(Severity::kError, column("id"), "JSON Lines record has an empty \"id\"; record skipped");
    return;
  }
  if (!rec->has_string("text")) return missing("text");
  for (auto& [key, value] : rec->strings)
    if (!is_valid_utf8(value)) value = repair_utf8(value).text;
  Document d;
  d.id = rec->strings["id"];
  d.text = std::move(rec->strings["text"]);
  if (blank(d.text)) {
    report(Severity::kError, column("text"),
           "JSON Lines record \"" + d.id + "\" has an empty text; record skipped");
    return;
  }
  if (rec->lone_surrogates)
    report(Severity::kWarning, rec->lone_surrogate_column, "unpaired surrogate escape replaced by U+FFFD");
  // Optional members of another type are ignored, and said so.
  for (const char* field : {"title", "url", "date", "category"}) {
    auto other = rec->others.find(field);
    if (other != rec->others.end())
      report(Severity::kWarning, column(field),
             std::string("ignoring \"") + field + "\": expected a string, found " + a_type(other->second));
  }
  d.title = rec->has_string("title") ? rec->strings["title"] : "";
  d.url = rec->has_string("url") ? rec->strings["url"] : "";
  d.category = rec->has_string("category") ? rec->strings["category"] : "";
  d.source = name_;
  d.line = line_no_;
  // the record's own date wins; --date fills the records that have none
  if (rec->has_string("date") && !rec->strings["date"].empty()) {
    d.date = Date::parse_iso(rec->strings["date"]);
    if (!d.date)
      report(Severity::kWarning, column("date"),
             "ignoring \"date\": expected a date YYYY-MM-DD from 0001-01-01 to 9999-12-31, found \"" +
                 rec->strings["date"] + "\"");
  }
  if (!d.date) d.date = options_.date;
  on_article_(std::move(d));
}

namespace {

// Reads a JSON Lines file or stdin in chunks of kChunk bytes into `stream`. Returns false (and
// says why) when it cannot open or read it; `utf16` when it starts with a UTF-16 byte order mark.
bool stream_jsonl(const std::string& path, JsonlStream& stream, bool& utf16, std::string& why) {
  constexpr size_t kChunk = size_t{1} << 20;
  std::error_code ec;
  if (path != "-" && std::filesystem::is_directory(path, ec)) { why = "is a directory, not a file"; return false; }
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) { why = std::string("cannot open: ") + std::strerror(errno); return false; }
  std::string chunk(kChunk, '\0');
  bool first = true, err = false;
  size_t n;
  while ((n = std::fread(chunk.data(), 1, kChunk, f)) > 0) {
    if (first && n >= 2 && (chunk.compare(0, 2, "\xFF\xFE") == 0 || chunk.compare(0, 2, "\xFE\xFF") == 0)) {
      utf16 = true;
      break;
    }
    first = false;
    stream.feed(std::string_view(chunk.data(), n));
  }
  err = std::ferror(f) != 0;
  if (f != stdin) std::fclose(f);
  if (err) why = path == "-" ? "cannot read standard input" : "read error";
  return !err;
}

}  // namespace

bool read_jsonl(const std::string& name, std::string bytes, const ReadOptions& options,
                const ArticleSink& on_article, const DiagnosticSink& on_diagnostic) {
  JsonlStream stream(name, options, on_article, on_diagnostic);
  stream.feed(bytes);
  return stream.finish();
}

bool read_input(const std::string& path, const ReadOptions& options, const ArticleSink& on_article,
                const DiagnosticSink& on_diagnostic) {
  std::string bytes, why;
  const std::string name = path == "-" ? "<stdin>" : path;
  const bool jsonl = path != "-" && is_jsonl(path);
  if (path != "-")
    if (std::string why_not = unreadable_kind(path); !why_not.empty()) {
      emit(on_diagnostic, Severity::kError, name, 0, 0, why_not);
      return false;
    }
  // A JSON Lines file holds many articles: it is read in chunks, and a record is held to the
  // limit, never the file.
  if (jsonl) {
    JsonlStream stream(name, options, on_article, on_diagnostic);
    bool utf16 = false;
    if (!stream_jsonl(path, stream, utf16, why)) {
      emit(on_diagnostic, Severity::kError, name, 0, 0, why);
      return false;
    }
    if (utf16) {
      emit(on_diagnostic, Severity::kError, name, 1, 1, "UTF-16 text (byte order mark); expected UTF-8");
      return false;
    }
    return stream.finish();
  }
  if (!slurp(path, options.max_article_bytes, bytes, why)) {
    emit(on_diagnostic, Severity::kError, name, 0, 0, why);
    return false;
  }
  // UTF-16 would otherwise be called binary (its NULs) with no word on what it is.
  if (bytes.compare(0, 2, "\xFF\xFE") == 0 || bytes.compare(0, 2, "\xFE\xFF") == 0) {
    emit(on_diagnostic, Severity::kError, name, 1, 1, "UTF-16 text (byte order mark); expected UTF-8");
    return false;
  }
  if (bytes.size() > options.max_article_bytes) {
    emit(on_diagnostic, Severity::kError, name, 0, 0,
         "article longer than the limit of " + std::to_string(options.max_article_bytes) +
             " bytes (--max-article-bytes); skipped");
    return false;
  }
  const std::string id =
      path == "-" ? options.stdin_id : std::filesystem::path(path).filename().string();
  return read_text_article(name, id, std::move(bytes), options, on_article, on_diagnostic);
}

}  // namespace parley::text
