"""A step-kms-plugin for the tests: step's ``key`` and ``sign`` commands over key files.

It speaks the protocol step uses (``key [--kms URI] KEY`` prints a PEM
public key; ``sign --format base64 [--kms URI] [--pss --salt-length N]
[--alg SHA256|SHA384|SHA512] KEY`` reads a digest, or an Ed25519 message,
on stdin and prints the base64 signature) and signs with pyca/cryptography.

Environment:

``KMS_PLUGIN_KEYMAP``
    A JSON file mapping key names (the KEY argument as given) to PEM key files.
``KMS_PLUGIN_LOG``
    A file to which each call appends one JSON line: its argv (without the
    program) and its stdin in hex.
``KMS_PLUGIN_MODE``
    ``fail``: print a two-line error that repeats the argv and exit 2;
    ``hang``: start a child that holds the pipes and sleep;
    ``garbage``: print text that is not base64 (sign) or not PEM (key);
    ``garbage-sign``: the same for ``sign`` only.
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time


def _die(message: str, code: int = 1) -> None:
    sys.stderr.write(message + "\n")
    sys.exit(code)


def _parse(args: list[str]) -> tuple[str, dict[str, str | bool], list[str]]:
    command, rest = args[0], args[1:]
    options: dict[str, str | bool] = {}
    positional = []
    i = 0
    while i < len(rest):
        arg = rest[i]
        if arg == "--pss":
            options["pss"] = True
        elif arg in ("--kms", "--alg", "--format", "--salt-length"):
            if i + 1 >= len(rest):
                _die(f"flag needs an argument: {arg}")
            options[arg[2:]] = rest[i + 1]
            i += 1
        elif arg.startswith("--"):
            _die(f"unknown flag: {arg}")
        else:
            positional.append(arg)
        i += 1
    return command, options, positional


def _load(name: str):
    from cryptography.hazmat.primitives import serialization

    with open(os.environ["KMS_PLUGIN_KEYMAP"]) as f:
        keymap = json.load(f)
    if name not in keymap:
        _die(f"key {name} not found")
    with open(keymap[name], "rb") as f:
        return serialization.load_pem_private_key(f.read(), None)


def _sign(key, data: bytes, options: dict) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa, utils

    by_size = {32: hashes.SHA256(), 48: hashes.SHA384(), 64: hashes.SHA512()}
    if isinstance(key, ed25519.Ed25519PrivateKey):
        return key.sign(data)
    if isinstance(key, ec.EllipticCurvePrivateKey):
        if len(data) not in by_size:
            _die(f"digest of {len(data)} bytes")
        return key.sign(data, ec.ECDSA(utils.Prehashed(by_size[len(data)])))
    assert isinstance(key, rsa.RSAPrivateKey)
    algorithm = {"SHA256": hashes.SHA256(), "SHA384": hashes.SHA384(), "SHA512": hashes.SHA512()}.get(
        str(options.get("alg")))
    if algorithm is None:
        _die("an RSA key needs --alg")
    if len(data) != algorithm.digest_size:
        _die(f"digest of {len(data)} bytes for {options['alg']}")
    if options.get("pss"):
        salt = int(options.get("salt-length", "0"))
        if salt != -1:
            _die(f"unexpected --salt-length {salt}")
        pad = padding.PSS(padding.MGF1(algorithm), padding.PSS.DIGEST_LENGTH)
    else:
        pad = padding.PKCS1v15()
    return key.sign(data, pad, utils.Prehashed(algorithm))


def main(args: list[str]) -> None:
    stdin = sys.stdin.buffer.read() if args and args[0] == "sign" else b""
    log = os.environ.get("KMS_PLUGIN_LOG")
    if log:
        with open(log, "a") as f:
            f.write(json.dumps({"argv": args, "stdin": stdin.hex()}) + "\n")
    mode = os.environ.get("KMS_PLUGIN_MODE", "")
    if mode == "fail":
        _die("Error: the KMS refused the request\nwhile running " + " ".join(args), 2)
    if mode == "hang":
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(300)"])
        time.sleep(300)
    command, options, positional = _parse(args)
    if len(positional) != 1:
        _die("want exactly one key name")
    if mode == "garbage" or (mode == "garbage-sign" and command == "sign"):
        print("this is not what you expected!")
        return
    key = _load(positional[0])
    if command == "key":
        from cryptography.hazmat.primitives import serialization

        sys.stdout.buffer.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                                              serialization.PublicFormat.SubjectPublicKeyInfo))
    elif command == "sign":
        if options.get("format") != "base64":
            _die("want --format base64")
        print(base64.b64encode(_sign(key, stdin, options)).decode())
    else:
        _die(f"unknown command {command}")


if __name__ == "__main__":
    main(sys.argv[1:])
