#include "cli/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace parley::cli {
namespace {

TEST(Progress, DrawsNothingWhenNotLive) {
  std::ostringstream out;
  double t = 0;
  Progress p(out, 1000, /*live=*/false, [&] { return t; });
  t = 1;
  p.article(500, {1, 0, 2});
  p.file_done(1000);
  p.clear();
  EXPECT_EQ(out.str(), "");
  t = 2;
  EXPECT_EQ(p.summary(), "parley: 1 article in 2.0 s (0.0 MB, 0.00 MB/s): 1 meetings, 0 demands, 2 denials");
}

TEST(Progress, ShowsRateAndTimeLeftAndClearsItsLine) {
  std::ostringstream out;
  double t = 0;
  Progress p(out, 4'000'000, /*live=*/true, [&] { return t; });
  t = 1;
  p.article(1'000'000, {1, 0, 0});  // 1 MB in 1 s: 3 MB left, 3 s
  EXPECT_EQ(out.str(), "\rparley: 1 articles, 1.0/4.0 MB, 1.00 MB/s, ETA 0:03");
  t = 1.05;
  p.article(1'000'000, {0, 1, 0});  // within 0.1 s of the last draw: not redrawn
  EXPECT_EQ(out.str(), "\rparley: 1 articles, 1.0/4.0 MB, 1.00 MB/s, ETA 0:03");
  out.str("");
  p.failure();
  t = 2;
  p.file_done(4'000'000);  // the whole file is done: no time left
  EXPECT_EQ(out.str(), "\rparley: 2 articles, 4.0/4.0 MB, 2.00 MB/s, ETA 0:00, 1 failed");
  out.str("");
  p.clear();
  const std::string last = "parley: 2 articles, 4.0/4.0 MB, 2.00 MB/s, ETA 0:00, 1 failed";
  EXPECT_EQ(out.str(), "\r" + std::string(last.size(), ' ') + "\r");  // the whole line blanked
  EXPECT_EQ(p.summary(), "parley: 2 articles (1 failed) in 2.0 s (4.0 MB, 2.00 MB/s): 1 meetings, 1 demands, 0 denials");
}

}  // namespace
}  // namespace parley::cli
