# goenv.sh - what every regen_*.sh script does first, sourced with the name of
# the Go program it runs (tools/goref/NAME/main.go):
#
#     HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
#     . "$HERE/goenv.sh" NAME [--gocode]
#
# It finds the Go toolchain that tools/install-step.sh unpacked under
# $STEP_REF_PREFIX (default /opt/step-sign-ref), builds NAME offline (GOPATH
# mode, no proxy, no download; --gocode adds the Go library sources that the
# installer unpacked, such as go.step.sm/crypto and sprig) into a scratch
# directory removed on exit, and sets:
#   ROOT PREFIX PYTHON GOROOT WORK  the project, the installer's prefix,
#                                    $PYTHON (default python3), Go, the scratch
#   goenv                           the build environment, as a command prefix
#                                    (GODEBUG unset: the Go defaults are the goldens')
#   go_version                      e.g. go1.24.4
#   "$WORK/NAME"                    the program
goref_name="$1"
ROOT="$(cd "$HERE/../.." && pwd)"
PREFIX="${STEP_REF_PREFIX:-/opt/step-sign-ref}"
PYTHON="${PYTHON:-python3}"
GOROOT="$(ls -d "$PREFIX"/root/usr/lib/go-1.* 2>/dev/null | sort -V | tail -n1)"
[ -x "$GOROOT/bin/go" ] || {
  echo "$(basename "$0"): no Go toolchain under $PREFIX/root/usr/lib (run tools/install-step.sh)" >&2
  exit 1
}
WORK="$(mktemp -d "/tmp/$goref_name.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/gopath" "$WORK/gocache"
goref_gopath="$WORK/gopath"
[ "${2:-}" != --gocode ] || goref_gopath="$goref_gopath:$PREFIX/root/usr/share/gocode"
goenv=(env -u GOFLAGS -u GODEBUG GOENV=off GOROOT="$GOROOT" PATH="$GOROOT/bin:$PATH"
       GOPATH="$goref_gopath" GO111MODULE=off GOPROXY=off
       GOTOOLCHAIN=local GOCACHE="$WORK/gocache" CGO_ENABLED=0)
"${goenv[@]}" go build -trimpath -o "$WORK/$goref_name" "$HERE/$goref_name/main.go"
go_version="$("${goenv[@]}" go version | cut -d' ' -f3)"
