#!/usr/bin/env bash
# syntax.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# The syntax commands (parse, eval-syntax, train-syntax) with the real binary and the model
# compiled into it (models/en-ud.syntax; --model only where a check needs another file):
#   - parse on a text file (with multiword tokens such as "don't", wrapped lines, non-ASCII
#     words), a CRLF file and a JSON Lines file gives valid CoNLL-U: 10 tab-separated columns,
#     word ids 1..n in sequence, multiword ranges over the words that follow, exactly one root,
#     every head in range and no cycle; every token's TokenRange=B:E slices the article's bytes
#     (the file's bytes, or the JSON record's UTF-8 text) to exactly its FORM, the multiword
#     token line included, and the words of a multiword token spell it;
#   - a missing input among good ones: reported, exit 1, the good ones still analysed;
#   - parse --no-parse: tags and lemmas, HEAD and DEPREL "_";
#   - parse --tokens on a slice of EWT dev keeps every FORM, multiword token and sentence
#     break (columns 1-2 and sent_id compared line by line);
#   - eval-syntax on EWT dev: its "recorded form:" line equals the scores the model recorded
#     (parse --info), so the committed model reproduces its recorded accuracy to the digit;
#   - train-syntax on 300 EWT train sentences, twice: byte-identical files, which load
#     (parse --info --model) and whose recorded dev scores eval-syntax reproduces;
#   - bad model files (missing, empty, truncated, one flipped byte, a byte appended, a text
#     file, a directory): an error naming the file, exit 1, no crash and nothing on stdout; and
#     damage the checksum cannot catch (lengths and counts changed, the body cut, in a tiny
#     model whose checksum is recomputed): refused by the section readers the same way;
#   - stdout on /dev/full: exit 1 with an error; -o a named pipe writes through it;
#   - usage errors exit 2 and name the offending flag, before any work.
# The treebank checks need $PARLEY_SHARED/treebank/UD_English-EWT and are skipped, with a
# message, when it is absent.
source "$(dirname "$0")/lib.sh" "$@"

EWT=$SHARED/treebank/UD_English-EWT
HAVE_EWT=0
if [ -f "$EWT/en_ewt-ud-dev.conllu" ] && [ -f "$EWT/en_ewt-ud-train.conllu" ]; then
  HAVE_EWT=1
else
  echo "SKIP: $EWT not found: the treebank checks (--tokens, eval-syntax, train-syntax, models with recomputed checksums) are skipped"
fi

# first_sentences N FILE: the first N sentences of a CoNLL-U file (blank-line separated).
first_sentences() {
  awk -v n="$1" 'BEGIN { RS = ""; ORS = "\n\n" } NR <= n' "$2"
}

# check_conllu MODE OUT [INPUT...]: validates the CoNLL-U file OUT (see the header). MODE is
# "parsed" or "unparsed" (HEAD and DEPREL must then be "_"). Without INPUTs, each TokenRange is
# checked against the sentence's "# text" (parse --tokens); with them, against the article
# named by "# newdoc id": a .txt INPUT is one article named by its base name, a .jsonl one an
# article per record. Prints a summary, or the problems and exits 1.
check_conllu() {
  "$PY" - "$@" <<'PYEOF'
import json, os, sys

mode, out_path, inputs = sys.argv[1], sys.argv[2], sys.argv[3:]
UPOS = set("ADJ ADP ADV AUX CCONJ DET INTJ NOUN NUM PART PRON PROPN PUNCT SCONJ SYM VERB X".split())
docs = {}
for p in inputs:
    if p.endswith(".jsonl"):
        with open(p, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    docs[r["id"]] = r["text"].encode("utf-8")
    else:
        with open(p, "rb") as f:
            docs[os.path.basename(p)] = f.read()

problems = []
def bad(lineno, msg):
    problems.append(f"{out_path}:{lineno}: {msg}")

try:
    text = open(out_path, "rb").read().decode("utf-8")
except UnicodeDecodeError as e:
    print(f"{out_path}: not UTF-8: {e}")
    sys.exit(1)
if text and not text.endswith("\n\n"):
    bad(text.count("\n") + 1, "the file does not end with a blank line")

doc_id = None
docs_seen = []
stats = {"sentences": 0, "words": 0, "multiword": 0}
mwt_forms = set()

def token_range(lineno, misc):
    for item in misc.split("|"):
        if item.startswith("TokenRange="):
            b, _, e = item[len("TokenRange="):].partition(":")
            if not (b.isdigit() and e.isdigit()):
                bad(lineno, f"malformed {item}")
                return None
            return int(b), int(e)
    return None

def check_sentence(sent):
    before = len(problems)
    comments = {}
    for lineno, line in sent:
        if line.startswith("#"):
            k, _, v = line[1:].partition("=")
            comments[k.strip()] = v.strip() if _ else None
    rows = [(n, l.split("\t")) for n, l in sent if not l.startswith("#")]
    first = sent[0][0]
    if not rows:
        bad(first, "a sentence without words")
        return
    if doc_id is not None:
        ref = docs.get(doc_id)
        if ref is None:
            bad(first, f"# newdoc id = {doc_id} names no input article")
            return
    else:
        if "text" not in comments:
            bad(first, "no # text comment to check TokenRange against")
            return
        ref = comments["text"].encode("utf-8")
    words = []  # (lineno, cols)
    mwts = []   # (lineno, first, last, cols)
    expected = 1
    for n, c in rows:
        if len(c) != 10:
            bad(n, f"{len(c)} tab-separated columns, expected 10")
            continue
        if any(x == "" for x in c):
            bad(n, "an empty column (CoNLL-U writes _)")
        wid = c[0]
        if "-" in wid:
            a, _, b = wid.partition("-")
            if not (a.isdigit() and b.isdigit()) or int(a) != expected or int(b) <= int(a):
                bad(n, f"multiword range {wid} where the next word is {expected}")
                continue
            mwts.append((n, int(a), int(b), c))
        elif wid.isdigit():
            if int(wid) != expected:
                bad(n, f"word id {wid}, expected {expected}")
            expected = int(wid) + 1
            words.append((n, c))
        else:
            bad(n, f"id {wid!r} is neither a word nor a multiword range (parley writes no empty nodes)")
    nw = len(words)
    stats["sentences"] += 1
    stats["words"] += nw
    stats["multiword"] += len(mwts)
    inside = set()
    last_end = -1
    spans = {}
    for n, a, b, c in mwts:
        mwt_forms.add(c[1])
        if b > nw:
            bad(n, f"multiword range {a}-{b} past the last word {nw}")
            continue
        inside.update(range(a, b + 1))
        pieces = "".join(words[i - 1][1][1] for i in range(a, b + 1))
        if pieces != c[1]:
            bad(n, f"the words {pieces!r} of multiword token {c[1]!r} do not spell it")
        spans[a] = (n, c)
    heads = []
    roots = 0
    for i, (n, c) in enumerate(words, start=1):
        if c[3] not in UPOS:
            bad(n, f"UPOS {c[3]!r} is not a UD tag")
        if c[2] == "_" and c[1] != "_":
            bad(n, f"no lemma for {c[1]!r}")
        if mode == "unparsed":
            if c[6] != "_" or c[7] != "_":
                bad(n, f"HEAD {c[6]!r} DEPREL {c[7]!r} with --no-parse, expected _ and _")
        else:
            if not c[6].isdigit() or int(c[6]) > nw or int(c[6]) == i:
                bad(n, f"HEAD {c[6]!r} is not a word of this sentence (1..{nw}) or 0")
                heads.append(0)
            else:
                heads.append(int(c[6]))
                if int(c[6]) == 0:
                    roots += 1
                    if c[7] != "root":
                        bad(n, f"a root with DEPREL {c[7]!r}")
                elif c[7] == "root":
                    bad(n, "DEPREL root on a word that has a head")
            if c[7] == "_":
                bad(n, "no DEPREL")
        if i in inside:
            if c[9] != "_":
                bad(n, f"word {i} of a multiword token has MISC {c[9]!r} (the range is on the token line)")
        else:
            spans[i] = (n, c)
    if mode == "parsed" and len(problems) == before:
        if roots != 1:
            bad(first, f"{roots} roots, expected exactly one")
        for i in range(1, nw + 1):  # every word reaches the root within nw steps
            j, steps = i, 0
            while j != 0 and steps <= nw:
                j, steps = heads[j - 1], steps + 1
            if j != 0:
                bad(words[i - 1][0], f"word {i} is on a cycle of heads")
                break
    for k in sorted(spans):
        n, c = spans[k]
        r = token_range(n, c[9])
        if r is None:
            bad(n, f"no TokenRange for {c[1]!r}")
            continue
        b, e = r
        got = ref[b:e].decode("utf-8", "replace") if 0 <= b < e <= len(ref) else None
        if got != c[1]:
            bad(n, f"TokenRange={b}:{e} slices {got!r} from the article, the FORM is {c[1]!r}")
        if b < last_end:
            bad(n, f"TokenRange={b}:{e} starts before the previous token ends ({last_end})")
        last_end = e

sent = []
lines = text.split("\n")
if lines and lines[-1] == "":
    lines.pop()
for lineno, line in enumerate(lines, start=1):
    if line.startswith("# newdoc id = ") and not sent:
        doc_id = line[len("# newdoc id = "):]
        docs_seen.append(doc_id)
        continue
    if line == "":
        if sent:
            check_sentence(sent)
        sent = []
    else:
        sent.append((lineno, line))
if sent:
    check_sentence(sent)
if inputs and sorted(docs_seen) != sorted(docs):
    problems.append(f"{out_path}: articles {sorted(docs_seen)}, expected {sorted(docs)}")
if stats["sentences"] == 0:
    problems.append(f"{out_path}: no sentences")
if problems:
    for p in problems[:25]:
        print(p)
    if len(problems) > 25:
        print(f"... and {len(problems) - 25} more")
    sys.exit(1)
print(f"{stats['sentences']} sentences, {stats['words']} words, {stats['multiword']} multiword tokens"
      f" ({' '.join(sorted(mwt_forms)[:12])})")
PYEOF
}

# --- the default model ------------------------------------------------------------------------
run info parse --info
MODEL=$(sed -n 's/^model: //p' "$WORK/info.stdout")
SCORES=$(sed -n 's/^scores: //p' "$WORK/info.stdout")
HAVE_MODEL=0
if [ "$RC" -eq 0 ] && [ -n "$MODEL" ] && [ -f "$MODEL" ]; then
  HAVE_MODEL=1
  ok "parse --info: the default model $MODEL loads ($SCORES)"
  grep -qE '^(data|licence|attribution): .+' "$WORK/info.stdout" \
    && [ "$(grep -cE '^(data|licence|attribution): .+' "$WORK/info.stdout")" -eq 3 ] \
    && ok "parse --info names the training data, its licence and attribution" \
    || { fail "parse --info: data, licence or attribution is empty:"; show "$WORK/info.stdout"; }
  [[ "$SCORES" =~ ^dev:\ upos=[0-9.]+\ xpos=[0-9.]+\ lemma=[0-9.]+\ uas=[0-9.]+\ las=[0-9.]+$ ]] \
    && ok "parse --info: recorded scores '$SCORES'" \
    || fail "parse --info: recorded scores '$SCORES' are not 'dev: upos=.. xpos=.. lemma=.. uas=.. las=..'"
else
  fail "parse --info (the default model compiled into parley) exited $RC: is models/en-ud.syntax" \
    "committed, and written by this version of parley? The checks that need it are skipped. stderr:"
  show "$WORK/info.stderr"
fi

# --- parse: CoNLL-U and byte offsets -----------------------------------------------------------
TXT=$WORK/talks.txt
cat >"$TXT" <<'EOF'
Talks in Geneva
    GENEVA, March 3 - Armenia's foreign minister said on Monday that he doesn't expect
a deal before the U.S. envoy arrives, and that "we won't sign anything" under pressure.
    Elçin Qasımlı met Gor Hakobyan in Ağdam; they couldn't agree on the 1990-91 borders.
Mr. Smith said the e-mail, sent at 3:30 p.m., cost $5,000 (about 10%).

I don't know.  She can't go – or cannot?  Iran’s envoy said it’s over...
EOF
CRLF=$WORK/crlf.txt
printf "Russia's envoy didn't come.\r\nThe talks in Kyiv\r\nwere postponed, officials said.\r\n" >"$CRLF"
JSONL=$WORK/articles.jsonl
cat >"$JSONL" <<'EOF'
{"id": "j1", "date": "2024-03-01", "text": "Turkey's minister didn't attend.\nTalks resumed on Friday in Baku."}
{"id": "j2", "text": "\"We can't wait,\" she said in M\u00fcnchen.\tMevl\u00fct \u00c7avu\u015fo\u011flu agreed \u2014 Iran\u2019s envoy didn\u2019t."}
EOF

if [ "$HAVE_MODEL" -eq 1 ]; then
  run parse-txt parse -o "$WORK/talks.conllu" "$TXT" "$CRLF"
  if [ "$RC" -ne 0 ]; then
    fail "parse $TXT $CRLF exited $RC; stderr:"
    show "$WORK/parse-txt.stderr"
  elif out=$(check_conllu parsed "$WORK/talks.conllu" "$TXT" "$CRLF" 2>&1); then
    ok "parse text files: valid CoNLL-U, one rooted tree each, TokenRange = FORM: $out"
    for form in "don't" "won't" "Armenia's" "Iran’s"; do
      if grep -qP "^[0-9]+-[0-9]+\t\Q$form\E\t" "$WORK/talks.conllu"; then
        ok "parse: '$form' is a multiword token line (its TokenRange checked above)"
      else
        fail "parse: no multiword token line for '$form' in $WORK/talks.conllu"
      fi
    done
  else
    fail "parse text files: $WORK/talks.conllu:"
    echo "$out" | sed 's/^/    | /' >&2
  fi

  run parse-jsonl parse -o - "$JSONL"
  if [ "$RC" -ne 0 ]; then
    fail "parse $JSONL exited $RC; stderr:"
    show "$WORK/parse-jsonl.stderr"
  elif out=$(check_conllu parsed "$WORK/parse-jsonl.stdout" "$JSONL" 2>&1); then
    ok "parse JSON Lines (-o -): valid CoNLL-U, TokenRange slices each record's text: $out"
  else
    fail "parse JSON Lines: $WORK/parse-jsonl.stdout:"
    echo "$out" | sed 's/^/    | /' >&2
  fi

  run parse-stdin parse - <"$TXT"
  if [ "$RC" -eq 0 ] && cp "$TXT" "$WORK/stdin" \
      && out=$(check_conllu parsed "$WORK/parse-stdin.stdout" "$WORK/stdin" 2>&1); then
    ok "parse - (stdin): valid CoNLL-U with offsets into the input"
  else
    fail "parse - (stdin): exit $RC: ${out:-}"
    show "$WORK/parse-stdin.stderr"
  fi

  run no-parse parse --no-parse "$TXT"
  if [ "$RC" -eq 0 ] && out=$(check_conllu unparsed "$WORK/no-parse.stdout" "$TXT" 2>&1); then
    ok "parse --no-parse: UPOS and lemmas, HEAD and DEPREL _: $out"
  else
    fail "parse --no-parse: exit $RC: ${out:-}"
    show "$WORK/no-parse.stderr"
  fi
  # the words do not depend on whether the sentence is parsed
  if diff <(cut -f1-2 "$WORK/no-parse.stdout") <(cut -f1-2 "$WORK/parse-stdin.stdout" \
      | sed 's/^# newdoc id = stdin$/# newdoc id = talks.txt/; s/^# sent_id = stdin-/# sent_id = talks.txt-/') \
      >"$WORK/no-parse.diff"; then
    ok "parse --no-parse: the same words and sentences as parse"
  else
    fail "parse --no-parse splits differently from parse:"
    show "$WORK/no-parse.diff"
  fi

  # A missing input among good ones: reported, exit 1, the good one still analysed.
  run missing-input parse "$WORK/does-not-exist.txt" "$TXT"
  if [ "$RC" -eq 1 ] && grep -q 'does-not-exist\.txt' "$WORK/missing-input.stderr" \
      && grep -q '^# newdoc id = talks.txt$' "$WORK/missing-input.stdout"; then
    ok "parse MISSING GOOD: exit 1, names the missing file, still writes the good one"
  else
    fail "parse MISSING GOOD: exit $RC (want 1), stderr must name does-not-exist.txt and stdout" \
      "hold talks.txt; stderr:"
    show "$WORK/missing-input.stderr"
  fi
  run missing-only parse "$WORK/does-not-exist.txt"
  if [ "$RC" -eq 1 ] && grep -q 'does-not-exist\.txt' "$WORK/missing-only.stderr"; then
    ok "parse MISSING: exit 1, $(head -1 "$WORK/missing-only.stderr")"
  else
    fail "parse MISSING: exit $RC (want 1), stderr must name the file:"
    show "$WORK/missing-only.stderr"
  fi
fi

# --- the treebank: --tokens and eval-syntax ---------------------------------------------------
# words_of FILE: "sent_id" lines, word and multiword lines cut to ID and FORM, blank lines.
words_of() {
  awk -F'\t' '/^# sent_id = / { print; next } /^#/ { next } $0 == "" { print; next }
    $1 ~ /^[0-9]+(-[0-9]+)?$/ { print $1 "\t" $2 }' "$1"
}

if [ "$HAVE_EWT" -eq 1 ] && [ "$HAVE_MODEL" -eq 1 ]; then
  first_sentences 400 "$EWT/en_ewt-ud-dev.conllu" >"$WORK/dev400.conllu"
  run tokens parse --tokens "$WORK/dev400.conllu" -o "$WORK/tokens.conllu"
  if [ "$RC" -ne 0 ]; then
    fail "parse --tokens dev400.conllu exited $RC; stderr:"
    show "$WORK/tokens.stderr"
  else
    gold_n=$(grep -c '^# sent_id = ' "$WORK/dev400.conllu")
    got_n=$(awk 'BEGIN { RS = "" } END { print NR }' "$WORK/tokens.conllu")
    if diff <(words_of "$WORK/dev400.conllu") <(words_of "$WORK/tokens.conllu") >"$WORK/tokens.diff" \
        && [ "$gold_n" -eq "$got_n" ]; then
      ok "parse --tokens: $got_n sentences, every FORM, multiword token and sentence break kept"
    else
      fail "parse --tokens changed the words or sentences ($gold_n gold sentences, $got_n written):"
      show "$WORK/tokens.diff"
    fi
    if out=$(check_conllu parsed "$WORK/tokens.conllu" 2>&1); then
      ok "parse --tokens: valid CoNLL-U, TokenRange slices each # text: $out"
    else
      fail "parse --tokens output:"
      echo "$out" | sed 's/^/    | /' >&2
    fi
  fi

  run eval eval-syntax "$EWT/en_ewt-ud-dev.conllu"
  recorded=$(sed -n 's/^ *recorded form: */dev: /p' "$WORK/eval.stdout")
  if [ "$RC" -ne 0 ]; then
    fail "eval-syntax en_ewt-ud-dev.conllu exited $RC; stderr:"
    show "$WORK/eval.stderr"
  elif [ -n "$recorded" ] && [ "$recorded" = "$SCORES" ]; then
    ok "eval-syntax EWT dev reproduces the recorded scores: $recorded"
  else
    fail "eval-syntax EWT dev: '$recorded' differs from the model's recorded" \
      "'$SCORES' (the committed model must reproduce its recorded dev accuracy); output:"
    show "$WORK/eval.stdout"
  fi
  grep -q "parley's own words:" "$WORK/eval.stdout" \
    && ok "eval-syntax also scores parley's own words: $(grep "parley's own words:" "$WORK/eval.stdout" | tr -s ' ')" \
    || fail "eval-syntax printed no line for parley's own words"
fi

# --- train-syntax: byte-identical, loadable ---------------------------------------------------
if [ "$HAVE_EWT" -eq 1 ]; then
  first_sentences 300 "$EWT/en_ewt-ud-train.conllu" >"$WORK/train300.conllu"
  first_sentences 100 "$EWT/en_ewt-ud-dev.conllu" >"$WORK/dev100.conllu"
  for k in 1 2; do
    run "train$k" train-syntax -q --train "$WORK/train300.conllu" --dev "$WORK/dev100.conllu" \
      --tagger-epochs 2 --parser-epochs 2 --data "EWT, first 300 sentences" --licence CC-BY-SA-4.0 \
      --attribution test -o "$WORK/trained$k.syntax"
    if [ "$RC" -ne 0 ] || [ ! -s "$WORK/trained$k.syntax" ]; then
      fail "train-syntax run $k exited $RC or wrote no model; stderr:"
      show "$WORK/train$k.stderr"
    fi
  done
  if [ -s "$WORK/trained1.syntax" ] && cmp "$WORK/trained1.syntax" "$WORK/trained2.syntax"; then
    ok "train-syntax twice on the same 300 sentences: byte-identical models ($(stat -c %s "$WORK/trained1.syntax") bytes)"
  else
    fail "train-syntax is not reproducible: $WORK/trained1.syntax and trained2.syntax differ"
  fi
  run trained-info parse --info --model "$WORK/trained1.syntax"
  tscores=$(sed -n 's/^scores: //p' "$WORK/trained-info.stdout")
  if [ "$RC" -eq 0 ] && grep -q '^recipe: .*300 training sentences' "$WORK/trained-info.stdout" \
      && grep -q '^data: EWT, first 300 sentences$' "$WORK/trained-info.stdout"; then
    ok "the trained model loads (parse --info --model): $tscores"
  else
    fail "parse --info --model trained1.syntax: exit $RC, or no recipe/data lines:"
    show "$WORK/trained-info.stdout"
    show "$WORK/trained-info.stderr"
  fi
  run trained-eval eval-syntax --gold-words-only --model "$WORK/trained1.syntax" "$WORK/dev100.conllu"
  recorded=$(sed -n 's/^ *recorded form: */dev: /p' "$WORK/trained-eval.stdout")
  if [ "$RC" -eq 0 ] && [ -n "$tscores" ] && [ "$recorded" = "$tscores" ]; then
    ok "eval-syntax reproduces the scores train-syntax recorded: $recorded"
  else
    fail "eval-syntax --model trained1.syntax: exit $RC, '$recorded', recorded '$tscores'"
    show "$WORK/trained-eval.stderr"
  fi
fi

# --- bad model files --------------------------------------------------------------------------
# A real model to damage: the committed one, else the one just trained. Each damaged copy is
# removed after its check, so that a large model does not fill the disk with copies.
REAL=
if [ "$HAVE_MODEL" -eq 1 ]; then REAL=$MODEL; elif [ -s "$WORK/trained1.syntax" ]; then REAL=$WORK/trained1.syntax; fi
BAD=$WORK/bad-models
mkdir -p "$BAD"

# bad_model NAME CMD...: writes $BAD/NAME.syntax with CMD (stdout), then checks that
# parse --info refuses it: exit 1, "parley: error: " naming the file, nothing on stdout.
bad_model() {
  local name=$1 f=$BAD/$1.syntax log=model-${1//\//-}
  shift
  [ $# -eq 0 ] || "$@" >"$f"
  run "$log" parse --info --model "$f"
  if [ "$RC" -eq 1 ] && grep -qF "$f" "$WORK/$log.stderr" \
      && grep -q '^parley: error: ' "$WORK/$log.stderr" && [ ! -s "$WORK/$log.stdout" ]; then
    ok "bad model $name: exit 1, $(head -1 "$WORK/$log.stderr" | sed "s|$BAD/||")"
  else
    fail "bad model $name: parse --info --model $f exited $RC (want 1), stderr must be" \
      "'parley: error: ' naming the file, stdout empty; stderr:"
    show "$WORK/$log.stderr"
  fi
}
flip() {  # flip FILE OFFSET: FILE with the lowest bit of the byte at OFFSET flipped
  "$PY" -c 'import sys; b = bytearray(open(sys.argv[1], "rb").read()); b[int(sys.argv[2])] ^= 0x01
sys.stdout.buffer.write(b)' "$1" "$2"
}

bad_model missing
bad_model empty true
bad_model text cat "$SRC/README.md"
mkdir -p "$BAD/directory.syntax"
bad_model directory
if [ -n "$REAL" ]; then
  size=$(stat -c %s "$REAL")
  half=$((size / 2))
  for n in 4 8 20 "$half" $((size - 1)); do
    bad_model "truncated-$n" head -c "$n" "$REAL"
    [ "$n" = "$half" ] || rm -f "$BAD/truncated-$n.syntax"
  done
  for at in 0 "$half" $((size - 1)); do
    bad_model "flipped-$at" flip "$REAL" "$at"
    [ "$at" = "$half" ] || rm -f "$BAD/flipped-$at.syntax"
  done
  bad_model trailing-byte sh -c 'cat "$1"; printf x' sh "$REAL"
  rm -f "$BAD/trailing-byte.syntax"
  # the flip in the middle lies in a section, past every header check: only the checksum sees it
  grep -qi 'checksum' "$WORK/model-flipped-$half.stderr" \
    && ok "a flipped byte inside a section is caught by the checksum" \
    || { fail "a flipped byte inside a section: the error does not mention the checksum:"
         show "$WORK/model-flipped-$half.stderr"; }
  # the other commands refuse a bad model the same way, before reading their inputs
  run model-parse parse --model "$BAD/flipped-$half.syntax" "$TXT"
  [ "$RC" -eq 1 ] && [ ! -s "$WORK/model-parse.stdout" ] \
    && ok "parse INPUT with a corrupt model: exit 1, no output" \
    || { fail "parse INPUT with a corrupt model: exit $RC (want 1), stdout:"; show "$WORK/model-parse.stdout"; }
  run model-eval eval-syntax --model "$BAD/truncated-$half.syntax" "$TXT"
  [ "$RC" -eq 1 ] && grep -qF "truncated-$half.syntax" "$WORK/model-eval.stderr" \
    && ok "eval-syntax with a truncated model: exit 1, names it" \
    || { fail "eval-syntax with a truncated model: exit $RC (want 1); stderr:"; show "$WORK/model-eval.stderr"; }
  rm -f "$BAD/flipped-$half.syntax" "$BAD/truncated-$half.syntax"
else
  fail "no model to truncate or flip (neither the default model nor a trained one)"
fi

# Damage the checksum cannot see: lengths and counts changed, and the body cut, in a model
# whose checksum is then recomputed, so that the section readers' own bounds checks are what
# refuses it. A tiny model (20 sentences, one epoch) keeps Python's FNV-1a fast.
if [ "$HAVE_EWT" -eq 1 ]; then
  first_sentences 20 "$EWT/en_ewt-ud-train.conllu" >"$WORK/train20.conllu"
  run tiny train-syntax -q --train "$WORK/train20.conllu" --tagger-epochs 1 --parser-epochs 1 \
    --folds 0 -o "$WORK/tiny.syntax"
  mkdir -p "$BAD/checksummed"
  if [ "$RC" -ne 0 ]; then
    fail "train-syntax of a tiny model exited $RC"
    show "$WORK/tiny.stderr"
  elif ! out=$("$PY" - "$WORK/tiny.syntax" "$BAD/checksummed" 2>&1 <<'PYEOF'
import os, struct, sys
src, out = sys.argv[1], sys.argv[2]
b = open(src, "rb").read()
body = bytes(b[:-8])
def fnv(d):
    h = 0xcbf29ce484222325
    for c in d:
        h = ((h ^ c) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h
if fnv(body) != struct.unpack("<Q", b[-8:])[0]:
    sys.exit("the last 8 bytes are not the FNV-1a 64 of the rest (has the format changed?)")
pos = 12  # magic (8 bytes), format version (u32)
strings = []
for _ in range(6):  # name, data, licence, attribution, recipe, scores: u32 length, bytes
    strings.append(pos)
    pos += 4 + struct.unpack_from("<I", body, pos)[0]
sections = []
for _ in range(3):  # tagger, lemmatiser, parser: u64 length, bytes
    n = struct.unpack_from("<Q", body, pos)[0]
    sections.append((pos, n))
    pos += 8 + n
if pos != len(body):
    sys.exit("the layout is not magic, version, 6 strings, 3 sections, checksum (has the format changed?)")
def write(name, data):
    open(os.path.join(out, name + ".syntax"), "wb").write(bytes(data) + struct.pack("<Q", fnv(data)))
def patched(off, fmt, value):
    d = bytearray(body)
    struct.pack_into(fmt, d, off, value)
    return d
(tag, tn), (lem, ln), (par, pn) = sections
write("name-length-4G", patched(strings[0], "<I", 0xFFFFFFFF))
write("tagger-length-2^62", patched(tag, "<Q", 1 << 62))
write("tagger-length-plus-1", patched(tag, "<Q", tn + 1))
write("tagger-length-minus-1", patched(tag, "<Q", tn - 1))
write("lemmatiser-length-0", patched(lem, "<Q", 0))
write("parser-length-plus-8", patched(par, "<Q", pn + 8))
write("tagger-first-u32-4G", patched(tag + 8, "<I", 0xFFFFFFFF))
write("lemmatiser-first-u32-4G", patched(lem + 8, "<I", 0xFFFFFFFF))
write("parser-first-u32-4G", patched(par + 8, "<I", 0xFFFFFFFF))
write("cut-in-tagger", body[: tag + 8 + tn // 2])
write("cut-in-parser", body[: par + 8 + pn // 2])
write("extra-byte", body + b"x")
PYEOF
  ); then
    fail "could not craft models with recomputed checksums from $WORK/tiny.syntax: $out"
  fi
  for f in "$BAD"/checksummed/*.syntax; do
    [ -e "$f" ] || continue
    bad_model "checksummed/$(basename "$f" .syntax)"
  done
fi

# --- output that is not a regular file ---------------------------------------------------------
if [ "$HAVE_MODEL" -eq 1 ]; then
  RC=0
  timeout 60 "$PARLEY" parse "$TXT" >/dev/full 2>"$WORK/dev-full.stderr" || RC=$?
  if [ "$RC" -eq 1 ] && grep -q '^parley: error: .*standard output' "$WORK/dev-full.stderr"; then
    ok "parse with stdout on /dev/full: exit 1, $(head -1 "$WORK/dev-full.stderr")"
  else
    fail "parse with stdout on /dev/full: exit $RC, want 1 and an error about standard output:"
    show "$WORK/dev-full.stderr"
  fi
  # -o a named pipe: written through, not replaced by a regular file (a temporary file renamed
  # over the path would, run as root, replace /dev/null or /dev/full the same way).
  mkfifo "$WORK/out.fifo"
  # this shell holds the pipe open for reading and writing (O_RDWR never blocks), so that
  # parley's open does not wait for a reader; the analysis (a few KB) fits in the pipe's buffer
  exec {fifo_fd}<>"$WORK/out.fifo"
  run fifo parse -o "$WORK/out.fifo" "$TXT"
  "$PY" -c 'import os, sys
fd = int(sys.argv[1])
os.set_blocking(fd, False)
out = b""
try:
    while True:
        out += os.read(fd, 65536)
except BlockingIOError:
    pass
sys.stdout.buffer.write(out)' "$fifo_fd" >"$WORK/fifo.conllu"
  exec {fifo_fd}>&-
  if [ ! -p "$WORK/out.fifo" ]; then
    fail "parse -o FIFO (exit $RC) replaced the named pipe with a regular file: -o renames a" \
      "temporary file over any path, so '-o /dev/null' run as root replaces /dev/null"
  elif [ "$RC" -eq 0 ] && diff -q <(cut -f1-2 "$WORK/fifo.conllu") <(cut -f1-2 "$WORK/no-parse.stdout") >/dev/null
  then
    ok "parse -o FIFO writes through the named pipe"
  else
    fail "parse -o FIFO: exit $RC, and what came through the pipe is not the analysis:"
    show "$WORK/fifo.conllu"
  fi
fi

# --- usage errors: exit 2, before any work ----------------------------------------------------
# Each row: a name, an extended regex the stderr must match, then the arguments. A missing
# model (--model /nonexistent) must not turn a usage error into exit 1.
usage() {
  local name=$1 want=$2
  shift 2
  run "usage-$name" "$@"
  if [ "$RC" -eq 2 ] && grep -qE -- "$want" "$WORK/usage-$name.stderr" && [ ! -s "$WORK/usage-$name.stdout" ]
  then
    ok "usage $name: exit 2, $(head -1 "$WORK/usage-$name.stderr")"
  else
    fail "usage $name: parley $* exited $RC (want 2), stderr must match /$want/, stdout empty; stderr:"
    show "$WORK/usage-$name.stderr"
  fi
}
NOMODEL=(--model "$WORK/no-such-model.syntax")
usage unknown-option '--bogus' parse --bogus "${NOMODEL[@]}" "$TXT"
usage tokens-and-input '--tokens' parse --tokens "$TXT" "${NOMODEL[@]}" "$TXT"
usage info-and-input '--info' parse --info "${NOMODEL[@]}" "$TXT"
usage no-input '[Ii][Nn][Pp][Uu][Tt]' parse "${NOMODEL[@]}"
usage model-no-value '--model|model' parse "$TXT" --model
usage eval-no-gold 'GOLD|gold' eval-syntax "${NOMODEL[@]}"
usage eval-unknown '--bogus' eval-syntax --bogus "${NOMODEL[@]}" "$TXT"
usage train-no-train '--train' train-syntax -o "$WORK/never.syntax"
usage train-no-output '--output|-o' train-syntax --train "$TXT"
usage train-epochs-0 'epochs' train-syntax --train "$TXT" -o "$WORK/never.syntax" --tagger-epochs 0
usage train-folds-neg '--folds' train-syntax --train "$TXT" -o "$WORK/never.syntax" --folds -1
usage train-epochs-word 'tagger-epochs' train-syntax --train "$TXT" -o "$WORK/never.syntax" --tagger-epochs two
# no training sentences would make a model that parley itself refuses to load
usage train-max-0 'max-sentences' train-syntax --train "$TXT" -o "$WORK/never.syntax" --max-sentences 0
[ ! -e "$WORK/never.syntax" ] && ok "no model file written by a refused train-syntax" \
  || fail "a refused train-syntax wrote $WORK/never.syntax"

finish
