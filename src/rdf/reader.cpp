#include "rdf/reader.h"

#include <serd/serd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace parley::rdf {
namespace {

struct ReadState {
  const QuadSink* sink = nullptr;
  std::string name;
  int first_line = 1;    // of the chunk being read, in the whole input
  Status status;         // the first error: the sink's, or serd's syntax error
};

graph::Term term(const SerdNode* n) {
  graph::Term t;
  const std::string v(reinterpret_cast<const char*>(n->buf), n->n_bytes);
  switch (n->type) {
    case SERD_LITERAL: t.kind = graph::Term::Kind::kLiteral; t.value = v; break;
    case SERD_BLANK: t = graph::Term::iri_unchecked("_:" + v); break;
    default: t = graph::Term::iri_unchecked(v); break;
  }
  return t;
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* g, const SerdNode* s,
                        const SerdNode* p, const SerdNode* o, const SerdNode* dt, const SerdNode* lang) {
  auto* st = static_cast<ReadState*>(handle);
  if (!st->status.ok()) return SERD_FAILURE;
  graph::Quad q{term(s), term(p), term(o), g && g->buf ? term(g) : graph::Term{}};
  if (dt && dt->buf) q.o.datatype.assign(reinterpret_cast<const char*>(dt->buf), dt->n_bytes);
  if (lang && lang->buf) q.o.lang.assign(reinterpret_cast<const char*>(lang->buf), lang->n_bytes);
  st->status = (*st->sink)(std::move(q));
  return st->status.ok() ? SERD_SUCCESS : SERD_FAILURE;
}

SerdStatus on_error(void* handle, const SerdError* e) {
  auto* st = static_cast<ReadState*>(handle);
  if (!st->status.ok()) return SERD_SUCCESS;
  char buf[512];
  va_list args;
  va_copy(args, *e->args);
  std::vsnprintf(buf, sizeof buf, e->fmt, args);
  va_end(args);
  std::string msg(buf);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  st->status = Status::error("N-Quads: " + msg, Location{st->name, static_cast<int>(e->line) + st->first_line - 1,
                                                         static_cast<int>(e->col) + 1});
  return SERD_SUCCESS;
}

template <typename Read>
Status run(const std::string& name, int first_line, const QuadSink& sink, Read read) {
  ReadState st;
  st.sink = &sink;
  st.name = name;
  st.first_line = first_line;
  SerdReader* r = serd_reader_new(SERD_NQUADS, &st, nullptr, nullptr, nullptr, &on_statement, nullptr);
  if (!r) return Status::error("cannot create the N-Quads reader");
  serd_reader_set_strict(r, true);
  serd_reader_set_error_sink(r, &on_error, &st);
  const SerdStatus rs = read(r);
  serd_reader_free(r);
  if (!st.status.ok()) return st.status;
  if (rs != SERD_SUCCESS && rs != SERD_FAILURE)
    return Status::error(std::string("N-Quads: ") + reinterpret_cast<const char*>(serd_strerror(rs)), Location{name});
  return {};
}

}  // namespace

// Reads whole lines into chunks of about 1 MiB and gives each chunk to a new serd reader: serd
// 0.30's N-Quads reader keeps memory for every statement it has read until it is freed (a
// 107 MB file took 120 MB), and N-Quads statements never span lines.
Status read_nquads(const std::string& path, const QuadSink& sink) {
  const bool std_in = path == "-";
  FILE* f = std_in ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::error(std::string("cannot open: ") + std::strerror(errno), Location{path});
  const std::string name = std_in ? "standard input" : path;
  constexpr size_t kChunk = size_t{1} << 20;
  std::string chunk;
  int line = 0, first_line = 1;
  char* buf = nullptr;
  size_t cap = 0;
  Status s;
  auto parse = [&]() {
    s = run(name, first_line, sink, [&](SerdReader* r) {
      return serd_reader_read_string(r, reinterpret_cast<const uint8_t*>(chunk.c_str()));
    });
    chunk.clear();
    first_line = line + 1;
  };
  for (ssize_t n; s.ok() && (n = getline(&buf, &cap, f)) != -1;) {
    ++line;
    if (std::memchr(buf, '\0', static_cast<size_t>(n))) {
      s = Status::error("N-Quads: a NUL byte", Location{name, line});
      break;
    }
    chunk.append(buf, static_cast<size_t>(n));
    if (chunk.size() >= kChunk) parse();
  }
  std::free(buf);
  if (s.ok() && std::ferror(f)) s = Status::error(std::string("read error: ") + std::strerror(errno), Location{name});
  if (s.ok() && !chunk.empty()) parse();
  if (!std_in) std::fclose(f);
  return s;
}

Status read_nquads_string(const std::string& bytes, const std::string& name, const QuadSink& sink) {
  return run(name, 1, sink, [&](SerdReader* r) {
    return serd_reader_read_string(r, reinterpret_cast<const uint8_t*>(bytes.c_str()));
  });
}

}  // namespace parley::rdf
