/// Reading and writing CoNLL-U (Universal Dependencies 2): the treebanks parley's models are
/// trained on, and the format `parley parse` shows its analyses in.
///
///   Result<std::vector<syntax::Sentence>> train = syntax::read_conllu(bytes, "en_ewt-ud-train.conllu");
///   if (!train.ok()) return train.status();        // "en_ewt-ud-train.conllu:17:3: ..."
///   std::string out;
///   for (const syntax::Sentence& s : train.value()) syntax::write_conllu(s, out);
///
/// Both functions are pure (no I/O, no global state) and safe to call from several threads.
/// Reading is linear in the input: EWT train (14 MB) takes well under a second.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "syntax/sentence.h"

namespace parley::syntax {

/// Reads every sentence of a CoNLL-U document. `file` only names the input in error messages.
///
/// - Comments: "# sent_id = X" sets Sentence::id, "# text = X" sets Sentence::text; other
///   comments ("# newdoc id", "# newpar id", ...) are ignored.
/// - Multiword token lines ("3-4  don't  _ ...") become Sentence::multiword (form, first, last,
///   space_after from their MISC). Its words get space_after=false except the last, which takes
///   the token's.
/// - Empty nodes ("8.1", enhanced dependencies only) are checked for a well-formed ID and
///   skipped: basic trees never point at them.
/// - Word columns: FORM, LEMMA, UPOS, XPOS, FEATS ("_" -> "", except LEMMA "_" of FORM "_"),
///   HEAD (0 -> -1, "_" -> -1, else ID-1), DEPREL ("_" -> ""), MISC SpaceAfter=No ->
///   space_after=false. DEPS and the rest of MISC are not kept.
/// - Sentence::tagged is set when every word has a UPOS, Sentence::parsed when every word has
///   a HEAD and a DEPREL (not "_").
/// - Spans: begin/end of words and multiword tokens are byte offsets into Sentence::text when
///   the token forms are found in it in order, separated only by whitespace (ASCII or Unicode,
///   such as no-break spaces; the normal case);
///   otherwise Sentence::text is replaced by the text rebuilt from the forms and SpaceAfter,
///   and the spans point into that. The words of a multiword token get consecutive sub-spans
///   when their forms spell the token ("do"+"n't" = "don't"), else the token's whole span.
///   Sentence::begin = 0, Sentence::end = text.size().
/// - Not checked: that the heads form a tree (cycles, several roots); readers of the tree
///   (`Sentence::subtree`, `path`, ...) are guarded against cycles instead.
///
/// Errors name `file`:LINE:COLUMN (1-based, column in characters) and say what was expected
/// and what was found: a line without 10 tab-separated columns, an empty column, a FORM of
/// spaces only, a bad ID, a word ID that does not follow on, a multiword range that does not
/// match the words after it, a HEAD that is not a number or out of range or the word itself, a
/// sentence without words.
/// A missing final blank line is tolerated; so are several blank lines between sentences, a
/// UTF-8 byte order mark and CRLF line ends.
Result<std::vector<Sentence>> read_conllu(std::string_view data, const std::string& file);

/// Appends sentence `s` to `out` in CoNLL-U: "# sent_id = " and "# text = " when set (line
/// breaks and tabs in the text become spaces, keeping byte offsets), multiword token lines,
/// then word lines, then a blank line. Empty columns are written "_"; HEAD is "_" for a word
/// with head -1 in an unparsed sentence, 0 for a root of a parsed one, else head+1. MISC holds
/// SpaceAfter=No where space_after is false and TokenRange=B:E when the span is not empty (the
/// token's byte span, as UDPipe writes it: on the multiword line for the words of a multiword
/// token, whose own MISC is then "_"). Multiword tokens out of word order or out of range are
/// left out (their words are still written); DEPS is always "_".
void write_conllu(const Sentence& s, std::string& out);

}  // namespace parley::syntax
