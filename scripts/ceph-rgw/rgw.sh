#!/usr/bin/env bash
# A Ceph cluster on one machine (Debian packages: ceph-mon ceph-osd radosgw ceph-common) serving S3 with object lock on
# 127.0.0.1, data in memory (memstore OSDs). The only S3 server available here that enforces object lock, retention
# and legal hold; the storage tests use it for exactly that, the loopback cluster as its object store.
#   rgw.sh start DIR [OSDS] [GATEWAYS]   creates DIR, starts a monitor, OSDS OSDs (default 1; 3 or more: 3 replicas of
#                                        every object, writes go on with one OSD down) and GATEWAYS radosgw (default
#                                        1) on 17480, 17481, …; creates the S3 user; prints the gateways' endpoints
#   rgw.sh stop DIR                      stops every daemon started with DIR
#   rgw.sh kill DIR osd.N|rgw.N          kill -9 of one daemon (fault tests); rgw.1 is the first gateway
#   rgw.sh restart DIR osd.N|rgw.N       starts it again
set -euo pipefail
cmd=${1:?usage: rgw.sh start|stop|kill|restart DIR}
DIR=$(mkdir -p "${2:?usage: rgw.sh start|stop|kill|restart DIR}" && cd "$2" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)

stop() {
  for p in $(pgrep -f "$DIR/ceph.conf" || true); do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 30); do pgrep -f "$DIR/ceph.conf" >/dev/null || return 0; sleep 1; done
  for p in $(pgrep -f "$DIR/ceph.conf" || true); do kill -9 "$p" 2>/dev/null || true; done
}

C=(-c "$DIR/ceph.conf")
GW=(a b c d e f g h i)

gateway() { # gateway I (1-based): its radosgw in the background
  radosgw "${C[@]}" -n "client.rgw.${GW[$(($1 - 1))]}" --setuser root --setgroup root --auth-client-required none \
    --auth-supported none --auth-service-required none --auth-cluster-required none --ms-mon-client-mode crc \
    --ms-client-mode crc
}
osd() { ceph-osd "${C[@]}" -i "$1"; }
daemon_pid() { # osd.N | rgw.N
  case "$1" in
    osd.*) pgrep -f -- "ceph-osd -c $DIR/ceph.conf -i ${1#osd.}\$" || true ;;
    rgw.*) pgrep -f -- "radosgw -c $DIR/ceph.conf -n client.rgw.${GW[$((${1#rgw.} - 1))]} " || true ;;
  esac
}

case "$cmd" in
  stop) stop; exit 0 ;;
  kill)
    for p in $(daemon_pid "${3:?osd.N or rgw.N}"); do kill -9 "$p"; done
    for _ in $(seq 1 20); do [ -z "$(daemon_pid "$3")" ] && exit 0; sleep 0.5; done; exit 1 ;;
  restart)
    [ -z "$(daemon_pid "${3:?osd.N or rgw.N}")" ] || { echo "$3 is running" >&2; exit 1; }
    case "$3" in osd.*) osd "${3#osd.}" ;; rgw.*) gateway "${3#rgw.}" ;; esac; exit 0 ;;
  start) ;;
  *) echo "usage: rgw.sh start|stop|kill|restart DIR" >&2; exit 2 ;;
esac

OSDS=${3:-1}
GATEWAYS=${4:-1}
stop
rm -rf "${DIR:?}"/*
mkdir -p "$DIR/run" "$DIR/log" "$DIR/mon.a" "$DIR/rgw"
FSID=$(cat /proc/sys/kernel/random/uuid)
sed -e "s#@DIR@#$DIR#g" -e "s#@FSID@#$FSID#" "$HERE/ceph.conf.in" > "$DIR/ceph.conf"
if [ "$OSDS" -ge 3 ]; then # three copies, writable with two
  sed -i -e 's/^osd pool default size = 1/osd pool default size = 3/' \
    -e 's/^osd pool default min size = 1/osd pool default min size = 2/' "$DIR/ceph.conf"
fi
for i in $(seq 0 $((OSDS - 1))); do printf '[osd.%d]\nosd data = %s/osd.%d\n' "$i" "$DIR" "$i" >>"$DIR/ceph.conf"; done
ENDPOINTS=()
for g in $(seq 1 "$GATEWAYS"); do
  n=${GW[$((g - 1))]} port=$((17479 + g))
  mkdir -p "$DIR/rgw.$n"
  printf '[client.rgw.%s]\nauth client required = none\nauth service required = none\nauth cluster required = none\nauth supported = none\nauth allow insecure global id reclaim = true\nrgw frontends = beast endpoint=127.0.0.1:%d\nrgw data = %s/rgw.%s\nrgw dns name = localhost\nrgw enable usage log = false\n' \
    "$n" "$port" "$DIR" "$n" >>"$DIR/ceph.conf"
  ENDPOINTS+=("http://127.0.0.1:$port")
done
monmaptool --create --addv a "[v2:127.0.0.1:13300]" --fsid "$FSID" "$DIR/monmap" >/dev/null
ceph-mon "${C[@]}" --mkfs -i a --monmap "$DIR/monmap"
ceph-mon "${C[@]}" -i a
for i in $(seq 0 $((OSDS - 1))); do
  mkdir -p "$DIR/osd.$i"
  ceph "${C[@]}" osd create >/dev/null
  ceph-osd "${C[@]}" -i "$i" --mkfs 2>/dev/null
  osd "$i"
  ceph "${C[@]}" osd crush add "osd.$i" 1.0 host=localhost >/dev/null
done
ceph "${C[@]}" osd crush move localhost root=default >/dev/null
# radosgw needs the auth and messenger-mode flags on its command line; the config section alone gave EACCES (-13)
for g in $(seq 1 "$GATEWAYS"); do gateway "$g"; done
for e in "${ENDPOINTS[@]}"; do
  for _ in $(seq 1 90); do curl -s -o /dev/null "$e/" && break; sleep 1; done
  curl -s -o /dev/null "$e/" || { echo "radosgw did not answer on $e" >&2; exit 1; }
done
radosgw-admin "${C[@]}" -n client.rgw.a user create --uid=archive --display-name=archive \
  --access-key="${RGW_ACCESS_KEY:-archiveAK}" --secret-key="${RGW_SECRET_KEY:-archiveSecretKey123}" >/dev/null
(IFS=,; echo "${ENDPOINTS[*]}")
