"""Writing results: atomically, only as regular files, never over the issuer's files.

``write_atomically`` writes the whole result to a temporary file beside the
destination, then publishes it under its name in one step, so that a reader
(or a rerun after ``kill -9``) never finds a half-written certificate there:

* without ``force`` the temporary file is hard-linked to the name, which
  fails when the name exists: two runs writing the same name at the same
  time cannot both succeed, and neither replaces the other's file.  Where a
  file system has no hard links, ``renameat2(RENAME_NOREPLACE)`` does the
  same; where it has neither, the name is claimed with ``O_EXCL`` and the
  temporary file renamed over that claim;
* with ``force`` the temporary file is renamed over the name, which may
  only be a regular file.

Only regular files are written.  A FIFO, a device, a socket, a directory or
a symbolic link (dangling or not) at the destination is refused, with or
without ``force``: replacing ``/dev/null`` or the target of a link is never
what a signing command should do.

Temporary files are named ``.NAME.pkisign-tmp-PID-RANDOM``.  One left by a
process that was killed (its PID no longer runs) is removed by
``remove_stale_temporaries``, which the next run calls.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import sys

from ..errors import UsageError

__all__ = ["write_atomically", "same_file", "remove_stale_temporaries", "OutputExistsError", "check_destination",
           "GroupWriter", "sync_directory"]

_TEMPORARY = re.compile(r"\..+\.pkisign-tmp-(\d{1,10})-[0-9a-f]{16}")


class OutputExistsError(UsageError):
    """The destination exists and ``force`` was not given."""


def same_file(a: str, b: str) -> bool:
    """True when the two paths name the same existing file."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


_KINDS = ((stat.S_ISLNK, "a symbolic link"), (stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a FIFO"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def check_destination(path: str, *, force: bool = False, protected: tuple[str, ...] = ()) -> bool:
    """Refuse a destination that must not be written; True when a regular
    file is there already (and ``force`` allows replacing it)."""
    for other in protected:
        if other and other != "-" and same_file(path, other):
            raise UsageError(f"refusing to write over {other}: it is an input of this command")
    if not path or path.endswith(os.sep) or os.path.basename(path) in (".", ".."):
        raise UsageError(f"refusing to write {path}: it names a directory, not a file")
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {_reason(exc)}") from None
    for test, kind in _KINDS:
        if test(mode):
            raise UsageError(f"refusing to write {path}: it is {kind}, not a regular file")
    if not stat.S_ISREG(mode):
        raise UsageError(f"refusing to write {path}: it is not a regular file")
    if not force:
        raise OutputExistsError(f"{path} already exists; use --force to replace it")
    return True


def _temporary_prefix(base: str) -> str:
    # The name is cut (in bytes) so that the temporary name stays within NAME_MAX (255).
    return f".{os.fsdecode(os.fsencode(base)[:200])}.pkisign-tmp-"


def _temporary_name(path: str) -> str:
    directory, base = os.path.split(path)
    return os.path.join(directory, f"{_temporary_prefix(base)}{os.getpid()}-{secrets.token_hex(8)}")


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # EPERM: it runs, as another user; or no PID this system has
        return True
    return True


def remove_stale_temporaries(directory: str, base: str | None = None) -> int:
    """Remove the temporary files a killed pkisign left in ``directory`` (only
    those of ``base`` when given); return how many went.  A file whose PID
    still runs belongs to a live writer and stays."""
    prefix = _temporary_prefix(base) if base is not None else "."
    try:
        names = os.listdir(directory or ".")
    except OSError:
        return 0
    removed = 0
    for name in names:
        if not name.startswith(prefix):
            continue
        match = _TEMPORARY.fullmatch(name)
        if not match or _running(int(match.group(1))):
            continue
        full = os.path.join(directory, name)
        try:
            if stat.S_ISREG(os.lstat(full).st_mode):
                os.unlink(full)
                removed += 1
        except OSError:
            pass
    return removed


# Where link() is refused by the file system itself, not by the situation.
_NO_LINK = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.ENOSYS, errno.EMLINK, errno.EXDEV}


def _rename_noreplace(src: str, dst: str) -> bool:
    """renameat2(RENAME_NOREPLACE) (Linux, glibc 2.28); False where missing.
    Raises FileExistsError when ``dst`` exists."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_noreplace = -100, 1
    if renameat2(at_fdcwd, os.fsencode(src), at_fdcwd, os.fsencode(dst), rename_noreplace) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), dst)


def _publish_new(tmp: str, path: str) -> None:
    """Give ``tmp`` the name ``path``, which must not exist (FileExistsError)."""
    try:
        os.link(tmp, path)
    except OSError as exc:
        if exc.errno not in _NO_LINK:
            raise
    else:
        os.unlink(tmp)
        return
    if _rename_noreplace(tmp, path):
        return
    # Neither: claim the name, then rename over the claim (ours, so nothing is lost).
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600))
    os.replace(tmp, path)


def _publish_over(tmp: str, path: str) -> None:
    """Give ``tmp`` the name ``path``, replacing a regular file only."""
    for _ in range(3):
        # Checked again just before the rename, which replaces whatever is there.
        if check_destination(path, force=True):
            os.replace(tmp, path)
            return
        try:
            _publish_new(tmp, path)
            return
        except FileExistsError:  # another writer's file appeared meanwhile: look at it again
            continue
    raise UsageError(f"cannot write {path}: other writers keep replacing it")


def write_atomically(path: str, data: bytes, *, force: bool = False, protected: tuple[str, ...] = (),
                     clean: bool = True) -> None:
    """Write ``data`` to ``path`` as a regular file, atomically.

    Refuses an existing ``path`` unless ``force`` (``OutputExistsError``),
    anything but a regular file there even with ``force``, and always one of
    the ``protected`` files (the issuer key and certificate).  ``clean``
    removes the stale temporary files of ``path`` first.
    """
    check_destination(path, force=force, protected=protected)
    if clean:  # a batch cleans its directory once instead
        remove_stale_temporaries(os.path.dirname(path), os.path.basename(path))
    tmp = _temporary_name(path)
    try:
        # 0o666 less the umask: the usual mode of a new file.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if force:
            _publish_over(tmp, path)
        else:
            _publish_new(tmp, path)
    except FileExistsError:
        _discard(tmp)
        raise OutputExistsError(f"{path} already exists; use --force to replace it") from None
    except OSError as exc:
        _discard(tmp)
        raise UsageError(f"cannot write {path}: {_reason(exc)}") from None
    except BaseException:
        _discard(tmp)
        raise


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


class GroupWriter:
    """Many new files in one directory, made durable a group at a time.

    ``write_atomically`` syncs every file and then its directory: two
    waits on the disk per file.  Here each file is written to its
    temporary name as it comes (``add``), and ``flush`` then makes the
    whole group durable: ``fdatasync`` of each temporary file (measured on
    ext4 at about twice the rate of an ``fsync`` per file; ``syncfs`` was
    faster still but flushes every other writer's data on that file system
    too and reports write errors only on recent kernels), then the
    publication of each under its name (linked, never over another file,
    as ``write_atomically`` does), then one ``fsync`` of the directory.
    A crash at any point leaves each name either absent or naming a whole
    file that reached the disk before the name did; the temporary files it
    leaves are removed by the next run (``remove_stale_temporaries``).
    """

    def __init__(self, *, force: bool = False, protected: tuple[str, ...] = (), size: int = 64) -> None:
        self.force = force
        self.protected = protected
        self.size = size
        # [key, path (None: not to be published), temporary name, fd (None: closed)]
        self._pending: list[list] = []

    def __len__(self) -> int:
        return len(self._pending)

    def add(self, key: object, path: str, data: bytes) -> None:
        """Write ``data`` to a temporary file for ``path``; published by ``flush``.

        Raises ``OutputExistsError`` or ``UsageError`` for a destination that
        must not be written, as ``write_atomically`` does.
        """
        check_destination(path, force=self.force, protected=self.protected)
        tmp = _temporary_name(path)
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666)
        except OSError as exc:
            raise UsageError(f"cannot write {path}: {_reason(exc)}") from None
        try:
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except BaseException as exc:
            os.close(fd)
            _discard(tmp)
            if isinstance(exc, OSError):
                raise UsageError(f"cannot write {path}: {_reason(exc)}") from None
            raise
        self._pending.append([key, path, tmp, fd])

    def flush(self) -> list[tuple[object, UsageError]]:
        """Make the pending files durable and give them their names.

        Returns the files that could not be published, each with its error
        (``OutputExistsError`` when another writer took the name meanwhile).
        An interruption (SIGTERM made an exception) leaves what is not yet
        published to ``discard``.
        """
        failed: list[tuple[object, UsageError]] = []
        sync = getattr(os, "fdatasync", os.fsync)
        for entry in self._pending:
            key, path, tmp, fd = entry
            try:
                sync(fd)
            except OSError as exc:  # never published: its contents may not be on the disk
                failed.append((key, UsageError(f"cannot write {path}: {_reason(exc)}")))
                entry[1] = None
            finally:
                entry[3] = None
                os.close(fd)
        directories = set()
        for entry in self._pending:
            key, path, tmp, _ = entry
            if path is None:
                continue
            try:
                if self.force:
                    _publish_over(tmp, path)
                else:
                    _publish_new(tmp, path)
                directories.add(os.path.dirname(path) or ".")
            except FileExistsError:
                failed.append((key, OutputExistsError(f"{path} already exists; use --force to replace it")))
            except UsageError as exc:
                failed.append((key, exc))
            except OSError as exc:
                failed.append((key, UsageError(f"cannot write {path}: {_reason(exc)}")))
        self.discard()  # the temporary names of the files not published
        for directory in sorted(directories):
            sync_directory(directory)
        return failed

    def discard(self) -> None:
        """Remove the temporary files still pending: none of them is published."""
        pending, self._pending = self._pending, []
        for _, _, tmp, fd in pending:
            if fd is not None:
                os.close(fd)
            _discard(tmp)


def sync_directory(directory: str) -> None:
    """fsync a directory, so that the names just given in it survive a crash
    (where a directory cannot be opened or synced, as on some platforms, the
    names are as durable as the system makes them)."""
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
