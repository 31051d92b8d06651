#!/usr/bin/env bash
# A throw-away ClamAV daemon for the server tests: 127.0.0.1 only, a signature database of one test signature (the
# official databases come from ClamAV's mirrors, which this machine cannot reach). Debian's clamd scans with it
# exactly as it would with the official ones.
#   clamd.sh start DIR [PORT]   prints host:port once clamd answers PING (PORT: a free one if not given)
#   clamd.sh stop DIR
#   clamd.sh kill DIR           kill -9 (fault tests: the scanner away)
#   clamd.sh restart DIR        starts it again on the port it had
set -euo pipefail
cmd=${1:?start|stop}
dir=${2:?directory}
case "$cmd" in
  start)
    command -v clamd >/dev/null || { echo "clamd is not installed (apt-get install clamav-daemon)" >&2; exit 1; }
    mkdir -p "$dir/db"
    # EARCHIVE.Test.Marker: any file containing the ASCII text EARCHIVE-VIRUS-TEST-MARKER
    printf 'EARCHIVE.Test.Marker:0:*:%s\n' "$(printf 'EARCHIVE-VIRUS-TEST-MARKER' | od -An -tx1 | tr -d ' \n')" \
      > "$dir/db/earchive-test.ndb"
    port=${3:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
    cat > "$dir/clamd.conf" <<CONF
DatabaseDirectory $dir/db
TCPSocket $port
TCPAddr 127.0.0.1
Foreground yes
LogFile $dir/clamd.log
User $(id -un)
StreamMaxLength 200M
MaxFileSize 200M
MaxScanSize 400M
CONF
    clamd -c "$dir/clamd.conf" >"$dir/clamd.out" 2>&1 &
    echo $! > "$dir/clamd.pid"
    pong() {
      exec 3<>"/dev/tcp/127.0.0.1/$port" || return 1
      printf 'zPING\0' >&3
      local answer
      answer=$(timeout 2 head -c 4 <&3 || true)
      exec 3>&-
      [ "$answer" = "PONG" ]
    }
    for _ in $(seq 1 60); do
      if pong 2>/dev/null; then
        echo "127.0.0.1:$port"
        exit 0
      fi
      sleep 0.5
    done
    echo "clamd did not answer; see $dir/clamd.log" >&2
    exit 1
    ;;
  restart) exec "$0" start "$dir" "$(sed -n 's/^TCPSocket //p' "$dir/clamd.conf")" ;;
  kill)
    if [ -f "$dir/clamd.pid" ]; then
      kill -9 "$(cat "$dir/clamd.pid")" 2>/dev/null || true
      rm -f "$dir/clamd.pid"
    fi
    ;;
  stop)
    if [ -f "$dir/clamd.pid" ]; then
      kill "$(cat "$dir/clamd.pid")" 2>/dev/null || true
      rm -f "$dir/clamd.pid"
    fi
    ;;
esac
