#!/usr/bin/env bash
# Hostile pages reach for nothing: no socket is opened for a page full of
# network references, and external entities are neither fetched nor opened.
# Watched with strace; without it the test says it was skipped (exit 77,
# which CTest reports as skipped, not passed). Usage: no_network_test.sh FORMSIFT SOURCE_DIR
set -u
fs=$1
cd "$2" || exit 1
if ! command -v strace > /dev/null; then
  echo "skipped: strace is not installed (tools/setup installs it)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
expect() {  # expect NAME WANT_RC ACTUAL_RC
  if [ "$2" = "$3" ]; then pass=$((pass + 1)); else echo "FAIL: $1: exit $3, expected $2"; fails=$((fails + 1)); fi
}
# LeakSanitizer cannot run under ptrace: off for the traced runs of a sanitizer build
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
strace -f -e trace=socket,connect -o "$tmp/trace.txt" "$fs" extract samples/bad/network-references.html > /dev/null
expect "a page full of network references" 0 $?
[ -s "$tmp/trace.txt" ]; expect "strace wrote its trace" 0 $?
! grep -q 'socket(\|connect(' "$tmp/trace.txt"; expect "no socket opened for network references" 0 $?
strace -f -e trace=socket,connect,openat -o "$tmp/trace2.txt" "$fs" extract samples/bad/entity-bomb.xhtml > /dev/null
grep -q 'openat(.*entity-bomb.xhtml' "$tmp/trace2.txt"; expect "the trace sees the file opened" 0 $?
! grep -q 'socket(\|connect(\|/etc/passwd' "$tmp/trace2.txt"; expect "external entities neither fetched nor opened" 0 $?
echo "$pass passed, $fails failed"
[ "$fails" = 0 ]
