#include "syntax/model.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/hash.h"
#include "core/output_file.h"

namespace parley::syntax {

namespace {

constexpr std::string_view kMagic = "PARLEYSX";

void put_section(ModelWriter& out, const ModelWriter& section) {
  out.u64(section.bytes().size());
  for (char c : section.bytes()) out.u8(static_cast<uint8_t>(c));
}

// Reads a u64 length and the section of that many bytes after it.
Status take_section(ModelReader& r, std::string_view& section, size_t& base) {
  uint64_t n = 0;
  PARLEY_TRY(r.u64(n));
  base = r.position();
  return r.view(static_cast<size_t>(n), section);
}

}  // namespace

void SyntaxModel::analyze(Sentence& s, bool parse, bool finite_verb) const {
  tagger.tag(s, finite_verb);
  lemmatizer.lemmatize(s);
  if (parse) parser.parse(s);
}

std::string SyntaxModel::to_bytes() const {
  ModelWriter w;
  for (char c : kMagic) w.u8(static_cast<uint8_t>(c));
  w.u32(kModelFormatVersion);
  w.str(info.name);
  w.str(info.data);
  w.str(info.licence);
  w.str(info.attribution);
  w.str(info.recipe);
  w.str(info.scores);
  ModelWriter t, l, p;
  tagger.save(t);
  lemmatizer.save(l);
  parser.save(p);
  put_section(w, t);
  put_section(w, l);
  put_section(w, p);
  w.u64(fnv1a64(w.bytes()));
  return w.take();
}

Result<SyntaxModel> SyntaxModel::from_bytes(std::string_view bytes, const std::string& name) {
  if (bytes.size() < kMagic.size() + 4 + 8 || bytes.substr(0, kMagic.size()) != kMagic)
    return Status::error("not a parley syntax model (it does not start with \"PARLEYSX\")",
                         Location{name});
  const std::string_view body = bytes.substr(0, bytes.size() - 8);
  uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + body.size(), 8);
  ModelReader r(body, name);
  for (size_t k = 0; k < kMagic.size(); ++k) {
    uint8_t b;
    PARLEY_TRY(r.u8(b));
  }
  uint32_t version = 0;
  PARLEY_TRY(r.u32(version));
  if (version != kModelFormatVersion)
    return Status::error("model format version " + std::to_string(version) + ", this parley reads version " +
                             std::to_string(kModelFormatVersion) + " (retrain with parley train-syntax)",
                         Location{name});
  if (fnv1a64(body) != stored)
    return Status::error("checksum mismatch: the file is corrupt or truncated", Location{name});

  SyntaxModel m;
  PARLEY_TRY(r.str(m.info.name));
  PARLEY_TRY(r.str(m.info.data));
  PARLEY_TRY(r.str(m.info.licence));
  PARLEY_TRY(r.str(m.info.attribution));
  PARLEY_TRY(r.str(m.info.recipe));
  PARLEY_TRY(r.str(m.info.scores));

  std::string_view section;
  size_t base = 0;
  PARLEY_TRY(take_section(r, section, base));
  {
    ModelReader sr(section, name, base);
    Result<Tagger> t = Tagger::load(sr);
    if (!t.ok()) return t.status();
    if (!sr.at_end()) return sr.fail("the tagger section has trailing bytes");
    m.tagger = std::move(t.value());
  }
  PARLEY_TRY(take_section(r, section, base));
  {
    ModelReader sr(section, name, base);
    Result<Lemmatizer> l = Lemmatizer::load(sr);
    if (!l.ok()) return l.status();
    if (!sr.at_end()) return sr.fail("the lemmatiser section has trailing bytes");
    m.lemmatizer = std::move(l.value());
  }
  PARLEY_TRY(take_section(r, section, base));
  {
    ModelReader sr(section, name, base);
    Result<Parser> p = Parser::load(sr);
    if (!p.ok()) return p.status();
    if (!sr.at_end()) return sr.fail("the parser section has trailing bytes");
    m.parser = std::move(p.value());
  }
  if (!r.at_end()) return r.fail("unexpected bytes after the parser section");
  return m;
}

Result<SyntaxModel> SyntaxModel::load(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    return Status::error("is a directory, not a syntax model file", Location{path});
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(std::string("cannot open the syntax model: ") + std::strerror(errno),
                                Location{path});
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return Status::error("cannot read the syntax model", Location{path});
  return from_bytes(ss.str(), path);
}

Status SyntaxModel::save(const std::string& path) const {
  Result<std::unique_ptr<OutputFile>> out = OutputFile::open(path);
  if (!out.ok()) return out.status();
  return save(*out.value());
}

Status SyntaxModel::save(OutputFile& out) const {
  const std::string bytes = to_bytes();
  if (std::fwrite(bytes.data(), 1, bytes.size(), out.stream()) != bytes.size())
    return Status::error("cannot write the model (disk full?)", Location{out.path()});
  return out.commit();
}

SyntaxModel train_syntax(const std::vector<Sentence>& gold, const TrainSyntaxOptions& o) {
  SyntaxModel m;
  auto say = [&](const std::string& s) {
    if (o.progress) o.progress(s);
  };
  say("training the tagger on " + std::to_string(gold.size()) + " sentences");
  m.tagger = Tagger::train(gold, o.tagger);
  say("training the lemmatiser");
  m.lemmatizer = Lemmatizer::train(gold);

  // The parser's training data carries predicted tags (jackknifed) where folds are asked for.
  std::vector<Sentence> parser_data = gold;
  if (o.jackknife_folds > 1) {
    const size_t folds = static_cast<size_t>(o.jackknife_folds);
    for (size_t k = 0; k < folds; ++k) {
      std::vector<Sentence> rest;
      for (size_t i = 0; i < gold.size(); ++i)
        if (i % folds != k) rest.push_back(gold[i]);
      TaggerOptions fold_options = o.tagger;
      fold_options.progress = nullptr;
      say("jackknife fold " + std::to_string(k + 1) + " of " + std::to_string(folds));
      const Tagger t = Tagger::train(rest, fold_options);
      for (size_t i = k; i < gold.size(); i += folds) t.tag(parser_data[i]);
    }
    // ... and the lemmas the lemmatiser gives for those tags, as at run time.
    for (Sentence& s : parser_data) m.lemmatizer.lemmatize(s);
    if (o.gold_copy) parser_data.insert(parser_data.end(), gold.begin(), gold.end());
  }
  say("training the parser");
  m.parser = Parser::train(parser_data, o.parser);
  return m;
}

}  // namespace parley::syntax
