#!/usr/bin/env bash
# outputs.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# What `extract -o` does to what is already there (core/output_file.h), without touching the
# real /dev: a named pipe is written through and stays a pipe; a character device made in
# WORK (a stand-in for /dev/null, root only) stays a device; a symbolic link stays a link and
# the file it names gets the output with its mode kept; SIGTERM and SIGINT during a run leave
# the old output and no temporary file; 20 runs killed with SIGKILL at random points leave the
# old output intact every time, and the next run removes their temporary files; a temporary
# file of a process that is gone (".parley-tmp-PID-...") is removed by the next run in that
# directory, one of a live process is not; a plain 0600 file keeps its mode; -o /dev/stdout
# into a pipe writes through it.
source "$(dirname "$0")/lib.sh" "$@"

GOOD=$SRC/examples/01-oslo-talks.txt
# A run long enough to be interrupted: 400 Reuters articles (or the examples, many times).
LONG=$WORK/long.jsonl
if [ -f "$SHARED/corpus/reuters21578.jsonl" ]; then
  head -n 400 "$SHARED/corpus/reuters21578.jsonl" >"$LONG"
else
  for i in $(seq 1 200); do
    "$PY" -c 'import json,sys; print(json.dumps({"id": "x%s" % sys.argv[1], "text": open(sys.argv[2]).read()}))' \
      "$i" "$GOOD"
  done >"$LONG"
fi
OLD="old output"

# --- a named pipe -------------------------------------------------------------------------
mkfifo "$WORK/out.fifo"
exec {fifo_fd}<>"$WORK/out.fifo"   # held open read-write, so parley's open does not wait
"$PY" - "$fifo_fd" >"$WORK/fifo.nt" <<'PY' &
import os, sys, time
fd = int(sys.argv[1]); out = b""; idle = 0
os.set_blocking(fd, False)
while idle < 100:
    try:
        chunk = os.read(fd, 65536)
        out += chunk; idle = 0
    except BlockingIOError:
        idle += 1; time.sleep(0.05)
sys.stdout.buffer.write(out)
PY
reader=$!
run fifo extract --format nt -o "$WORK/out.fifo" "$GOOD"
wait "$reader"
exec {fifo_fd}>&-
if [ ! -p "$WORK/out.fifo" ]; then
  fail "extract -o FIFO (exit $RC) replaced the named pipe with a regular file"
elif [ "$RC" -eq 0 ] && [ -s "$WORK/fifo.nt" ] && rapper -i ntriples -c "$WORK/fifo.nt" >/dev/null 2>&1; then
  ok "extract -o FIFO writes valid N-Triples through the pipe ($(wc -l <"$WORK/fifo.nt") lines)"
else
  fail "extract -o FIFO: exit $RC, and what came through is not valid N-Triples:"
  show "$WORK/fifo.nt"
fi

# --- a named pipe read by a background cat, and /dev/stdout into a pipe ---------------------
mkfifo "$WORK/cat.fifo"
cat "$WORK/cat.fifo" >"$WORK/cat.nq" &
reader=$!
run fifo-cat extract --format nq -o "$WORK/cat.fifo" "$GOOD"
wait "$reader" || true
if [ "$RC" -eq 0 ] && [ -p "$WORK/cat.fifo" ] && [ -s "$WORK/cat.nq" ] \
   && rapper -i nquads -c "$WORK/cat.nq" >/dev/null 2>&1; then
  ok "extract -o FIFO read by cat: exit 0, still a FIFO, valid N-Quads came through"
else
  fail "extract -o FIFO read by cat: exit $RC, FIFO $([ -p "$WORK/cat.fifo" ] && echo kept || echo replaced)"
  show "$WORK/fifo-cat.stderr"
fi
RC=0
timeout 60 "$PARLEY" extract --format nt -o /dev/stdout "$GOOD" 2>"$WORK/stdout-pipe.stderr" \
  | cat >"$WORK/stdout-pipe.nt" || RC=$?
if [ "$RC" -eq 0 ] && [ -s "$WORK/stdout-pipe.nt" ] \
   && rapper -i ntriples -c "$WORK/stdout-pipe.nt" >/dev/null 2>&1; then
  ok "extract -o /dev/stdout into a pipe writes the N-Triples through it"
else
  fail "extract -o /dev/stdout into a pipe: exit $RC, $(wc -c <"$WORK/stdout-pipe.nt") bytes came through"
  show "$WORK/stdout-pipe.stderr"
fi
leftover=$(ls -A "$WORK" | grep -F "parley-tmp" || true)
[ -z "$leftover" ] && ok "pipes: no temporary file left" || fail "pipes: temporary files left: $leftover"

# --- a character device (a /dev/null made here) ---------------------------------------------
if mknod "$WORK/null" c 1 3 2>/dev/null; then
  run dev extract -o "$WORK/null" --format nq "$GOOD"
  if [ "$RC" -eq 0 ] && [ -c "$WORK/null" ]; then
    ok "extract -o a character device: exit 0 and it is still a character device"
  else
    fail "extract -o a character device: exit $RC; is a device: $([ -c "$WORK/null" ] && echo yes || echo no)"
  fi
  leftover=$(ls -A "$WORK" | grep -F "parley-tmp" || true)
  [ -z "$leftover" ] && ok "extract -o a device leaves no temporary file" || fail "temporary files left: $leftover"
else
  ok "extract -o a character device: skipped (mknod needs root)"
fi

# --- a symbolic link, and the mode of the file it names -----------------------------------
mkdir -p "$WORK/link"
printf '%s\n' "$OLD" >"$WORK/link/real.ttl"
chmod 600 "$WORK/link/real.ttl"
ln -s real.ttl "$WORK/link/out.ttl"
run link extract -o "$WORK/link/out.ttl" "$GOOD"
mode=$(stat -c %a "$WORK/link/real.ttl")
if [ "$RC" -eq 0 ] && [ -L "$WORK/link/out.ttl" ] && [ "$mode" = 600 ] \
   && rapper -i turtle -c "$WORK/link/real.ttl" >/dev/null 2>&1; then
  ok "extract -o a symbolic link: the link stays, the file it names gets the output, mode 600 kept"
else
  fail "extract -o a symbolic link: exit $RC, link $([ -L "$WORK/link/out.ttl" ] && echo kept || echo replaced), mode $mode"
fi

# --- a plain file with mode 0600 ------------------------------------------------------------
mkdir -p "$WORK/mode"
printf '%s\n' "$OLD" >"$WORK/mode/out.nq"
chmod 600 "$WORK/mode/out.nq"
run mode extract -o "$WORK/mode/out.nq" "$GOOD"
mode=$(stat -c %a "$WORK/mode/out.nq")
if [ "$RC" -eq 0 ] && [ "$mode" = 600 ] && [ "$(cat "$WORK/mode/out.nq")" != "$OLD" ] \
   && rapper -i nquads -c "$WORK/mode/out.nq" >/dev/null 2>&1; then
  ok "extract -o a 0600 file: replaced by the new output, mode 600 kept"
else
  fail "extract -o a 0600 file: exit $RC, mode $mode"
fi

# --- stale temporary files --------------------------------------------------------------------
d=$WORK/stale
mkdir -p "$d"
true & dead=$!
wait "$dead"                       # a pid no process has any more
sleep 300 & alive=$!               # a pid that is alive for the whole check
printf 'half' >"$d/.parley-tmp-$dead-0-out.nq"
printf 'half' >"$d/.parley-tmp-$dead-7-other.ttl"
printf 'half' >"$d/.parley-tmp-$alive-0-out.nq"
run stale extract -o "$d/out.nq" "$GOOD"
left=$(ls -A "$d" | sort | tr '\n' ' ')
kill "$alive" 2>/dev/null || true
wait "$alive" 2>/dev/null || true
if [ "$RC" -eq 0 ] && [ "$left" = ".parley-tmp-$alive-0-out.nq out.nq " ]; then
  ok "stale temporary files of a dead process are removed by the next run, a live one's kept"
else
  fail "stale temporary files: exit $RC, left in the directory: $left"
fi

# --- signals --------------------------------------------------------------------------------
# wait_temp DIR PID: waits (up to 20 s) until PID has its temporary file in DIR; 0 if it has
wait_temp() {
  for _ in $(seq 1 1000); do
    ls -A "$1" | grep -q "^\.parley-tmp-$2-" && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.02
  done
  return 1
}
for sig in TERM INT HUP; do
  d=$WORK/sig-$sig
  mkdir -p "$d"
  printf '%s\n' "$OLD" >"$d/out.nq"
  # A script's background job starts with SIGINT ignored (and parley keeps it ignored): put
  # back the default, as an interactive shell would, then become parley (same pid).
  "$PY" -c 'import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execv(sys.argv[1], sys.argv[1:])' "$PARLEY" extract -o "$d/out.nq" "$LONG" "$LONG" >/dev/null 2>&1 &
  pid=$!
  writing=no
  wait_temp "$d" "$pid" && writing=yes && sleep 0.3   # killed while it writes
  kill -s "$sig" "$pid" 2>/dev/null || true
  RC=0
  { wait "$pid"; } 2>/dev/null || RC=$?   # without bash's "Hangup" job note
  leftover=$(ls -A "$d" | grep -vx out.nq || true)
  if [ "$writing" = yes ] && [ "$(cat "$d/out.nq")" = "$OLD" ] && [ -z "$leftover" ] \
     && [ "$RC" -eq $((128 + $(kill -l "$sig"))) ]; then
    ok "SIG$sig while writing: died of the signal (exit $RC), old output intact, no temporary file"
  else
    fail "SIG$sig: temporary file seen: $writing; exit $RC; old output $([ "$(cat "$d/out.nq")" = "$OLD" ] && echo intact || echo changed); left: $leftover"
  fi
done

# --- 20 x SIGKILL at random points ----------------------------------------------------------
d=$WORK/kill
mkdir -p "$d"
printf '%s\n' "$OLD" >"$d/out.nq"
intact=0
left=0   # kills that left a temporary file (each later run removes those before it)
for i in $(seq 1 20); do
  "$PARLEY" extract -o "$d/out.nq" "$LONG" >/dev/null 2>&1 &
  pid=$!
  # at a random point of the write: after its temporary file appears (mappings and model
  # are loaded by then), 0.05 to 0.95 s later
  wait_temp "$d" "$pid" || true
  sleep "0.$(printf '%02d' $((RANDOM % 90 + 5)))"
  kill -9 "$pid" 2>/dev/null || true
  { wait "$pid"; } 2>/dev/null || true
  ls -A "$d" | grep -q "^\.parley-tmp-$pid-" && left=$((left + 1))
  if [ "$(cat "$d/out.nq")" = "$OLD" ]; then
    intact=$((intact + 1))
  elif rapper -i nquads -c "$d/out.nq" >/dev/null 2>&1; then
    # the run finished before the kill: a whole new output is as good; restore the old one
    intact=$((intact + 1))
    printf '%s\n' "$OLD" >"$d/out.nq"
  fi
done
[ "$intact" -eq 20 ] && ok "SIGKILL at random points: the output was the old or a whole new one, 20 of 20" \
  || fail "SIGKILL at random points: the output was broken $((20 - intact)) of 20 times"
[ "$left" -ge 10 ] && ok "SIGKILL: $left of 20 killed runs left a temporary file (the next run must remove them)" \
  || fail "SIGKILL: only $left of 20 killed runs left a temporary file: the kills did not hit runs while they wrote"
run after-kill extract -o "$d/out.nq" "$GOOD"
leftover=$(ls -A "$d" | grep -vx out.nq || true)
if [ "$RC" -eq 0 ] && [ -z "$leftover" ]; then
  ok "the run after the kills removed every temporary file they left"
else
  fail "after 20 kills and one more run (exit $RC), left beside out.nq: $leftover"
fi

finish
