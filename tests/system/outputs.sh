#!/usr/bin/env bash
# outputs.sh PARLEY_BIN SOURCE_DIR WORK_DIR
#
# What `extract -o` does to what is already there (core/output_file.h), without touching the
# real /dev: a named pipe is written through and stays a pipe; a character device made in
# WORK (a stand-in for /dev/null, root only) stays a device; a symbolic link stays a link and
# the file it names gets the output with its mode kept; SIGTERM and SIGINT during a run leave
# the old output and no temporary file; 20 runs killed with SIGKILL at random points leave the
# old output intact every time, and the next run removes their temporary files.
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

# --- signals --------------------------------------------------------------------------------
for sig in TERM INT; do
  d=$WORK/sig-$sig
  mkdir -p "$d"
  printf '%s\n' "$OLD" >"$d/out.nq"
  "$PARLEY" extract -o "$d/out.nq" "$LONG" "$LONG" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do   # until its temporary file exists (it is writing)
    ls -A "$d" | grep -q parley-tmp && break
    sleep 0.02
  done
  kill -s "$sig" "$pid" 2>/dev/null || true
  RC=0
  wait "$pid" || RC=$?
  leftover=$(ls -A "$d" | grep -vx out.nq || true)
  if [ "$(cat "$d/out.nq")" = "$OLD" ] && [ -z "$leftover" ] && [ "$RC" -ne 0 ]; then
    ok "SIG$sig during a run: exit $RC, old output intact, no temporary file"
  else
    fail "SIG$sig during a run: exit $RC, old output $([ "$(cat "$d/out.nq")" = "$OLD" ] && echo intact || echo changed), left: $leftover"
  fi
done

# --- 20 x SIGKILL at random points ----------------------------------------------------------
d=$WORK/kill
mkdir -p "$d"
printf '%s\n' "$OLD" >"$d/out.nq"
intact=0
for i in $(seq 1 20); do
  "$PARLEY" extract -o "$d/out.nq" "$LONG" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$(printf '%02d' $((RANDOM % 90 + 5)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
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
run after-kill extract -o "$d/out.nq" "$GOOD"
leftover=$(ls -A "$d" | grep -vx out.nq || true)
if [ "$RC" -eq 0 ] && [ -z "$leftover" ]; then
  ok "the run after the kills removed every temporary file they left"
else
  fail "after 20 kills and one more run (exit $RC), left beside out.nq: $leftover"
fi

finish
