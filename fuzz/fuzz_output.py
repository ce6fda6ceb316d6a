"""Fuzz target: output files, ``write_atomically`` with hostile destinations and concurrent writers.

The input bytes are read as choices (``_harness.Reader``): ``--force`` or
not; one to three writers; one to four destination names, each with what is
there before the writers start — nothing (or only the temporary file of a
killed run, which must go), a regular file, a FIFO, a symbolic
link to a file or to a directory, a dangling link, a directory, a device
node (as root: the numbers of /dev/null), a path in a missing directory or
in a read-only one, a name ending in '/', '.', or the issuer key (a
protected input) under its own name or a hard link; the order in which each
writer goes through the names and how much it writes.  The writers are
threads started together, so that they race for the same names; a single
writer is sometimes the whole command line (``pkisign sign --out``) instead.

Contract (besides the harness's: a result or a PkisignError with a message):

* nothing but a regular file (or an absent name) is ever written: every
  other destination is left exactly as it was, with or without --force;
* without --force, a name that was absent is won by exactly one writer,
  whose whole content it holds, and every other writer is told that it
  exists; a regular file stays as it was;
* with --force, every writer of a regular or absent name succeeds and the
  file holds one writer's whole content;
* the protected file is never written;
* no temporary file is left anywhere, and every message is one line.

The concurrent batches of real processes (two ``pkisign --batch`` runs into
one directory, and a batch killed with SIGKILL then run again with
``--skip-existing``) are in tests/test_batch.py.

    python fuzz/fuzz_output.py [CORPUS_DIR] -max_total_time=600
"""

from __future__ import annotations

import os
import shutil
import stat
import sys
import tempfile
import threading

import _harness

sys.path.insert(0, str(_harness.ROOT / "tools"))
from inprocess import captured

with _harness.instrumented(__name__ == "__main__"):
    from pkisign.cli import command as cli
    from pkisign.cli.output import OutputExistsError, write_atomically
    from pkisign.errors import PkisignError

NAME = "output"
V = _harness.VECTORS
KINDS = ("absent", "regular", "fifo", "symlink", "symlink-dir", "dangling", "directory", "device", "missing-dir",
         "readonly-dir", "trailing-slash", "dot", "protected", "protected-link", "stale")
#: Destinations that must be refused and left untouched, whatever the flags.
SPECIAL = {"fifo", "symlink", "symlink-dir", "dangling", "directory", "device", "missing-dir", "trailing-slash",
           "dot", "protected", "protected-link"}
OLD = b"old content\n"
# tmpfs where there is one: fsync costs nothing there, and links and renames behave as on disk.
_BASE = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None


def _make(root: str, index: int, kind: str, key: str) -> str:
    """Make destination ``index`` of ``kind`` under ``root``; return the path the writers get."""
    path = os.path.join(root, f"out{index}.crt")
    if kind == "stale":  # absent, but a killed run's temporary file is there (no PID is above 2**22)
        with open(os.path.join(root, f".out{index}.crt.pkisign-tmp-4194305-0123456789abcdef"), "wb") as f:
            f.write(b"half a certif")
    elif kind == "regular":
        with open(path, "wb") as f:
            f.write(OLD)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind in ("symlink", "symlink-dir", "dangling"):
        target = os.path.join(root, f"target{index}")
        if kind == "symlink":
            with open(target, "wb") as f:
                f.write(OLD)
        elif kind == "symlink-dir":
            os.mkdir(target)
        os.symlink(os.path.basename(target), path)
    elif kind == "directory":
        os.mkdir(path)
    elif kind == "device":
        if os.geteuid() == 0:
            os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        else:  # only root makes device nodes: a FIFO is the nearest thing
            os.mkfifo(path)
    elif kind == "missing-dir":
        path = os.path.join(root, f"missing{index}", "out.crt")
    elif kind == "readonly-dir":
        directory = os.path.join(root, f"readonly{index}")
        os.mkdir(directory, 0o500)
        path = os.path.join(directory, "out.crt")
    elif kind == "trailing-slash":
        path += os.sep
    elif kind == "dot":
        os.mkdir(os.path.join(root, f"dot{index}"))
        path = os.path.join(root, f"dot{index}", ".")
    elif kind == "protected":
        path = key
    elif kind == "protected-link":
        os.link(key, path)
    return path


def _temporaries(root: str) -> list[str]:
    found = []
    for directory, _, names in os.walk(root):
        found += [os.path.join(directory, n) for n in names if "pkisign-tmp" in n]
    return found


def _cli_write(path: str, force: bool, crt: str, key: str) -> tuple[str, str]:
    argv = ["sign", "--serial=1", str(V / "csr/web-p256.csr"), crt, key, "--out", path] + (["--force"] if force else [])
    with captured() as (out, err):
        code = cli.main(argv)
    message = err.getvalue()
    if code == 0:
        if out.buffer.getvalue() or message:
            raise _harness.ContractViolation(f"--out succeeded with output: {message!r}")
        return "wrote", ""
    if code != 1 or message.count("\n") != 1 or not message.endswith("\n") or out.buffer.getvalue():
        raise _harness.ContractViolation(f"--out {path!r} failed with exit {code} and {message!r}")
    return ("exists" if message.endswith(" already exists; use --force to replace it\n") else "refused"), message


def one_input(data: bytes) -> str:
    r = _harness.Reader(data)
    force = r.chance(96)
    writers = 1 + r.byte() % 3
    kinds = [r.pick(KINDS) for _ in range(1 + r.byte() % 4)]
    orders = [r.byte() % len(kinds) for _ in range(writers)]
    sizes = [1 + r.byte() * 40 for _ in range(writers)]
    use_cli = writers == 1 and r.chance(64)
    root = tempfile.mkdtemp(prefix="pkisign-fuzz-output-", dir=_BASE)
    try:
        key = os.path.join(root, "issuer.key")
        crt = os.path.join(root, "issuer.crt")
        shutil.copy(V / "issuers/root-ed25519.key", key)
        shutil.copy(V / "issuers/root-ed25519.crt", crt)
        os.chmod(key, 0o600)
        paths = [_make(root, i, kind, key) for i, kind in enumerate(kinds)]
        before = {p: _harness.path_state(p.rstrip(os.sep) or p) for p in paths}
        key_before = _harness.path_state(key)
        contents = [f"writer {w}|".encode() * sizes[w] for w in range(writers)]
        outcome: dict[tuple[int, int], str] = {}
        crashes: list[BaseException] = []
        barrier = threading.Barrier(writers)

        def write(w: int) -> None:
            try:
                barrier.wait()
                for step in range(len(paths)):
                    i = (orders[w] + step) % len(paths)
                    if paths[i] in paths[:i]:
                        continue  # the same name twice ("protected" and "dot" can repeat): written once
                    try:
                        write_atomically(paths[i], contents[w], force=force, protected=(key, crt))
                        outcome[w, i] = "wrote"
                    except OutputExistsError as exc:
                        _harness.check_message(str(exc), "OutputExistsError")
                        outcome[w, i] = "exists"
                    except PkisignError as exc:
                        _harness.check_message(str(exc), type(exc).__name__)
                        if "\n" in str(exc):
                            raise _harness.ContractViolation(f"a message of two lines: {str(exc)!r}") from None
                        outcome[w, i] = "refused"
            except BaseException as exc:  # noqa: BLE001 - re-raised in the fuzzer's thread
                crashes.append(exc)

        if use_cli:
            for i, path in enumerate(paths):
                if path not in paths[:i]:
                    outcome[0, i], _ = _cli_write(path, force, crt, key)
        else:
            threads = [threading.Thread(target=write, args=(w,)) for w in range(writers)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            if crashes:
                raise crashes[0]
        _check(kinds, paths, before, outcome, writers, force, contents, use_cli)
        if _harness.path_state(key) != key_before:
            raise _harness.ContractViolation("the protected issuer key was written")
        left = _temporaries(root)
        if left:
            raise _harness.ContractViolation(f"temporary files left: {left}")
        seen = ",".join(sorted(set(outcome.values())))
        return f"ok:{seen}" if "wrote" in seen else f"refused:{seen}"
    finally:
        for directory, _, _ in os.walk(root):
            os.chmod(directory, 0o700)
        shutil.rmtree(root, ignore_errors=True)


def _check(kinds, paths, before, outcome, writers, force, contents, use_cli) -> None:  # type: ignore[no-untyped-def]
    for i, (kind, path) in enumerate(zip(kinds, paths)):
        if path in paths[:i]:
            continue
        results = [outcome[w, i] for w in range(writers)]
        now = _harness.path_state(path.rstrip(os.sep) or path)
        writable = kind != "readonly-dir" or os.access(os.path.dirname(path), os.W_OK)  # root writes anyway
        if kind in SPECIAL or not writable:
            if "wrote" in results or now != before[path]:
                raise _harness.ContractViolation(f"{kind} destination {path!r} was written: {results}, {now!r:.200}")
            continue
        if kind == "regular" and not force:
            if results != ["exists"] * writers or now != before[path]:
                raise _harness.ContractViolation(f"an existing file was replaced without --force: {results}")
            continue
        winners = [w for w in range(writers) if results[w] == "wrote"]
        if force and len(winners) != writers:
            raise _harness.ContractViolation(f"--force over a {kind} destination failed: {results}")
        if not force and (len(winners) != 1 or results.count("exists") != writers - 1):
            raise _harness.ContractViolation(f"{len(winners)} writers won the absent name {path!r}: {results}")
        if now[0] != "file":
            raise _harness.ContractViolation(f"{path!r} is not a regular file after writing: {now!r:.200}")
        if use_cli:
            if not now[2].startswith(b"-----BEGIN CERTIFICATE-----\n"):
                raise _harness.ContractViolation(f"--out wrote {now[2][:40]!r}")
        elif now[2] not in [contents[w] for w in winners]:
            raise _harness.ContractViolation(f"{path!r} holds no writer's whole content: {now[2][:60]!r}")


def seeds() -> list[bytes]:
    """Every kind, with and without --force, one writer and three, and through the command line."""
    out = []
    for k in range(len(KINDS)):
        for force in (200, 0):  # the first byte: < 96 is --force
            out.append(bytes((force, 0, 0, k, 0, 3, 255)))            # one writer, one name
            out.append(bytes((force, 2, 1, k, 0, 1, 2, 5, 9, 60, 1)))  # three writers, two names
            out.append(bytes((force, 0, 0, k, 0, 3, 0)))              # the command line
    out.append(bytes((200, 2, 3, 0, 0, 0, 0, 0, 1, 2, 200, 200, 200)))  # three writers, four absent names
    return out


def strategy():  # type: ignore[no-untyped-def]
    from _strategies import byte_mutations
    from hypothesis import strategies as st

    return st.one_of(byte_mutations(seeds()), st.binary(min_size=3, max_size=24))


if __name__ == "__main__":
    _harness.fuzz_main(sys.modules[__name__])
