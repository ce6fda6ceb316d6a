#!/bin/sh
# Make the example files the README and the man page use, with OpenSSL only
# (never with pkisign): sh make-examples.sh [--force]
#
#   issuer.crt, issuer.key  an ECDSA P-256 root CA, key unencrypted
#   root.crt, root.key      another P-256 root CA, its key encrypted (PKCS#8,
#                           AES-256) with the password in pass.txt
#   leaf.csr, int.csr       a server's CSR, an intermediate CA's CSR
#   req.csr                 a CSR asking for its own extensions (--profile csr)
#   coyote.csr, coyote.tpl  a person's CSR and step's documented template
#   requests/               a directory of CSRs for --batch
#
# Existing files are kept (the committed ones are what the documents show);
# --force makes them all again.  The certificates are valid for 100 years.
set -eu
cd "$(dirname "$0")"
force=0
[ "${1:-}" = --force ] && force=1
need() { [ "$force" = 1 ] || [ ! -e "$1" ]; }

newkey() {  # newkey FILE: an EC P-256 key the CSR is made with, then dropped
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"
}
csr() {  # csr FILE SUBJECT [openssl req -addext ...]
  out="$1" subject="$2"; shift 2
  key="$(mktemp)"
  newkey "$key"
  openssl req -new -key "$key" -subj "$subject" "$@" -out "$out"
  rm -f "$key"
}
ca() {  # ca CRT KEY SUBJECT [openssl req -passin ...]
  crt="$1" key="$2" subject="$3"; shift 3
  openssl req -x509 -new -key "$key" "$@" -subj "$subject" -days 36500 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out "$crt"
}

if need issuer.key || need issuer.crt; then
  newkey issuer.key
  ca issuer.crt issuer.key "/C=US/O=Example CA/CN=Example Root CA"
fi
need pass.txt && printf '%s\n' 'correct horse battery staple' > pass.txt
if need root.key || need root.crt; then
  openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -aes-256-cbc -pass file:pass.txt -out root.key
  ca root.crt root.key "/C=US/O=Example CA/CN=Example Offline Root CA" -passin file:pass.txt
fi
need leaf.csr && csr leaf.csr "/O=Example/CN=www.example.com"
need int.csr && csr int.csr "/C=US/O=Example CA/CN=Example Issuing CA"
need req.csr && csr req.csr "/O=Example/CN=api.example.com" \
  -addext "subjectAltName=DNS:api.example.com,DNS:api-v2.example.com" \
  -addext "keyUsage=critical,digitalSignature" -addext "extendedKeyUsage=serverAuth"
need coyote.csr && csr coyote.csr "/CN=Wile E. Coyote" -addext "subjectAltName=email:wile@coyote.example"
if need coyote.tpl; then
  cat > coyote.tpl <<'TPL'
{
  "subject": {
    "country": "US",
    "organization": "Coyote Corporation",
    "organizationalUnit": {{ toJson .Insecure.User.team }},
    "commonName": {{ toJson .Subject.CommonName }}
  },
  "emailAddresses": {{ toJson .Insecure.CR.EmailAddresses }},
  "keyUsage": ["digitalSignature"],
  "extKeyUsage": ["clientAuth"]
}
TPL
fi
mkdir -p requests
for name in alpha bravo charlie; do
  need "requests/$name.csr" && csr "requests/$name.csr" "/O=Example/CN=$name.example.com"
done
chmod 600 issuer.key root.key
echo "make-examples: done" >&2
