"""The ``pkisign`` command line: the only module that prints.

``pkisign sign <csr-file> <crt-file> <key-file> [flags]`` takes the flags of
``step certificate sign``, and ``pkisign certificate sign ...`` is the same
command, so that a step command line works by changing only the program
name.  As in step (urfave/cli), flags may come before, between or after the
positional arguments, a flag's value may be a separate word even when it
starts with '-' (``--not-before -1m``), a single dash works for long flags,
and an unset flag is read from its ``STEP_<FLAG>`` environment variable.

Every failure is one line on stderr and exit status 1; the certificate is
the only thing written to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn, Sequence

from . import __version__
from .errors import PasswordError, PkisignError, UsageError

__all__ = ["main", "build_parser"]

PROG = "pkisign"

# Flags that take a value (for the argv normalisation below) and bool flags.
_VALUE_FLAGS = ("profile", "template", "set", "set-file", "path-len", "not-before", "not-after",
                "password-file", "serial")
_BOOL_FLAGS = ("bundle", "omit-cn-san")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line, in step's words."""

    def error(self, message: str) -> NoReturn:
        if message.startswith("unrecognized arguments: "):
            message = "flag provided but not defined: " + message.split(": ", 1)[1]
        elif message.endswith(": expected one argument"):
            message = "flag needs an argument: " + message.split(": ")[0].removeprefix("argument ")
        raise UsageError(message)


def _add_sign_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("csr_file", nargs="?", metavar="csr-file",
                   help="the certificate signing request to sign: PEM or DER; '-' reads standard input")
    p.add_argument("crt_file", nargs="?", metavar="crt-file",
                   help="the issuer certificate: PEM (the first certificate is the issuer; "
                        "all of them are appended with --bundle) or DER")
    p.add_argument("key_file", nargs="?", metavar="key-file",
                   help="the issuer's private key: PEM PKCS#1, SEC1, PKCS#8, encrypted PKCS#8 "
                        "or legacy encrypted PEM; RSA, EC P-256/384/521 or Ed25519")
    p.add_argument("extra", nargs="*", help=argparse.SUPPRESS)
    p.add_argument("--profile", default=None, metavar="PROFILE",
                   help="the certificate profile: leaf (the default: digitalSignature, plus "
                        "keyEncipherment for RSA keys, serverAuth and clientAuth, the CSR's SANs or "
                        "its CN as a SAN), intermediate-ca (certSign and crlSign, CA with "
                        "pathLenConstraint --path-len) or csr (the CSR's subject and extensions as "
                        "they are)")
    p.add_argument("--template", default=None, metavar="FILE",
                   help="a certificate template (step's JSON templates: Go text/template with the sprig "
                        "functions) instead of a profile; cannot be combined with --profile")
    p.add_argument("--set", action="append", default=None, metavar="KEY=VALUE",
                   help="template data for .Insecure.User (repeatable); VALUE is JSON when it parses as "
                        "JSON, else a string; overrides --set-file")
    p.add_argument("--set-file", default=None, metavar="FILE",
                   help="a JSON object of template data for .Insecure.User")
    p.add_argument("--path-len", default=None, metavar="N",
                   help="the pathLenConstraint of an intermediate-ca certificate: default 0; "
                        "-1 means no limit")
    p.add_argument("--not-before", default=None, metavar="TIME|DURATION",
                   help="start of validity: an RFC 3339 time (2025-01-01T00:00:00Z) or a duration "
                        "from now (-1m, 1.5h, 2h45m; units ns, us, ms, s, m, h); default now")
    p.add_argument("--not-after", default=None, metavar="TIME|DURATION",
                   help="end of validity: an RFC 3339 time or a duration from now (not from "
                        "--not-before); default --not-before plus 24h, or 87600h for intermediate-ca")
    p.add_argument("--bundle", action="store_true", default=None,
                   help="print the issuer file's certificates after the new one")
    p.add_argument("--password-file", default=None, metavar="FILE",
                   help="read the password of an encrypted key from FILE (trailing whitespace "
                        "is removed); without it, pkisign asks on the terminal")
    p.add_argument("--omit-cn-san", action="store_true", default=None,
                   help="leaf: do not turn the CSR's common name into a SAN when it has none")
    p.add_argument("--serial", default=None, metavar="N",
                   help="the serial number, decimal or 0x-hexadecimal (not in step; default: "
                        "128 random bits)")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``pkisign`` command (the man page is made from it)."""
    parser = _Parser(
        prog=PROG,
        description="Sign certificate signing requests into X.509 certificates, byte for byte "
                    "as smallstep's `step certificate sign` does.",
        epilog="Exit status: 0 on success, 1 on any error (one line on standard error).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sign = commands.add_parser(
        "sign",
        help="sign a CSR with an issuer certificate and key",
        description="Sign <csr-file> with the issuer certificate <crt-file> and its key <key-file>; "
                    "the certificate is printed as PEM on standard output.",
    )
    _add_sign_arguments(sign)
    certificate = commands.add_parser("certificate", help="step-compatible spelling: certificate sign ...")
    certificate_commands = certificate.add_subparsers(dest="subcommand", metavar="SUBCOMMAND",
                                                      parser_class=_Parser)
    _add_sign_arguments(certificate_commands.add_parser("sign", help="the same as `pkisign sign`"))
    return parser


def _normalise(argv: list[str]) -> list[str]:
    """Rewrite urfave/cli forms argparse does not take.

    ``-flag`` becomes ``--flag``; ``--flag value`` becomes ``--flag=value``
    so that a value starting with '-' is not taken for a flag; ``--bool=true``
    and ``--bool=false`` become ``--bool`` or nothing.
    """
    out: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        i += 1
        if arg == "--":
            out.extend(argv[i - 1:])
            break
        if arg.startswith("-") and not arg.startswith("--") and len(arg) > 2:
            name = arg[1:].split("=", 1)[0]
            if name in _VALUE_FLAGS or name in _BOOL_FLAGS:
                arg = "-" + arg
        if not arg.startswith("--"):
            out.append(arg)
            continue
        name, eq, value = arg[2:].partition("=")
        if name in _VALUE_FLAGS and not eq and i < len(argv):
            out.append(f"--{name}={argv[i]}")
            i += 1
        elif name in _BOOL_FLAGS and eq:
            if value.lower() in ("1", "t", "true"):
                out.append(f"--{name}")
            elif value.lower() not in ("0", "f", "false"):
                raise UsageError(f"invalid value '{value}' for flag '--{name}'")
        else:
            out.append(arg)
    return out


def _from_env(args: argparse.Namespace) -> None:
    """Unset flags fall back to STEP_<FLAG> variables, as in step."""
    for flag in _VALUE_FLAGS + _BOOL_FLAGS:
        attr = flag.replace("-", "_")
        if getattr(args, attr) is not None:
            continue
        value = os.environ.get("STEP_" + attr.upper(), "")
        if not value:
            continue
        if flag == "set":  # a list flag: comma-separated in the environment
            setattr(args, attr, [item.strip() for item in value.split(",")])
        elif flag in _BOOL_FLAGS:
            if value.lower() not in ("1", "t", "true", "0", "f", "false"):
                raise UsageError(f"invalid value '{value}' for flag '--{flag}'")
            setattr(args, attr, value.lower() in ("1", "t", "true"))
        else:
            setattr(args, attr, value)


def _parse_int(text: str, flag: str) -> int:
    """An integer in Go's base-0 syntax (strconv.ParseInt / big.Int SetString)."""
    from .model import _big_int_base0

    value = _big_int_base0(text)
    if value is None:
        raise UsageError(f"invalid value '{text}' for flag '--{flag}'")
    return value


def _tty_prompt(key_file: str) -> bytes:
    """Ask for a key's password on the controlling terminal, never on stdin."""
    import getpass

    try:
        fd = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
    except OSError:
        raise PasswordError(
            f"error decrypting {key_file}: the key is encrypted and there is no terminal "
            "to ask for its password; use --password-file"
        ) from None
    os.close(fd)
    return getpass.getpass(f"Please enter the password to decrypt {key_file}: ").encode("utf-8")


def _run_sign(args: argparse.Namespace) -> bytes:
    from .sign import SignOptions, sign_files

    usage = f"'{PROG} sign <csr-file> <crt-file> <key-file>'"
    if args.extra:
        raise UsageError(f"too many positional arguments were provided in {usage}")
    if args.key_file is None:
        raise UsageError(f"not enough positional arguments were provided in {usage}")
    _from_env(args)
    profile_given = args.profile is not None  # on the command line or from STEP_PROFILE
    options = SignOptions(
        profile=args.profile if args.profile is not None else "leaf",
        path_len=_parse_int(args.path_len, "path-len") if args.path_len is not None else 0,
        not_before=args.not_before or "",
        not_after=args.not_after or "",
        omit_cn_san=bool(args.omit_cn_san),
        serial=_parse_int(args.serial, "serial") if args.serial is not None else None,
    )
    certificate = sign_files(
        args.csr_file, args.crt_file, args.key_file, options,
        password_file=args.password_file, prompt=_tty_prompt, profile_given=profile_given,
        template_file=args.template, set_values=args.set or [], set_file=args.set_file,
    )
    return certificate.pem(bundle=bool(args.bundle))


def _sign_parser(prog: str) -> argparse.ArgumentParser:
    """The sign command alone: argparse mixes flags and positionals only
    without subparsers, so the command word is dispatched by hand."""
    parser = _Parser(prog=prog)
    _add_sign_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["sign"]:
            rest, prog = argv[1:], f"{PROG} sign"
        elif argv[:2] == ["certificate", "sign"]:
            rest, prog = argv[2:], f"{PROG} certificate sign"
        else:
            parser = build_parser()
            if not argv or argv == ["certificate"]:
                parser.print_help(sys.stderr)
                return 1
            try:
                parser.parse_args(argv)  # --help, --version, or an error
            except SystemExit as done:
                return int(done.code or 0)
            return 1
        args = _sign_parser(prog).parse_intermixed_args(_normalise(rest))
        output = _run_sign(args)
    except PkisignError as exc:
        print(f"{exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in pkisign: still one line, never a traceback
        if os.environ.get("PKISIGN_DEBUG"):
            raise
        print(f"pkisign: internal error: {type(exc).__name__}: {exc} "
              "(set PKISIGN_DEBUG=1 for details)", file=sys.stderr)
        return 2
    try:
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader went away: say so once, and keep Python quiet at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        print("error writing the certificate: broken pipe", file=sys.stderr)
        return 1
    return 0
