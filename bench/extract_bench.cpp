// parley_extract_bench: parley's end-to-end extraction on one thread as a ratio of a plain
// RE2::Set trigger scan of the same records, and the writer's share, measured in one run.
//
//   build/parley_extract_bench --out /tmp/bench.nq ../shared/corpus/reuters21578.jsonl
//   serdi -i nquads -o nquads /tmp/bench.nq >/dev/null    # bench/throughput.sh times this
//
// Stages, each in CPU time of this thread (CLOCK_THREAD_CPUTIME_ID), on texts read beforehand:
//   re2-set   the denominator: one RE2::Set, one unanchored pattern per lexicon class of the
//             event rules (lexicon/classes.tsv: the lemmas of the class as whole words, no
//             letter on either side, case-insensitive), matched against every article, its
//             error result checked; best of --repeat runs
//   extract   pipeline::Pipeline::run of every article (sentences, words, tags, lemmas, the
//             parse, names, events, entities, the graph's quads), once
//   write     rdf::Writer::write_article of every graph and finish (the merge graph left out:
//             --no-merge), to --out in --format, once
// Prints one line per stage (CPU s, MB/s of article text, % of re2-set) and, with --tsv, the
// same as TSV. Exit status: 0 done, 1 an input or the mappings could not be read, 2 usage.
#include <re2/re2.h>
#include <re2/set.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "graph/builder.h"
#include "mappings/mappings.h"
#include "pipeline/pipeline.h"
#include "rdf/writer.h"
#include "syntax/model.h"
#include "text/reader.h"

namespace {

using namespace parley;

constexpr const char* kUsage =
    "Usage: parley_extract_bench [--model FILE] [--mappings DIR] [--max-articles N] [--repeat N]\n"
    "                            [--format nquads|ntriples|turtle|trig] [--out FILE] [--tsv FILE]\n"
    "                            [--scan-only]\n"
    "                            CORPUS.jsonl\n"
    "\n"
    "On one thread: a plain RE2::Set trigger scan of the articles (the denominator), parley's\n"
    "extraction of every article (with the parse) and the writing of its graphs (to --out,\n"
    "default /dev/null), each in CPU seconds, MB/s of article text and % of the scan;\n"
    "--scan-only: the scan alone (for a corpus too large to extract here).\n";

double thread_cpu() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// RE2 syntax for a literal lemma ("turn down" matches "turn down" and "turn  down").
std::string literal(const std::string& lemma) {
  std::string out;
  for (const char c : lemma) {
    if (c == ' ') {
      out += "\\s+";
    } else {
      if (std::strchr("\\.+*?()|[]{}^$", c)) out += '\\';
      out += c;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path = PARLEY_DEFAULT_MODEL, mappings_dir = PARLEY_DEFAULT_MAPPINGS, corpus, out = "/dev/null",
              tsv, format_name = "nquads";
  size_t max_articles = 0;
  int repeat = 3;
  bool scan_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "parley_extract_bench: error: %s needs a value\n%s", a.c_str(), kUsage);
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--help" || a == "-h") {
      std::fputs(kUsage, stdout);
      return 0;
    } else if (a == "--model") {
      model_path = value();
    } else if (a == "--mappings") {
      mappings_dir = value();
    } else if (a == "--out") {
      out = value();
    } else if (a == "--tsv") {
      tsv = value();
    } else if (a == "--format") {
      format_name = value();
    } else if (a == "--max-articles") {
      max_articles = std::strtoul(value().c_str(), nullptr, 10);
    } else if (a == "--scan-only") {
      scan_only = true;
    } else if (a == "--repeat") {
      repeat = std::max(1, std::atoi(value().c_str()));
    } else if (!a.empty() && a[0] == '-') {
      std::fprintf(stderr, "parley_extract_bench: error: unknown option %s\n%s", a.c_str(), kUsage);
      return 2;
    } else {
      corpus = a;
    }
  }
  if (corpus.empty()) {
    std::fprintf(stderr, "parley_extract_bench: error: no CORPUS given\n%s", kUsage);
    return 2;
  }
  Result<rdf::Format> format = rdf::parse_format(format_name);
  if (!format.ok()) {
    std::fprintf(stderr, "parley_extract_bench: error: %s\n", format.status().str().c_str());
    return 2;
  }

  std::vector<Diagnostic> errors;
  std::unique_ptr<mappings::Mappings> m = mappings::Mappings::load(mappings_dir, errors, {});
  if (!errors.empty()) {
    for (const Diagnostic& d : errors) std::fprintf(stderr, "%s\n", d.str().c_str());
    return 1;
  }
  Result<syntax::SyntaxModel> model = syntax::SyntaxModel::load(model_path);
  if (!model.ok()) {
    std::fprintf(stderr, "parley_extract_bench: error: %s\n", model.status().str().c_str());
    return 1;
  }

  // The trigger scan: one pattern per lexicon class, the lemmas sorted (a stable pattern).
  RE2::Options ro;
  ro.set_log_errors(false);
  ro.set_case_sensitive(false);
  ro.set_max_mem(int64_t{256} << 20);
  RE2::Set set(ro, RE2::UNANCHORED);
  std::vector<std::string> class_names;
  for (const auto& [cls, lemmas] : m->classes.members) class_names.push_back(cls);
  std::sort(class_names.begin(), class_names.end());
  for (const std::string& cls : class_names) {
    std::vector<std::string> ls(m->classes.members.at(cls).begin(), m->classes.members.at(cls).end());
    std::sort(ls.begin(), ls.end());
    // a whole word: no letter on either side (\b is ASCII-only in RE2)
    std::string pattern;
    for (const std::string& l : ls) pattern += (pattern.empty() ? "" : "|") + literal(l);
    pattern = "(?:^|[^\\p{L}])(?:" + pattern + ")(?:[^\\p{L}]|$)";
    std::string error;
    if (set.Add(pattern, &error) < 0) {
      std::fprintf(stderr, "parley_extract_bench: error: class %s: %s\n", cls.c_str(), error.c_str());
      return 1;
    }
  }
  if (!set.Compile()) {
    std::fprintf(stderr, "parley_extract_bench: error: the RE2::Set does not compile (memory)\n");
    return 1;
  }

  std::vector<text::Document> docs;
  text::read_input(corpus, text::ReadOptions{}, [&](text::Document&& d) {
    if (max_articles == 0 || docs.size() < max_articles) docs.push_back(std::move(d));
  }, [](const Diagnostic&) {});
  if (docs.empty()) {
    std::fprintf(stderr, "parley_extract_bench: error: %s: no articles read\n", corpus.c_str());
    return 1;
  }
  double bytes = 0;
  for (const text::Document& d : docs) bytes += static_cast<double>(d.text.size());

  // --- re2-set -------------------------------------------------------------------------------
  double scan = 0;
  uint64_t fired = 0;
  for (int r = 0; r < repeat; ++r) {
    fired = 0;
    std::vector<int> hits;
    const double c0 = thread_cpu();
    for (const text::Document& d : docs) {
      RE2::Set::ErrorInfo info{};
      if (!set.Match(d.text, &hits, &info) && info.kind != RE2::Set::kNoError) {
        std::fprintf(stderr, "parley_extract_bench: error: RE2::Set::Match failed (kind %d)\n",
                     static_cast<int>(info.kind));
        return 1;
      }
      fired += hits.size();
    }
    const double c = thread_cpu() - c0;
    if (r == 0 || c < scan) scan = c;
  }

  if (scan_only) {
    std::printf("re2-set: %zu articles, %.1f MB of text, %.3f s CPU, %.3f MB/s, %llu class hits\n", docs.size(),
                bytes / 1e6, scan, bytes / scan / 1e6, static_cast<unsigned long long>(fired));
    return 0;
  }

  // --- extract and write -------------------------------------------------------------------
  graph::BuildContext ctx;
  ctx.mappings_version = m->version;
  const pipeline::Pipeline pipe(*m, model.value(), ctx);
  Result<std::unique_ptr<rdf::Writer>> w = rdf::Writer::open(out, format.value());
  if (!w.ok()) {
    std::fprintf(stderr, "parley_extract_bench: error: %s\n", w.status().str().c_str());
    return 1;
  }
  double extract = 0, write = 0;
  uint64_t quads = 0;
  for (text::Document& d : docs) {
    const double c0 = thread_cpu();
    const graph::ArticleGraph g = pipe.run(d);
    const double c1 = thread_cpu();
    if (Status s = w.value()->write_article(g); !s.ok()) {
      std::fprintf(stderr, "parley_extract_bench: error: %s\n", s.str().c_str());
      return 1;
    }
    write += thread_cpu() - c1;
    extract += c1 - c0;
    quads += g.local.size() + g.entities.size();
  }
  const double f0 = thread_cpu();
  if (Status s = w.value()->finish(); !s.ok()) {
    std::fprintf(stderr, "parley_extract_bench: error: %s\n", s.str().c_str());
    return 1;
  }
  write += thread_cpu() - f0;

  std::printf("parley_extract_bench (%s build, one thread, CPU time): %zu articles, %.1f MB of text, "
              "%llu quads, %llu class hits\n",
              PARLEY_BUILD_TYPE, docs.size(), bytes / 1e6, static_cast<unsigned long long>(quads),
              static_cast<unsigned long long>(fired));
  std::printf("%-9s %9s %9s %10s\n", "stage", "CPU s", "MB/s", "% of scan");
  const struct {
    const char* name;
    double cpu;
  } rows[] = {{"re2-set", scan}, {"extract", extract}, {"write", write}, {"end2end", extract + write}};
  FILE* t = tsv.empty() ? nullptr : (tsv == "-" ? stdout : std::fopen(tsv.c_str(), "w"));
  if (t) std::fprintf(t, "stage\tcpu_s\tmb_per_s\tpercent_of_scan\tarticles\tbytes\n");
  for (const auto& r : rows) {
    const double mbps = bytes / r.cpu / 1e6, pct = 100.0 * scan / r.cpu;
    std::printf("%-9s %9.3f %9.3f %9.3f%%\n", r.name, r.cpu, mbps, pct);
    if (t) std::fprintf(t, "%s\t%.4f\t%.4f\t%.4f\t%zu\t%.0f\n", r.name, r.cpu, mbps, pct, docs.size(), bytes);
  }
  if (t && t != stdout) std::fclose(t);
  return 0;
}
