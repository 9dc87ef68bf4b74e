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
/// records of the same file are still delivered. Articles are delivered one at a time, so
/// memory does not grow with the size of the input file beyond the file itself.
#pragma once

#include <functional>
#include <optional>
#include <string>

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

/// Parses JSON Lines `bytes` read from `name`. Exposed for tests.
bool read_jsonl(const std::string& name, std::string bytes, const ReadOptions& options,
                const ArticleSink& on_article, const DiagnosticSink& on_diagnostic);

/// The headline of a text article: its first non-blank line when that line looks like one
/// (short, no sentence-final punctuation). Empty otherwise.
std::string guess_title(std::string_view text);

}  // namespace parley::text
