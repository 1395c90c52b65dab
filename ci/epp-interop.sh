#!/usr/bin/env bash
# Runs the built host with its demo data (the sandbox registry on loopback) and lets an independent EPP
# client, Debian's libnet-epp-perl, register a domain at the sandbox. Needs a built tree (mvn verify).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! perl -MNet::EPP::Client -e 1 2>/dev/null; then
  echo "Installing libnet-epp-perl"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libnet-epp-perl >/dev/null
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
work=$(mktemp -d)
http_port=$(free_port)
epp_port=$(free_port)
KONTOR_DATA_DIR="$work/data" KONTOR_DEMO_SANDBOX_PORT="$epp_port" \
  java -jar host-app/target/kontor.jar --dev --demo --port "$http_port" > "$work/host.log" 2>&1 &
host_pid=$!
trap 'kill "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

certificate="$work/data/plugin-data/sandbox-registry/sandbox-certificate.pem"
for _ in $(seq 1 120); do
  if [ -f "$certificate" ] && curl -sf "http://127.0.0.1:$http_port/health" >/dev/null; then break; fi
  sleep 0.5
done
[ -f "$certificate" ] || { cat "$work/host.log" >&2; echo "the sandbox registry did not start" >&2; exit 1; }
# The demo data restarts the sandbox with its registrar; wait until it accepts connections.
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$epp_port") 2>/dev/null && break
  sleep 0.5
done

fingerprint=$(openssl x509 -in "$certificate" -noout -fingerprint -sha256 | cut -d= -f2 | tr -d ':')
perl ci/epp-client-check.pl 127.0.0.1 "$epp_port" demo demo-registrar-password "$fingerprint"
