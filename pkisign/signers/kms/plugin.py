"""Signing through ``step-kms-plugin``, exactly as step does, for any KMS type.

step never talks to a KMS itself: it runs the external ``step-kms-plugin``
(``$STEPPATH/plugins/step-kms-plugin``, else the one on ``PATH``;
``STEPPATH`` defaults to ``~/.step``) and pkisign does the same for every
KMS type it has no backend of its own for, or for any type when asked to
(``--kms-plugin``):

* the public key: ``step-kms-plugin key [--kms URI] KEY`` prints it as PEM;
* a signature: ``step-kms-plugin sign --format base64 [--kms URI]
  [--pss --salt-length -1] [--alg SHA256|SHA384|SHA512] KEY`` with the
  digest on standard input (the whole TBSCertificate for Ed25519) prints it
  in base64.  ``--alg`` goes only with RSA keys, ``--pss`` only with RSA-PSS;
  ``-1`` is Go's "salt as long as the hash", what X.509 signing asks for.

``--kms`` and the key are handed over as given.  Each call is bounded by
``PKISIGN_KMS_TIMEOUT`` seconds (60 by default): a plugin that hangs is
killed, with anything it started.  A failure is reported as step words it,
``command "<cmdline>" failed with: <the plugin's stderr>``, on one line and
with the values of secret URI attributes (``pin-value``, ``client-secret``)
replaced by ``***``.
"""

from __future__ import annotations

import base64
import binascii
import os
import signal
import subprocess
from pathlib import Path

from ...errors import KMSError
from ...golang.net import go_quote
from ...x509.keys import PublicKey, SignatureAlgorithm
from .common import KMSSigner, digest_for, one_line, public_key_from_pem, redact, secret_values, timeout

__all__ = ["PLUGIN_NAME", "find_plugin", "PluginSigner", "open_plugin_signer"]

PLUGIN_NAME = "step-kms-plugin"

_ALG = {"sha256": "SHA256", "sha384": "SHA384", "sha512": "SHA512"}
_GO_HASH = {"sha1": "SHA-1", "md5": "MD5"}


def find_plugin() -> str:
    """step's plugin.LookPath: ``$STEPPATH/plugins`` first, then ``PATH``."""
    base = os.environ.get("STEPPATH") or str(Path.home() / ".step")
    candidate = os.path.join(base, "plugins", PLUGIN_NAME)
    if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
        return candidate
    for directory in os.environ.get("PATH", "").split(os.pathsep):
        path = os.path.join(directory or ".", PLUGIN_NAME)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    raise KMSError(f'exec: "{PLUGIN_NAME}": executable file not found in $PATH')


class PluginSigner(KMSSigner):
    """A key reached through step-kms-plugin (pkisign's ``Signer`` protocol)."""

    def __init__(self, path: str, kms: str, key: str) -> None:
        self._path = path
        self._kms = kms
        self._key = key
        self._secrets = secret_values(kms, key)
        self.description = f"'{redact(key)}' (through {PLUGIN_NAME})"
        out = self._run(["key", *self._kms_args(), key], b"")
        self._public_key = public_key_from_pem(out, f"the key {self.description}")

    def _kms_args(self) -> list[str]:
        return ["--kms", self._kms] if self._kms else []

    def _scrub(self, text: str) -> str:
        for value in self._secrets:
            text = text.replace(value, "***")
        return redact(text)

    def _run(self, args: list[str], stdin: bytes) -> bytes:
        argv = [self._path, *args]
        shown = go_quote(" ".join(self._scrub(arg) for arg in argv))
        limit = timeout()
        try:
            proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    start_new_session=True)
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise KMSError(f"command {shown} failed with: {self._scrub(reason)}") from None
        try:
            out, err = proc.communicate(stdin, timeout=limit)
        except subprocess.TimeoutExpired:
            self._kill(proc)
            raise KMSError(f"command {shown} failed with: no answer within {limit:g} seconds "
                           "(PKISIGN_KMS_TIMEOUT)") from None
        if proc.returncode != 0:
            text = self._scrub(err.decode("utf-8", "replace"))
            detail = one_line(text) or f"exit status {proc.returncode}"
            raise KMSError(f"command {shown} failed with: {detail}")
        return out

    @staticmethod
    def _kill(proc: subprocess.Popen) -> None:
        """The plugin and whatever it started: they may hold the pipes open."""
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            proc.kill()
        proc.communicate()

    @property
    def public_key(self) -> PublicKey:
        return self._public_key

    def sign(self, message: bytes, algorithm: SignatureAlgorithm) -> bytes:
        self._check(algorithm)
        args = ["sign", "--format", "base64", *self._kms_args()]
        if self._public_key.kind == "rsa":
            if algorithm.pss:
                args += ["--pss", "--salt-length", "-1"]
            if algorithm.hash not in _ALG:
                raise KMSError(f'unsupported hash function "{_GO_HASH.get(algorithm.hash, algorithm.hash)}"')
            args += ["--alg", _ALG[algorithm.hash]]
        out = self._run([*args, self._key], digest_for(message, algorithm))
        try:
            # Go's StdEncoding skips line breaks, as here; nothing else may surround the signature.
            signature = base64.b64decode(out.replace(b"\r", b"").replace(b"\n", b""), validate=True)
        except (binascii.Error, ValueError):
            signature = b""
        if not signature:
            raise KMSError(f"{PLUGIN_NAME} sign gave no base64 signature for {self.description}")
        return signature


def open_plugin_signer(kms: str, key: str) -> PluginSigner:
    """Find the plugin and ask it for the key's public half: a ready signer."""
    return PluginSigner(find_plugin(), kms, key)
