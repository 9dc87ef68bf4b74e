#include "rdf/reader.h"

#include <serd/serd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
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
  Status error;  // the first error serd reported
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
  (*st->sink)(std::move(q));
  return SERD_SUCCESS;
}

SerdStatus on_error(void* handle, const SerdError* e) {
  auto* st = static_cast<ReadState*>(handle);
  if (!st->error.ok()) return SERD_SUCCESS;
  char buf[512];
  va_list args;
  va_copy(args, *e->args);
  std::vsnprintf(buf, sizeof buf, e->fmt, args);
  va_end(args);
  std::string msg(buf);
  while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
  st->error = Status::error(msg, Location{st->name, static_cast<int>(e->line), static_cast<int>(e->col)});
  return SERD_SUCCESS;
}

// Reads from `file` or `text` (one of them); closes nothing.
Status read(FILE* file, const std::string* text, const std::string& name, Format format, const QuadSink& on_quad) {
  ReadState st;
  st.sink = &on_quad;
  st.name = name;
  st.env = serd_env_new(nullptr);
  SerdReader* reader = serd_reader_new(syntax_of(format), &st, nullptr, &on_base, &on_prefix, &on_statement, nullptr);
  serd_reader_set_error_sink(reader, &on_error, &st);
  serd_reader_set_strict(reader, true);
  const SerdStatus rc = text ? serd_reader_read_string(reader, reinterpret_cast<const uint8_t*>(text->c_str()))
                             : serd_reader_read_file_handle(reader, file, reinterpret_cast<const uint8_t*>(name.c_str()));
  serd_reader_free(reader);
  serd_env_free(st.env);
  if (!st.error.ok()) return st.error;
  if (rc != SERD_SUCCESS && rc != SERD_FAILURE)
    return Status::error(std::string("cannot read RDF: ") + reinterpret_cast<const char*>(serd_strerror(rc)),
                         Location{name, 0, 0});
  return Status();
}

}  // namespace

Status read_file(const std::string& path, Format format, const QuadSink& on_quad) {
  if (path == "-") return read(stdin, nullptr, "standard input", format, on_quad);
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return Status::error(std::string("cannot open: ") + std::strerror(errno), Location{path, 0, 0});
  Status s = read(f, nullptr, path, format, on_quad);
  const bool bad = std::ferror(f) != 0;
  std::fclose(f);
  if (s.ok() && bad) return Status::error("read error", Location{path, 0, 0});
  return s;
}

Status read_string(const std::string& text, const std::string& name, Format format, const QuadSink& on_quad) {
  return read(nullptr, &text, name, format, on_quad);
}

}  // namespace parley::rdf
