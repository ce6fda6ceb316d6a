#!/usr/bin/env bash
# Build gotemplate-ref (main.go next to this script) offline, in GOPATH mode,
# with the Go toolchain and Go library sources unpacked by
# tools/install-step.sh (default prefix /opt/step-sign-ref).
# Prints the path of the binary on stdout.
#
# Env: STEP_REF_PREFIX  where install-step.sh unpacked its packages
#      GOTEMPLATE_REF_OUT  output binary (default: $XDG_CACHE_HOME or ~/.cache
#                          /pkisign/gotemplate-ref)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
prefix="${STEP_REF_PREFIX:-/opt/step-sign-ref}"
root="$prefix/root"
goroot="$(ls -d "$root"/usr/lib/go-1.* 2>/dev/null | sort -V | tail -n1 || true)"
if [ -z "$goroot" ] || [ ! -x "$goroot/bin/go" ]; then
  echo "gotemplate-ref: no Go toolchain under $root/usr/lib (run tools/install-step.sh)" >&2
  exit 1
fi
out="${GOTEMPLATE_REF_OUT:-${XDG_CACHE_HOME:-$HOME/.cache}/pkisign/gotemplate-ref}"
mkdir -p "$(dirname "$out")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

env -u GOFLAGS GOENV=off \
  GOROOT="$goroot" PATH="$goroot/bin:$PATH" \
  GOPATH="$work/gopath:$root/usr/share/gocode" GO111MODULE=off GOPROXY=off GOTOOLCHAIN=local \
  GOCACHE="$work/cache" CGO_ENABLED=0 \
  go build -trimpath -o "$out" "$here/main.go"
echo "$out"
