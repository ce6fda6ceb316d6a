"""The ``pkisign`` command line: the only module that prints.

``pkisign sign <csr-file> <crt-file> <key-file> [flags]`` takes the flags of
``step certificate sign``, and ``pkisign certificate sign ...`` is the same
command, so that a step command line works by changing only the program
name.  As in step (urfave/cli), flags may come before, between or after the
positional arguments, a flag's value may be a separate word even when it
starts with '-' (``--not-before -1m``), a single dash works for long flags,
and an unset flag is read from its ``STEP_<FLAG>`` environment variable.

Beyond step, for auditors: ``sign --dry-run`` (every check and the TBS,
no signature), ``--explain``, ``--lint``, ``--out``/``--format``,
``--issuer-validity``, and the ``inspect`` and ``assemble`` commands.

Every failure is one line on stderr and exit status 1 (2 for a bug in
pkisign, 130 when interrupted); the certificate (or the requested view) is
the only thing written to stdout.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING, NoReturn, Sequence

from .. import __version__
from ..errors import PasswordError, PkisignError, UsageError

if TYPE_CHECKING:  # pragma: no cover
    from ..api import Issuer

__all__ = ["main", "build_parser"]

PROG = "pkisign"

# Flags that take a value (for the argv normalisation below) and bool flags.
_VALUE_FLAGS = ("profile", "template", "set", "set-file", "path-len", "not-before", "not-after",
                "password-file", "kms", "serial", "out", "format", "tbs-out", "issuer-validity",
                "csr", "batch", "out-dir", "jobs")
_BOOL_FLAGS = ("bundle", "omit-cn-san", "dry-run", "explain", "lint", "force", "json", "skip-existing",
               "kms-plugin", "show-private")
# Flags read from STEP_<FLAG> when unset: step's own only (not --kms, as in
# the reference signer, and none of pkisign's additions).
_ENV_FLAGS = ("profile", "template", "set", "set-file", "path-len", "not-before", "not-after",
              "password-file", "bundle", "omit-cn-san")


class _HelpFormatter(argparse.HelpFormatter):
    """Help text wrapped at spaces only (a URI or a path is never cut in two),
    with indented lines (the examples) kept as they are."""

    def _split_lines(self, text: str, width: int) -> list[str]:
        import textwrap

        return textwrap.wrap(" ".join(text.split()), width, break_long_words=False, break_on_hyphens=False)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        out = []
        for paragraph in text.split("\n\n"):
            if paragraph.startswith("  "):
                out.append("\n".join(indent + line for line in paragraph.splitlines()))
            else:
                out.append(textwrap.fill(" ".join(paragraph.split()), width, initial_indent=indent,
                                         subsequent_indent=indent, break_long_words=False,
                                         break_on_hyphens=False))
        return "\n\n".join(out)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line, in step's words."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _HelpFormatter)
        super().__init__(*args, **kwargs)

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
    p.add_argument("--kms", default=None, metavar="URI",
                   help="the key management system holding the issuer key, as a URI; <key-file> is then the "
                        "key's URI (see the examples), e.g. pkcs11:module-path=MODULE;token=LABEL with "
                        "?pin-source=FILE (?pin-value=PIN works too, but every user can read a command line) and a "
                        "key such as pkcs11:id=4001.  pkisign signs with pkcs11: (an HSM), awskms:, cloudkms: and "
                        "azurekms: itself; every other type (yubikey:, tpmkms:, ...) goes through step-kms-plugin, "
                        "as in step; softkms: means a key file")
    p.add_argument("--kms-plugin", action="store_true", default=None,
                   help="reach the --kms key through step-kms-plugin even for a type pkisign signs with "
                        "itself (pkcs11:, awskms:, cloudkms:, azurekms:)")
    p.add_argument("--omit-cn-san", action="store_true", default=None,
                   help="leaf: do not turn the CSR's common name into a SAN when it has none")
    p.add_argument("--serial", default=None, metavar="N",
                   help="the serial number, decimal or 0x-hexadecimal (not in step; default: "
                        "128 random bits)")
    _add_output_arguments(p)
    p.add_argument("--issuer-validity", default=None, metavar="POLICY", choices=("allow", "truncate", "error"),
                   help="when the certificate would outlive its issuer: allow it with a warning on "
                        "standard error (the default, as step does), truncate its notAfter to the issuer's, "
                        "or refuse (error)")
    batch = p.add_argument_group(
        "many CSRs", "Sign many CSRs in one run, with one issuer key (one HSM login per signing process): "
        "the positional arguments are then <crt-file> <key-file>, and each certificate goes to its own file "
        "in --out-dir (the CSR's name with .crt, or .der with --format der).  A CSR that fails is reported on "
        "standard error and does not stop the others; the exit status is 1 when any failed.  On a terminal, "
        "progress is shown on standard error.  Certificates are made durable in groups of 64: each file is "
        "synced, then linked to its name, then the directory is synced; a crash leaves every name absent "
        "or naming a whole certificate.")
    batch.add_argument("--csr", action="append", default=None, metavar="FILE",
                       help="a CSR to sign (repeatable)")
    batch.add_argument("--batch", default=None, metavar="DIR|LIST",
                       help="a directory whose *.csr, *.pem, *.der and *.req files are CSRs, a CSR, or a text "
                            "file that lists existing CSR files, one per line (blank lines and # comments "
                            "ignored); two CSRs whose certificates would have the same name are refused "
                            "before any signing")
    batch.add_argument("--out-dir", default=None, metavar="DIR", help="where the certificates are written")
    batch.add_argument("--jobs", default=None, metavar="N",
                       help="sign in N worker processes (default: the number of CPUs this process may use); each "
                            "worker opens its own session with a --kms key (one PKCS#11 login per worker), the "
                            "first before the others start.  The files, the lines on standard error (in the order "
                            "of the CSRs) and the exit status are those of --jobs 1, which signs in this process. "
                            "Ctrl-C or SIGTERM stops the workers once the group of CSRs each has in hand is written "
                            "(exit status 130 or 143); a worker that dies ends the batch with one line and exit "
                            "status 1")
    batch.add_argument("--skip-existing", action="store_true", default=None,
                       help="leave a certificate already in --out-dir as it is and do not sign its CSR again: "
                            "a rerun finishes a batch that was interrupted (not with --force)")
    p.add_argument("--dry-run", action="store_true", default=None,
                   help="run every check and build the TBSCertificate, but do not sign: print the "
                        "annotated DER of the TBS (as `pkisign inspect`); <key-file> may be left out")
    p.add_argument("--tbs-out", default=None, metavar="FILE",
                   help="with --dry-run, also write the TBSCertificate DER to FILE (to be signed elsewhere, "
                        "then given to `pkisign assemble`)")
    p.add_argument("--explain", action="store_true", default=None,
                   help="print on standard error, for each field of the certificate, its value and where "
                        "it came from (CSR, profile, template, flag, issuer, default)")
    p.add_argument("--lint", action="store_true", default=None,
                   help="before signing, lint the certificate with pkilint's RFC 5280 linter (signed with "
                        "a throwaway key) and refuse to sign on a finding at ERROR or above "
                        "(needs pkisign[lint])")


def _add_output_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", default=None, metavar="FILE",
                   help="write the result to FILE ('-': standard output) instead of standard output, "
                        "atomically (a temporary file, then a link or a rename); never over an existing file "
                        "without --force, never over the issuer's key or certificate, and never over "
                        "anything but a regular file (a symbolic link, a directory, a FIFO or a device is "
                        "refused)")
    p.add_argument("--force", action="store_true", default=None,
                   help="let --out replace an existing regular file")
    p.add_argument("--format", default=None, metavar="FORMAT", choices=("pem", "der"),
                   help="pem (the default) or der; der writes the certificate alone (no --bundle)")


_SIGN_DESCRIPTION = (
    "Sign <csr-file> with the issuer certificate <crt-file> and its key <key-file>, as step certificate "
    "sign does: the CSR's signature, the key against the certificate and the issuer's right to sign are "
    "checked first, and the certificate is printed as PEM on standard output.  With --csr or --batch, "
    "many CSRs are signed in one run and the arguments are <crt-file> <key-file>.\n\n"
    "examples (the files are in the examples/ directory of pkisign's source):\n\n"
    "  pkisign sign leaf.csr issuer.crt issuer.key\n"
    "  pkisign sign --not-before -1m --not-after 16h leaf.csr issuer.crt issuer.key\n"
    "  pkisign sign --profile intermediate-ca --path-len 1 \\\n"
    "    --password-file pass.txt int.csr root.crt root.key\n"
    "  pkisign sign --template coyote.tpl --set team=ops \\\n"
    "    coyote.csr issuer.crt issuer.key\n"
    "  pkisign sign --kms \\\n"
    "    'pkcs11:module-path=/usr/lib/softhsm/libsofthsm2.so;token=smallstep?pin-source=pin.txt' \\\n"
    "    leaf.csr issuer.crt 'pkcs11:id=4001'\n"
    "  pkisign sign --batch requests/ --out-dir issued/ issuer.crt issuer.key"
)

_SIGN_USAGE = ("%(prog)s [flags] <csr-file> <crt-file> <key-file>\n"
               "       %(prog)s [flags] --dry-run <csr-file> <crt-file>\n"
               "       %(prog)s [flags] (--csr FILE ... | --batch DIR|LIST) --out-dir DIR <crt-file> <key-file>")

_INSPECT_DESCRIPTION = (
    "Show every DER element of FILE (PEM or DER): offset, header length, tag, length, its path in the X.509 "
    "schema, the decoded value and the hex, and report the DER violations found (non-minimal lengths or "
    "integers, BER, unsorted SET OF, encoded DEFAULT values, trailing bytes...).  Exit status 1 when a "
    "violation at error level is found.  Of a private key, the structure and the public key are shown, "
    "its private values only with --show-private.\n\n"
    "examples:\n\n"
    "  pkisign inspect issuer.crt\n"
    "  pkisign inspect --json leaf.csr\n"
    "  pkisign inspect issuer.key"
)

_ASSEMBLE_DESCRIPTION = (
    "Make the certificate from TBS (DER, as written by `pkisign sign --dry-run --tbs-out`) and SIGNATURE "
    "(the raw signature bytes: PKCS#1 v1.5 or PSS for RSA, a DER ECDSA-Sig-Value for ECDSA, 64 bytes for "
    "Ed25519), after checking that the signature verifies with the key of the issuer certificate CRT-FILE.\n\n"
    "example (an ECDSA P-256 issuer key, SHA-256):\n\n"
    "  pkisign sign --dry-run --tbs-out tbs.der leaf.csr issuer.crt > tbs.txt\n"
    "  openssl dgst -sha256 -sign issuer.key -out sig.bin tbs.der\n"
    "  pkisign assemble --out leaf.crt tbs.der sig.bin issuer.crt"
)

_EXIT_STATUS = ("exit status: 0 on success; 1 on an error (one line on standard error), a batch with a "
                "failed CSR or an inspected file with an error-level violation; 2 on an internal error; "
                "130 when interrupted.")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the ``pkisign`` command (the man page is made from it)."""
    parser = _Parser(
        prog=PROG,
        description="Sign certificate signing requests into X.509 certificates, byte for byte "
                    "as smallstep's `step certificate sign` does.",
        epilog=_EXIT_STATUS[0].upper() + _EXIT_STATUS[1:],
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sign = commands.add_parser("sign", help="sign a CSR with an issuer certificate and key",
                               description=_SIGN_DESCRIPTION, usage=_SIGN_USAGE)
    _add_sign_arguments(sign)
    _add_inspect_arguments(commands.add_parser(
        "inspect", help="annotated DER view of a certificate, CSR, TBSCertificate, public or private key",
        description=_INSPECT_DESCRIPTION))
    _add_assemble_arguments(commands.add_parser(
        "assemble", help="make a certificate from a TBSCertificate and a signature made elsewhere",
        description=_ASSEMBLE_DESCRIPTION))
    certificate = commands.add_parser(
        "certificate", help="step-compatible spelling: certificate sign ...",
        description="step's spelling of the sign command, so that a step command line works by changing "
                    "only the program name: pkisign certificate sign <csr-file> <crt-file> <key-file>.")
    certificate_commands = certificate.add_subparsers(dest="subcommand", metavar="SUBCOMMAND",
                                                      parser_class=_Parser)
    _add_sign_arguments(certificate_commands.add_parser(
        "sign", help="the same as `pkisign sign`", usage=_SIGN_USAGE,
        description=_SIGN_DESCRIPTION.replace("pkisign sign", "pkisign certificate sign")))
    return parser


def _add_inspect_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a certificate, CSR, TBSCertificate or public key; '-' reads "
                                                "standard input")
    p.add_argument("--json", action="store_true", default=None, help="print JSON for tools instead of text")
    p.add_argument("--show-private", action="store_true", default=None,
                   help="show the values of a private key's elements; without it they are hidden and the "
                        "key's structure and public key are shown")


def _add_assemble_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("tbs", metavar="TBS", help="the TBSCertificate, DER (or PEM 'TBS CERTIFICATE')")
    p.add_argument("signature", metavar="SIGNATURE", help="the signature over TBS, raw bytes")
    p.add_argument("crt_file", metavar="CRT-FILE", help="the issuer certificate (bundle)")
    p.add_argument("--bundle", action="store_true", default=None,
                   help="append the issuer file's certificates after the new one")
    _add_output_arguments(p)


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


_LIST_FLAGS = ("set", "csr")


def _take_repeated(argv: list[str], list_flags: tuple[str, ...] = _LIST_FLAGS
                   ) -> tuple[list[str], dict[str, list[str]]]:
    """Take the repeatable flags out of a normalised argv, and keep only the
    last of each other flag (the one argparse would keep).

    argparse scans its list of flag positions once per flag, so 20,000
    ``--set`` words would cost seconds; what is left for it stays short.
    """
    lists: dict[str, list[str]] = {flag: [] for flag in list_flags}
    end = argv.index("--") if "--" in argv else len(argv)
    flags = [_flag_name(arg, list_flags) for arg in argv[:end]]
    last = {name: i for i, name in enumerate(flags) if name}
    kept: list[str] = []
    for i, arg in enumerate(argv[:end]):
        name = flags[i]
        if name in lists:
            lists[name].append(arg.partition("=")[2])
        elif not name or last[name] == i:
            kept.append(arg)
    return kept + argv[end:], lists


def _flag_name(arg: str, list_flags: tuple[str, ...]) -> str:
    """The flag a normalised word sets ("" for a positional or a bare list flag)."""
    if not arg.startswith("--"):
        return ""
    name, eq, _ = arg[2:].partition("=")
    if eq and (name in list_flags or name in _VALUE_FLAGS):
        return name
    return name if not eq and name in _BOOL_FLAGS else ""


def _parse_args(prog: str, add_arguments, argv: list[str],
                list_flags: tuple[str, ...], description: str, usage: str | None = None) -> argparse.Namespace:
    words, lists = _take_repeated(_normalise(argv), list_flags)
    args = _command_parser(prog, add_arguments, description, usage).parse_intermixed_args(words)
    for flag, values in lists.items():
        setattr(args, flag, values or None)
    return args


def _from_env(args: argparse.Namespace) -> None:
    """Unset flags fall back to STEP_<FLAG> variables, as in step."""
    for flag in _ENV_FLAGS:
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
    from ..golang.big import big_int_base0

    value = big_int_base0(text)
    if value is None:
        raise UsageError(f"invalid value '{text}' for flag '--{flag}'")
    return value


def _tty_prompt(key_file: str) -> bytes:
    """Ask for a key's password on the terminal, never on stdin.

    getpass reads the controlling terminal on POSIX and the console on
    Windows; without one it would fall back to stdin (where a CSR may be)
    or hang, so pkisign refuses first.
    """
    import getpass

    if not _have_terminal():
        raise PasswordError(
            f"error decrypting {key_file}: the key is encrypted and there is no terminal "
            "to ask for its password; use --password-file"
        )
    return getpass.getpass(f"Please enter the password to decrypt {_one_line(key_file)}: ").encode("utf-8")


def _have_terminal() -> bool:
    if os.name == "posix":
        try:
            # O_NOCTTY: opening the terminal must not make it ours.
            fd = os.open("/dev/tty", os.O_RDWR | getattr(os, "O_NOCTTY", 0))
        except OSError:
            return False
        os.close(fd)
        return True
    # Windows: getpass reads the console, which a process has when its
    # standard streams are one.
    return any(stream is not None and stream.isatty() for stream in (sys.stdin, sys.stderr))


def _now():
    """The clock: SOURCE_DATE_EPOCH (reproducible builds) when set, else the time."""
    import time

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return time.time_ns, "the clock"
    if not epoch.isdigit():
        raise UsageError(f"invalid SOURCE_DATE_EPOCH '{epoch}': want a number of seconds")
    fixed = int(epoch) * 1_000_000_000
    return (lambda: fixed), f"SOURCE_DATE_EPOCH={epoch}"


class _Output:
    """Where the result goes: stdout, or a file written atomically at the end."""

    def __init__(self, args: argparse.Namespace, protected: tuple[str, ...]) -> None:
        self.path = args.out
        self.force = bool(args.force)
        self.der = args.format == "der"
        self.protected = protected
        if self.der and getattr(args, "bundle", False):
            raise UsageError("flag '--bundle' is incompatible with '--format der'")

    def certificate(self, der: bytes, pem_text: bytes) -> bytes:
        return der if self.der else pem_text

    def write(self, data: bytes) -> bytes:
        """Write to --out and return b"", or return the bytes for stdout."""
        if not self.path or self.path == "-":
            return data
        from .output import write_atomically

        write_atomically(self.path, data, force=self.force, protected=self.protected)
        return b""


def _sign_options(args: argparse.Namespace):
    from ..api import SignOptions

    return SignOptions(
        profile=args.profile if args.profile is not None else "leaf",
        path_len=_parse_int(args.path_len, "path-len") if args.path_len is not None else 0,
        not_before=args.not_before or "",
        not_after=args.not_after or "",
        omit_cn_san=bool(args.omit_cn_san),
        serial=_parse_int(args.serial, "serial") if args.serial is not None else None,
    )


_CSR_SUFFIXES = (".csr", ".pem", ".der", ".req")


#: Characters a list of paths never holds: C0 and C1 controls (tab and line ends aside).
_NOT_IN_A_LIST = {chr(c) for c in (*range(0x20), *range(0x7f, 0xa0))} - {"\t", "\n", "\r"}


def _batch_sources(args: argparse.Namespace) -> list[str]:
    files = list(args.csr or [])
    if args.batch:
        if os.path.isdir(args.batch):
            files += sorted(os.path.join(args.batch, name) for name in os.listdir(args.batch)
                            if name.lower().endswith(_CSR_SUFFIXES))
        else:
            files += _batch_file(args.batch)
    return files


def _batch_file(name: str) -> list[str]:
    """--batch FILE: a CSR, or a list of existing CSR files.

    Anything else (the issuer key given by mistake, a password file) is
    refused without a word of what it holds: its lines are never printed as
    file names.  A list is text within its size limit, no PEM armour, no
    control characters, and every entry names an existing file.
    """
    import re

    from ..inputs import load_csr, read_file

    not_a_list = UsageError(f"--batch {name} is not a directory, a CSR, or a list of CSR paths")
    if name != "-" and os.path.exists(name) and not os.path.isfile(name):
        raise not_a_list  # a FIFO or a device such as /dev/zero is read by no one
    data = read_file(name, "list")
    if re.search(rb"-----BEGIN (NEW )?CERTIFICATE REQUEST-----", data):
        return [name]  # a CSR, damaged or not: signing it says what is wrong, quoting none of it
    if data[:1] == b"\x30":
        try:
            load_csr(data, name)
            return [name]
        except PkisignError:
            pass  # "0" also starts a list of names; binary is refused below
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise not_a_list from None
    if "-----BEGIN" in text or _NOT_IN_A_LIST.intersection(text):
        raise not_a_list
    entries: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if line and not line.startswith("#"):
            entries.append((number, line))
    missing = [number for number, entry in entries if not os.path.exists(entry)]
    if entries and len(missing) == len(entries):
        raise not_a_list
    if missing:
        raise UsageError(f"--batch {name}: line {missing[0]} names no existing file"
                         + (f" (and {len(missing) - 1} more lines)" if len(missing) > 1 else ""))
    return [entry for _, entry in entries]


def _batch_targets(sources: list[str], out_dir: str, suffix: str) -> dict[str, str]:
    """Each CSR's certificate file; two CSRs for one file are refused before any signing."""
    targets: dict[str, str] = {}
    by_target: dict[str, list[str]] = {}
    for name in sources:
        target = os.path.join(out_dir, os.path.splitext(os.path.basename(name))[0] + suffix)
        by_target.setdefault(target, []).append(name)
        targets[name] = target
    for target, names in by_target.items():
        if len(names) > 1:
            listed = ", ".join(names[:-1]) + " and " + names[-1]
            raise UsageError(f"{listed} would all be written to {target}: sign them into different directories")
    return targets


def _run_batch(args: argparse.Namespace) -> int:
    """Many CSRs, one issuer: one output file per CSR, failures reported and counted."""
    import signal

    from ..api import open_issuer, resolve_options, sign_many, uses_kms
    from .batch import GROUP, BatchJob, Terminated, default_jobs, run_batch
    from .output import remove_stale_temporaries

    if args.extra or args.key_file is not None or args.crt_file is None:
        raise UsageError(f"with --csr or --batch, the arguments are '{PROG} sign <crt-file> <key-file>'")
    crt_file, key_file = args.csr_file, args.crt_file
    if not args.out_dir:
        raise UsageError("signing many CSRs needs '--out-dir'")
    if not os.path.isdir(args.out_dir):
        # Said once, before any signing: not once per CSR.
        raise UsageError(f"--out-dir {args.out_dir}: no such directory")
    for flag in ("serial", "out", "tbs_out", "dry_run"):
        if getattr(args, flag):
            raise UsageError(f"flag '--{flag.replace('_', '-')}' is incompatible with '--csr' and '--batch'")
    if args.skip_existing and args.force:
        raise UsageError("flag '--skip-existing' is incompatible with '--force'")
    jobs = default_jobs() if args.jobs is None else _parse_jobs(args.jobs)
    _from_env(args)
    output = _Output(args, (*_key_files(key_file, args.kms), crt_file))
    options = _sign_options(args)
    now, _ = _now()
    suffix = ".der" if output.der else ".crt"
    targets = _batch_targets(_batch_sources(args), args.out_dir, suffix)
    remove_stale_temporaries(args.out_dir)  # what a killed run left
    if args.skip_existing:
        targets = {name: target for name, target in targets.items() if not _is_regular_file(target)}
    jobs = max(1, min(jobs, -(-len(targets) // GROUP)))  # no worker without a group to sign

    def open_key() -> Issuer:
        return open_issuer(crt_file, key_file, kms=args.kms, kms_plugin=bool(args.kms_plugin),
                           password_file=args.password_file, prompt=_tty_prompt)

    # A KMS or HSM key is opened by each worker (one session each); a key file
    # here, once, and inherited by the workers.
    kms = uses_kms(key_file, args.kms)
    issuer = open_issuer(crt_file, None) if kms else open_key()
    warning = _key_file_warning(key_file, args.kms)
    if warning:
        print(_one_line(warning), file=sys.stderr)
    failed = done = 0
    progress = sys.stderr.isatty()
    clear = "\r\033[K" if progress else ""

    def terminate(signum: int, frame: object) -> None:
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        options = resolve_options(options, profile_given=args.profile is not None, template_file=args.template,
                                  set_values=args.set or [], set_file=args.set_file)
        bundle = bool(args.bundle)
        job = BatchJob(open_issuer=open_key, sign_many=sign_many, options=options, now=now,
                       issuer_validity=args.issuer_validity or "allow",
                       render=lambda certificate: output.certificate(certificate.der, certificate.pem(bundle=bundle)),
                       force=output.force, protected=output.protected, skip_existing=bool(args.skip_existing))
        for outcomes in run_batch(job, issuer, targets.items(), jobs, kms=kms):
            for outcome in outcomes:
                done += 1
                for note in outcome.warnings:
                    print(clear + _one_line(f"{outcome.name}: {note}"), file=sys.stderr)
                if outcome.error is not None:
                    failed += 1
                    print(clear + _one_line(f"{outcome.name}: {outcome.error}"), file=sys.stderr)
            if progress:
                print(f"\rsigned {done - failed}/{len(targets)}, {failed} failed", end="", file=sys.stderr,
                      flush=True)
    except Terminated:
        if progress and done:
            print(file=sys.stderr)
        print("terminated", file=sys.stderr)
        return 128 + signal.SIGTERM
    finally:
        signal.signal(signal.SIGTERM, previous)
        if issuer.signer is not None:
            issuer.signer.close()
    if progress and done:
        print(file=sys.stderr)
    return 1 if failed else 0


def _parse_jobs(value: str) -> int:
    try:
        jobs = int(value, 10)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise UsageError(f"invalid value '{value}' for flag '--jobs': a number of processes, 1 or more")
    return jobs


def _is_regular_file(path: str) -> bool:
    import stat

    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _key_files(key: str, kms: str | None) -> tuple[str, ...]:
    """The key argument, and the file a softkms key names: --out writes over neither."""
    from ..api import key_file_path

    try:
        return (key, key_file_path(key, kms)) if key else (key,)
    except PkisignError:  # a malformed softkms URI: reported when the key is read
        return (key,)


def _key_file_warning(key_file: str | None, kms: str | None) -> str | None:
    """A private key file that other users can read deserves a word on stderr."""
    from ..api import key_file_path, uses_kms

    # File modes mean nothing on Windows (os.stat reports 0o666 for any file).
    if os.name != "posix" or not key_file or key_file == "-" or uses_kms(key_file, kms):
        return None
    key_file = key_file_path(key_file, kms)
    try:
        mode = os.stat(key_file).st_mode & 0o777
    except OSError:
        return None
    if mode & 0o077:
        return f"warning: {key_file} can be read by other users (mode {mode:04o}); chmod 600 {key_file}"
    return None


def _run_sign(args: argparse.Namespace) -> bytes:
    from ..api import prepare_files

    usage = f"'{PROG} sign <csr-file> <crt-file> <key-file>'"
    if args.extra:
        raise UsageError(f"too many positional arguments were provided in {usage}")
    if args.key_file is None and not (args.dry_run and args.crt_file is not None):
        raise UsageError(f"not enough positional arguments were provided in {usage}")
    if args.tbs_out and not args.dry_run:
        raise UsageError("flag '--tbs-out' needs '--dry-run'")
    for flag in ("skip_existing", "jobs"):
        if getattr(args, flag) is not None:
            raise UsageError(f"flag '--{flag.replace('_', '-')}' needs '--csr' or '--batch'")
    _from_env(args)
    profile_given = args.profile is not None  # on the command line or from STEP_PROFILE
    options = _sign_options(args)
    output = _Output(args, (*_key_files(args.key_file or "", args.kms), args.crt_file or ""))
    now, now_source = _now()
    issuer, draft = prepare_files(
        args.csr_file, args.crt_file, args.key_file, options,
        password_file=args.password_file, prompt=_tty_prompt, profile_given=profile_given,
        template_file=args.template, set_values=args.set or [], set_file=args.set_file, kms=args.kms,
        kms_plugin=bool(args.kms_plugin), issuer_validity=args.issuer_validity or "allow", now=now,
    )
    try:
        for warning in (_key_file_warning(args.key_file, args.kms), *draft.warnings):
            if warning:
                print(_one_line(warning), file=sys.stderr)
        if args.lint:
            _lint(draft, issuer.certificate.public_key)
        if args.dry_run:
            from ..inspect import inspect_der, render_text

            if args.tbs_out:
                from .output import write_atomically

                write_atomically(args.tbs_out, draft.tbs.der, force=bool(args.force),
                                 protected=output.protected)
            result = render_text(inspect_der(draft.tbs.der, kind="tbs")).encode("utf-8")
        else:
            certificate = issuer.finish(draft)
            result = output.certificate(certificate.der, certificate.pem(bundle=bool(args.bundle)))
    finally:
        if issuer.signer is not None:
            issuer.signer.close()
    written = output.write(result)  # a failed write reports only its own error
    if args.explain:
        from ..inspect.explain import explain, render

        sys.stderr.write(render(explain(draft, issuer.certificate, now_source=now_source)))
    return written


def _lint(draft, issuer_key) -> None:
    """--lint: print pkilint's findings; refuse to sign on one at ERROR or above."""
    from ..errors import SigningError
    from ..lint import lint_tbs, serious

    findings = lint_tbs(draft.tbs.der, draft.tbs.algorithm, curve=issuer_key.curve,
                        rsa_bits=issuer_key.rsa_n.bit_length())
    for finding in findings:
        if finding.severity in ("FATAL", "ERROR", "WARNING"):
            print(_one_line(f"lint: {finding}"), file=sys.stderr)
    bad = serious(findings)
    if bad:
        raise SigningError(f"refusing to sign: pkilint reports {len(bad)} finding(s) at ERROR or above")


def _run_inspect(args: argparse.Namespace) -> tuple[bytes, int]:
    from ..inputs import read_file
    from ..inspect import hide_private_values, inspect_bytes, inspect_der, is_private_key, render_json, render_text

    data = read_file(args.file, "inspect")
    report = inspect_bytes(data)
    public = None
    if is_private_key(report) and not args.show_private:
        hide_private_values(report)
        spki = _public_key_of(data, args.file)
        public = inspect_der(spki, "public-key") if spki is not None else None
    errors = any(f.severity == "error" for f in report.findings)
    if args.json:
        text = render_json(report)
        if public is not None:
            import json

            document = json.loads(text)
            document["public_key"] = json.loads(render_json(public))
            text = json.dumps(document, separators=(",", ":")) + "\n"
    else:
        text = render_text(report)
        if public is not None:
            text += "\nits public key:\n" + render_text(public)
    return text.encode("utf-8"), 1 if errors else 0


def _public_key_of(data: bytes, name: str) -> bytes | None:
    """The SubjectPublicKeyInfo of an unencrypted PEM private key; None when
    it cannot be had without a password (or the key does not load)."""
    from ..signers.file import FileSigner
    from ..signers.keyfile import read_private_key

    try:
        return FileSigner(read_private_key(data, name)).public_key.spki
    except PkisignError:
        return None


def _run_assemble(args: argparse.Namespace) -> bytes:
    from ..assemble import assemble, load_tbs
    from ..inputs import read_file, read_issuers
    from ..x509 import pem

    output = _Output(args, (args.crt_file,))
    tbs = load_tbs(read_file(args.tbs, "tbs"), args.tbs)
    signature = read_file(args.signature, "signature")
    issuers = read_issuers(args.crt_file)
    der = assemble(tbs, signature, issuers[0])
    text = pem.encode("CERTIFICATE", der)
    if args.bundle:
        text += b"".join(pem.encode("CERTIFICATE", c.der) for c in issuers)
    return output.write(output.certificate(der, text))


def _command_parser(prog: str, add_arguments, description: str,
                    usage: str | None = None) -> argparse.ArgumentParser:
    """One command alone: argparse mixes flags and positionals only without
    subparsers, so the command word is dispatched by hand."""
    parser = _Parser(prog=prog, description=description, usage=usage, epilog=_EXIT_STATUS)
    add_arguments(parser)
    return parser


def _one_line(message: str) -> str:
    """An error is one line, and what a user or a requester put in it is escaped."""
    from ..terminal import escape

    return escape(message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    code = 0
    try:
        if argv[:1] == ["sign"] or argv[:2] == ["certificate", "sign"]:
            words = 1 if argv[0] == "sign" else 2
            prog = f"{PROG} {' '.join(argv[:words])}"
            description = _SIGN_DESCRIPTION.replace("pkisign sign", prog)
            args = _parse_args(prog, _add_sign_arguments, argv[words:], _LIST_FLAGS, description, _SIGN_USAGE)
            if args.csr or args.batch:
                return _run_batch(args)
            output = _run_sign(args)
        elif argv[:1] == ["inspect"]:
            args = _parse_args(f"{PROG} inspect", _add_inspect_arguments, argv[1:], (), _INSPECT_DESCRIPTION)
            output, code = _run_inspect(args)
        elif argv[:1] == ["assemble"]:
            args = _parse_args(f"{PROG} assemble", _add_assemble_arguments, argv[1:], (), _ASSEMBLE_DESCRIPTION)
            output = _run_assemble(args)
        else:
            parser = build_parser()
            if not argv or argv == ["certificate"]:
                parser.print_help(sys.stderr)
                return 1
            parser.parse_args(argv)  # --help, --version, or an error
            return 1
    except SystemExit as done:  # --help and --version
        return int(done.code or 0)
    except PkisignError as exc:
        print(_one_line(str(exc)), file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in pkisign: still one line, never a traceback
        if os.environ.get("PKISIGN_DEBUG"):
            raise
        print(_one_line(f"pkisign: internal error: {type(exc).__name__}: {exc} "
                        "(set PKISIGN_DEBUG=1 for details)"), file=sys.stderr)
        return 2
    return _write_stdout(output, code)


def _write_stdout(output: bytes, code: int) -> int:
    """The result on standard output; a failed write (a closed pipe, a full
    disk) is one line and exit 1, as every other failure."""
    if sys.stdout is None:  # started with standard output closed
        print("error writing to standard output: bad file descriptor", file=sys.stderr)
        return 1
    try:
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    except OSError as exc:
        # What is still buffered would fail again when Python exits, with a
        # traceback: standard output becomes /dev/null first.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
        reason = exc.strerror.lower() if exc.strerror else str(exc)
        print(f"error writing to standard output: {reason}", file=sys.stderr)
        return 1
    return code
