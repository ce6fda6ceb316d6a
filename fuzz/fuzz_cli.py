"""Fuzz target: the whole command line, ``pkisign.cli.main`` with a mutated argv and files.

The input bytes are read as choices (``_harness.Reader``): the command
(``sign``, ``certificate sign``, ``inspect``, ``assemble``), which file each
argument names (a vector file, the hostile file, a missing file, a
directory, or ``-`` for standard input), a handful of flags with values
from a vocabulary or from the hostile text, in every spelling urfave/cli
accepts, the flags' positions, and maybe a ``STEP_*`` variable.  What is
left of the input is the hostile file's content, standard input, and the
hostile text (with ``/`` replaced, so that no word names a path outside the
per-input directory).

Each input runs in a fresh temporary directory holding copies of the files
(so that ``--out --force`` can only overwrite copies), with the clock fixed
by ``SOURCE_DATE_EPOCH``.  ``--lint`` is left out (slow, and its findings
are multi-line by design).  The terminal prompt is replaced by the error
pkisign gives when there is no terminal, so a fuzzer run from a terminal
never waits for a password.

Inputs of hostile size: any file slot may be ``/dev/zero`` or the hostile
bytes repeated past the largest input limit (4 MiB), and a flag may be
repeated 20,000 times; such a command must stay within
``_harness.HOSTILE_SIZE_MEMORY_MB`` of memory (tracemalloc's peak) besides
the CPU watchdog.

Contract: exit 0; or exit 1 with exactly one error line on stderr (after
any ``warning:`` lines) and nothing on stdout, except ``inspect``, which
exits 1 with its report on stdout when it finds DER errors; never exit 2
("pkisign: internal error") nor a traceback.  On exit 2 the input is run
again with PKISIGN_DEBUG=1 so that the real exception is what the fuzzer
reports.  Nothing a requester or a user wrote reaches stderr, or text on
stdout, in a form a terminal acts on (``_harness.check_terminal``).

    python fuzz/fuzz_cli.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import sys
import tempfile
import tracemalloc

import _harness

sys.path.insert(0, str(_harness.ROOT / "tools"))
from inprocess import captured

with _harness.instrumented(__name__ == "__main__"):
    from pkisign.cli import command as cli
    from pkisign.cli import output
    from pkisign.errors import PasswordError

NAME = "cli"
V = _harness.VECTORS
HOSTILE, STDIN, MISSING, DIRECTORY = "<hostile>", "-", "missing.pem", "."
# Inputs of hostile size for any file slot: endless, and the hostile bytes
# repeated past the largest input limit.
ENDLESS, BIG = "/dev/zero", "<big>"
BIG_SIZE = 4 * 1024 * 1024 + 1
# Repeated flags (a roll of the flag's spelling byte at or above 252).
REPEATS = 20_000

# (certificate, key) pairs of the vectors, and files for every other slot.
_ISSUERS = [("issuers/root-ed25519.crt", "issuers/root-ed25519.key"),
            ("issuers/root-rsa2048.crt", "issuers/root-rsa2048.key"),
            ("issuers/root-p256.crt", "keys/formats/root-p256.ecparams.key"),
            ("issuers/int-pl0-ed25519.bundle.pem", "issuers/int-pl0-ed25519.key"),
            ("issuers/root-rsa2048.der", "keys/formats/root-rsa2048.pkcs8-aes256-sha256.key"),
            ("issuers/root-pathlen0-ed25519.crt", "issuers/root-pathlen0-ed25519.key"),
            ("bad/issuer-no-ku.crt", "bad/issuer-no-ku.key")]
_CSRS = ["csr/web-p256.csr", "csr/ext-rsa2048.csr", "csr/web-p256.der", "csr/san-other-ed25519.csr",
         "csr/empty-nosan-ed25519.csr", "bad/csr-md5.csr", "csr/web-p521.bom.csr"]
_FILE_FLAGS = {
    "password-file": ["pass/golden-pass.txt", "pass/wrong.txt", "pass/empty.txt", "pass/unicode-space.txt"],
    "template": ["templates/docs/coyote.tpl", "templates/func/strings.tpl", "templates/data/cr.tpl"],
    "set-file": ["templates/inputs/user.json", "templates/inputs/array.json", "templates/inputs/not-json.txt"],
}
_VALUES = {
    "profile": ["leaf", "intermediate-ca", "csr", "Leaf", ""],
    "set": ["a=1", "name=x", 'k={"a":[1,2]}', "novalue", "=", "x=\"quoted"],
    "path-len": ["0", "1", "-1", "-2", "0x10", "99999999999999999999", "abc"],
    "not-before": ["-1m", "2025-01-01T00:00:00Z", "0", "1d", "", "2050-01-01T00:00:00Z"],
    "not-after": ["16h", "2025-06-01T00:00:00Z", "-1h", "1.5h", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"],
    "kms": ["softkms:", "pkcs11:token=x?pin-value=secret-pin", "yubikey:slot-id=9a", "%zz", ""],
    "serial": ["7", "0x10", "-5", "0", str(2 ** 200), "1e3"],
    "out": ["out.pem", "csr.pem", "issuer.key", "issuer.crt", ".", "sub/dir/out.pem", "-", "fifo.out", "link.out",
            "dangling.out", "dir.out", "dev.out", "dir.out/"],
    "tbs-out": ["tbs.der", "issuer.key", ".", "fifo.out", "link.out", "dangling.out", "dir.out", "dev.out"],
    "format": ["pem", "der", "txt"],
    "issuer-validity": ["allow", "truncate", "error", "never"],
}
_BOOLS = ["bundle", "omit-cn-san", "dry-run", "explain", "force", "json", "skip-existing"]
# Destinations that are not regular files, made in the run's directory when a
# word names them; whatever the flags, they must be left as they were.
_SPECIALS = {"fifo.out": {"special": "fifo"}, "link.out": {"special": "symlink", "to": "target.out"},
             "dangling.out": {"special": "symlink", "to": "nowhere.out"}, "dir.out": {"special": "directory"},
             "dev.out": {"special": "device"}}
_BOOL_VALUES = ["", "=true", "=false", "=1", "=maybe", "=T"]
_ENV = ["STEP_PROFILE", "STEP_NOT_AFTER", "STEP_NOT_BEFORE", "STEP_BUNDLE", "STEP_SET", "STEP_PATH_LEN",
        "STEP_PASSWORD_FILE", "STEP_TEMPLATE", "SOURCE_DATE_EPOCH"]

def _assemble_inputs() -> dict[str, bytes]:
    """A vector certificate's TBS and signature (Ed25519 root), for `assemble`."""
    import base64

    import _der

    pem = (V / "out/leaf/ed25519-issuer/rsa2048-web.pem").read_text()
    der = base64.b64decode("".join(pem.split("-----")[2].split()))
    cert = _der.parse(der)
    return {"<tbs>": cert.children[0].encode(), "<signature>": cert.children[2].content[1:]}  # type: ignore[index]


_ASSEMBLE = _assemble_inputs()
_COMMANDS = [["sign"], ["sign"], ["sign"], ["certificate", "sign"], ["inspect"], ["assemble"], ["sign"], ["sign"]]
EPOCH = "1735689600"


class Unsafe(BaseException):
    """--out would write outside the input's directory: not run.  A
    BaseException, so that the command's ``except Exception`` lets it through."""


def _word(text: str) -> str:
    """Hostile text as one argv word: no NUL (impossible in argv), no path separator."""
    return text.replace("\x00", "").replace("/", "_")[:300]


def plan(data: bytes) -> tuple[list[str], dict[str, bytes], dict[str, str], bytes]:
    """(argv, files to create, environment, hostile bytes) for an input."""
    r = _harness.Reader(data)
    command = list(r.pick(_COMMANDS))
    files: dict[str, bytes] = {}
    hostile_slot = [False]

    def use(choice: str, name: str) -> str:
        if choice == HOSTILE:
            hostile_slot[0] = True
            return "hostile.bin"
        if choice in (STDIN, MISSING, DIRECTORY, ENDLESS):
            return choice
        if choice == BIG:
            hostile_slot.append("big.bin")
            return "big.bin"
        files[name] = _ASSEMBLE[choice] if choice in _ASSEMBLE else (V / choice).read_bytes()
        return name

    def slot(options: list[str], name: str) -> str:
        roll = r.byte()
        if roll < 200:
            return use(options[roll % len(options)], name)
        if roll >= 250:
            return use(ENDLESS if roll % 2 else BIG, name)
        return use((HOSTILE, HOSTILE, STDIN, MISSING, DIRECTORY)[roll % 5], name)

    issuer_crt, issuer_key = r.pick(_ISSUERS)
    if r.chance(40):
        issuer_key = r.pick(_ISSUERS)[1]
    if command == ["inspect"]:
        positionals = [slot(_CSRS + [issuer_crt], "input.pem")]
    elif command == ["assemble"]:
        positionals = [slot(["<tbs>"], "tbs.der"), slot(["<signature>"], "sig.bin"),
                       slot(["issuers/root-ed25519.crt", issuer_crt], "issuer.crt")]
    else:
        positionals = [slot(_CSRS, "csr.pem"), slot([issuer_crt], "issuer.crt"), slot([issuer_key], "issuer.key")]
        if r.chance(20):
            positionals = positionals[:r.byte() % 3] if r.chance(128) else positionals + ["extra"]
    hostile_text = None
    flags: list[list[str]] = []
    for _ in range(r.byte() % 6):
        roll = r.byte()
        spelling = r.byte()
        form = spelling % 4
        repeat = REPEATS if spelling >= 252 else 1
        dash = "-" if form == 3 else "--"
        if roll < 40:
            name = _BOOLS[roll % len(_BOOLS)]
            flags.append([f"{dash}{name}{r.pick(_BOOL_VALUES)}"] * repeat)
            continue
        names = list(_VALUES) + list(_FILE_FLAGS)
        name = names[roll % len(names)] if roll < 250 else r.pick(["nope", "pro", "out", "", "-"])
        if name in _FILE_FLAGS:
            value = slot(_FILE_FLAGS[name], name + ".in")
        elif r.chance(30) or name not in _VALUES:
            hostile_text = hostile_text if hostile_text is not None else "<text>"
            value = "<text>"
        else:
            value = r.pick(_VALUES[name])
        flags.append(([f"{dash}{name}={value}"] if form % 2 == 0 else [f"{dash}{name}", value]) * repeat)
    argv = list(positionals)
    for flag in flags:
        at = r.byte() % (len(argv) + 1)
        argv[at:at] = flag
    env = {"SOURCE_DATE_EPOCH": EPOCH}
    if r.chance(25):
        env[r.pick(_ENV)] = r.pick(["", "csr", "1h", "true", "maybe", "a=1,b=2", "-3", "pass/golden-pass.txt",
                                    "<text>", "12x"])
    hostile = r.rest()
    text = _word(_harness.text(hostile))
    argv = [w.replace("<text>", text) for w in argv]
    env = {k: v.replace("<text>", text).replace("\x00", "") for k, v in env.items()}
    if hostile_slot[0]:
        files["hostile.bin"] = hostile
    for name, special in _SPECIALS.items():
        if any(name in word for word in argv):
            files[name] = special  # type: ignore[assignment]
    if "link.out" in files:
        files["target.out"] = b"the link's target\n"
    if "big.bin" in hostile_slot:
        files["big.bin"] = (hostile or b"\x00") * (BIG_SIZE // max(1, len(hostile)) + 1)
    return command + argv, files, env, hostile


@contextlib.contextmanager
def _sandbox(files: dict[str, bytes], env: dict[str, str], stdin: bytes):  # type: ignore[no-untyped-def]
    """A fresh directory with the files, the environment, and captured stdio."""
    directory = tempfile.mkdtemp(prefix="pkisign-fuzz-cli-")
    for name, content in sorted(files.items(), key=lambda item: isinstance(item[1], dict)):
        _make(os.path.join(directory, name), content)
    saved_env = {k: os.environ.get(k) for k in list(env) + [k for k in os.environ if k.startswith("STEP_")]}
    for key in saved_env:
        os.environ.pop(key, None)
    os.environ.update(env)
    old_cwd = os.getcwd()
    real_write, real_prompt = output.write_atomically, cli._tty_prompt

    def guarded_write(path: str, data: bytes, **kwargs):  # type: ignore[no-untyped-def]
        root = os.path.realpath(directory)
        if os.path.commonpath([os.path.realpath(path), root]) != root:
            raise Unsafe(path)
        return real_write(path, data, **kwargs)

    def no_terminal(key_file: str) -> bytes:
        raise PasswordError(f"error decrypting {key_file}: the key is encrypted and there is no terminal "
                            "to ask for its password; use --password-file")

    output.write_atomically, cli._tty_prompt = guarded_write, no_terminal
    try:
        os.chdir(directory)
        with captured(stdin) as (out, err):
            yield out, err
    finally:
        output.write_atomically, cli._tty_prompt = real_write, real_prompt
        os.chdir(old_cwd)
        for key, value in saved_env.items():
            os.environ.pop(key, None)
            if value is not None:
                os.environ[key] = value
        shutil.rmtree(directory, ignore_errors=True)


def _make(path: str, content) -> None:  # type: ignore[no-untyped-def]
    """A file with ``content`` (bytes), or a special destination (a dict of _SPECIALS)."""
    if isinstance(content, bytes):
        with open(path, "wb") as f:
            f.write(content)
    elif content["special"] == "fifo":
        os.mkfifo(path)
    elif content["special"] == "symlink":
        os.symlink(content["to"], path)
    elif content["special"] == "directory":
        os.makedirs(path, exist_ok=True)
    elif content["special"] == "device":
        if os.geteuid() == 0:  # the numbers of /dev/null, in the run's directory
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        else:
            os.mkfifo(path)
    else:
        raise ValueError(f"unknown special file {content!r}")


def run(argv: list[str], files: dict[str, bytes], env: dict[str, str], stdin: bytes) -> tuple[int, bytes, str]:
    """Run the command; with an input of hostile size (or many flags), its
    peak memory must stay within HOSTILE_SIZE_MEMORY_MB.  A special destination
    (FIFO, symlink, directory, device) must be left as it was, and no
    temporary file left behind."""
    specials = [name for name, content in files.items() if isinstance(content, dict)]
    sized = ENDLESS in argv or "big.bin" in files or len(argv) > REPEATS
    with _sandbox(files, env, stdin) as (out, err):
        before = {name: _harness.path_state(name) for name in specials}
        if sized:
            tracemalloc.start()
        try:
            code = cli.main(argv)
            peak = tracemalloc.get_traced_memory()[1] if sized else 0
        finally:
            if sized:
                tracemalloc.stop()
        changed = [name for name in specials if _harness.path_state(name) != before[name]]
        left = [os.path.join(d, n) for d, _, names in os.walk(".") for n in names if "pkisign-tmp" in n]
    if peak > _harness.HOSTILE_SIZE_MEMORY_MB << 20:
        raise _harness.ContractViolation(f"{peak >> 20} MiB for a command with an input of hostile size")
    if changed:
        raise _harness.ContractViolation(f"a destination that is not a regular file was replaced: {changed}")
    if left:
        raise _harness.ContractViolation(f"temporary files left: {left}")
    return code, out.buffer.getvalue(), err.getvalue()


def check(argv: list[str], code: int, stdout: bytes, stderr: str, env_values: list[str] = ()) -> None:  # type: ignore[assignment]
    """The command-line contract (see the module docstring)."""
    if "Traceback (most recent call last)" in stderr:
        raise _harness.ContractViolation(f"traceback on stderr: {stderr[-300:]!r}")
    _harness.check_terminal(stderr, "stderr")
    try:
        _harness.check_terminal(stdout.decode("utf-8"), "stdout")
    except UnicodeDecodeError:
        pass  # a DER certificate, not text
    if code == 0:
        return
    if code != 1:
        raise _harness.ContractViolation(f"exit {code}: {stderr.strip()[-300:]!r}")
    if argv[:1] == ["inspect"] and stderr == "" and stdout:
        return  # inspect found DER errors: its report, exit 1
    if stdout:
        raise _harness.ContractViolation(f"exit 1 with output on stdout: {stdout[:80]!r}")
    lines = stderr.split("\n")
    if lines[-1] != "" or len(lines) < 2:
        raise _harness.ContractViolation(f"stderr does not end in one error line: {stderr!r}")
    errors = [line for line in lines[:-1] if not line.startswith("warning: ")]
    if len(errors) != 1 and any(re.fullmatch(r"--?explain(=.*)?", w) for w in argv):
        raise _harness.ContractViolation(f"--explain printed its report, then failed: {stderr[-200:]!r}")
    echoed = any(re.search(r"[\r\n]", w) and (w in stderr or any(p and p in stderr for p in re.split(r"[\r\n]", w)))
                 for w in list(argv) + list(env_values))
    if (len(errors) != 1 or "\r" in stderr) and echoed:
        raise _harness.ContractViolation(f"an error message quotes a line break from the command line: {stderr[-300:]!r}")
    if len(errors) != 1 or "\r" in stderr or not lines[-2] or lines[-2].startswith("warning: "):
        raise _harness.ContractViolation(f"exit 1 with {len(errors)} error lines: {stderr[-500:]!r}")


def one_input(data: bytes) -> str:
    argv, files, env, hostile = plan(data)
    try:
        code, stdout, stderr = run(argv, files, env, hostile)
    except Unsafe:
        return "skipped:unsafe-out"
    if code == 2 and "pkisign: internal error" in stderr:
        env = dict(env, PKISIGN_DEBUG="1")  # the same input again, for the real traceback
        run(argv, files, env, hostile)
    check(argv, code, stdout, stderr, [v for v in env.values()])
    return f"exit:{code}"


def one_spec(spec: dict) -> str:  # type: ignore[type-arg]
    """A hand-written command line (a ``.argv`` regression file, JSON): ``argv``
    (after the program name), ``files`` (name in the run's directory -> a path
    under tests/vectors, {"text": ...}, or a special destination as in
    ``_SPECIALS``), optional ``env`` and ``stdin``."""
    files = {name: (src if isinstance(src, dict) and "special" in src
                    else src["text"].encode("utf-8", "surrogateescape") if isinstance(src, dict)
                    else (V / src).read_bytes())
             for name, src in spec.get("files", {}).items()}
    env = dict({"SOURCE_DATE_EPOCH": EPOCH}, **spec.get("env", {}))
    stdin = spec.get("stdin", "").encode("utf-8", "surrogateescape")
    argv = list(spec["argv"])
    code, stdout, stderr = run(argv, files, env, stdin)
    if code == 2 and "pkisign: internal error" in stderr:
        run(argv, files, dict(env, PKISIGN_DEBUG="1"), stdin)  # raise the real exception
    check(argv, code, stdout, stderr, list(env.values()))
    return f"exit:{code}"


def seeds() -> list[bytes]:
    """A few hand-made choice strings: a plain sign, each issuer, stdin, flags."""
    out = []
    for command in range(len(_COMMANDS)):
        for issuer in range(len(_ISSUERS)):
            # command, issuer, key roll (no swap), three slots, no extra, no flags, no env, hostile text
            out.append(bytes((command, issuer, 255, issuer % 7, 0, 0, 255, 0, 255)) + b"-1m")
    out.append(bytes((0, 0, 255, 202, 0, 0, 255, 2, 50, 0, 0, 60, 1, 1, 255)) + (V / "csr/web-p256.csr").read_bytes())
    return out


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import byte_mutations
    from hypothesis import strategies as st

    return st.one_of(byte_mutations(seeds()), st.binary(min_size=4, max_size=64))


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
