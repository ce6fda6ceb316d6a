"""--out writes regular files only, never over anything else, and never two writers over each other;
a failing standard output is one line and exit 1."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading

import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import ROOT, VECTORS, run_cli

ISSUER = [str(VECTORS / "issuers/root-ed25519.crt"), str(VECTORS / "issuers/root-ed25519.key")]
CSR = str(VECTORS / "csr/web-p256.csr")
SIGN = ["sign", "--serial=7", "--not-after=720h", CSR, *ISSUER]


def _certificate(data: bytes) -> x509.Certificate:
    der = next(d for _, _, d in apem.unarmor(data, multiple=True)) if data.startswith(b"-----") else data
    cert = x509.Certificate.load(der)
    cert.native  # noqa: B018 - a whole certificate, every field parses
    return cert


def _leftovers(directory) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if "pkisign-tmp" in p.name)


def _special(tmp_path, kind: str):
    """A FIFO, a symbolic link to a file, a dangling link, a directory, a device node; and a
    function that says whether it is still untouched."""
    path = tmp_path / kind
    if kind == "fifo":
        os.mkfifo(path)
        return path, lambda: stat.S_ISFIFO(os.lstat(path).st_mode)
    if kind == "symlink":
        (tmp_path / "target.pem").write_bytes(b"the link's target")
        path.symlink_to(tmp_path / "target.pem")
        return path, lambda: (path.is_symlink() and (tmp_path / "target.pem").read_bytes() == b"the link's target")
    if kind == "dangling":
        path.symlink_to(tmp_path / "nowhere.pem")
        return path, lambda: path.is_symlink() and not (tmp_path / "nowhere.pem").exists()
    if kind == "directory":
        path.mkdir()
        return path, lambda: path.is_dir() and not path.is_symlink() and not list(path.iterdir())
    if kind == "device":
        if os.geteuid() != 0:
            pytest.skip("making a device node needs root")
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # what /dev/null is
        return path, lambda: stat.S_ISCHR(os.lstat(path).st_mode) and os.lstat(path).st_rdev == os.makedev(1, 3)
    raise AssertionError(kind)


KIND_WORDS = {"fifo": "a FIFO", "symlink": "a symbolic link", "dangling": "a symbolic link",
              "directory": "a directory", "device": "a character device"}


@pytest.mark.parametrize("force", [False, True], ids=["plain", "force"])
@pytest.mark.parametrize("kind", list(KIND_WORDS))
def test_out_never_replaces_anything_but_a_regular_file(tmp_path, kind, force):
    path, untouched = _special(tmp_path, kind)
    result = run_cli([*SIGN, "--out", str(path), *(["--force"] if force else [])])
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == f"refusing to write {path}: it is {KIND_WORDS[kind]}, not a regular file\n"
    assert untouched()
    assert _leftovers(tmp_path) == []


def test_out_names_of_directories_and_missing_directories(tmp_path):
    for name in (f"{tmp_path}/", ".", ".."):
        result = run_cli([*SIGN, "--out", name, "--force"], cwd=tmp_path)
        assert (result.code, result.stderr) == (1, f"refusing to write {name}: it names a directory, not a file\n")
    missing = tmp_path / "missing" / "x.crt"
    result = run_cli([*SIGN, "--out", str(missing)])
    assert (result.code, result.stderr) == (1, f"cannot write {missing}: no such file or directory\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_out_dash_is_standard_output(tmp_path):
    result = run_cli([*SIGN, "--out", "-"], cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "")
    assert _certificate(result.stdout).serial_number == 7
    assert list(tmp_path.iterdir()) == []


def test_force_replaces_a_regular_file_in_place_of_its_name(tmp_path):
    out = tmp_path / "leaf.pem"
    out.write_bytes(b"old")
    os.link(out, tmp_path / "other-name")  # a second name of the old file keeps the old content
    result = run_cli([*SIGN, "--out", str(out), "--force"])
    assert (result.code, result.stderr) == (0, "")
    assert _certificate(out.read_bytes()).serial_number == 7
    assert (tmp_path / "other-name").read_bytes() == b"old"
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()
    assert _leftovers(tmp_path) == []


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_no_overwrite_is_atomic_between_writers(tmp_path):
    """Many writers of the same names at once: for each name exactly one wins, whole, and every
    other is told the file exists (check-then-rename let several "win", each over the last)."""
    from pkisign.cli.output import OutputExistsError, write_atomically

    names, writers = 40, 6
    barrier = threading.Barrier(writers)
    outcome: dict[tuple[int, int], str] = {}

    def writer(w: int) -> None:
        barrier.wait()
        for n in range(names):
            try:
                write_atomically(str(tmp_path / f"{n}.crt"), f"writer {w} ".encode() * 2000)
                outcome[w, n] = "wrote"
            except OutputExistsError as exc:
                assert str(exc) == f"{tmp_path / f'{n}.crt'} already exists; use --force to replace it"
                outcome[w, n] = "exists"

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n in range(names):
        winners = [w for w in range(writers) if outcome[w, n] == "wrote"]
        assert len(winners) == 1, (n, winners)
        assert (tmp_path / f"{n}.crt").read_bytes() == f"writer {winners[0]} ".encode() * 2000
    assert _leftovers(tmp_path) == []


def test_publication_without_hard_links_still_never_replaces(tmp_path):
    """Where link() is refused (some file systems), renameat2(RENAME_NOREPLACE), else an O_EXCL claim."""
    from pkisign.cli import output

    real_link = os.link

    def no_link(src, dst, **kwargs):
        raise PermissionError(1, "Operation not permitted")

    os.link = no_link
    try:
        output.write_atomically(str(tmp_path / "a.crt"), b"first")
        with pytest.raises(output.OutputExistsError):
            output.write_atomically(str(tmp_path / "a.crt"), b"second")
    finally:
        os.link = real_link
    assert (tmp_path / "a.crt").read_bytes() == b"first"
    assert _leftovers(tmp_path) == []


def _process(argv, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "pkisign", *argv], env=env, stderr=subprocess.PIPE, **kwargs)


def test_a_full_disk_on_standard_output_is_one_line():
    with open("/dev/full", "wb") as full:
        result = _process(SIGN, stdout=full)
    assert (result.returncode, result.stderr) == (1, b"error writing to standard output: no space left on device\n")


def test_a_closed_pipe_on_standard_output_is_one_line():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before pkisign writes
    try:
        result = _process(SIGN, stdout=write_end)
    finally:
        os.close(write_end)
    assert (result.returncode, result.stderr) == (1, b"error writing to standard output: broken pipe\n")


def test_a_closed_standard_output_is_one_line():
    # The shell closes it: a preexec_fn would fork this process, and what it has loaded (a gRPC
    # client's fork handlers, say) would run in the child with descriptor 1 already gone.
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run(["sh", "-c", 'exec "$0" "$@" >&-', sys.executable, "-m", "pkisign", *SIGN],
                            env=env, stderr=subprocess.PIPE)
    assert (result.returncode, result.stderr) == (1, b"error writing to standard output: bad file descriptor\n")
