/// The progress line and the end-of-run summary of `parley extract`.
///
///   Progress p(std::cerr, total_input_bytes, /*live=*/isatty(2));
///   p.article(doc.text.size(), counts);   // redraws "parley: 120 articles, 1.3/5.2 MB, ..." on a terminal
///   p.clear();                            // before printing any other message
///   std::cerr << p.summary(...) << "\n";  // one line at the end
///
/// The line is redrawn at most ten times a second, with a carriage return, and only when
/// `live`; nothing is written otherwise (a pipe or a file gets no progress). Bytes are those
/// of the article texts, and of whole input files once each is done, so the rate and the ETA
/// are estimates. Not thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace parley::cli {

class Progress {
 public:
  using Clock = std::function<double()>;  ///< seconds since some fixed time
  /// `total_bytes`: the sum of the input files' sizes (0 when unknown: no ETA).
  Progress(std::ostream& out, uint64_t total_bytes, bool live, Clock clock = {});

  /// One article read, of `bytes` bytes of text, with `events` meetings, demands, denials.
  void article(uint64_t bytes, const std::array<size_t, 3>& events);
  /// One input file finished; `file_bytes` is its size (replaces the estimate from its texts).
  void file_done(uint64_t file_bytes);
  /// One input (file or record) failed.
  void failure() { ++failures_; }
  /// Erases the progress line, if one is shown, so that a message can be printed.
  void clear();
  /// "parley: 12 articles (1 failed) in 3.1 s (2.0 MB, 0.65 MB/s): 5 meetings, 2 demands, 0 denials"
  std::string summary() const;

  size_t articles() const { return articles_; }

 private:
  void draw(bool force);
  double now() const;

  std::ostream& out_;
  uint64_t total_;
  bool live_;
  Clock clock_;
  double start_ = 0, last_draw_ = -1;
  uint64_t done_files_ = 0, in_file_ = 0;  // bytes of finished files; of texts in the current one
  size_t articles_ = 0, failures_ = 0;
  std::array<size_t, 3> events_{};
  size_t shown_ = 0;  // width of the line on screen
};

}  // namespace parley::cli
