#include "text/reader.h"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "test_support.h"

#include <sys/stat.h>
#include <unistd.h>

namespace parley::text {
namespace {

using Severity = Diagnostic::Severity;

// Collects what a reader delivers.
struct Collected {
  std::vector<Document> docs;
  std::vector<Diagnostic> diags;
  ArticleSink article() {
    return [this](Document&& d) { docs.push_back(std::move(d)); };
  }
  DiagnosticSink diagnostic() {
    return [this](const Diagnostic& g) { diags.push_back(g); };
  }
  int count(Severity s) const {
    int n = 0;
    for (const Diagnostic& d : diags) n += d.severity == s ? 1 : 0;
    return n;
  }
};

TEST(Reader, TextArticleIsDelivered) {
  Collected c;
  EXPECT_TRUE(read_text_article("in/a.txt", "a.txt", "Headline\n\nBody text.\n", {}, c.article(),
                                c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_TRUE(c.diags.empty());
  const Document& d = c.docs[0];
  EXPECT_EQ(d.id, "a.txt");
  EXPECT_EQ(d.source, "in/a.txt");
  EXPECT_EQ(d.text, "Headline\n\nBody text.\n");
  EXPECT_EQ(d.title, "Headline");
  EXPECT_FALSE(d.date.has_value());
  EXPECT_EQ(d.line, 0);
}

TEST(Reader, TextArticleTakesTheDateOption) {
  Collected c;
  ReadOptions o;
  o.date = Date{2023, 3, 1};
  EXPECT_TRUE(read_text_article("a.txt", "a.txt", "Some text.", o, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].date, (Date{2023, 3, 1}));
}

TEST(Reader, EmptyTextIsAnError) {
  for (const char* bytes : {"", " \n\t\r\n  "}) {
    SCOPED_TRACE(::testing::PrintToString(std::string(bytes)));
    Collected c;
    EXPECT_FALSE(read_text_article("empty.txt", "empty.txt", bytes, {}, c.article(), c.diagnostic()));
    EXPECT_TRUE(c.docs.empty());
    ASSERT_EQ(c.diags.size(), 1u);
    EXPECT_EQ(c.diags[0].severity, Severity::kError);
    EXPECT_EQ(c.diags[0].where.file, "empty.txt");
    EXPECT_EQ(c.diags[0].str().rfind("parley: error: empty.txt:1: ", 0), 0u) << c.diags[0].str();
  }
}

TEST(Reader, NulByteIsAnErrorWithLineAndColumn) {
  Collected c;
  const std::string bytes = std::string("first line\nab\xC3\xA9" "c") + '\0' + "def";
  EXPECT_FALSE(read_text_article("bin.txt", "bin.txt", bytes, {}, c.article(), c.diagnostic()));
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].severity, Severity::kError);
  EXPECT_EQ(c.diags[0].where.line, 2);
  EXPECT_EQ(c.diags[0].where.column, 5);  // a, b, é, c, NUL
  EXPECT_NE(c.diags[0].str().find("bin.txt:2:5: "), std::string::npos) << c.diags[0].str();
}

TEST(Reader, InvalidUtf8IsRepairedWithAWarning) {
  Collected c;
  EXPECT_TRUE(read_text_article("bad.txt", "bad.txt", "Hello.\nwor\xFFld and \xC0\xAF.", {},
                                c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Hello.\nwor\xEF\xBF\xBDld and \xEF\xBF\xBD\xEF\xBF\xBD.");
  ASSERT_EQ(c.count(Severity::kWarning), 3);
  EXPECT_EQ(c.count(Severity::kError), 0);
  EXPECT_EQ(c.diags[0].where.str(), "bad.txt:2:4");
  EXPECT_EQ(c.diags[0].str().rfind("parley: warning: bad.txt:2:4: ", 0), 0u) << c.diags[0].str();
  EXPECT_EQ(c.diags[1].where.str(), "bad.txt:2:12");
  EXPECT_EQ(c.diags[2].where.str(), "bad.txt:2:13");
}

TEST(Reader, ManyInvalidSequencesAreSummarised) {
  Collected c;
  std::string bytes = "Text";
  for (int i = 0; i < 9; ++i) bytes += " \xFF";
  EXPECT_TRUE(read_text_article("x.txt", "x.txt", bytes, {}, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 1u);
  // five located warnings and one that counts the rest
  ASSERT_EQ(c.diags.size(), 6u);
  EXPECT_NE(c.diags[5].message.find('4'), std::string::npos) << c.diags[5].message;
}

TEST(Reader, JsonLinesMalformedMiddleLine) {
  Collected c;
  const std::string bytes =
      "{\"id\":\"one\",\"text\":\"First.\"}\n"
      "{\"id\":\"two\",\"text\":\"Second.\",}\n"
      "{\"id\":\"three\",\"text\":\"Third.\"}\n";
  EXPECT_FALSE(read_jsonl("in.jsonl", bytes, {}, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "one");
  EXPECT_EQ(c.docs[0].line, 1);
  EXPECT_EQ(c.docs[0].text, "First.");
  EXPECT_EQ(c.docs[1].id, "three");
  EXPECT_EQ(c.docs[1].line, 3);
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].severity, Severity::kError);
  EXPECT_EQ(c.diags[0].where.file, "in.jsonl");
  EXPECT_EQ(c.diags[0].where.line, 2);
  EXPECT_EQ(c.diags[0].where.column, 30);
  EXPECT_NE(c.diags[0].str().find("in.jsonl:2:30: malformed JSON Lines record"), std::string::npos)
      << c.diags[0].str();
}

TEST(Reader, JsonLinesRecordErrors) {
  struct Row {
    const char* name;
    std::string line;
    const char* message;  // substring of the error
  };
  const Row kRows[] = {
      {"missing id", R"({"text":"T."})", "no string member \"id\""},
      {"empty id", R"({"id":"","text":"T."})", "empty \"id\""},
      {"id not a string", R"({"id":7,"text":"T."})", "(found a number)"},
      {"missing text", R"({"id":"a"})", "no string member \"text\""},
      {"text not a string", R"({"id":"a","text":["T."]})", "(found an array)"},
      {"text null", R"({"id":"a","text":null})", "(found null)"},
      {"blank text", R"({"id":"a","text":"  \n "})", "empty text"},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    Collected c;
    const std::string bytes = "{\"id\":\"ok\",\"text\":\"Fine.\"}\n" + row.line + "\n";
    EXPECT_FALSE(read_jsonl("r.jsonl", bytes, {}, c.article(), c.diagnostic()));
    ASSERT_EQ(c.docs.size(), 1u);
    EXPECT_EQ(c.docs[0].id, "ok");
    ASSERT_EQ(c.diags.size(), 1u);
    EXPECT_EQ(c.diags[0].severity, Severity::kError);
    EXPECT_EQ(c.diags[0].where.line, 2);
    EXPECT_NE(c.diags[0].message.find(row.message), std::string::npos) << c.diags[0].message;
  }
}

TEST(Reader, JsonLinesMetadataAndBlankLines) {
  Collected c;
  const std::string bytes =
      "\n"
      "{\"id\":\"a\",\"text\":\"T\\u00e9xt.\",\"title\":\"Head\",\"url\":\"https://example.org/a\","
      "\"date\":\"2023-03-01T10:00:00Z\"}\n"
      "   \n"
      "{\"id\":\"b\",\"text\":\"Other.\",\"date\":\"01/03/2023\"}";  // no final newline
  EXPECT_TRUE(read_jsonl("m.jsonl", bytes, {}, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 2u);
  const Document& a = c.docs[0];
  EXPECT_EQ(a.id, "a");
  EXPECT_EQ(a.text, "T\xC3\xA9xt.");
  EXPECT_EQ(a.title, "Head");
  EXPECT_EQ(a.url, "https://example.org/a");
  EXPECT_EQ(a.date, (Date{2023, 3, 1}));
  EXPECT_EQ(a.line, 2);
  EXPECT_EQ(a.source, "m.jsonl");
  const Document& b = c.docs[1];
  EXPECT_EQ(b.line, 4);
  EXPECT_FALSE(b.date.has_value());
  ASSERT_EQ(c.diags.size(), 1u);  // the unparsable date is a warning
  EXPECT_EQ(c.diags[0].severity, Severity::kWarning);
  EXPECT_EQ(c.diags[0].where.line, 4);
  EXPECT_NE(c.diags[0].message.find("01/03/2023"), std::string::npos);
}

TEST(Reader, RecordDateWinsAndDateOptionFillsTheRest) {
  Collected c;
  ReadOptions o;
  o.date = Date{2020, 1, 2};
  const std::string bytes =
      "{\"id\":\"a\",\"text\":\"T.\",\"date\":\"2023-03-01\"}\n"
      "{\"id\":\"b\",\"text\":\"T.\",\"date\":\"garbage\"}\n"
      "{\"id\":\"c\",\"text\":\"T.\"}\n";
  EXPECT_TRUE(read_jsonl("d.jsonl", bytes, o, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].date, (Date{2023, 3, 1}));  // the record's own date
  EXPECT_EQ(c.docs[1].date, (Date{2020, 1, 2}));  // unreadable: --date fills it (with a warning)
  EXPECT_EQ(c.docs[2].date, (Date{2020, 1, 2}));  // none: --date fills it
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_NE(c.diags[0].message.find("garbage"), std::string::npos);
}

TEST(Reader, JsonLinesLoneSurrogateIsAWarning) {
  Collected c;
  EXPECT_TRUE(read_jsonl("s.jsonl", "{\"id\":\"a\",\"text\":\"x\\ud800y\"}\n", {}, c.article(),
                         c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "x\xEF\xBF\xBDy");
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].severity, Severity::kWarning);
  EXPECT_EQ(c.diags[0].where.line, 1);
}

TEST(Reader, JsonLinesEmptyOrBinaryFile) {
  {
    Collected c;
    EXPECT_FALSE(read_jsonl("e.jsonl", "\n\n", {}, c.article(), c.diagnostic()));
    ASSERT_EQ(c.diags.size(), 1u);
    EXPECT_EQ(c.diags[0].severity, Severity::kError);
  }
  {
    Collected c;
    EXPECT_FALSE(read_jsonl("b.jsonl", std::string("{\"id\":\"a\",\n\"te\0", 15), {}, c.article(),
                            c.diagnostic()));
    EXPECT_TRUE(c.docs.empty());
    ASSERT_EQ(c.diags.size(), 2u);  // line 1 is not a whole record; line 2 holds a NUL
    EXPECT_EQ(c.diags[1].where.str(), "b.jsonl:2:4");
    EXPECT_NE(c.diags[1].message.find("NUL"), std::string::npos);
  }
}

TEST(Reader, JsonLinesWronglyTypedOptionalMembersAreWarnings) {
  Collected c;
  EXPECT_TRUE(read_jsonl("t.jsonl", R"({"id":"a","text":"Body.","title":7,"url":null,"date":[2020]})" "\n", {},
                         c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].title, "");
  ASSERT_EQ(c.diags.size(), 3u);
  for (const auto& d : c.diags) EXPECT_EQ(d.severity, Severity::kWarning);
  EXPECT_NE(c.diags[0].message.find("\"title\": expected a string, found a number"), std::string::npos)
      << c.diags[0].message;
  EXPECT_NE(c.diags[2].message.find("\"date\""), std::string::npos);
}

// One bad record fails alone: a NUL byte in one record, CR-only and CRLF line ends, a byte
// order mark before the first record, a \u0000 escape (an error for its record, never a cut).
TEST(Reader, JsonLinesOneBadRecordLosesOnlyItself) {
  Collected c;
  const std::string bytes = std::string("\xEF\xBB\xBF") + R"({"id":"a","text":"First."})" + "\r\n" +
                            R"({"id":"b","text":"Se)" + std::string(1, '\0') + R"(cond."})" + "\r" +
                            R"({"id":"c","text":"Third \u0000 here."})" + "\r" +
                            R"({"id":"d","text":"Fourth."})" + "\n" +
                            R"({"id":"e","text":"Fifth."})";
  EXPECT_FALSE(read_jsonl("m.jsonl", bytes, {}, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 3u);
  EXPECT_EQ(c.docs[0].id, "a");
  EXPECT_EQ(c.docs[0].line, 1);
  EXPECT_EQ(c.docs[0].text, "First.");
  EXPECT_EQ(c.docs[1].id, "d");
  EXPECT_EQ(c.docs[1].line, 4);
  EXPECT_EQ(c.docs[2].id, "e");
  EXPECT_EQ(c.docs[2].line, 5);
  ASSERT_EQ(c.diags.size(), 2u);
  EXPECT_EQ(c.diags[0].severity, Severity::kError);
  EXPECT_EQ(c.diags[0].where.str(), "m.jsonl:2:21");
  EXPECT_NE(c.diags[0].message.find("NUL byte"), std::string::npos);
  EXPECT_EQ(c.diags[1].severity, Severity::kError);
  EXPECT_EQ(c.diags[1].where.str(), "m.jsonl:3:25");  // the backslash of \u0000
  EXPECT_NE(c.diags[1].message.find("\\u0000"), std::string::npos) << c.diags[1].message;
}

// Columns count the bytes of the file as it is, even after invalid UTF-8 on the same line
// (three bytes of U+FFFD stand for one bad byte in the text, not in the column).
TEST(Reader, JsonLinesColumnsCountTheFileBytesAfterInvalidUtf8) {
  Collected c;
  const std::string bytes = "{\"id\":\"a\xFF\",\"text\":7}\n{\"id\":\"b\",\"text\":\"x\xC3\"}\n";
  EXPECT_FALSE(read_jsonl("u.jsonl", bytes, {}, c.article(), c.diagnostic()));
  // (record by record: the file is read as it streams, not held)
  ASSERT_EQ(c.diags.size(), 3u);
  EXPECT_EQ(c.diags[0].where.str(), "u.jsonl:1:9");   // the \xFF
  EXPECT_EQ(c.diags[0].severity, Severity::kWarning);
  EXPECT_EQ(c.diags[1].where.str(), "u.jsonl:1:19");  // the 7, counted in the file's bytes
  EXPECT_EQ(c.diags[1].severity, Severity::kError);
  EXPECT_EQ(c.diags[2].where.str(), "u.jsonl:2:20");  // the \xC3
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].id, "b");
  EXPECT_EQ(c.docs[0].text, "x\xEF\xBF\xBD");
}

// A stream cut anywhere (inside a record, a CRLF, a UTF-8 sequence, the byte order mark)
// gives the records and messages of the whole file read at once.
TEST(Reader, JsonLinesStreamCutAnywhereGivesTheSameRecords) {
  ReadOptions o;
  o.max_article_bytes = 60;
  const std::string bytes = "\xEF\xBB\xBF{\"id\":\"a\",\"text\":\"One \xFF.\"}\r\n\r\n"
                            "{\"id\":\"b\",\"text\":\"" + std::string(70, 'x') + "\"}\r"
                            "{\"id\":\"c\",\"text\":\"Tr\xC3\xA8s.\"}\n"
                            "{\"id\":\"d\",\"text\":,}\r\n"
                            "{\"id\":\"e\",\"text\":\"Last, no line end.\"}";
  Collected whole;
  EXPECT_FALSE(read_jsonl("s.jsonl", bytes, o, whole.article(), whole.diagnostic()));
  ASSERT_EQ(whole.docs.size(), 3u);
  EXPECT_EQ(whole.docs[2].id, "e");
  EXPECT_EQ(whole.docs[2].line, 6);
  ASSERT_EQ(whole.diags.size(), 3u);
  EXPECT_EQ(whole.diags[0].where.str(), "s.jsonl:1:23");  // the \xFF (the BOM not counted)
  EXPECT_EQ(whole.diags[1].where.str(), "s.jsonl:3:1");   // too long
  EXPECT_EQ(whole.diags[2].where.str(), "s.jsonl:5:18");  // malformed
  for (size_t chunk : {1, 2, 3, 5, 7, 64, 1000}) {
    SCOPED_TRACE(chunk);
    Collected c;
    const std::string name = "s.jsonl";
    const ArticleSink on_article = c.article();
    const DiagnosticSink on_diagnostic = c.diagnostic();
    JsonlStream stream(name, o, on_article, on_diagnostic);
    for (size_t i = 0; i < bytes.size(); i += chunk) stream.feed(std::string_view(bytes).substr(i, chunk));
    EXPECT_FALSE(stream.finish());
    ASSERT_EQ(c.docs.size(), whole.docs.size());
    for (size_t k = 0; k < c.docs.size(); ++k) {
      EXPECT_EQ(c.docs[k].id, whole.docs[k].id);
      EXPECT_EQ(c.docs[k].text, whole.docs[k].text);
      EXPECT_EQ(c.docs[k].line, whole.docs[k].line);
    }
    ASSERT_EQ(c.diags.size(), whole.diags.size());
    for (size_t k = 0; k < c.diags.size(); ++k) EXPECT_EQ(c.diags[k].str(), whole.diags[k].str());
  }
}

TEST(Reader, ARecordLongerThanTheLimitFailsAlone) {
  Collected c;
  ReadOptions o;
  o.max_article_bytes = 40;
  const std::string bytes = "{\"id\":\"a\",\"text\":\"Short.\"}\n{\"id\":\"b\",\"text\":\"" +
                            std::string(40, 'x') + "\"}\n{\"id\":\"c\",\"text\":\"Also short.\"}\n";
  EXPECT_FALSE(read_jsonl("l.jsonl", bytes, o, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[1].id, "c");
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_EQ(c.diags[0].where.str(), "l.jsonl:2:1");
  EXPECT_NE(c.diags[0].message.find("--max-article-bytes"), std::string::npos);
}

TEST(Reader, ATextFileLongerThanTheLimitIsReadNoFurther) {
  // A FIFO fed more than the limit: the reader stops at the limit and says so (as it would on
  // /dev/zero, which never ends).
  const std::string dir = testing::TempDir() + "parley-reader-limit-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  const std::string fifo = dir + "/endless.txt";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  // the writer sees EPIPE when the reader stops, not a signal that would end the tests
  void (*old_pipe)(int) = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] {
    FILE* f = std::fopen(fifo.c_str(), "wb");
    if (!f) return;
    const std::string chunk(4096, 'a');
    for (int i = 0; i < 1000 && std::fwrite(chunk.data(), 1, chunk.size(), f) == chunk.size(); ++i) {
    }
    std::fclose(f);
  });
  ReadOptions o;
  o.max_article_bytes = 10000;
  Collected c;
  EXPECT_FALSE(read_input(fifo, o, c.article(), c.diagnostic()));
  writer.join();
  std::signal(SIGPIPE, old_pipe);
  EXPECT_TRUE(c.docs.empty());
  ASSERT_EQ(c.diags.size(), 1u);
  EXPECT_NE(c.diags[0].message.find("longer than the limit of 10000 bytes"), std::string::npos)
      << c.diags[0].message;
  std::filesystem::remove_all(dir);
}

TEST(Reader, ATextArticleDropsItsByteOrderMark) {
  Collected c;
  EXPECT_TRUE(read_text_article("b.txt", "b.txt", "\xEF\xBB\xBFHeadline\nBody text.\n", {}, c.article(),
                                c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 1u);
  EXPECT_EQ(c.docs[0].text, "Headline\nBody text.\n");
  EXPECT_EQ(c.docs[0].title, "Headline");
}

TEST(Reader, Utf16IsAnErrorThatSaysSo) {
  const std::string dir = testing::TempDir() + "parley-reader-utf16-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir);
  for (const char* name : {"/a.txt", "/a.jsonl"}) {
    SCOPED_TRACE(name);
    const std::string p = dir + name;
    {
      FILE* f = std::fopen(p.c_str(), "wb");
      ASSERT_NE(f, nullptr);
      std::fwrite("\xFF\xFEH\0i\0\n\0", 1, 8, f);
      std::fclose(f);
    }
    Collected c;
    EXPECT_FALSE(read_input(p, {}, c.article(), c.diagnostic()));
    EXPECT_TRUE(c.docs.empty());
    ASSERT_EQ(c.diags.size(), 1u);
    EXPECT_EQ(c.diags[0].where.str(), p + ":1:1");
    EXPECT_NE(c.diags[0].message.find("UTF-16"), std::string::npos);
  }
  std::filesystem::remove_all(dir);
}

TEST(Reader, JsonLinesLineEndsAllWork) {
  for (const char* end : {"\n", "\r\n", "\r"}) {
    SCOPED_TRACE(testing::PrintToString(std::string(end)));
    Collected c;
    const std::string bytes = std::string(R"({"id":"a","text":"One."})") + end + end +  // a blank line
                              R"({"id":"b","text":"Two."})" + end + R"({"id":"c","text":)" + end;
    EXPECT_FALSE(read_jsonl("e.jsonl", bytes, {}, c.article(), c.diagnostic()));
    ASSERT_EQ(c.docs.size(), 2u);
    EXPECT_EQ(c.docs[0].text, "One.");  // no CR left on the text
    EXPECT_EQ(c.docs[1].id, "b");
    EXPECT_EQ(c.docs[1].line, 3);
    ASSERT_EQ(c.diags.size(), 1u);
    EXPECT_EQ(c.diags[0].where.str(), "e.jsonl:4:18");
  }
}

// Every diagnostic about a record names its line and the column of what is wrong (the BOM's
// three bytes counted on the first line).
TEST(Reader, JsonLinesRecordDiagnosticsNameLineAndColumn) {
  struct Row {
    const char* name;
    std::string line;
    Severity severity;
    const char* where;    // FILE:LINE:COL
    const char* message;  // a substring
    bool delivered;
  };
  const Row kRows[] = {
      {"id a number", R"({"id":7,"text":"T."})", Severity::kError, "r.jsonl:1:7",
       "no string member \"id\" (found a number)", false},
      {"id missing", R"({"text":"T."})", Severity::kError, "r.jsonl:1:1", "no string member \"id\"", false},
      {"id empty", R"({"id":"","text":"T."})", Severity::kError, "r.jsonl:1:7", "empty \"id\"", false},
      {"text an array", R"({"id":"a", "text":["T."]})", Severity::kError, "r.jsonl:1:19",
       "no string member \"text\" (found an array)", false},
      {"text blank", R"({"id":"a","text":" \n "})", Severity::kError, "r.jsonl:1:18", "empty text", false},
      {"title a number", R"({"id":"a","text":"T.","title":7})", Severity::kWarning, "r.jsonl:1:31",
       "ignoring \"title\": expected a string, found a number", true},
      {"url an object", R"({"id":"a","text":"T.","url":{}})", Severity::kWarning, "r.jsonl:1:29",
       "ignoring \"url\": expected a string, found an object", true},
      {"date a number", R"({"id":"a","text":"T.","date":20230301})", Severity::kWarning, "r.jsonl:1:30",
       "ignoring \"date\": expected a string, found a number", true},
      {"year 0000", R"({"id":"a","text":"T.","date":"0000-01-01"})", Severity::kWarning, "r.jsonl:1:30",
       "0001-01-01 to 9999-12-31, found \"0000-01-01\"", true},
      {"lone surrogate", R"({"id":"a","text":"T. \udc00"})", Severity::kWarning, "r.jsonl:1:22",
       "unpaired surrogate", true},
      {"member twice", R"({"id":"a","text":"T.","id":"b"})", Severity::kError, "r.jsonl:1:23",
       "member \"id\" given twice", false},
      {"BOM before a bad record", "\xEF\xBB\xBF" R"({"id":"a","text":1})", Severity::kError,
       "r.jsonl:1:21", "no string member \"text\"", false},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.name);
    Collected c;
    const bool ok = read_jsonl("r.jsonl", row.line + "\n", {}, c.article(), c.diagnostic());
    EXPECT_EQ(ok, row.severity == Severity::kWarning);
    EXPECT_EQ(c.docs.size(), row.delivered ? 1u : 0u);
    ASSERT_EQ(c.diags.size(), 1u);
    EXPECT_EQ(c.diags[0].severity, row.severity);
    EXPECT_EQ(c.diags[0].where.str(), row.where);
    EXPECT_NE(c.diags[0].message.find(row.message), std::string::npos) << c.diags[0].message;
  }
}

TEST(Reader, ReadInputChoosesByExtension) {
  unit::TempDir dir;
  unit::write_file(dir.path() / "news.jsonl", "{\"id\":\"j1\",\"text\":\"A.\"}\n");
  unit::write_file(dir.path() / "story one.txt", "Body.\n");
  Collected c;
  EXPECT_TRUE(read_input((dir.path() / "news.jsonl").string(), {}, c.article(), c.diagnostic()));
  EXPECT_TRUE(read_input((dir.path() / "story one.txt").string(), {}, c.article(), c.diagnostic()));
  ASSERT_EQ(c.docs.size(), 2u);
  EXPECT_EQ(c.docs[0].id, "j1");
  EXPECT_EQ(c.docs[1].id, "story one.txt");
  EXPECT_EQ(c.docs[1].text, "Body.\n");

  Collected missing;
  const std::string nowhere = (dir.path() / "nowhere.txt").string();
  EXPECT_FALSE(read_input(nowhere, {}, missing.article(), missing.diagnostic()));
  ASSERT_EQ(missing.diags.size(), 1u);
  EXPECT_EQ(missing.diags[0].where.file, nowhere);
  EXPECT_FALSE(read_input(dir.path().string(), {}, missing.article(), missing.diagnostic()));
  EXPECT_TRUE(missing.docs.empty());
}

TEST(Reader, GuessTitle) {
  struct Row {
    const char* text;
    const char* title;
  };
  static const Row kRows[] = {
      {"Talks held on Gibraltar's future\n\nTwo days of talks begin.", "Talks held on Gibraltar's future"},
      {"\n\n  Indented headline  \nBody.", "Indented headline"},
      {"Headline\r\nBody.", "Headline"},
      {"A full sentence ends here.\nMore text.", ""},
      {"Ends with a colon:\nMore.", ""},
      {"Ends with a comma,\nmore.", ""},
      {"Only one line without a break", ""},
      {"", ""},
      {"\n \n", ""},
  };
  for (const Row& row : kRows) {
    SCOPED_TRACE(row.text);
    EXPECT_EQ(guess_title(row.text), row.title);
  }
  const std::string long_line = std::string(201, 'x') + "\nBody.";
  EXPECT_EQ(guess_title(long_line), "");
}

// An extension that says "not plain text" is refused before the file is read as an article
// (a .json or .csv file used to become "sentences" of markup without a word).
TEST(Reader, ExtensionsParleyCannotReadAreAnError) {
  unit::TempDir dir;
  for (const char* name : {"records.json", "TABLE.CSV", "rows.tsv", "page.html", "graph.nq", "a.pdf"}) {
    SCOPED_TRACE(name);
    const std::string path = (dir.path() / name).string();
    unit::write_file(path, "Iran met Iraq in Baghdad on Monday.\n");
    Collected c;
    EXPECT_FALSE(read_input(path, {}, c.article(), c.diagnostic()));
    EXPECT_TRUE(c.docs.empty());
    ASSERT_EQ(c.diags.size(), 1u);
    EXPECT_EQ(c.diags[0].severity, Severity::kError);
    EXPECT_EQ(c.diags[0].where.file, path);
    EXPECT_NE(c.diags[0].message.find("file is not read"), std::string::npos) << c.diags[0].message;
    EXPECT_NE(c.diags[0].message.find(".jsonl"), std::string::npos) << c.diags[0].message;
  }
  for (const char* name : {"story.txt", "story", "story.text", "story.md"}) {
    SCOPED_TRACE(name);
    const std::string path = (dir.path() / name).string();
    unit::write_file(path, "Iran met Iraq in Baghdad on Monday.\n");
    Collected c;
    EXPECT_TRUE(read_input(path, {}, c.article(), c.diagnostic()));
    EXPECT_EQ(c.docs.size(), 1u);
  }
}

}  // namespace
}  // namespace parley::text
