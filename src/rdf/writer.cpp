#include "rdf/writer.h"

#include "core/output_file.h"
#include <serd/serd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/output_file.h"
#include "graph/vocab.h"

namespace parley::rdf {
namespace fs = std::filesystem;
using graph::Quad;
using graph::Term;

namespace {

std::string lower(std::string_view s) {
  std::string l(s);
  for (char& c : l)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return l;
}

// Where serd's bytes go; records a short write instead of losing it (serd 0.30 does not).
struct ByteSink {
  FILE* file = nullptr;
  std::string* memory = nullptr;
  bool failed = false;
  int error = 0;

  static size_t write(const void* buf, size_t len, void* stream) {
    auto* self = static_cast<ByteSink*>(stream);
    if (self->failed) return 0;
    if (self->memory) {
      self->memory->append(static_cast<const char*>(buf), len);
      return len;
    }
    const size_t n = std::fwrite(buf, 1, len, self->file);
    if (n < len) {
      self->failed = true;
      self->error = errno;
    }
    return n;
  }
};

SerdNode node(const Term& t) {
  SerdNode n = serd_node_from_substring(t.is_iri() ? SERD_URI : SERD_LITERAL,
                                        reinterpret_cast<const uint8_t*>(t.value.data()), t.value.size());
  // Without the newline and quote flags serd writes a literal as a short string, every quote,
  // backslash and line break escaped. The long """...""" form it picks otherwise can hold a '"'
  // before a '\' that serd 0.30's own reader refuses ("invalid escape"), so that serdi and
  // sord could not read parley's Turtle and TriG back.
  if (!t.is_iri()) n.flags = 0;
  return n;
}

}  // namespace

Result<Format> parse_format(std::string_view name) {
  const std::string l = lower(name);
  if (l == "turtle" || l == "ttl") return Format::kTurtle;
  if (l == "ntriples" || l == "nt" || l == "n-triples") return Format::kNTriples;
  if (l == "nquads" || l == "nq" || l == "n-quads") return Format::kNQuads;
  if (l == "trig") return Format::kTriG;
  return Status::error("unknown format \"" + std::string(name) +
                       "\"; expected turtle (ttl), ntriples (nt), nquads (nq) or trig");
}

Result<Format> format_from_path(std::string_view path) {
  const std::string ext = lower(fs::path(path).extension().string());
  if (ext == ".ttl" || ext == ".turtle") return Format::kTurtle;
  if (ext == ".nt") return Format::kNTriples;
  if (ext == ".nq") return Format::kNQuads;
  if (ext == ".trig") return Format::kTriG;
  return Status::error("cannot tell the format from \"" + std::string(path) + "\"");
}

const char* extension(Format f) {
  switch (f) {
    case Format::kTurtle: return "ttl";
    case Format::kNTriples: return "nt";
    case Format::kNQuads: return "nq";
    case Format::kTriG: return "trig";
  }
  return "ttl";
}

bool has_named_graphs(Format f) { return f == Format::kNQuads || f == Format::kTriG; }

struct Writer::Impl {
  Format format = Format::kTurtle;
  ByteSink sink;
  SerdEnv* env = nullptr;
  SerdWriter* writer = nullptr;
  std::string target;                 // as given ("" for memory, "standard output" for "-")
  std::unique_ptr<OutputFile> out;    // null for memory
  bool finished = false;
  // Turtle / N-Triples: entity descriptions are written as they come, each statement once
  std::unordered_set<std::string> written;        // key() of every entity statement written
  std::unordered_map<std::string, Term> labels;   // subject -> its first label
  std::vector<Quad> pending_aliases;              // aliases of entities with no label yet

  // An exact key of a statement (no graph): each part with its length, so no two differ.
  static std::string key(const Quad& q) {
    std::string k;
    for (const std::string* part : {&q.s.value, &q.p.value, &q.o.value, &q.o.datatype, &q.o.lang}) {
      k += std::to_string(part->size());
      k += ':';
      k += *part;
    }
    k += q.o.is_iri() ? 'I' : 'L';
    return k;
  }

  // Writes one statement about a global entity into the union, unless written already. The
  // first label seen is the entity's label; a later, different one becomes an alias; an alias
  // equal to the label adds nothing (one whose entity has no label yet waits for finish).
  Status write_entity(Quad q) {
    q.g = Term{};
    if (q.p.value == vocab::kLabel) {
      auto [it, fresh] = labels.emplace(q.s.value, q.o);
      if (!fresh && it->second != q.o) q.p = Term::iri_unchecked(vocab::kAltLabel);
    }
    if (q.p.value == vocab::kAltLabel) {
      auto it = labels.find(q.s.value);
      if (it == labels.end()) {
        pending_aliases.push_back(std::move(q));
        return {};
      }
      if (it->second == q.o) return {};
    }
    if (!written.insert(key(q)).second) return {};
    return write(q, false);
  }

  Status start() {
    SerdSyntax syntax = SERD_TURTLE;
    unsigned style = 0;
    switch (format) {
      case Format::kTurtle: syntax = SERD_TURTLE; style = SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED; break;
      case Format::kNTriples: syntax = SERD_NTRIPLES; break;
      case Format::kNQuads: syntax = SERD_NQUADS; break;
      case Format::kTriG: syntax = SERD_TRIG; style = SERD_STYLE_ABBREVIATED | SERD_STYLE_CURIED; break;
    }
    env = serd_env_new(nullptr);
    writer = serd_writer_new(syntax, static_cast<SerdStyle>(style), env, nullptr, &ByteSink::write, &sink);
    if (!writer) return Status::error("cannot create the RDF writer");
    if (style & SERD_STYLE_CURIED) {
      for (const auto& p : vocab::kPrefixes) {
        SerdNode name = serd_node_from_string(SERD_LITERAL, reinterpret_cast<const uint8_t*>(p[0]));
        SerdNode uri = serd_node_from_string(SERD_URI, reinterpret_cast<const uint8_t*>(p[1]));
        serd_env_set_prefix(env, &name, &uri);
        serd_writer_set_prefix(writer, &name, &uri);
      }
    }
    return check();
  }

  Status check() const {
    if (!sink.failed) return {};
    return Status::error(std::string("write error on ") + (target.empty() ? "memory" : target) +
                         ": " + std::strerror(sink.error ? sink.error : EIO));
  }

  Status write(const Quad& q, bool named) {
    SerdNode s = node(q.s), p = node(q.p), o = node(q.o);
    SerdNode g = named ? node(q.g) : SERD_NODE_NULL;
    SerdNode dt = q.o.datatype.empty() ? SERD_NODE_NULL
                                       : serd_node_from_substring(SERD_URI, reinterpret_cast<const uint8_t*>(q.o.datatype.data()), q.o.datatype.size());
    SerdNode lang = q.o.lang.empty() ? SERD_NODE_NULL
                                     : serd_node_from_substring(SERD_LITERAL, reinterpret_cast<const uint8_t*>(q.o.lang.data()), q.o.lang.size());
    const SerdStatus st = serd_writer_write_statement(writer, 0, named ? &g : nullptr, &s, &p, &o,
                                                      dt.buf ? &dt : nullptr, lang.buf ? &lang : nullptr);
    if (st != SERD_SUCCESS && !sink.failed)
      return Status::error(std::string("serd refused a statement: ") + reinterpret_cast<const char*>(serd_strerror(st)));
    return check();
  }

  ~Impl() {
    if (writer) serd_writer_free(writer);
    if (env) serd_env_free(env);
    // An output never committed is discarded by OutputFile's destructor.
  }
};

Writer::Writer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Writer::~Writer() = default;

Result<std::unique_ptr<Writer>> Writer::open(const std::string& path, Format format) {
  auto impl = std::make_unique<Impl>();
  impl->format = format;
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(path);
  if (!out.ok()) return out.status();
  impl->out = std::move(out.value());
  impl->sink.file = impl->out->stream();
  impl->target = path == "-" ? "standard output" : path;
  Status st = impl->start();
  if (!st.ok()) return st;
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

std::unique_ptr<Writer> Writer::to_string(std::string* out, Format format) {
  auto impl = std::make_unique<Impl>();
  impl->format = format;
  impl->sink.memory = out;
  impl->start();
  return std::unique_ptr<Writer>(new Writer(std::move(impl)));
}

Status Writer::write_article(const graph::ArticleGraph& g) {
  Impl& w = *impl_;
  if (has_named_graphs(w.format)) {
    if (g.entities.empty()) {  // already sorted (a merge graph, a copied graph): no copy
      for (const Quad& q : g.local) PARLEY_TRY(w.write(q, true));
      return {};
    }
    // Both lists are sorted and free of duplicates (graph::build): one merging pass writes
    // them in the order of sort_for_output over their union, without a copy or a second sort.
    // (A graph made otherwise, by hand in a test, is sorted here: checking costs one compare
    // a quad.)
    auto unsorted = [](const std::vector<Quad>& v) {
      return std::adjacent_find(v.begin(), v.end(),
                                [](const Quad& a, const Quad& b) { return !graph::output_less(a, b); }) != v.end();
    };
    if (unsorted(g.local) || unsorted(g.entities)) {
      std::vector<Quad> all = g.local;
      all.insert(all.end(), g.entities.begin(), g.entities.end());
      graph::sort_for_output(all);
      for (const Quad& q : all) PARLEY_TRY(w.write(q, true));
      return {};
    }
    auto l = g.local.begin(), e = g.entities.begin();
    while (l != g.local.end() || e != g.entities.end()) {
      if (e == g.entities.end() || (l != g.local.end() && graph::output_less(*l, *e))) {
        PARLEY_TRY(w.write(*l++, true));
      } else if (l == g.local.end() || graph::output_less(*e, *l)) {
        PARLEY_TRY(w.write(*e++, true));
      } else {  // the same quad in both: once
        PARLEY_TRY(w.write(*l++, true));
        ++e;
      }
    }
    return {};
  }
  for (const Quad& q : g.local) {
    // an actor that mediates in several articles is typed parley:Mediator in each: once in the union
    if (q.p.value == vocab::kType && q.o.value == vocab::kMediator) {
      PARLEY_TRY(w.write_entity(q));
      continue;
    }
    PARLEY_TRY(w.write(q, false));
  }
  for (const Quad& q : g.entities) PARLEY_TRY(w.write_entity(q));
  return {};
}

Status Writer::finish() {
  Impl& w = *impl_;
  if (!has_named_graphs(w.format)) {
    // aliases of entities that had no label when they came: an alias equal to the label (if
    // one came later) adds nothing
    for (const Quad& q : w.pending_aliases) {
      auto it = w.labels.find(q.s.value);
      if (it != w.labels.end() && it->second == q.o) continue;
      if (w.written.insert(Impl::key(q)).second) PARLEY_TRY(w.write(q, false));
    }
  }
  serd_writer_finish(w.writer);
  PARLEY_TRY(w.check());
  if (w.sink.memory) {
    w.finished = true;
    return {};
  }
  if (std::fflush(w.sink.file) != 0) {
    w.sink.failed = true;
    w.sink.error = errno;
    return w.check();
  }
  w.sink.file = nullptr;
  PARLEY_TRY(w.out->commit());
  w.finished = true;
  return {};
}

}  // namespace parley::rdf
