"""Writing results: atomically, never over the issuer's files.

``write_atomically`` writes to a temporary file beside the destination and
renames it into place, so a reader never sees a half-written certificate
and a failure leaves nothing behind.
"""

from __future__ import annotations

import os
import tempfile

from .errors import UsageError

__all__ = ["write_atomically", "same_file"]


def same_file(a: str, b: str) -> bool:
    """True when the two paths name the same existing file."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_atomically(path: str, data: bytes, *, force: bool = False, protected: tuple[str, ...] = ()) -> None:
    """Write ``data`` to ``path`` through a temporary file and a rename.

    Refuses an existing ``path`` unless ``force``, and always refuses one of
    the ``protected`` files (the issuer key and certificate).
    """
    for other in protected:
        if other and other != "-" and same_file(path, other):
            raise UsageError(f"refusing to write over {other}: it is an input of this command")
    if os.path.exists(path) and not force:
        raise UsageError(f"{path} already exists; use --force to replace it")
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, tmp = tempfile.mkstemp(prefix=".pkisign-", dir=directory)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror.lower() if exc.strerror else exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600: give the file the usual mode
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise UsageError(f"cannot write {path}: {exc.strerror.lower() if exc.strerror else exc}") from None
