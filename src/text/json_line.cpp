#include "text/json_line.h"

#include "core/utf8.h"

namespace parley::text {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view s) : s_(s) {}

  Result<JsonRecord> object() {
    JsonRecord rec;
    ws();
    if (!eat('{')) return fail("expected '{' at the start of a JSON Lines record");
    ws();
    if (eat('}')) return end(std::move(rec));
    for (;;) {
      ws();
      if (peek() != '"') return fail("expected a member name in double quotes");
      const size_t key_at = i_;
      std::string key;
      PARLEY_TRY(string(key, rec));
      ws();
      if (!eat(':')) return fail("expected ':' after member name");
      ws();
      if (!rec.columns.emplace(key, static_cast<int>(i_) + 1).second) {
        i_ = key_at;
        return fail("member \"" + key + "\" given twice");
      }
      if (peek() == '"') {
        std::string v;
        PARLEY_TRY(string(v, rec));
        rec.strings[key] = std::move(v);
      } else {
        std::string type;
        PARLEY_TRY(skip_value(type, 0));
        rec.others[key] = type;
      }
      ws();
      if (eat(',')) continue;
      if (eat('}')) break;
      return fail("expected ',' or '}' after a member value");
    }
    return end(std::move(rec));
  }

 private:
  Result<JsonRecord> end(JsonRecord rec) {
    ws();
    if (i_ != s_.size()) return fail("unexpected text after the end of the JSON object");
    return rec;
  }
  static void lone_surrogate(JsonRecord& rec, size_t at) {
    if (rec.lone_surrogates++ == 0) rec.lone_surrogate_column = static_cast<int>(at) + 1;
  }
  Status fail(const std::string& msg) const {
    return Status::error(msg, Location{"", 0, static_cast<int>(i_) + 1});
  }
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  bool eat(char c) {
    if (peek() != c || i_ >= s_.size()) return false;
    ++i_;
    return true;
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\n')) ++i_;
  }

  int hex4(bool& ok) {
    ok = i_ + 4 <= s_.size();
    int v = 0;
    for (int k = 0; ok && k < 4; ++k) {
      const char c = s_[i_ + static_cast<size_t>(k)];
      v <<= 4;
      if (c >= '0' && c <= '9') v |= c - '0';
      else if (c >= 'a' && c <= 'f') v |= c - 'a' + 10;
      else if (c >= 'A' && c <= 'F') v |= c - 'A' + 10;
      else ok = false;
    }
    if (ok) i_ += 4;
    return v;
  }

  Status string(std::string& out, JsonRecord& rec) {
    ++i_;  // opening quote
    for (;;) {
      if (i_ >= s_.size()) return fail("unterminated string");
      const char c = s_[i_];
      if (c == '"') { ++i_; return {}; }
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character inside a string (must be escaped)");
      if (c != '\\') { out += c; ++i_; continue; }
      ++i_;
      const char e = peek();
      ++i_;
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          const size_t escape_at = i_ - 2;
          bool ok = false;
          int cp = hex4(ok);
          if (!ok) return fail("expected four hex digits after \\u");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (i_ + 6 <= s_.size() && s_[i_] == '\\' && s_[i_ + 1] == 'u') {
              const size_t save = i_;
              i_ += 2;
              const int lo = hex4(ok);
              if (ok && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              } else {
                i_ = save;
                cp = 0xFFFD;
                lone_surrogate(rec, escape_at);
              }
            } else {
              cp = 0xFFFD;
              lone_surrogate(rec, escape_at);
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
            lone_surrogate(rec, escape_at);
          }
          if (cp == 0) {
            i_ = escape_at;
            return fail("\\u0000 escape in a string (a NUL is not text)");
          }
          append_utf8(out, static_cast<char32_t>(cp));
          break;
        }
        default:
          --i_;
          return fail("invalid escape in string");
      }
    }
  }

  Status skip_value(std::string& type, int depth) {
    if (depth > 64) return fail("JSON nested too deeply");
    JsonRecord scratch;
    const char c = peek();
    if (c == '"') { type = "string"; std::string s; return string(s, scratch); }
    if (c == '{' || c == '[') {
      type = c == '{' ? "object" : "array";
      const char close = c == '{' ? '}' : ']';
      ++i_;
      ws();
      if (eat(close)) return {};
      for (;;) {
        ws();
        if (c == '{') {
          if (peek() != '"') return fail("expected a member name in double quotes");
          std::string k;
          PARLEY_TRY(string(k, scratch));
          ws();
          if (!eat(':')) return fail("expected ':' after member name");
          ws();
        }
        std::string t;
        PARLEY_TRY(skip_value(t, depth + 1));
        ws();
        if (eat(',')) continue;
        if (eat(close)) return {};
        return fail(std::string("expected ',' or '") + close + "'");
      }
    }
    for (const char* lit : {"true", "false", "null"}) {
      const std::string_view l(lit);
      if (s_.substr(i_, l.size()) == l) {
        i_ += l.size();
        type = l == "null" ? "null" : "boolean";
        return {};
      }
    }
    // A number as RFC 8259 spells it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    auto digit = [&] { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; };
    auto digits = [&] {
      const size_t from = i_;
      while (digit()) ++i_;
      return i_ - from;
    };
    if (peek() == '-') ++i_;
    if (peek() == '0') {
      ++i_;
      if (digit()) return fail("a number does not start with 0 followed by digits");
    } else if (digits() == 0) {
      return fail("expected a JSON value");
    }
    if (peek() == '.') {
      ++i_;
      if (digits() == 0) return fail("expected a digit after '.' in a number");
    }
    if (peek() == 'e' || peek() == 'E') {
      ++i_;
      if (peek() == '+' || peek() == '-') ++i_;
      if (digits() == 0) return fail("expected a digit in a number's exponent");
    }
    type = "number";
    return {};
  }

  std::string_view s_;
  size_t i_ = 0;
};

}  // namespace

Result<JsonRecord> parse_json_object(std::string_view line) { return Parser(line).object(); }

std::string json_string(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out += '"';
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          static const char kHex[] = "0123456789abcdef";
          out += "\\u00";
          out += kHex[(c >> 4) & 0xF];
          out += kHex[c & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
  return out;
}

}  // namespace parley::text
