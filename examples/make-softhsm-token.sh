#!/bin/sh
# Make a SoftHSM2 token for the --kms examples, here in examples/softhsm/:
#   sh make-softhsm-token.sh
#   export SOFTHSM2_CONF="$PWD/softhsm/softhsm2.conf"
# The token is labelled "smallstep", its user PIN is in pin.txt, and it holds
# issuer.key as the object labelled "issuer" with id 4001 (the key of
# issuer.crt).  Run again to start over with a fresh token.  Needs softhsm2
# (Debian: apt-get install softhsm2) and openssl.
set -eu
cd "$(dirname "$0")"
command -v softhsm2-util >/dev/null || { echo "make-softhsm-token: softhsm2-util not found (apt-get install softhsm2)" >&2; exit 1; }
rm -rf softhsm
mkdir -p softhsm/tokens
printf 'directories.tokendir = %s/softhsm/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$PWD" \
  > softhsm/softhsm2.conf
export SOFTHSM2_CONF="$PWD/softhsm/softhsm2.conf"
[ -e pin.txt ] || printf '%s\n' 1234 > pin.txt
pin="$(head -n1 pin.txt)"
softhsm2-util --init-token --free --label smallstep --so-pin "so-$pin" --pin "$pin" >/dev/null
# softhsm2-util imports PKCS#8 PEM.
openssl pkcs8 -topk8 -nocrypt -in issuer.key -out softhsm/issuer.p8
softhsm2-util --import softhsm/issuer.p8 --token smallstep --label issuer --id 4001 --pin "$pin" >/dev/null
rm -f softhsm/issuer.p8
echo "make-softhsm-token: token \"smallstep\" in softhsm/, key id 4001; now: export SOFTHSM2_CONF=\"\$PWD/softhsm/softhsm2.conf\"" >&2
