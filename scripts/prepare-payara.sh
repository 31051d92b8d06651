#!/usr/bin/env bash
# Prepares an unpacked Payara Server 6 for earchive, offline and idempotently, by editing domain1's domain.xml:
# every listener binds to 127.0.0.1 (HTTP, admin, IIOP, JMX, Hazelcast, the JMS broker), and the heap fits the
# imaging work. Used by ./earchive (runtime) and by the EAR module's server-side tests.
# Usage: prepare-payara.sh PAYARA_HOME [DOMAIN]   (DOMAIN defaults to domain1; the transfer tests prepare a second one)
set -euo pipefail
home=${1:?usage: prepare-payara.sh PAYARA_HOME [DOMAIN]}
domain=${2:-domain1}
xml="$home/glassfish/domains/$domain/config/domain.xml"
[ -f "$xml" ] || { echo "prepare-payara: no $domain under $home" >&2; exit 1; }
grep -q 'earchive-prepared' "$xml" && exit 0
sed -i \
  -e 's#<hazelcast-runtime-configuration>#<hazelcast-runtime-configuration interface="127.0.0.1">#' \
  -e 's#<network-listener protocol=#<network-listener address="127.0.0.1" protocol=#' \
  -e 's#iiop-listener address="0.0.0.0"#iiop-listener address="127.0.0.1"#' \
  -e 's#jmx-connector address="0.0.0.0"#jmx-connector address="127.0.0.1"#' \
  -e 's#name="default_JMS_host" host="localhost"#name="default_JMS_host" host="127.0.0.1"#' \
  -e 's#<jvm-options>-Xmx512m</jvm-options>#<jvm-options>-Xmx1g</jvm-options>\n        <jvm-options>-Dimq.hostname=127.0.0.1</jvm-options>\n        <jvm-options>-Dhazelcast.socket.bind.any=false</jvm-options>\n        <jvm-options>-Dfile.encoding=UTF-8</jvm-options>\n        <jvm-options>-Dearchive-prepared=true</jvm-options>#' \
  "$xml"
grep -q 'earchive-prepared' "$xml" || { echo "prepare-payara: domain.xml did not take the edits" >&2; exit 1; }
