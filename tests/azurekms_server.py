"""An Azure Key Vault REST server for the tests, on 127.0.0.1 over TLS, and a managed identity endpoint.

``KeyVaultServer`` answers Key Vault's ``GET /keys/NAME[/VERSION]`` and
``POST /keys/NAME/VERSION/sign`` (API 7.x JSON, base64url values) for real
keys (``add_key``), behind Key Vault's bearer challenge: a request without
the token gets 401 with a ``WWW-Authenticate`` challenge, as the real
service answers.  Its TLS certificate is made by OpenSSL for 127.0.0.1; the
client trusts it through ``REQUESTS_CA_BUNDLE``.  The token comes from
``IdentityServer``, an App Service managed identity endpoint (plain HTTP on
127.0.0.1, as on App Service), which azure-identity's DefaultAzureCredential
finds through ``IDENTITY_ENDPOINT`` and ``IDENTITY_HEADER``.

Key Vault requires the challenge's resource to be a parent domain of the
vault's host.  There is no name under which 127.0.0.1 has a parent here,
so the challenge names ``0.0.1:PORT``, of which ``127.0.0.1:PORT`` is a
"subdomain" by that rule.

Some keys misbehave on purpose: ``behaviour`` "throttle" answers 429,
"stall" answers only after ``close``.  ``calls`` records what was served.
"""

from __future__ import annotations

import base64
import http.server
import json
import os
import re
import ssl
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric import utils as asym_utils

TOKEN = "pkisign-test-access-token-never-printed"
IDENTITY_SECRET = "pkisign-test-identity-header"
_HASHES = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}
_CRV = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521", "secp256k1": "P-256K"}


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class _Server:
    def __init__(self, handler: type, context: ssl.SSLContext | None = None) -> None:
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        if context is not None:
            self.httpd.socket = context.wrap_socket(self.httpd.socket, server_side=True)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class IdentityServer(_Server):
    def __init__(self) -> None:
        outer = self
        self.requests = 0

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                outer.requests += 1
                if self.headers.get("X-IDENTITY-HEADER") != IDENTITY_SECRET:
                    self.send_response(401)
                    self.end_headers()
                    return
                body = json.dumps({"access_token": TOKEN, "expires_on": str(int(time.time()) + 3600),
                                   "resource": "", "token_type": "Bearer"}).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        super().__init__(Handler)
        self.url = f"http://127.0.0.1:{self.port}/msi/token"


class KeyVaultServer(_Server):
    def __init__(self, directory: Path) -> None:
        subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                        "-keyout", "tls.key", "-out", "tls.crt", "-subj", "/CN=127.0.0.1", "-days", "2",
                        "-addext", "subjectAltName=IP:127.0.0.1"], cwd=directory, check=True, capture_output=True,
                       env=dict(os.environ, OPENSSL_CONF="/dev/null"))
        self.ca_file = directory / "tls.crt"
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(directory / "tls.crt", directory / "tls.key")
        self.keys: dict[str, tuple[object, str, list[str]]] = {}
        self.calls: list[str] = []
        self.release = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out as two writes: without this, Nagle's algorithm and the client's
            # delayed ACK hold the body back for 40 ms on every call.
            disable_nagle_algorithm = True

            def _send(self, status: int, payload: dict | None, headers: dict | None = None) -> None:
                body = json.dumps(payload).encode() if payload is not None else b""
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _handle(self, method: str) -> None:
                length = int(self.headers.get("Content-Length", 0) or 0)
                body = self.rfile.read(length) if length else b""
                if self.headers.get("Authorization") != f"Bearer {TOKEN}":
                    challenge = (f'Bearer authorization="https://login.microsoftonline.com/pkisign-tenant", '
                                 f'resource="https://0.0.1:{outer.port}"')
                    self._send(401, {"error": {"code": "Unauthorized", "message": "no token"}},
                               {"WWW-Authenticate": challenge})
                    return
                path = urlsplit(self.path).path
                match = re.fullmatch(r"/keys/([^/]+)(?:/([^/]*))?(/sign)?", path)
                if not match:
                    self._send(404, {"error": {"code": "NotFound", "message": path}})
                    return
                name, version, sign = match.groups()
                outer.calls.append(f"{method} {'sign' if sign else 'key'}")
                if name not in outer.keys:
                    self._send(404, {"error": {"code": "KeyNotFound",
                                               "message": f"A key with (name/id) {name} was not found in this key vault."}})
                    return
                key, behaviour, ops = outer.keys[name]
                if behaviour == "throttle":
                    self._send(429, {"error": {"code": "Throttled", "message": "Rate limit"}}, {"Retry-After": "0"})
                    return
                if behaviour == "stall":
                    outer.release.wait(60)
                    return
                kid = f"https://127.0.0.1:{outer.port}/keys/{name}/0123456789abcdef"
                if not sign:
                    self._send(200, {"key": outer.jwk(key, kid, ops), "attributes": {"enabled": True}})
                    return
                request = json.loads(body)
                self._send(200, {"kid": kid, "value": _b64(outer.sign(key, request["alg"], _unb64(request["value"])))})

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def log_message(self, *args):
                pass

        super().__init__(Handler, context)
        self.url = f"https://127.0.0.1:{self.port}"

    def add_key(self, name: str, key_file: str, behaviour: str = "", ops: tuple[str, ...] = ("sign", "verify")) -> None:
        with open(key_file, "rb") as f:
            key = serialization.load_pem_private_key(f.read(), None)
        self.keys[name] = (key, behaviour, list(ops))

    @staticmethod
    def jwk(key, kid: str, ops: list[str]) -> dict:  # type: ignore[no-untyped-def]
        public = key.public_key()
        if isinstance(public, rsa.RSAPublicKey):
            numbers = public.public_numbers()
            return {"kid": kid, "kty": "RSA", "key_ops": ops,
                    "n": _b64(numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")),
                    "e": _b64(numbers.e.to_bytes(3, "big"))}
        numbers = public.public_numbers()
        size = (public.curve.key_size + 7) // 8
        return {"kid": kid, "kty": "EC", "key_ops": ops, "crv": _CRV[public.curve.name],
                "x": _b64(numbers.x.to_bytes(size, "big")), "y": _b64(numbers.y.to_bytes(size, "big"))}

    @staticmethod
    def sign(key, alg: str, digest: bytes) -> bytes:  # type: ignore[no-untyped-def]
        algorithm = _HASHES[alg[2:]]
        if isinstance(key, ec.EllipticCurvePrivateKey):
            r, s = asym_utils.decode_dss_signature(key.sign(digest, ec.ECDSA(asym_utils.Prehashed(algorithm))))
            size = (key.curve.key_size + 7) // 8
            return r.to_bytes(size, "big") + s.to_bytes(size, "big")  # JOSE: r || s
        pad = padding.PSS(padding.MGF1(algorithm), padding.PSS.DIGEST_LENGTH) if alg.startswith("PS") \
            else padding.PKCS1v15()
        return key.sign(digest, pad, asym_utils.Prehashed(algorithm))

    def close(self) -> None:
        self.release.set()
        super().close()
