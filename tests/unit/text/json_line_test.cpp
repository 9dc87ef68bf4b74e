#include "text/json_line.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace parley::text {
namespace {

using Strings = std::map<std::string, std::string>;

TEST(JsonLine, GoodRecords) {
  struct Row {
    const char* name;
    std::string in;
    Strings strings;
    Strings others;
    int lone_surrogates;
  };
  const Row kRows[] = {
      {"plain", R"({"id":"a","text":"Hello."})", {{"id", "a"}, {"text", "Hello."}}, {}, 0},
      {"empty object", "{}", {}, {}, 0},
      {"whitespace around everything", " \t{ \"a\" : \"b\" , \"c\":\"d\" }  \r",
       {{"a", "b"}, {"c", "d"}}, {}, 0},
      {"newline escape", R"({"t":"line1\nline2"})", {{"t", "line1\nline2"}}, {}, 0},
      {"quote escape", R"({"t":"say \"hi\""})", {{"t", "say \"hi\""}}, {}, 0},
      {"backslash escape", R"({"t":"a\\b"})", {{"t", "a\\b"}}, {}, 0},
      {"solidus escape", R"({"t":"a\/b"})", {{"t", "a/b"}}, {}, 0},
      {"control escapes", R"({"t":"\t\r\b\f"})", {{"t", "\t\r\b\f"}}, {}, 0},
      {"\\u00e9", R"({"t":"caf\u00e9"})", {{"t", "caf\xC3\xA9"}}, {}, 0},
      {"\\u upper-case hex", R"({"t":"\u00C9"})", {{"t", "\xC3\x89"}}, {}, 0},
      {"surrogate pair", R"({"t":"\ud83d\ude00"})", {{"t", "\xF0\x9F\x98\x80"}}, {}, 0},
      {"lone high surrogate", R"({"t":"x\ud83dy"})", {{"t", "x\xEF\xBF\xBDy"}}, {}, 1},
      {"lone low surrogate", R"({"t":"\ude00"})", {{"t", "\xEF\xBF\xBD"}}, {}, 1},
      {"high surrogate then non-surrogate escape", R"({"t":"\ud83d\u0041"})",
       {{"t", "\xEF\xBF\xBD" "A"}}, {}, 1},
      {"two lone surrogates", R"({"t":"\ud800","u":"\udfff"})",
       {{"t", "\xEF\xBF\xBD"}, {"u", "\xEF\xBF\xBD"}}, {}, 2},
      {"raw UTF-8 passes through", "{\"t\":\"\xC5\x9Eu\xC5\x9F" "a\"}", {{"t", "\xC5\x9Eu\xC5\x9F" "a"}}, {}, 0},
      {"escaped key", R"({"te\u0078t":"v"})", {{"text", "v"}}, {}, 0},
      {"other types are typed, not kept",
       R"({"n":-1.5e3,"o":{"a":[1,2,{"b":null}],"c":"s"},"arr":[],"e":{},"b":true,"f":false,"z":null,"t":"x"})",
       {{"t", "x"}},
       {{"n", "number"}, {"o", "object"}, {"arr", "array"}, {"e", "object"}, {"b", "boolean"},
        {"f", "boolean"}, {"z", "null"}},
       0},
      {"numbers RFC 8259 allows", R"({"a":0,"b":-0.5,"c":1E-7,"d":10,"e":-0})", {},
       {{"a", "number"}, {"b", "number"}, {"c", "number"}, {"d", "number"}, {"e", "number"}}, 0},
      {"surrogates inside skipped values do not count", R"({"o":{"k":"\ud800"},"t":"ok"})",
       {{"t", "ok"}}, {{"o", "object"}}, 0},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    Result<JsonRecord> r = parse_json_object(row.in);
    ASSERT_TRUE(r.ok()) << r.status().str();
    EXPECT_EQ(r->strings, row.strings);
    EXPECT_EQ(r->others, row.others);
    EXPECT_EQ(r->lone_surrogates, row.lone_surrogates);
  }
}

TEST(JsonLine, HasString) {
  Result<JsonRecord> r = parse_json_object(R"({"id":"a","n":3})");
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(r->has_string("id"));
  EXPECT_FALSE(r->has_string("n"));
  EXPECT_FALSE(r->has_string("text"));
}

TEST(JsonLine, MalformedRecordsNameTheColumn) {
  struct Row {
    const char* name;
    std::string in;
    int column;           // 1-based, in bytes
    const char* message;  // a substring of the message
  };
  const Row kRows[] = {
      {"not an object", R"(["a"])", 1, "expected '{'"},
      {"empty line", "", 1, "expected '{'"},
      {"unquoted member name", R"({id:"a"})", 2, "member name in double quotes"},
      {"missing closing quote of a value", R"({"id":"a,"text":"b"})", 11, "expected ',' or '}'"},
      {"unterminated string", R"({"id":"abc)", 11, "unterminated string"},
      {"missing colon", R"({"a" "b"})", 6, "expected ':'"},
      {"trailing comma", R"({"id":"a",})", 11, "member name in double quotes"},
      {"trailing comma in a nested array", R"({"a":[1,]})", 9, "expected a JSON value"},
      {"trailing comma in a nested object", R"({"a":{"b":1,}})", 13, "member name in double quotes"},
      {"bad escape", R"({"t":"a\qb"})", 9, "invalid escape"},
      {"bad \\u escape", R"({"t":"\u12G4"})", 9, "four hex digits"},
      {"short \\u escape at end", R"({"t":"\u12)", 9, "four hex digits"},
      {"text after the object", R"({"a":"b"} x)", 11, "after the end of the JSON object"},
      {"two objects on one line", R"({"a":"b"}{"c":"d"})", 10, "after the end of the JSON object"},
      {"raw tab in a string", "{\"t\":\"a\tb\"}", 8, "control character"},
      {"raw newline in a string", "{\"t\":\"a\nb\"}", 8, "control character"},
      {"raw 0x01 in a string", "{\"t\":\"a\x01" "b\"}", 8, "control character"},
      {"unclosed object", R"({"a":"b")", 9, "expected ',' or '}'"},
      {"bad literal", R"({"a":tru})", 6, "expected a JSON value"},
      {"lone minus", R"({"a":-})", 7, "expected a JSON value"},
      {"missing value", R"({"a":})", 6, "expected a JSON value"},
      {"number with a plus sign", R"({"a":+1})", 6, "expected a JSON value"},
      {"number with a leading zero", R"({"a":007})", 7, "does not start with 0"},
      {"number ending in a dot", R"({"a":1.})", 8, "digit after '.'"},
      {"number with an empty exponent", R"({"a":1e+})", 9, "exponent"},
      {"two dots", R"({"a":1.2.3})", 9, "expected ',' or '}'"},
      // a NUL is not text: an error at the escape, never a cut or a silent replacement
      {"\\u0000 escape", R"({"id":"a","t":"ab\u0000cd"})", 18, "\\u0000 escape"},
      {"\\u0000 escape in a member name", R"({"a\u0000":"b"})", 4, "\\u0000 escape"},
      {"\\u0000 escape in a skipped value", R"({"o":["\u0000"]})", 8, "\\u0000 escape"},
      // which value would count is a guess: the member name's column
      {"a member given twice", R"({"a":"x","a":"y"})", 10, "member \"a\" given twice"},
      {"a member given twice, types differ", R"({"text":"x", "text":1})", 14, "\"text\" given twice"},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    Result<JsonRecord> r = parse_json_object(row.in);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().where().column, row.column) << r.status().message();
    EXPECT_EQ(r.status().where().line, 0);
    EXPECT_NE(r.status().message().find(row.message), std::string::npos) << r.status().message();
  }
}

TEST(JsonLine, ColumnsOfMemberValues) {
  Result<JsonRecord> r = parse_json_object(R"({"id":"a", "n": 5,"t":"\ud800x\ud800"})");
  ASSERT_TRUE(r.ok()) << r.status().str();
  EXPECT_EQ(r->columns, (std::map<std::string, int>{{"id", 7}, {"n", 17}, {"t", 23}}));
  EXPECT_EQ(r->lone_surrogates, 2);
  EXPECT_EQ(r->lone_surrogate_column, 24);  // the first one's backslash
}

TEST(JsonLine, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "{\"a\":" + std::string(200, '[') + std::string(200, ']') + "}";
  Result<JsonRecord> r = parse_json_object(deep);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nested too deeply"), std::string::npos);
}

}  // namespace
}  // namespace parley::text
