#!/usr/bin/env bash
# A single-node Ceph (Debian packages: ceph-mon ceph-osd radosgw ceph-common) serving S3 with object lock on
# 127.0.0.1:17480, data in memory (memstore OSD). The only S3 server available here that enforces object lock,
# retention and legal hold; the storage tests use it for exactly that.
#   rgw.sh start DIR    creates DIR, starts mon, osd and radosgw, creates the S3 user; prints the endpoint
#   rgw.sh stop DIR     stops every daemon started with DIR
set -euo pipefail
cmd=${1:?usage: rgw.sh start|stop DIR}
DIR=$(mkdir -p "${2:?usage: rgw.sh start|stop DIR}" && cd "$2" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ENDPOINT=http://127.0.0.1:17480

stop() {
  for p in $(pgrep -f "$DIR/ceph.conf" || true); do kill "$p" 2>/dev/null || true; done
  for _ in $(seq 1 30); do pgrep -f "$DIR/ceph.conf" >/dev/null || return 0; sleep 1; done
  for p in $(pgrep -f "$DIR/ceph.conf" || true); do kill -9 "$p" 2>/dev/null || true; done
}

case "$cmd" in
  stop) stop; exit 0 ;;
  start) ;;
  *) echo "usage: rgw.sh start|stop DIR" >&2; exit 2 ;;
esac

stop
rm -rf "${DIR:?}"/*
mkdir -p "$DIR/run" "$DIR/log" "$DIR/mon.a" "$DIR/osd.0" "$DIR/rgw"
FSID=$(cat /proc/sys/kernel/random/uuid)
sed -e "s#@DIR@#$DIR#g" -e "s#@FSID@#$FSID#" "$HERE/ceph.conf.in" > "$DIR/ceph.conf"
C=(-c "$DIR/ceph.conf")
monmaptool --create --addv a "[v2:127.0.0.1:13300]" --fsid "$FSID" "$DIR/monmap" >/dev/null
ceph-mon "${C[@]}" --mkfs -i a --monmap "$DIR/monmap"
ceph-mon "${C[@]}" -i a
ceph "${C[@]}" osd create >/dev/null
ceph-osd "${C[@]}" -i 0 --mkfs 2>/dev/null
ceph-osd "${C[@]}" -i 0
ceph "${C[@]}" osd crush add osd.0 1.0 host=localhost >/dev/null
ceph "${C[@]}" osd crush move localhost root=default >/dev/null
# radosgw needs the auth and messenger-mode flags on its command line; the config section alone gave EACCES (-13)
radosgw "${C[@]}" -n client.rgw.a --setuser root --setgroup root --auth-client-required none --auth-supported none \
  --auth-service-required none --auth-cluster-required none --ms-mon-client-mode crc --ms-client-mode crc
for _ in $(seq 1 90); do curl -s -o /dev/null "$ENDPOINT/" && break; sleep 1; done
curl -s -o /dev/null "$ENDPOINT/" || { echo "radosgw did not answer on $ENDPOINT" >&2; exit 1; }
radosgw-admin "${C[@]}" -n client.rgw.a user create --uid=archive --display-name=archive \
  --access-key="${RGW_ACCESS_KEY:-archiveAK}" --secret-key="${RGW_SECRET_KEY:-archiveSecretKey123}" >/dev/null
echo "$ENDPOINT"
