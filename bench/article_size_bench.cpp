/// parley_article_size_bench: holds extraction time per MB flat from 10 kB to 10 MB articles.
///
///   build/parley_article_size_bench ../shared/corpus/bbc.jsonl
///   build/parley_article_size_bench --sizes 10000,1000000 --total 2000000 corpus.jsonl
///
/// The corpus's article texts are joined into one stream; for each size the first `--total`
/// bytes of it (10 MB by default) are cut, at paragraph ends, into consecutive articles of that
/// size, and each article is run through the whole pipeline (sentences, tags, parse, names,
/// events, entities, graph) and written as N-Quads to memory. Every size reads the same text, so
/// the time per MB differs only by how the articles are cut. It prints, per size, the CPU time
/// (CLOCK_PROCESS_CPUTIME_ID: time spent waiting for a shared core does not count), the time per
/// MB, the steps over mentions per MB (core/work_counter.h) and the time per MB as a multiple of
/// the smallest size's; the last line is the largest size's multiple against the bar (2x).
/// Loading the model and the mappings is not timed.
#include <time.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/work_counter.h"
#include "mappings/mappings.h"
#include "pipeline/pipeline.h"
#include "rdf/writer.h"
#include "syntax/model.h"
#include "text/reader.h"

namespace {

using namespace parley;

const char kUsage[] =
    "usage: parley_article_size_bench [--model FILE] [--mappings DIR] [--sizes N,N,...] [--total N] CORPUS\n"
    "  CORPUS   a JSON Lines corpus (its text fields are joined) or a text file\n"
    "  --sizes  article sizes in bytes (default 10000,100000,1000000,10000000)\n"
    "  --total  bytes of text read at every size (default 10000000; at least the largest size)\n";

double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

bool parse_sizes(const std::string& s, std::vector<size_t>& out) {
  size_t at = 0;
  while (at <= s.size()) {
    const size_t comma = std::min(s.find(',', at), s.size());
    const std::string n = s.substr(at, comma - at);
    if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 12) return false;
    out.push_back(static_cast<size_t>(std::stoull(n)));
    if (out.back() == 0) return false;
    at = comma + 1;
  }
  return !out.empty();
}

// Consecutive articles of about `size` bytes from the start of `stream`, `total` bytes in all,
// each cut at the last paragraph end before its size (or at the size when there is none).
std::vector<std::string> cut(const std::string& stream, size_t size, size_t total) {
  std::vector<std::string> out;
  size_t at = 0;
  const size_t end = std::min(total, stream.size());
  while (at < end) {
    size_t stop = std::min(at + size, end);
    if (stop < end) {
      const size_t para = stream.rfind("\n\n", stop);
      if (para != std::string::npos && para > at) stop = para + 2;
    }
    out.push_back(stream.substr(at, stop - at));
    at = stop;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = PARLEY_DEFAULT_MODEL, mappings_dir = PARLEY_DEFAULT_MAPPINGS, corpus;
  std::vector<size_t> sizes;
  size_t total = 10000000;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool has_value = i + 1 < argc;
    if (a == "--model" && has_value) {
      model_path = argv[++i];
    } else if (a == "--mappings" && has_value) {
      mappings_dir = argv[++i];
    } else if (a == "--sizes" && has_value) {
      if (!parse_sizes(argv[++i], sizes)) {
        std::fprintf(stderr, "parley_article_size_bench: error: --sizes: expected byte counts above 0 joined by ','\n%s", kUsage);
        return 2;
      }
    } else if (a == "--total" && has_value) {
      std::vector<size_t> t;
      if (!parse_sizes(argv[++i], t) || t.size() != 1) {
        std::fprintf(stderr, "parley_article_size_bench: error: --total: expected a byte count above 0\n%s", kUsage);
        return 2;
      }
      total = t.front();
    } else if (a == "-h" || a == "--help") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (!a.empty() && a[0] != '-' && corpus.empty()) {
      corpus = a;
    } else {
      std::fprintf(stderr, "parley_article_size_bench: error: unexpected argument \"%s\"\n%s", a.c_str(), kUsage);
      return 2;
    }
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "parley_article_size_bench: error: no corpus given\n%s", kUsage);
    return 2;
  }
  if (sizes.empty()) sizes = {10000, 100000, 1000000, 10000000};
  for (size_t s : sizes) total = std::max(total, s);

  std::vector<Diagnostic> errors;
  std::unique_ptr<mappings::Mappings> m = mappings::Mappings::load(mappings_dir, errors, {});
  if (!errors.empty()) {
    for (const Diagnostic& d : errors) std::fprintf(stderr, "%s\n", d.str().c_str());
    std::fprintf(stderr, "parley_article_size_bench: error: the mappings in %s have errors\n", mappings_dir.c_str());
    return 1;
  }
  Result<syntax::SyntaxModel> model = syntax::SyntaxModel::load(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "parley_article_size_bench: error: %s\n", model.status().str().c_str());
    return 1;
  }
  // The stream: every article's text, paragraph after paragraph, repeated until it holds
  // `total` bytes.
  std::string stream;
  text::ReadOptions ropts;
  ropts.max_article_bytes = static_cast<size_t>(1) << 40;
  bool read_failed = false;
  text::read_input(corpus, ropts, [&](text::Document&& d) { stream += d.text + "\n\n"; },
                   [&](const Diagnostic& d) {
                     if (d.severity == Diagnostic::Severity::kError) read_failed = true;
                     std::fprintf(stderr, "%s\n", d.str().c_str());
                   });
  if (read_failed || stream.empty()) {
    std::fprintf(stderr, "parley_article_size_bench: error: could not read a text from %s\n", corpus.c_str());
    return 1;
  }
  const std::string once = stream;
  while (stream.size() < total) stream += once;
  stream.resize(total);

  graph::BuildContext ctx;
  ctx.mappings_version = m->version;
  const pipeline::Pipeline pipe(*m, model.value(), ctx);
  std::printf("parley_article_size_bench (%s build): %s, %.1f MB of text at every size\n", PARLEY_BUILD_TYPE,
              corpus.c_str(), static_cast<double>(total) / 1e6);
  std::printf("%12s %9s %10s %10s %14s %9s\n", "article", "articles", "CPU s", "s/MB", "steps/MB", "x smallest");
  double first_per_mb = 0, last_per_mb = 0;
  for (size_t size : sizes) {
    const std::vector<std::string> articles = cut(stream, size, total);
    size_t bytes = 0, quads = 0;
    reset_mention_steps();
    const double t0 = cpu_seconds();
    for (size_t i = 0; i < articles.size(); ++i) {
      text::Document doc;
      doc.id = "bench-" + std::to_string(size) + "-" + std::to_string(i);
      doc.text = articles[i];
      doc.date = text::Date{2005, 1, 1};
      bytes += doc.text.size();
      const graph::ArticleGraph g = pipe.run(doc);
      std::string nq;
      const std::unique_ptr<rdf::Writer> w = rdf::Writer::to_string(&nq, rdf::Format::kNQuads);
      if (Status s = w->write_article(g); !s.ok() || !(s = w->finish()).ok()) {
        std::fprintf(stderr, "parley_article_size_bench: error: %s\n", s.str().c_str());
        return 1;
      }
      quads += nq.size();
    }
    const double cpu = cpu_seconds() - t0;
    const double mb = static_cast<double>(bytes) / 1e6;
    const double per_mb = cpu / mb;
    if (first_per_mb == 0) first_per_mb = per_mb;
    last_per_mb = per_mb;
    std::printf("%12zu %9zu %10.2f %10.3f %14.0f %9.2f   (%zu bytes of N-Quads)\n", size, articles.size(), cpu, per_mb,
                static_cast<double>(mention_steps()) / mb, per_mb / first_per_mb, quads);
    std::fflush(stdout);
  }
  const double ratio = last_per_mb / first_per_mb;
  std::printf("time per MB of a %zu-byte article: %.2fx that of a %zu-byte article (bar: within 2x, %s)\n",
              sizes.back(), ratio, sizes.front(), ratio <= 2.0 ? "met" : "NOT met");
  return 0;
}
