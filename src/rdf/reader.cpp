#include "rdf/reader.h"

#include <serd/serd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace parley::rdf {
using graph::Quad;
using graph::Term;

namespace {

SerdSyntax syntax_of(Format f) {
  switch (f) {
    case Format::kTurtle: return SERD_TURTLE;
    case Format::kNTriples: return SERD_NTRIPLES;
    case Format::kNQuads: return SERD_NQUADS;
    case Format::kTriG: return SERD_TRIG;
  }
  return SERD_TURTLE;
}

struct ReadState {
  SerdEnv* env = nullptr;
  const QuadSink* sink = nullptr;
  std::string name;
  int first_line = 1;  // of the chunk being read, in the whole input
  Status status;       // the first error: serd's or the sink's
};

std::string str(const SerdNode* n) {
  return n && n->buf ? std::string(reinterpret_cast<const char*>(n->buf), n->n_bytes) : std::string();
}

// A subject, predicate, object IRI or graph: prefixed names and relative IRIs expanded.
Term resource(const ReadState& st, const SerdNode* n) {
  if (n->type == SERD_BLANK) return Term::iri_unchecked("_:" + str(n));
  if (n->type == SERD_CURIE || n->type == SERD_URI) {
    SerdNode full = serd_env_expand_node(st.env, n);
    if (full.buf) {
      Term t = Term::iri_unchecked(str(&full));
      serd_node_free(&full);
      return t;
    }
  }
  return Term::iri_unchecked(str(n));
}

SerdStatus on_base(void* handle, const SerdNode* uri) {
  return serd_env_set_base_uri(static_cast<ReadState*>(handle)->env, uri);
}

SerdStatus on_prefix(void* handle, const SerdNode* name, const SerdNode* uri) {
  return serd_env_set_prefix(static_cast<ReadState*>(handle)->env, name, uri);
}

SerdStatus on_statement(void* handle, SerdStatementFlags, const SerdNode* graph, const SerdNode* subject,
                        const SerdNode* predicate, const SerdNode* object, const SerdNode* datatype,
                        const SerdNode* lang) {
  auto* st = static_cast<ReadState*>(handle);
  if (!st->status.ok()) return SERD_FAILURE;
  Quad q;
  q.s = resource(*st, subject);
  q.p = resource(*st, predicate);
  if (object->type == SERD_LITERAL) {
    q.o.kind = Term::Kind::kLiteral;
    q.o.value = str(object);
    if (datatype && datatype->buf) q.o.datatype = resource(*st, datatype).value;
    if (lang && lang->buf) q.o.lang = str(lang);
  } else {
    q.o = resource(*st, object);
  }
  if (graph && graph->buf) q.g = resource(*st, graph);
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
  st->status = Status::error(msg, Location{st->name, static_cast<int>(e->line) + st->first_line - 1,
                                           static_cast<int>(e->col) + 1});
  return SERD_SUCCESS;
}

// Reads from `file` or `text` (one of them) with one serd reader; closes nothing.
Status read_one(FILE* file, const std::string* text, const std::string& name, int first_line, Format format,
                const QuadSink& sink) {
  ReadState st;
  st.sink = &sink;
  st.name = name;
  st.first_line = first_line;
  st.env = serd_env_new(nullptr);
  SerdReader* reader = serd_reader_new(syntax_of(format), &st, nullptr, &on_base, &on_prefix, &on_statement, nullptr);
  serd_reader_set_error_sink(reader, &on_error, &st);
  serd_reader_set_strict(reader, true);
  const SerdStatus rc = text ? serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(text->c_str()))
                             : serd_reader_read_file_handle(reader, file, reinterpret_cast<const uint8_t*>(name.c_str()));
  serd_reader_free(reader);
  serd_env_free(st.env);
  if (!st.status.ok()) return st.status;
  if (rc != SERD_SUCCESS && rc != SERD_FAILURE)
    return Status::error(std::string("cannot read RDF: ") + reinterpret_cast<const char*>(serd_strerror(rc)),
                         Location{name});
  return Status();
}

// A line format: whole lines gathered into chunks of about 1 MiB, each read by a new serd
// reader (statements never span lines in N-Triples and N-Quads). A NUL byte is an error.
Status read_lines(FILE* f, const std::string& name, Format format, const QuadSink& sink) {
  constexpr size_t kChunk = size_t{1} << 20;
  std::string chunk;
  int line = 0, first_line = 1;
  char* buf = nullptr;
  size_t cap = 0;
  Status s;
  auto parse = [&]() {
    s = read_one(nullptr, &chunk, name, first_line, format, sink);
    chunk.clear();
    first_line = line + 1;
  };
  for (ssize_t n; s.ok() && (n = getline(&buf, &cap, f)) != -1;) {
    ++line;
    if (std::memchr(buf, '\0', static_cast<size_t>(n))) {
      s = Status::error("a NUL byte", Location{name, line});
      break;
    }
    chunk.append(buf, static_cast<size_t>(n));
    if (chunk.size() >= kChunk) parse();
  }
  std::free(buf);
  if (s.ok() && std::ferror(f)) s = Status::error(std::string("read error: ") + std::strerror(errno), Location{name});
  if (s.ok() && !chunk.empty()) parse();
  return s;
}

bool line_format(Format f) { return f == Format::kNTriples || f == Format::kNQuads; }

}  // namespace

Status read_file(const std::string& path, Format format, const QuadSink& sink) {
  const bool std_in = path == "-";
  FILE* f = std_in ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return Status::error(std::string("cannot open: ") + std::strerror(errno), Location{path});
  const std::string name = std_in ? "standard input" : path;
  Status s = line_format(format) ? read_lines(f, name, format, sink) : read_one(f, nullptr, name, 1, format, sink);
  if (s.ok() && std::ferror(f)) s = Status::error("read error", Location{name});
  if (!std_in) std::fclose(f);
  return s;
}

Status read_string(const std::string& text, const std::string& name, Format format, const QuadSink& sink) {
  return read_one(nullptr, &text, name, 1, format, sink);
}

}  // namespace parley::rdf
