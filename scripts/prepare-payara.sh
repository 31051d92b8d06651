#!/usr/bin/env bash
# Prepares a Payara Server 6 domain for earchive, offline (the domain stopped) and idempotently: every listener on
# 127.0.0.1 (the HTTP listener on EARCHIVE_HTTP_ADDRESS when set), JMX off, IIOP and the JMS broker on loopback,
# Hazelcast off, secure admin on with the admin password from the password file, no version banners, a heap that fits
# the imaging work (scripts/PreparePayara.java does the editing). Used by ./earchive and by the server-side tests.
# Usage: prepare-payara.sh PAYARA_HOME [DOMAIN] [PASSWORD_FILE]
#   DOMAIN defaults to domain1 (the transfer tests prepare a second one); PASSWORD_FILE (asadmin's format,
#   AS_ADMIN_PASSWORD=…) defaults to PAYARA_HOME/DOMAIN.admin-password and is generated, mode 600, when absent.
set -euo pipefail
home=${1:?usage: prepare-payara.sh PAYARA_HOME [DOMAIN] [PASSWORD_FILE]}
domain=${2:-domain1}
passwords=${3:-$home/$domain.admin-password}
dir="$home/glassfish/domains/$domain"
[ -f "$dir/config/domain.xml" ] || { echo "prepare-payara: no $domain under $home" >&2; exit 1; }
java "$(dirname "${BASH_SOURCE[0]}")/PreparePayara.java" "$dir" "$passwords" "${EARCHIVE_HTTP_ADDRESS:-}"
