"""The fuzzing harness shared by every target in this directory.

A target is a module ``fuzz/fuzz_<name>.py`` with

* ``NAME``: the target's name (also its directory under
  ``tests/fuzz_regressions/``);
* ``one_input(data: bytes) -> str``: run one input through pkisign and
  check the target's contract; returns a short outcome ("ok", or
  "refused:<ErrorClass>") and raises :class:`ContractViolation` (or lets
  pkisign's own exception escape) when the contract is broken;
* ``seeds() -> list[bytes]``: the seed corpus, built from ``tests/vectors``;
* ``strategy()``: a hypothesis strategy of inputs for ``one_input`` (the
  default mutates the seeds, see :mod:`_strategies`).

The same ``one_input`` runs under atheris (coverage-guided, ``python
fuzz/fuzz_csr.py CORPUS_DIR -max_total_time=600``, see :func:`fuzz_main`)
and under hypothesis (``tests/test_fuzz_regressions.py``).

The contract every target checks: an input ends in a result or in a
:class:`pkisign.errors.PkisignError` with a message (the CLI target also
checks that the command prints it as exactly one line, exit status 1);
with nothing that can drive a terminal in what the CLI prints
(:func:`check_terminal`); within :data:`TIMEOUT` seconds of CPU time (a ``SIGPROF`` watchdog raises
:class:`Hang`, a ``BaseException`` so that no ``except Exception`` in
pkisign can swallow it); and, in the fuzzing process, within
:data:`MEMORY_MB` of address space (``RLIMIT_AS``: an allocation beyond it
is a ``MemoryError``, a crash).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import os
import pkgutil
import re
import signal
import sys
import threading
import traceback
from pathlib import Path
from typing import Callable, Iterator

FUZZ_DIR = Path(__file__).resolve().parent
ROOT = FUZZ_DIR.parent
VECTORS = ROOT / "tests" / "vectors"
REGRESSIONS = ROOT / "tests" / "fuzz_regressions"

if str(ROOT) not in sys.path:  # `python fuzz/fuzz_x.py` from anywhere finds pkisign
    sys.path.insert(0, str(ROOT))

#: CPU seconds one input may take (FUZZ_TIMEOUT overrides).
TIMEOUT = float(os.environ.get("FUZZ_TIMEOUT", "5"))
#: Address space of the fuzzing process in MiB (FUZZ_MEMORY_MB overrides; 0: no limit).
MEMORY_MB = int(os.environ.get("FUZZ_MEMORY_MB", "3072"))

TARGETS = ("csr", "issuer", "key", "password", "template", "regex", "validity", "kms_uri", "inspect", "cli",
           "output")


class ContractViolation(AssertionError):
    """pkisign broke the target's contract (no exception of its own was raised)."""


class Hang(BaseException):
    """The input ran longer than the watchdog allows."""


# -- the watchdog -----------------------------------------------------------------

def _on_timeout(signum, frame):  # type: ignore[no-untyped-def]
    raise Hang(f"input took more than {TIMEOUT:g} s of CPU time")


@contextlib.contextmanager
def watchdog(seconds: float | None = None) -> Iterator[None]:
    """Raise :class:`Hang` in the main thread after ``seconds`` of CPU time.

    CPU time (``ITIMER_PROF``), not wall time: libFuzzer keeps ``SIGALRM``
    for its own ``-timeout``, which stays the backstop for a hang inside C
    code, where a Python signal handler cannot run.
    """
    seconds = TIMEOUT if seconds is None else seconds
    if seconds <= 0 or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGPROF, _on_timeout)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def limit_memory(megabytes: int = MEMORY_MB) -> None:
    """Bound the address space of this process (the fuzzing process only)."""
    if megabytes <= 0:
        return
    import resource

    limit = megabytes * 1024 * 1024
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


# -- the contract -----------------------------------------------------------------

def expect_clean(run: Callable[[], object], *, secrets: tuple[bytes | str, ...] = ()) -> str:
    """Run ``run``: a result or a PkisignError (see :func:`check_message`) is fine.

    Any other exception propagates (a crash).  ``secrets`` must not appear in
    the error message (passwords, PINs).
    """
    from pkisign.errors import PkisignError

    try:
        run()
    except PkisignError as exc:
        check_message(str(exc), type(exc).__name__, secrets)
        return f"refused:{type(exc).__name__}"
    return "ok"


def check_message(message: str, kind: str, secrets: tuple[bytes | str, ...] = ()) -> None:
    """An error says something, holds no traceback and gives no secret away.

    That it is printed as one line is the CLI's business (control characters
    from the user's values are escaped there): ``fuzz_cli`` checks it.
    """
    if not message.strip():
        raise ContractViolation(f"{kind} with an empty message")
    if "Traceback (most recent call last)" in message:
        raise ContractViolation(f"{kind} message holds a traceback: {message!r}")
    for secret in secrets:
        text = secret.decode("utf-8", "surrogateescape") if isinstance(secret, bytes) else secret
        if len(text) >= 6 and text in message:
            raise ContractViolation(f"{kind} message shows a secret: {message!r}")


#: What a terminal may act on, in text pkisign shows a person: C0 controls
#: but the line feed, DEL, C1 controls (U+009B is a CSI), bidirectional
#: controls, line and paragraph separators.  ``pkisign.terminal.escape``
#: must have turned each into an escape.
TERMINAL_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                             "\u2028\u2029]")


def check_terminal(text: str, where: str) -> None:
    """Nothing in ``text`` (stderr, or text on stdout) can drive a terminal."""
    found = TERMINAL_UNSAFE.search(text)
    if found:
        raise ContractViolation(f"{where} shows U+{ord(found.group()):04X} unescaped: "
                                f"{text[max(0, found.start() - 60):found.end() + 20]!r}")


#: The most memory (tracemalloc's peak, MiB) one command may take when one of
#: its inputs is of hostile size: the biggest input limit (4 MiB) and what
#: parsing it costs, with room to spare; reading a file whole is far beyond.
HOSTILE_SIZE_MEMORY_MB = 96


def guarded(one_input: Callable[[bytes], str], data: bytes, timeout: float | None = None) -> str:
    """One input under the watchdog (what atheris and the tests both call)."""
    with watchdog(timeout):
        return one_input(data)


def signature(exc: BaseException) -> str:
    """A short name for a failure, stable across inputs that hit the same bug:
    the exception type and the innermost pkisign frame (file:function)."""
    frames = traceback.extract_tb(exc.__traceback__)
    inner = [f for f in frames if "/pkisign/" in f.filename.replace(os.sep, "/")]
    where = ""
    if inner:
        f = inner[-1]
        where = f"{f.filename.replace(os.sep, '/').split('/pkisign/')[-1]}:{f.name}"
    kind = type(exc).__name__
    if isinstance(exc, ContractViolation):
        kind += ":" + re.sub(r"\d+", "#", str(exc).split(":")[0][:60])
    return f"{kind}@{where}" if where else kind


# -- reading structured choices out of bytes --------------------------------------

class Reader:
    """Deterministic choices from the fuzzer's bytes (exhausted: zeros).

    The same bytes always make the same choices, under atheris and under
    hypothesis alike, so a saved input replays exactly.
    """

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def byte(self) -> int:
        if self.pos >= len(self.data):
            return 0
        self.pos += 1
        return self.data[self.pos - 1]

    def pick(self, options):  # type: ignore[no-untyped-def]
        return options[self.byte() % len(options)]

    def chance(self, in256: int) -> bool:
        return self.byte() < in256

    def chunk(self, max_len: int = 255) -> bytes:
        """A length-prefixed piece (one length byte)."""
        n = min(self.byte(), max_len)
        piece = self.data[self.pos:self.pos + n]
        self.pos += len(piece)
        return piece

    def rest(self) -> bytes:
        piece = self.data[self.pos:]
        self.pos = len(self.data)
        return piece


def text(data: bytes) -> str:
    """Bytes as the str a command-line argument would be (invalid UTF-8 as surrogates)."""
    return data.decode("utf-8", "surrogateescape")


# -- files on disk --------------------------------------------------------------

def path_state(path: str, follow: bool = True):  # type: ignore[no-untyped-def]
    """What is at ``path``, to compare before and after a run: its kind, a link's
    target (and what is there), a file's inode and content, a directory's entries."""
    import stat

    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return ("absent",)
    if stat.S_ISLNK(st.st_mode):
        target = os.readlink(path)
        if not follow:  # one level: a link to a link is not followed, nor a loop
            return ("link", target)
        return ("link", target, path_state(os.path.join(os.path.dirname(path), target), follow=False))
    if stat.S_ISDIR(st.st_mode):
        return ("dir", tuple(sorted(os.listdir(path))))
    if stat.S_ISREG(st.st_mode):
        with open(path, "rb") as f:
            return ("file", st.st_ino, f.read())
    return ("node", stat.S_IFMT(st.st_mode), st.st_rdev)


# -- seeds and regressions --------------------------------------------------------

def vector_files(*patterns: str) -> list[Path]:
    out: list[Path] = []
    for pattern in patterns:
        out.extend(sorted(VECTORS.glob(pattern)))
    return out


def regression_inputs(name: str) -> list[Path]:
    directory = REGRESSIONS / name
    if not directory.is_dir():
        return []
    return sorted(p for p in directory.iterdir() if p.is_file() and not p.name.endswith((".md", ".json", ".txt")))


def replay(module, path: Path, timeout: float | None = None) -> str:  # type: ignore[no-untyped-def]
    """Run one regression file: fuzzer bytes, or (``.argv``, the cli target) a JSON command line."""
    if path.suffix == ".argv":
        import json

        spec = json.loads(path.read_text(encoding="utf-8"))
        with watchdog(timeout):
            return module.one_spec(spec)
    return guarded(module.one_input, path.read_bytes(), timeout)


def write_corpus(module, directory: Path) -> int:  # type: ignore[no-untyped-def]
    """Write the target's seeds (and its regression inputs) as files named by hash."""
    directory.mkdir(parents=True, exist_ok=True)
    count = 0
    regressions = [p.read_bytes() for p in regression_inputs(module.NAME) if p.suffix != ".argv"]
    for data in list(module.seeds()) + regressions:
        (directory / hashlib.sha1(data).hexdigest()).write_bytes(data)
        count += 1
    return count


def load_target(name: str):  # type: ignore[no-untyped-def]
    if str(FUZZ_DIR) not in sys.path:
        sys.path.insert(0, str(FUZZ_DIR))
    return importlib.import_module(f"fuzz_{name}")


# -- atheris ----------------------------------------------------------------------

def import_all(package: str) -> None:
    """Import every module of a package now (pkisign imports lazily), so that
    atheris instruments them all.  A module that needs a missing optional
    dependency (python-pkcs11) is skipped."""
    pkg = importlib.import_module(package)
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        if info.name.endswith(".__main__"):  # it would run the command
            continue
        with contextlib.suppress(ImportError):
            importlib.import_module(info.name)


def _atheris():  # type: ignore[no-untyped-def]
    try:
        import atheris
    except ImportError:
        sys.exit("fuzzing needs atheris: pip install atheris (or '.[fuzz]'); "
                 "without it, python fuzz/hypothesis_campaign.py runs the targets under hypothesis")
    return atheris


@contextlib.contextmanager
def instrumented(enabled: bool) -> Iterator[None]:
    """Under atheris (``enabled``), instrument pkisign and asn1crypto as they are imported."""
    if not enabled:
        yield
        return
    atheris = _atheris()

    with atheris.instrument_imports(include=["pkisign", "asn1crypto"]):
        import_all("pkisign")
        yield


_DEFAULT_FLAGS = {
    "-timeout": lambda: str(int(TIMEOUT * 3) + 5),  # libFuzzer's wall-clock backstop
    "-rss_limit_mb": lambda: str(MEMORY_MB or 4096),
    "-max_len": lambda: "65536",
    "-print_final_stats": lambda: "1",
}


def fuzz_main(module) -> None:  # type: ignore[no-untyped-def]
    """``python fuzz/fuzz_<name>.py [CORPUS_DIR...] [libFuzzer flags]``.

    Without a corpus directory, ``fuzz/corpus/<name>/`` is used; a new or
    empty corpus directory gets the seeds (and the regression inputs) first.
    A file argument instead runs just that input (libFuzzer's replay).
    Failures whose :func:`signature` is listed in the file named by
    ``FUZZ_KNOWN`` are let pass, so that a long campaign goes on past a bug
    that is already recorded (``fuzz/campaign.py`` maintains that file).
    ``--seeds-only`` writes the corpus and exits.
    """
    atheris = _atheris()

    argv = [a for a in sys.argv if a != "--seeds-only"]
    corpora = [Path(a) for a in argv[1:] if not a.startswith("-")]
    if not corpora:
        corpora = [FUZZ_DIR / "corpus" / module.NAME]
        argv.append(str(corpora[0]))
    if len(corpora) == 1 and not (corpora[0].is_file() or (corpora[0].is_dir() and any(corpora[0].iterdir()))):
        write_corpus(module, corpora[0])  # a new or empty corpus starts from the seeds
    if "--seeds-only" in sys.argv:
        return
    for flag, value in _DEFAULT_FLAGS.items():
        if not any(a.startswith(flag + "=") for a in argv):
            argv.append(f"{flag}={value()}")
    known_file = os.environ.get("FUZZ_KNOWN")
    known = set()
    if known_file and Path(known_file).exists():
        known = {line.strip() for line in Path(known_file).read_text().splitlines() if line.strip()}

    def test_one_input(data: bytes) -> None:
        try:
            guarded(module.one_input, data)
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt) or signature(exc) not in known:
                if not isinstance(exc, KeyboardInterrupt):
                    print(f"FUZZ-SIGNATURE {signature(exc)}", file=sys.stderr, flush=True)
                raise

    limit_memory()
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()
