// Fuzzes the whole pipeline on one article: the bytes are read as a text file would be
// (text/reader: BOM, NUL, UTF-8 repair), run through every stage with the shipped model and
// mappings, and the graph is written as N-Quads and Turtle. Invariants: nothing crashes or reads
// out of bounds (ASan, UBSan); serd's own reader reads both outputs back without an error; every
// node with evidence has offsets inside the text, and the text between them is its evidence.
#include <serd/serd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "graph/vocab.h"
#include "mappings/mappings.h"
#include "pipeline/pipeline.h"
#include "rdf/writer.h"
#include "syntax/model.h"
#include "text/reader.h"

namespace {

using namespace parley;

void check(bool ok) {
  if (!ok) std::abort();  // libFuzzer reports the input that broke the invariant
}

struct Loaded {
  std::unique_ptr<mappings::Mappings> m;
  syntax::SyntaxModel model;
  std::unique_ptr<pipeline::Pipeline> pipe;
};
Loaded* loaded = nullptr;

// Reads `out` with serd's reader in strict mode; false on any error it reports.
bool serd_reads(const std::string& out, rdf::Format f) {
  struct Count {
    size_t statements = 0, errors = 0;
  } count;
  SerdReader* reader = serd_reader_new(
      f == rdf::Format::kTurtle ? SERD_TURTLE : SERD_NQUADS, &count, nullptr, nullptr, nullptr,
      [](void* handle, SerdStatementFlags, const SerdNode*, const SerdNode*, const SerdNode*, const SerdNode*,
         const SerdNode*, const SerdNode*) {
        ++static_cast<Count*>(handle)->statements;
        return SERD_SUCCESS;
      },
      nullptr);
  if (!reader) return false;
  serd_reader_set_strict(reader, true);
  serd_reader_set_error_sink(
      reader, [](void* handle, const SerdError*) {
        ++static_cast<Count*>(handle)->errors;
        return SERD_SUCCESS;
      },
      &count);
  const SerdStatus st = serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(out.c_str()));
  serd_reader_free(reader);
  return st == SERD_SUCCESS && count.errors == 0 && count.statements > 0;
}

// For every node with parley:evidence: both offsets, inside the text, and the text between them
// is the evidence.
void check_evidence(const std::string& text, const graph::ArticleGraph& g) {
  struct Span {
    const std::string* evidence = nullptr;
    const std::string* begin = nullptr;
    const std::string* end = nullptr;
  };
  std::map<std::string, Span> spans;
  for (const graph::Quad& q : g.local) {
    if (q.p.value == vocab::kEvidence) spans[q.s.value].evidence = &q.o.value;
    if (q.p.value == vocab::kBeginOffset) spans[q.s.value].begin = &q.o.value;
    if (q.p.value == vocab::kEndOffset) spans[q.s.value].end = &q.o.value;
  }
  for (const auto& [node, s] : spans) {
    check(s.evidence && s.begin && s.end);
    check(!s.begin->empty() && s.begin->size() <= 12 && s.begin->find_first_not_of("0123456789") == std::string::npos);
    check(!s.end->empty() && s.end->size() <= 12 && s.end->find_first_not_of("0123456789") == std::string::npos);
    const size_t b = std::stoull(*s.begin), e = std::stoull(*s.end);
    check(b <= e && e <= text.size());
    check(text.compare(b, e - b, *s.evidence) == 0);
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  loaded = new Loaded;
  std::vector<Diagnostic> errors;
  loaded->m = mappings::Mappings::load(PARLEY_FUZZ_MAPPINGS, errors, {});
  check(loaded->m && errors.empty());
  Result<syntax::SyntaxModel> model = syntax::SyntaxModel::load(PARLEY_FUZZ_MODEL);
  check(model.ok());
  loaded->model = std::move(model.value());
  graph::BuildContext ctx;
  ctx.mappings_version = loaded->m->version;
  loaded->pipe = std::make_unique<pipeline::Pipeline>(*loaded->m, loaded->model, ctx);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  text::ReadOptions options;
  options.max_article_bytes = 1 << 16;
  text::read_text_article(
      "fuzz.txt", "fuzz", std::string(reinterpret_cast<const char*>(data), size), options,
      [&](text::Document&& doc) {
        const graph::ArticleGraph g = loaded->pipe->run(doc);
        check_evidence(doc.text, g);
        for (rdf::Format f : {rdf::Format::kNQuads, rdf::Format::kTurtle}) {
          std::string out;
          const std::unique_ptr<rdf::Writer> w = rdf::Writer::to_string(&out, f);
          check(w->write_article(g).ok() && w->finish().ok());
          check(serd_reads(out, f));
        }
      },
      [](const Diagnostic&) {});
  return 0;
}
