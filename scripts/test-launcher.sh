#!/usr/bin/env bash
# Tests the launcher the way the README tells people to use it: start, the thin path with curl, a hot backup, a
# restore into a fresh EARCHIVE_HOME that finds every record with matching digests, a cold backup and restore,
# an idempotent second start, and stop. Run by ./earchive test; prints "N passed, N failed".
set -uo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
WORK=$(mktemp -d /tmp/earchive-launcher-test.XXXXXX)
chmod 755 "$WORK" # started by root, the server runs as its own user, which must reach its data folder in here
URL=http://localhost:8080
passed=0 failed=0

check() { # check "what" command...
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then passed=$((passed + 1)); echo "  ok    $what"
  else failed=$((failed + 1)); echo "  FAIL  $what"; fi
}
ec() { EARCHIVE_HOME="$1" "$ROOT/earchive" "${@:2}"; }
cleanup() { EARCHIVE_HOME="$WORK/a" "$ROOT/earchive" stop >/dev/null 2>&1; rm -rf "$WORK"; }
trap cleanup EXIT

echo "launcher tests in $WORK"
t0=$SECONDS
ec "$WORK/a" start > "$WORK/start.out" 2>&1
check "start brings the app up and prints the URL (took $((SECONDS - t0)) s)" grep -q "earchive is running:  $URL/" "$WORK/start.out"
PW=$(cat "$WORK/a/.demo-password")
check "start prints the demo accounts with their password" grep -q "password for all: $PW" "$WORK/start.out"
check "health reports UP (with the demo clerk, as the README shows)" \
  bash -c "curl -fsS -u clerk:$PW $URL/health | grep -q '\"status\":\"UP\"'"
check "health needs no login" bash -c "curl -fsS $URL/health | grep -q '\"status\":\"UP\"'"
SERVER_PID=$(cat "$ROOT/.earchive/payara6/glassfish/domains/domain1/config/pid")
check "the server listens (ss shows its sockets)" bash -c "ss -ltnpH | grep -q 'pid=$SERVER_PID,'"
check "every listener of the server is on loopback (ss -ltnp)" \
  bash -c "! ss -ltnpH | grep 'pid=$SERVER_PID,' | awk '{print \$4}' | grep -v -E '^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\]):'"
check "the admin REST API refuses an anonymous caller (secure admin, password)" \
  bash -c "[ \"\$(curl -sk -o /dev/null -w '%{http_code}' -H 'X-Requested-By: x' https://127.0.0.1:4848/management/domain/applications/list-applications.json)\" = 401 ] && [ \"\$(curl -s -o /dev/null -w '%{http_code}' -H 'X-Requested-By: x' http://127.0.0.1:4848/management/domain/applications/list-applications.json)\" != 200 ]"
check "the admin password file is the data folder's, readable by its owner only" \
  bash -c "[ \"\$(stat -c %a $WORK/a/.admin-password)\" = 600 ]"
if [ "$(id -u)" -eq 0 ] && grep -q "WARNING: earchive cannot reach" "$WORK/start.out"; then
  # this checkout lies under a folder other users cannot pass: the launcher says so and runs the server as root
  check "started by root under a closed folder, start says plainly why the server runs as root" \
    bash -c "[ \"\$(ps -o user= -p $SERVER_PID)\" = root ]"
elif [ "$(id -u)" -eq 0 ]; then
  check "started by root, the server runs as its own system user" \
    bash -c "[ \"\$(ps -o user= -p $SERVER_PID)\" = earchive ] && [ \"\$(stat -c %U $WORK/a)\" = earchive ]"
fi
check "no Server or X-Powered-By banner" bash -c "! curl -sI $URL/health | grep -i -E '^(server|x-powered-by):'"
check "the API refuses a request without credentials" \
  bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' $URL/api/cases/C1)\" = 401 ]"

# The thin path: a case, two uploads, downloads byte-identical.
case_json=$(curl -fsS -u "clerk:$PW" -H 'Content-Type: application/json' \
  -d '{"businessType":"ENROLL","applicant":{"idNumber":"11010519491231002X","name":"王芳"},"channel":"COUNTER"}' \
  "$URL/api/cases")
CASE=$(sed -n 's/.*"caseNumber":"\([^"]*\)".*/\1/p' <<<"$case_json")
check "a clerk opens a case" test -n "$CASE"
{ printf '%%PDF-1.7\n'; head -c 250000 /dev/urandom; } > "$WORK/scan1.pdf" # PDF by its bytes (formats are detected)
{ printf '%%PDF-1.7\n'; head -c 90000 /dev/urandom; } > "$WORK/scan2.pdf"
ids=()
for f in scan1 scan2; do
  doc=$(curl -fsS -u "clerk:$PW" -F material=ID_CARD -F "file=@$WORK/$f.pdf;type=application/pdf" "$URL/api/cases/$CASE/documents")
  ids+=("$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' <<<"$doc")")
done
check "two files uploaded" test -n "${ids[1]:-}"
curl -fsS -u "archivist:$PW" -o "$WORK/back1.pdf" "$URL/api/documents/${ids[0]}/content"
check "a download is byte-identical to its upload" cmp -s "$WORK/scan1.pdf" "$WORK/back1.pdf"

 # The capture station as the README shows it: files to PDF/A, then a hot folder feeding the running server.
java "$ROOT/scripts/make-scan.java" "$WORK/form.tif"
: > "$WORK/empty.pdf"
EARCHIVE_HOME="$WORK/a" "$ROOT/earchive" capture process --in "$WORK/form.tif" "$WORK/empty.pdf" --out "$WORK/pdfa" \
  > "$WORK/capture.out" 2>&1
check "capture process exits 2 when an input failed" test "$?" -eq 2
check "capture process writes the PDF/A and its sidecar" \
  bash -c "test -s '$WORK/pdfa/form.pdf' && grep -q '公民身份号码' '$WORK/pdfa/form.json'"
check "capture process reports the empty file with its code and keeps it" \
  bash -c "grep -q EMPTY_FILE '$WORK/pdfa/empty.error.json' && test -f '$WORK/pdfa/quarantine/empty.pdf'"
mkdir -p "$WORK/hot"
cp "$WORK/form.tif" "$WORK/hot/scan-0001.tif"
EARCHIVE_HOME="$WORK/a" EARCHIVE_STATION_HOME="$WORK/station" EARCHIVE_STATION_PASSWORD="$PW" \
  timeout 300 "$ROOT/earchive" capture watch "$WORK/hot" --case "$CASE" --material APPLICATION_FORM --once \
  > "$WORK/watch.out" 2>&1
check "capture watch takes the scanner's file, uploads PDF/A and original, empties its spool" \
  bash -c "curl -fsS -u clerk:$PW $URL/api/cases/$CASE | grep -q '\"role\":\"ORIGINAL\"' \
    && [ -z \"\$(ls -A '$WORK/hot')\" ] && [ -z \"\$(ls -A '$WORK/station/spool')\" ]"
# kill -9 in the middle: the station must lose nothing and upload nothing twice when it comes back.
before=$(curl -fsS -u "clerk:$PW" "$URL/api/cases/$CASE" | grep -o '"sha256"' | wc -l)
java "$ROOT/scripts/make-scan.java" "$WORK/hot/scan-0002.tif" "养老保险关系转移接续申请表"
EARCHIVE_HOME="$WORK/a" EARCHIVE_STATION_HOME="$WORK/station" EARCHIVE_STATION_PASSWORD="$PW" \
  "$ROOT/earchive" capture watch "$WORK/hot" --case "$CASE" --material APPLICATION_FORM > "$WORK/watch2.out" 2>&1 &
watcher=$!
for _ in $(seq 1 120); do
  ls "$WORK/station/spool"/*/originals/* >/dev/null 2>&1 && break
  sleep 0.5
done
sleep 2
pkill -9 -P "$watcher" java 2>/dev/null; kill -9 "$watcher" 2>/dev/null; wait "$watcher" 2>/dev/null
check "after kill -9 the scan is still in the station's spool (or already confirmed by the server)" \
  bash -c "ls '$WORK/station/spool'/*/originals/*scan-0002.tif >/dev/null 2>&1 \
    || curl -fsS -u clerk:$PW $URL/api/cases/$CASE | grep -q 'scan-0002'"
EARCHIVE_HOME="$WORK/a" EARCHIVE_STATION_HOME="$WORK/station" EARCHIVE_STATION_PASSWORD="$PW" \
  timeout 300 "$ROOT/earchive" capture station --once > "$WORK/station.out" 2>&1
check "the restarted station finishes it: two documents more, none twice, spool empty" \
  bash -c "[ \$(curl -fsS -u clerk:$PW $URL/api/cases/$CASE | grep -o '\"sha256\"' | wc -l) -eq $((before + 2)) ] \
    && [ -z \"\$(ls -A '$WORK/station/spool')\" ]"
# Server-side capture: the same scan uploaded from a browser (no station, no role) is kept as the original and made
# into the archival PDF/A by the worker start runs beside the server.
photo_case=$(curl -fsS -u "clerk:$PW" -H 'Content-Type: application/json' \
  -d '{"businessType":"ENROLL","applicant":{"idNumber":"11010519491231002X","name":"王芳"},"channel":"ONLINE"}' \
  "$URL/api/cases" | sed -n 's/.*"caseNumber":"\([^"]*\)".*/\1/p')
curl -fsS -u "clerk:$PW" -F material=APPLICATION_FORM -F "file=@$WORK/form.tif;type=image/tiff" \
  "$URL/api/cases/$photo_case/documents" > "$WORK/photo.json"
check "an upload that is not archive-ready is kept as the original and answered PROCESSING" \
  bash -c "grep -q '\"role\":\"ORIGINAL\"' '$WORK/photo.json' && grep -q '\"state\":\"PROCESSING\"' '$WORK/photo.json'"
for _ in $(seq 1 90); do
  curl -fsS -u "clerk:$PW" "$URL/api/cases/$photo_case" | grep -q '"state":"\(DONE\|FAILED\)"' && break
  sleep 2
done
check "the capture worker beside the server makes it the archival PDF/A (state DONE, an ARCHIVAL document)" \
  bash -c "curl -fsS -u clerk:$PW $URL/api/cases/$photo_case | grep -q '\"state\":\"DONE\"' \
    && curl -fsS -u clerk:$PW $URL/api/cases/$photo_case | grep -q '\"role\":\"ARCHIVAL\"'"
check "admin reindex rebuilds the search index" bash -c "EARCHIVE_HOME='$WORK/a' '$ROOT/earchive' admin reindex | grep -q records"
echo "not a bag" > "$WORK/junk.zip"
check "transfer verify refuses what is not a package, with its code, and exits 1" \
  bash -c "! EARCHIVE_HOME='$WORK/a' '$ROOT/earchive' transfer verify '$WORK/junk.zip' > '$WORK/verify.out' 2>&1 \
    && grep -q PACKAGE_REJECTED '$WORK/verify.out'"
check "transfer export of a case with no archived records says so and exits 1" \
  bash -c "! EARCHIVE_HOME='$WORK/a' '$ROOT/earchive' transfer export --case $CASE --out '$WORK/p.zip' > '$WORK/export.out' 2>&1 \
    && grep -q RECORD_NOT_FOUND '$WORK/export.out' && [ ! -e '$WORK/p.zip' ]"
t0=$SECONDS
ec "$WORK/a" start > "$WORK/start2.out" 2>&1
check "a second start is idempotent and fast (took $((SECONDS - t0)) s)" \
  bash -c "grep -q 'earchive is running' '$WORK/start2.out' && [ $((SECONDS - t0)) -lt 120 ]"

ec "$WORK/a" backup "$WORK/hot" > "$WORK/backup.out" 2>&1
check "a hot backup is written while the server runs" test -f "$WORK/hot/db/earchive.zip"
late=$(curl -fsS -u "clerk:$PW" -H 'Content-Type: application/json' \
  -d '{"businessType":"TRANSFER","applicant":{"idNumber":"11010519491231002X","name":"王芳"}}' "$URL/api/cases")
LATE=$(sed -n 's/.*"caseNumber":"\([^"]*\)".*/\1/p' <<<"$late")
ec "$WORK/a" stop >/dev/null 2>&1
check "stop stops the server" bash -c "! curl -s -o /dev/null $URL/health"

check "restore refuses a non-empty EARCHIVE_HOME" bash -c "! EARCHIVE_HOME='$WORK/a' '$ROOT/earchive' restore '$WORK/hot'"
ec "$WORK/b" restore "$WORK/hot" > "$WORK/restore.out" 2>&1
check "restore into a fresh EARCHIVE_HOME" test -f "$WORK/b/db/earchive.mv.db"
ec "$WORK/b" start > "$WORK/start-b.out" 2>&1
check "the restored copy starts" grep -q "earchive is running" "$WORK/start-b.out"
for i in 0 1; do
  n=$((i + 1))
  curl -fsS -u "archivist:$PW" -o "$WORK/restored$n.pdf" "$URL/api/documents/${ids[$i]}/content"
  check "restored document $n has its original bytes and digest" cmp -s "$WORK/scan$n.pdf" "$WORK/restored$n.pdf"
done
check "the restored case lists all six documents (two uploads, the station's two PDF/As and originals)" \
  bash -c "curl -fsS -u clerk:$PW $URL/api/cases/$CASE | grep -o '\"sha256\"' | wc -l | grep -qx 6"
check "a case opened after the backup is not in it" \
  bash -c "[ \"\$(curl -s -o /dev/null -w '%{http_code}' -u clerk:$PW $URL/api/cases/$LATE)\" = 404 ]"
ec "$WORK/b" stop >/dev/null 2>&1

ec "$WORK/b" backup "$WORK/cold" > "$WORK/cold.out" 2>&1
check "a cold backup is written while the server is stopped" test -f "$WORK/cold/db/earchive.zip"
ec "$WORK/c" restore "$WORK/cold" >/dev/null 2>&1
ec "$WORK/c" start > "$WORK/start-c.out" 2>&1
curl -fsS -u "archivist:$PW" -o "$WORK/cold1.pdf" "$URL/api/documents/${ids[0]}/content"
check "the cold copy restores with matching bytes" cmp -s "$WORK/scan1.pdf" "$WORK/cold1.pdf"
# A production setting opens the HTTP listener alone: here to another loopback address, so nothing leaves the machine.
EARCHIVE_HTTP_ADDRESS=127.0.0.2 ec "$WORK/c" start > "$WORK/start-open.out" 2>&1
SERVER_PID=$(cat "$ROOT/.earchive/payara6/glassfish/domains/domain1/config/pid")
check "EARCHIVE_HTTP_ADDRESS moves the HTTP listener (8080 on 127.0.0.2) and nothing else" \
  bash -c "ss -ltnpH | grep 'pid=$SERVER_PID,' | awk '{print \$4}' | grep -q -E '127\.0\.0\.2\]?:8080\$' && ! ss -ltnpH | grep 'pid=$SERVER_PID,' | awk '{print \$4}' | grep -v ':8080\$' | grep -v -q -E '127\.0\.0\.1'"
check "… and the application answers there" curl -fsS -o /dev/null http://127.0.0.2:8080/health
EARCHIVE_HTTP_ADDRESS=127.0.0.2 ec "$WORK/c" stop >/dev/null 2>&1
check "status reports a stopped server" bash -c "! EARCHIVE_HOME='$WORK/c' '$ROOT/earchive' status"

echo
echo "launcher: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
