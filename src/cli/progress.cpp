#include "cli/progress.h"

#include <chrono>
#include <cstdio>

namespace parley::cli {

namespace {

std::string mb(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", static_cast<double>(bytes) / 1e6);
  return buf;
}

std::string duration(double s) {
  if (s < 0) s = 0;
  const auto t = static_cast<long long>(s + 0.5);
  char buf[32];
  if (t >= 3600)
    std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", t / 3600, t / 60 % 60, t % 60);
  else
    std::snprintf(buf, sizeof buf, "%lld:%02lld", t / 60, t % 60);
  return buf;
}

}  // namespace

Progress::Progress(std::ostream& out, uint64_t total_bytes, bool live, Clock clock)
    : out_(out), total_(total_bytes), live_(live), clock_(std::move(clock)) {
  start_ = now();
}

double Progress::now() const {
  if (clock_) return clock_();
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void Progress::article(uint64_t bytes, const std::array<size_t, 3>& events) {
  ++articles_;
  in_file_ += bytes;
  for (size_t i = 0; i < 3; ++i) events_[i] += events[i];
  draw(false);
}

void Progress::file_done(uint64_t file_bytes) {
  done_files_ += file_bytes;
  in_file_ = 0;
  draw(false);
}

void Progress::draw(bool force) {
  if (!live_) return;
  const double t = now();
  if (!force && last_draw_ >= 0 && t - last_draw_ < 0.1) return;
  last_draw_ = t;
  uint64_t done = done_files_ + in_file_;
  if (total_ && done > total_) done = total_;
  const double secs = t - start_;
  const double rate = secs > 0 ? static_cast<double>(done) / 1e6 / secs : 0;
  std::string line = "parley: " + std::to_string(articles_) + " articles, " + mb(done) + (total_ ? "/" + mb(total_) : "") +
                     " MB";
  if (rate > 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, ", %.2f MB/s", rate);
    line += buf;
    if (total_ && done > 0) line += ", ETA " + duration(static_cast<double>(total_ - done) / 1e6 / rate);
  }
  if (failures_) line += ", " + std::to_string(failures_) + " failed";
  const size_t width = line.size();
  if (width < shown_) line += std::string(shown_ - width, ' ');
  shown_ = width;
  out_ << '\r' << line << std::flush;
}

void Progress::clear() {
  if (!live_ || shown_ == 0) return;
  out_ << '\r' << std::string(shown_, ' ') << '\r' << std::flush;
  shown_ = 0;
  last_draw_ = -1;  // draw again at the next article
}

std::string Progress::summary() const {
  const double secs = now() - start_;
  const uint64_t bytes = done_files_ + in_file_;
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.1f s (%s MB, %.2f MB/s)", secs, mb(bytes).c_str(),
                secs > 0 ? static_cast<double>(bytes) / 1e6 / secs : 0.0);
  std::string s = "parley: " + std::to_string(articles_) + (articles_ == 1 ? " article" : " articles");
  if (failures_) s += " (" + std::to_string(failures_) + " failed)";
  s += std::string(" in ") + buf + ": " + std::to_string(events_[0]) + " meetings, " + std::to_string(events_[1]) +
       " demands, " + std::to_string(events_[2]) + " denials";
  return s;
}

}  // namespace parley::cli
