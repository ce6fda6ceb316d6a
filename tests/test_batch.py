"""Many CSRs in one run: one output file per CSR, failures reported, one issuer."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time

import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import ROOT, VECTORS, run_cli

ISSUER = ["issuers/root-p256.crt", "issuers/root-p256.key"]
GOOD = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-rsa2048.csr"]
BAD = "bad/csr-bitflip-p256.csr"


def _subject(path) -> dict:
    der = next(d for _, _, d in apem.unarmor(path.read_bytes(), multiple=True))
    return x509.Certificate.load(der).subject.native


def test_a_directory_of_csrs_with_a_bad_one(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    for name in [*GOOD, BAD]:
        shutil.copy(VECTORS / name, src)
    (src / "notes.txt").write_text("not a CSR, not listed")
    result = run_cli(["sign", "--batch", str(src), "--out-dir", str(out), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == (f"{src / 'csr-bitflip-p256.csr'}: certificate request has invalid signature: "
                             "x509: ECDSA verification failure\n")
    assert sorted(p.name for p in out.iterdir()) == ["csr-tls-p256.crt", "web-p256.crt", "web-rsa2048.crt"]
    assert _subject(out / "csr-tls-p256.crt") == {"organization_name": "Acme Corp", "common_name": "tls.acme.example"}


def test_repeated_csr_flags_and_a_list_file_all_succeed(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    listing = tmp_path / "list.txt"
    listing.write_text(f"# CSRs to sign\n\n{VECTORS / GOOD[2]}\n")
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[1], "--batch", str(listing), "--format", "der",
                      "--out-dir", str(out), "--profile", "leaf", *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout, result.stderr) == (0, b"", "")
    assert sorted(p.name for p in out.iterdir()) == ["csr-tls-p256.der", "web-p256.der", "web-rsa2048.der"]
    x509.Certificate.load((out / "web-p256.der").read_bytes()).native  # noqa: B018 - a whole DER certificate


def test_batch_usage_errors(tmp_path):
    assert run_cli(["sign", "--csr", GOOD[0], *ISSUER], cwd=VECTORS).stderr == "signing many CSRs needs '--out-dir'\n"
    assert run_cli(["sign", "--csr", GOOD[0], "--out-dir", str(tmp_path), GOOD[1], *ISSUER], cwd=VECTORS).stderr == (
        "with --csr or --batch, the arguments are 'pkisign sign <crt-file> <key-file>'\n")
    assert run_cli(["sign", "--csr", GOOD[0], "--serial=5", "--out-dir", str(tmp_path), *ISSUER],
                   cwd=VECTORS).stderr == "flag '--serial' is incompatible with '--csr' and '--batch'\n"
    missing = tmp_path / "missing"
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[1], "--out-dir", str(missing), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stderr) == (1, f"--out-dir {missing}: no such directory\n")
    assert not missing.exists()


def test_an_existing_output_is_a_failure_of_that_csr_only(tmp_path):
    (tmp_path / "web-p256.crt").write_text("keep me")
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[1], "--out-dir", str(tmp_path), *ISSUER], cwd=VECTORS)
    assert result.code == 1
    assert result.stderr == f"{GOOD[0]}: {tmp_path / 'web-p256.crt'} already exists; use --force to replace it\n"
    assert (tmp_path / "web-p256.crt").read_text() == "keep me"
    assert (tmp_path / "csr-tls-p256.crt").exists()


def test_colliding_certificate_names_are_refused_before_any_signing(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    for suffix in (".csr", ".pem", ".req"):
        shutil.copy(VECTORS / GOOD[0], src / f"a{suffix}")
    shutil.copy(VECTORS / GOOD[1], src / "b.csr")
    result = run_cli(["sign", "--batch", str(src), "--out-dir", str(out), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == (f"{src / 'a.csr'}, {src / 'a.pem'} and {src / 'a.req'} would all be written to "
                             f"{out / 'a.crt'}: sign them into different directories\n")
    assert list(out.iterdir()) == []
    # The same name from two directories, and the same file twice.
    (tmp_path / "other").mkdir()
    shutil.copy(VECTORS / GOOD[1], tmp_path / "other" / "a.csr")
    result = run_cli(["sign", "--csr", str(src / "b.csr"), "--csr", str(src / "a.csr"), "--csr",
                      str(tmp_path / "other" / "a.csr"), "--out-dir", str(out), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stderr) == (1, f"{src / 'a.csr'} and {tmp_path / 'other' / 'a.csr'} would all be "
                                               f"written to {out / 'a.crt'}: sign them into different directories\n")
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[0], "--out-dir", str(out), *ISSUER], cwd=VECTORS)
    assert result.code == 1 and result.stderr.startswith(f"{GOOD[0]} and {GOOD[0]} would all be written to ")
    assert list(out.iterdir()) == []


SECRET_PASSWORD = "correct-horse-battery-staple"


@pytest.mark.parametrize("what", ["issuer-key-pem", "issuer-key-der", "password-file", "binary", "dev-zero",
                                  "fifo", "pem-certificate"])
def test_a_batch_file_that_is_no_list_is_refused_without_printing_it(tmp_path, what):
    out = tmp_path / "out"
    out.mkdir()
    key_pem = (VECTORS / ISSUER[1]).read_bytes()
    path = tmp_path / what
    if what == "issuer-key-pem":
        path.write_bytes(key_pem)
    elif what == "issuer-key-der":
        path.write_bytes(next(d for _, _, d in apem.unarmor(key_pem, multiple=True)))
    elif what == "password-file":
        path.write_text(SECRET_PASSWORD + "\n")
    elif what == "binary":
        path.write_bytes(b"csr/web-p256.csr\n\x1b[2Jcsr/web-p256.csr\n")
    elif what == "dev-zero":
        path = "/dev/zero"
    elif what == "fifo":
        os.mkfifo(path)  # read by no one: a writer could feed it anything
    else:
        path.write_bytes((VECTORS / "issuers/root-p256.crt").read_bytes())
    result = run_cli(["sign", "--batch", str(path), "--out-dir", str(out), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stdout) == (1, b"")
    assert result.stderr == f"--batch {path} is not a directory, a CSR, or a list of CSR paths\n"
    assert list(out.iterdir()) == []


def test_a_batch_list_names_existing_files_and_a_csr_is_a_batch_of_one(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    listing = tmp_path / "list.txt"
    listing.write_text(f"{GOOD[0]}\n\n# not signed: the list names a missing file\n{SECRET_PASSWORD}\n")
    result = run_cli(["sign", "--batch", str(listing), "--out-dir", str(out), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stderr) == (1, f"--batch {listing}: line 4 names no existing file\n")
    assert list(out.iterdir()) == []
    # Names that start with "0" (the first byte of DER) are still a list.
    shutil.copy(VECTORS / GOOD[0], tmp_path / "0001.csr")
    listing.write_text("0001.csr\r\n")
    result = run_cli(["sign", "--batch", str(listing), "--out-dir", str(out), *(str(VECTORS / f) for f in ISSUER)],
                     cwd=tmp_path)
    assert (result.code, result.stderr) == (0, "")
    assert _subject(out / "0001.crt")["common_name"] == "www.acme.example"
    for csr in (GOOD[2], "csr/web-p256.der"):
        result = run_cli(["sign", "--batch", csr, "--out-dir", str(out), *ISSUER], cwd=VECTORS)
        assert (result.code, result.stderr) == (0, "")
    result = run_cli(["sign", "--batch", BAD, "--out-dir", str(out), *ISSUER], cwd=VECTORS)  # damaged: said why
    assert (result.code, result.stderr) == (1, f"{BAD}: certificate request has invalid signature: "
                                               "x509: ECDSA verification failure\n")
    assert sorted(p.name for p in out.iterdir()) == ["0001.crt", "web-p256.crt", "web-rsa2048.crt"]


def test_skip_existing_is_explicit_and_only_for_batches(tmp_path):
    (tmp_path / "web-p256.crt").write_text("keep me")
    result = run_cli(["sign", "--csr", GOOD[0], "--csr", GOOD[1], "--skip-existing", "--out-dir", str(tmp_path),
                      *ISSUER], cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert (tmp_path / "web-p256.crt").read_text() == "keep me"
    assert _subject(tmp_path / "csr-tls-p256.crt")["common_name"] == "tls.acme.example"
    assert run_cli(["sign", "--csr", GOOD[0], "--skip-existing", "--force", "--out-dir", str(tmp_path), *ISSUER],
                   cwd=VECTORS).stderr == "flag '--skip-existing' is incompatible with '--force'\n"
    assert run_cli(["sign", "--skip-existing", GOOD[0], *ISSUER], cwd=VECTORS).stderr == (
        "flag '--skip-existing' needs '--csr' or '--batch'\n")


def test_stale_temporary_files_of_dead_processes_are_removed(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".web-p256.crt.pkisign-tmp-{int(dead.stdout)}-0123456789abcdef"
    live = tmp_path / f".other.crt.pkisign-tmp-{os.getpid()}-0123456789abcdef"  # a writer still at work
    stranger = tmp_path / ".web-p256.crt.not-ours"
    no_such_pid = tmp_path / ".web-p256.crt.pkisign-tmp-99999999999999999999-0123456789abcdef"  # not ours either
    for path in (stale, live, stranger, no_such_pid):
        path.write_bytes(b"partial")
    result = run_cli(["sign", "--csr", GOOD[1], "--out-dir", str(tmp_path), *ISSUER], cwd=VECTORS)
    assert (result.code, result.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["csr-tls-p256.crt", live.name, stranger.name,
                                                                 no_such_pid.name])


def _batch_process(args: list[str]) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # A session of its own: a kill of its process group takes the workers too, as a crash would.
    return subprocess.Popen([sys.executable, "-m", "pkisign", "sign", *args, *ISSUER], cwd=VECTORS, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)


def _copies(directory, count: int) -> None:
    directory.mkdir()
    data = (VECTORS / GOOD[0]).read_bytes()
    for i in range(count):
        (directory / f"host-{i:04d}.csr").write_bytes(data)


def _whole_certificates(directory) -> set[str]:
    names = set()
    for path in directory.iterdir():
        if "pkisign-tmp" in path.name:
            continue
        assert path.suffix == ".crt", path
        assert _subject(path)["common_name"] == "www.acme.example"  # whole, parsed: never partial
        names.add(path.stem)
    return names


def test_two_batches_into_one_directory_never_overwrite_each_other(tmp_path):
    count = 150
    _copies(tmp_path / "a", count)
    _copies(tmp_path / "b", count)
    out = tmp_path / "out"
    out.mkdir()
    runs = [_batch_process(["--batch", str(tmp_path / side), "--out-dir", str(out)]) for side in "ab"]
    results = [(run.wait(), run.stderr.read()) for run in runs]  # type: ignore[union-attr]
    for run in runs:
        run.stderr.close()  # type: ignore[union-attr]
    refused = [line for _, err in results for line in err.splitlines()]
    assert all(line.endswith(" already exists; use --force to replace it") for line in refused), refused[:3]
    # Every name was written by exactly one of the two: the other was told so.
    assert len(refused) == count, [code for code, _ in results]
    assert _whole_certificates(out) == {f"host-{i:04d}" for i in range(count)}
    assert [p.name for p in out.iterdir() if "pkisign-tmp" in p.name] == []


def _wait_until_gone(group: int) -> None:
    for _ in range(2000):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.01)
    raise AssertionError(f"process group {group} still runs")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_batch_killed_at_random_points_is_finished_by_a_rerun(tmp_path, jobs):
    count = 300
    _copies(tmp_path / "in", count)
    out = tmp_path / "out"
    out.mkdir()
    args = ["--batch", str(tmp_path / "in"), "--out-dir", str(out), "--skip-existing", "--jobs", jobs]
    chance = random.Random(20261204 + int(jobs))
    left_by_kills = set()
    for round_ in range(6):
        before = {n for n in os.listdir(out) if "pkisign-tmp" in n}
        run = _batch_process(args)
        goal = len(list(out.iterdir())) + chance.randrange(1, 80)
        while run.poll() is None:
            names = os.listdir(out)
            if round_ % 2 == 0:  # killed while writing a group: its temporary files are there
                if len({n for n in names if "pkisign-tmp" in n} - before) >= chance.randrange(1, 40):
                    break
            elif len([n for n in names if n.endswith(".crt")]) >= goal:  # killed between certificates
                break
        try:
            os.killpg(run.pid, signal.SIGKILL)  # the batch and its workers, at once
        except ProcessLookupError:  # it had finished
            pass
        run.wait()
        run.stderr.close()  # type: ignore[union-attr]
        _wait_until_gone(run.pid)  # the workers too: a PID still there keeps its temporary files
        left_by_kills |= {n for n in os.listdir(out) if "pkisign-tmp" in n} - before
        _whole_certificates(out)  # whatever is under a final name is a whole certificate
    assert left_by_kills  # some kills did land in the middle of a write
    rerun = _batch_process(args)
    assert (rerun.wait(), rerun.stderr.read()) == (0, "")  # type: ignore[union-attr]
    rerun.stderr.close()  # type: ignore[union-attr]
    assert _whole_certificates(out) == {f"host-{i:04d}" for i in range(count)}
    assert sorted(p.name for p in out.iterdir()) == sorted(f"host-{i:04d}.crt" for i in range(count))
