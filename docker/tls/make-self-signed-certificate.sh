#!/usr/bin/env bash
# Makes docker/tls/walkrx.pem (certificate + private key, the one file HAProxy reads) for a first try of
# `docker compose up` on one machine. A self-signed certificate makes browsers warn; for real use put the
# certificate your clinic's CA or Let's Encrypt issued for the server's name there instead (certificate chain
# first, then the private key, in one PEM file). The private key never goes into git (.gitignore).
#   docker/tls/make-self-signed-certificate.sh [host name, default localhost]
set -euo pipefail
name="${1:-localhost}"
dir="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days 365 -subj "/CN=$name" \
  -addext "subjectAltName=DNS:$name" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
umask 077
cat "$work/cert.pem" "$work/key.pem" > "$dir/walkrx.pem"
echo "wrote $dir/walkrx.pem (self-signed for $name, valid 365 days)"
