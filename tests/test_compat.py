"""The oscrypto compatibility step (pkisign._oscrypto_compat)."""

import re
import subprocess

import pytest

from pkisign import _oscrypto_compat as compat


def test_broken_pattern_reads_multi_digit_versions_inside_the_block():
    assert re.search(compat.BROKEN_PATTERN, "OpenSSL 3.0.19 27 Jan 2026") is None
    with compat.multi_digit_versions():
        assert re.search(compat.BROKEN_PATTERN, "OpenSSL 3.0.19 27 Jan 2026").group(1) == "3.0.19"
        assert re.search(compat.BROKEN_PATTERN, "OpenSSL 1.1.1w  11 Sep 2023").group(1) == "1.1.1w"
        assert re.search(compat.BROKEN_PATTERN, "OpenSSL 3.10.2 1 Jan 2030").group(1) == "3.10.2"


def test_other_patterns_are_untouched_so_a_fixed_oscrypto_sees_no_change():
    text = "OpenSSL 3.0.19 27 Jan 2026"
    for pattern in (compat.FIXED_PATTERN, r"(?<=LibreSSL )(\d\.\d(\.\d)?)\b", r"\d+"):
        outside = re.search(pattern, text)
        with compat.multi_digit_versions():
            inside = re.search(pattern, text)
        assert (outside and outside.group(0)) == (inside and inside.group(0))


def test_re_search_is_restored_even_after_an_error():
    real = re.search
    with pytest.raises(RuntimeError):
        with compat.multi_digit_versions():
            raise RuntimeError("boom")
    assert re.search is real


def test_oscrypto_imports_and_reads_this_machines_libcrypto_version():
    asymmetric = compat.asymmetric()
    assert hasattr(asymmetric, "load_private_key")
    from oscrypto._openssl import _libcrypto

    found = _libcrypto.libcrypto_version_info
    version = subprocess.run(["openssl", "version"], capture_output=True, text=True).stdout
    expected = tuple(int(x) for x in re.search(compat.FIXED_PATTERN, version).group(1).split(".")[:3]
                     if x.isdigit())
    assert found[:3] == expected


def test_oscrypto_uses_its_ctypes_binding():
    # A fresh process: the choice is made once, before oscrypto loads a backend.
    import sys

    code = ("import sys; sys.path.insert(0, sys.argv[1]); from pkisign import _oscrypto_compat as c; "
            "c.asymmetric(); import oscrypto; print(oscrypto.ffi()); "
            "print('pycparser' in sys.modules)")
    from conftest import ROOT

    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["ctypes", "False"]
