"""--jobs N: a batch signed in worker processes gives what --jobs 1 gives."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import kms_helpers
import pytest
from asn1crypto import pem as apem
from asn1crypto import x509
from conftest import ROOT, VECTORS, require

GOOD = ["csr/web-p256.csr", "csr/csr-tls-p256.csr", "csr/web-rsa2048.csr", "csr/csr-tls-ed25519.csr",
        "csr/ext-p384.csr"]
BAD = ["bad/csr-bitflip-p256.csr", "bad/csr-bitflip-rsa2048.csr", "bad/csr-ed448.csr"]
FIXED_TIME = {"SOURCE_DATE_EPOCH": "1764806400"}


def _certificate(path) -> x509.Certificate:
    data = path.read_bytes()
    der = next(d for _, _, d in apem.unarmor(data, multiple=True)) if data.startswith(b"-----") else data
    return x509.Certificate.load(der)


def _without_serial(cert: x509.Certificate) -> bytes:
    """The TBSCertificate with its (random) serial number set to 0: all the rest must match."""
    tbs = cert["tbs_certificate"].copy()
    tbs["serial_number"] = 0
    return tbs.dump(force=True)


def _mixed_batch(directory, count: int) -> list[str]:
    """``count`` CSRs, good ones of several key types and a bad one every 17th."""
    directory.mkdir()
    names = []
    for i in range(count):
        source = BAD[i // 17 % len(BAD)] if i % 17 == 5 else GOOD[i % len(GOOD)]
        name = f"req-{i:04d}{os.path.splitext(source)[1]}"
        shutil.copy(VECTORS / source, directory / name)
        names.append(name)
    return names


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pkisign", "sign", *args], cwd=VECTORS, capture_output=True,
                          env=dict(os.environ, PYTHONPATH=str(ROOT), **FIXED_TIME), text=True)


@pytest.mark.parametrize("issuer", [["issuers/root-pathlen1-rsa2048.crt", "issuers/root-pathlen1-rsa2048.key"],
                                    ["issuers/root-ed25519.crt", "issuers/root-ed25519.key"]])
@pytest.mark.parametrize("extra", [[], ["--format", "der"]])
def test_two_workers_write_what_one_process_writes(tmp_path, issuer, extra):
    count = 200  # four groups: both workers sign
    _mixed_batch(tmp_path / "in", count)
    results = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out-{jobs}"
        out.mkdir()
        proc = _run(["--batch", str(tmp_path / "in"), "--out-dir", str(out), "--jobs", jobs, *extra, *issuer])
        results[jobs] = (proc.returncode, proc.stdout, proc.stderr, sorted(p.name for p in out.iterdir()))
    assert results["2"] == results["1"]
    code, stdout, stderr, names = results["1"]
    bad = [i for i in range(count) if i % 17 == 5]
    assert (code, stdout) == (1, "")
    lines = stderr.splitlines()
    assert len(lines) == len(bad)
    assert [line.split(": ", 1)[0] for line in lines] == [str(tmp_path / "in" / f"req-{i:04d}.csr") for i in bad]
    suffix = ".der" if extra else ".crt"
    assert names == [f"req-{i:04d}{suffix}" for i in range(count) if i not in bad]
    serials = set()
    for name in names:
        one, two = _certificate(tmp_path / "out-1" / name), _certificate(tmp_path / "out-2" / name)
        assert _without_serial(one) == _without_serial(two), name
        assert one["signature_algorithm"].dump() == two["signature_algorithm"].dump()
        serials |= {one.serial_number, two.serial_number}
    assert len(serials) == 2 * len(names)  # random, and never repeated by a forked worker


def test_jobs_values_and_where_it_applies(tmp_path):
    issuer = ["issuers/root-p256.crt", "issuers/root-p256.key"]
    for value in ("0", "-1", "two", ""):
        proc = _run(["--csr", GOOD[0], "--out-dir", str(tmp_path), f"--jobs={value}", *issuer])
        assert (proc.returncode, proc.stderr) == (
            1, f"invalid value '{value}' for flag '--jobs': a number of processes, 1 or more\n")
    proc = _run(["--jobs", "2", GOOD[0], *issuer])
    assert (proc.returncode, proc.stderr) == (1, "flag '--jobs' needs '--csr' or '--batch'\n")
    assert list(tmp_path.iterdir()) == []
    # More workers than groups: the batch is signed all the same.
    proc = _run(["--csr", GOOD[0], "--csr", GOOD[1], "--out-dir", str(tmp_path), "--jobs", "8", *issuer])
    assert (proc.returncode, proc.stderr) == (0, "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csr-tls-p256.crt", "web-p256.crt"]


def _copies(directory, count: int) -> None:
    directory.mkdir()
    data = (VECTORS / GOOD[0]).read_bytes()
    for i in range(count):
        (directory / f"host-{i:05d}.csr").write_bytes(data)


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def _start(tmp_path, count: int) -> tuple[subprocess.Popen, object]:
    _copies(tmp_path / "in", count)
    out = tmp_path / "out"
    out.mkdir()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "pkisign", "sign", "--batch", str(tmp_path / "in"), "--out-dir",
                             str(out), "--jobs", "2", "issuers/root-p256.crt", "issuers/root-p256.key"],
                            cwd=VECTORS, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    for _ in range(6000):  # both workers started and at work
        if len(_children(proc.pid)) == 2 and any(p.suffix == ".crt" for p in out.iterdir()):
            break
        assert proc.poll() is None, proc.stderr.read()  # type: ignore[union-attr]
        time.sleep(0.01)
    return proc, out


def _whole(out) -> None:
    for path in out.iterdir():
        assert "pkisign-tmp" not in path.name, path
        assert _certificate(path).subject.native["common_name"] == "www.acme.example"


def _group_gone(group: int) -> bool:
    for _ in range(2000):
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.01)
    return False


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_or_ctrl_c_stops_the_workers_cleanly(tmp_path, how):
    proc, out = _start(tmp_path, 20000)
    workers = _children(proc.pid)
    if how == signal.SIGINT:
        os.killpg(proc.pid, how)  # Ctrl-C on a terminal reaches the whole process group
    else:
        proc.send_signal(how)
    code, stderr = proc.wait(), proc.stderr.read()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    assert (code, stderr) == ((143, "terminated\n") if how == signal.SIGTERM else (130, "interrupted\n"))
    assert _group_gone(proc.pid), "a worker outlived the batch"
    assert all(not os.path.exists(f"/proc/{pid}") for pid in workers)
    _whole(out)  # no temporary file left behind: the workers removed theirs
    assert 0 < len(list(out.iterdir())) < 20000


def test_a_worker_that_dies_ends_the_batch_with_one_line(tmp_path):
    proc, out = _start(tmp_path, 20000)
    victim = _children(proc.pid)[0]
    os.kill(victim, signal.SIGKILL)
    code, stderr = proc.wait(), proc.stderr.read()  # type: ignore[union-attr]
    proc.stderr.close()  # type: ignore[union-attr]
    assert code == 1
    assert stderr == (f"a signing worker process (pid {victim}) was killed by signal 9; the certificates written "
                      "so far are whole: rerun with --skip-existing to finish the batch\n")
    assert _group_gone(proc.pid), "the other worker outlived the batch"
    for path in out.iterdir():  # the killed worker's temporary files wait for the next run
        if "pkisign-tmp" in path.name:
            assert f"-tmp-{victim}-" in path.name
        else:
            assert _certificate(path).subject.native["common_name"] == "www.acme.example"


# -- PKCS#11: one login per worker ----------------------------------------------------------

# Runs pkisign with its PKCS#11 logins counted, as test_kms.py's count_logins does: each call of
# _open_session with a PIN (C_OpenSession and C_Login) writes the PID of the process that made it
# and of its parent to the file named by the first argument.
COUNTING = """
import os, sys
import pkisign.signers.kms.pkcs11 as p11
log = sys.argv.pop(1)
real_open = p11._open_session
def counted_open(*args):
    if args[2] is not None:
        with open(log, "a") as f:
            f.write(f"{os.getpid()} {os.getppid()}\\n")
    return real_open(*args)
p11._open_session = counted_open
from pkisign.cli import main
sys.exit(main(sys.argv[1:]))
"""


MAKE_TOKEN = """
import sys
from pathlib import Path
import kms_helpers
hsm = kms_helpers.SoftHSM(Path(sys.argv[1]))
with hsm.session() as session:
    kms_helpers.import_key_file(session, Path(sys.argv[2]), b"\\x40\\x02", "root-p256")
print(hsm.conf, hsm.kms_uri())
"""


def test_a_pkcs11_batch_logs_in_once_per_worker(tmp_path):
    why = kms_helpers.missing()
    require(why is None, why or "")
    # The token is made in a process of its own: SoftHSM reads its configuration once per
    # process, and the other PKCS#11 tests of this process use theirs.
    made = subprocess.run([sys.executable, "-c", MAKE_TOKEN, str(tmp_path / "softhsm"),
                           str(VECTORS / "issuers/root-p256.key")], cwd=Path(__file__).parent,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(Path(__file__).parent)])),
                          capture_output=True, text=True)
    assert made.returncode == 0, made.stderr
    conf, uri = made.stdout.split()
    names = _mixed_batch(tmp_path / "in", 150)
    env = dict(os.environ, PYTHONPATH=str(ROOT), SOFTHSM2_CONF=conf, **FIXED_TIME)
    runs = {}
    for jobs in ("1", "2"):
        out, log = tmp_path / f"out-{jobs}", tmp_path / f"logins-{jobs}"
        out.mkdir()
        proc = subprocess.Popen([sys.executable, "-c", COUNTING, str(log), "sign", "--batch", str(tmp_path / "in"),
                                 "--out-dir", str(out), "--jobs", jobs, "--kms", uri,
                                 "issuers/root-p256.crt", "pkcs11:id=4002"],
                                cwd=VECTORS, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        stdout, stderr = proc.communicate()
        assert log.exists(), stderr
        logins = [tuple(map(int, line.split())) for line in log.read_text().splitlines()]
        runs[jobs] = (proc.returncode, stdout, stderr, sorted(p.name for p in out.iterdir()))
        if jobs == "1":
            assert [pid for pid, _ in logins] == [proc.pid]
        else:  # one login in each worker, none in the parent
            assert len(logins) == 2 and len({pid for pid, _ in logins}) == 2
            assert all(pid != proc.pid and parent == proc.pid for pid, parent in logins)
    assert runs["2"] == runs["1"]
    code, _, stderr, written = runs["1"]
    assert code == 1 and len(stderr.splitlines()) == sum(1 for i in range(150) if i % 17 == 5)
    assert len(written) == 150 - len(stderr.splitlines())
    issuer_key = _certificate(VECTORS / "issuers/root-p256.crt").public_key
    for name in written:
        cert = _certificate(tmp_path / "out-2" / name)
        assert cert.issuer == _certificate(VECTORS / "issuers/root-p256.crt").subject
        assert _without_serial(cert) == _without_serial(_certificate(tmp_path / "out-1" / name))
    assert issuer_key.algorithm == "ec"
    assert re.fullmatch(r"req-\d{4}\.crt", written[0]) and len(names) == 150
