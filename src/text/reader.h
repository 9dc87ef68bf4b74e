/// Reads articles from the inputs parley accepts: a text file (one article), a JSON Lines file
/// (one article per line: `id`, `text`, optional `date`, `title`, `url`) or `-` for stdin.
///
///   ReadOptions opts;  opts.date = Date::parse_iso("2023-03-01");
///   bool ok = read_input("news.jsonl", opts,
///                        [&](Document&& d) { pipeline.run(d); },
///                        [&](const Diagnostic& g) { report(g); });
///
/// Text is repaired to valid UTF-8 (each repair is a warning naming file:line:col); a leading
/// UTF-8 byte order mark is dropped, UTF-16 is an error. An
/// unreadable, empty or binary file, and a malformed JSON Lines record, are errors; the other
/// records of the same file are still delivered. Articles are delivered one at a time; a JSON
/// Lines file is read in chunks of 1 MiB and split into records as it streams, so memory
/// depends on the longest record (at most --max-article-bytes), not on the file.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"
#include "text/document.h"

namespace parley::text {

struct ReadOptions {
  std::string stdin_id = "stdin";   ///< identifier of the article read from `-`
  std::optional<Date> date;         ///< --date: the date of an article whose input gives none (a JSON Lines record's `date` wins)
  /// --max-article-bytes: a longer text article (file or stdin, read no further than this, so
  /// that /dev/zero ends in an error, not in exhausted memory) or JSON Lines record is an
  /// error of its own; the other articles are still read.
  size_t max_article_bytes = size_t{64} << 20;
};

using ArticleSink = std::function<void(Document&&)>;
using DiagnosticSink = std::function<void(const Diagnostic&)>;

/// Reads `path` ("-" is stdin). Returns false when any error was reported for this input.
bool read_input(const std::string& path, const ReadOptions& options, const ArticleSink& on_article,
                const DiagnosticSink& on_diagnostic);

/// Parses the article text of `bytes` read from `name` (used for stdin and files alike).
/// Exposed for tests.
bool read_text_article(const std::string& name, const std::string& id, std::string bytes,
                       const ReadOptions& options, const ArticleSink& on_article,
                       const DiagnosticSink& on_diagnostic);

/// Splits JSON Lines fed in chunks of any size (a record may span chunks, a CRLF may be split)
/// into records, and delivers each one as its line ends, with the same diagnostics as
/// `read_jsonl`. Holds only the unfinished record; a record longer than
/// `options.max_article_bytes` is reported and skipped as it streams past, never held.
/// `name`, `options` and the sinks must outlive it.
///
///   JsonlStream s("news.jsonl", opts, on_article, on_diagnostic);
///   while (n = fread(buf, ...)) s.feed({buf, n});
///   bool ok = s.finish();   // the last record, then "empty file" or the count of repairs
class JsonlStream {
 public:
  JsonlStream(const std::string& name, const ReadOptions& options, const ArticleSink& on_article,
              const DiagnosticSink& on_diagnostic);
  void feed(std::string_view chunk);
  /// Delivers a last record without a line end. False when any error was reported.
  bool finish();

 private:
  static constexpr size_t kShownRepairs = 5;  // invalid UTF-8 warnings shown; the rest counted
  void drain(bool eof);
  void too_long();
  void line(std::string_view line);
  int shift() const { return line_no_ == 1 && bom_ ? 3 : 0; }

  const std::string& name_;
  const ReadOptions& options_;
  const ArticleSink& on_article_;
  const DiagnosticSink& on_diagnostic_;
  std::string buf_;  // bytes not yet split into records
  size_t scanned_ = 0;  // how many of them are known to hold no line end
  int line_no_ = 0;
  bool bom_checked_ = false, bom_ = false, after_cr_ = false, skipping_ = false;
  bool seen_content_ = false, ok_ = true;
  size_t utf8_repairs_ = 0;
};

/// Parses JSON Lines `bytes` read from `name` (a JsonlStream fed once). Exposed for tests.
bool read_jsonl(const std::string& name, std::string bytes, const ReadOptions& options,
                const ArticleSink& on_article, const DiagnosticSink& on_diagnostic);

/// The headline of a text article: its first non-blank line when that line looks like one
/// (short, no sentence-final punctuation). Empty otherwise.
std::string guess_title(std::string_view text);

}  // namespace parley::text
