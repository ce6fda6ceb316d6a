"""Local KMS servers for the tests and the benchmark, and an OpenSSL root for their keys.

``MotoServer`` runs ``tests/moto_kms_server.py`` (moto's KMS server, signing
as AWS does) on a free 127.0.0.1 port until ``close``; ``OpenSSLRoot``
makes a root CA with OpenSSL and certifies a KMS public key with it, which
gives the issuer certificate of a key that never leaves its KMS.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from pkisign.x509 import pem

HERE = Path(__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, proc: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start listening")


class MotoServer:
    def __init__(self, directory: Path) -> None:
        port = free_port()
        self.url = f"http://127.0.0.1:{port}"
        log = directory / "moto.log"
        # The server logs every request: into a file, as a pipe nobody reads would fill up and stall it.
        with open(log, "wb") as log_file:
            self.proc = subprocess.Popen([sys.executable, str(HERE / "moto_kms_server.py"), str(port)],
                                         stdout=log_file, stderr=subprocess.STDOUT)
        try:
            wait_for_port(port, self.proc, log)
        except BaseException:
            self.close()
            raise

    def client(self, access_key: str, secret_key: str, region: str):  # type: ignore[no-untyped-def]
        import boto3

        return boto3.client("kms", region_name=region, endpoint_url=self.url,
                            aws_access_key_id=access_key, aws_secret_access_key=secret_key)

    def close(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


class OpenSSLRoot:
    """A root CA made by OpenSSL in ``directory`` (root.crt, root.key)."""

    def __init__(self, directory: Path) -> None:
        self.dir = directory
        self._openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                      "-keyout", "root.key", "-out", "root.crt", "-subj", "/CN=OpenSSL Test Root", "-days", "3650",
                      "-addext", "basicConstraints=critical,CA:TRUE",
                      "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        self._openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                      "-keyout", "placeholder.key", "-out", "placeholder.csr", "-subj", "/CN=placeholder")
        (directory / "ca.ext").write_text("basicConstraints=critical,CA:TRUE\n"
                                          "keyUsage=critical,keyCertSign,cRLSign,digitalSignature\n"
                                          "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
        self.crt = directory / "root.crt"

    def _openssl(self, *args: str) -> None:
        subprocess.run(["openssl", *args], cwd=self.dir, check=True, capture_output=True,
                       env=dict(os.environ, OPENSSL_CONF="/dev/null"))

    def certify(self, name: str, spki: bytes) -> Path:
        """``name``.crt: a CA certificate for the public key ``spki`` (DER), signed by the root."""
        (self.dir / f"{name}.pub").write_bytes(pem.encode("PUBLIC KEY", spki))
        # openssl x509 -req takes the CSR's place holder and puts the KMS key in the certificate.
        self._openssl("x509", "-req", "-in", "placeholder.csr", "-CA", "root.crt", "-CAkey", "root.key",
                      "-force_pubkey", f"{name}.pub", "-subj", f"/CN=KMS {name} CA", "-set_serial", "4242",
                      "-days", "3650", "-extfile", "ca.ext", "-out", f"{name}.crt")
        return self.dir / f"{name}.crt"
