"""Signing many CSRs: in groups, in this process or in worker processes.

The CSRs are cut into groups (``GROUP`` of them).  A group is signed by one
process, its certificates written as temporary files and made durable
together (``output.GroupWriter``), and its outcome (each CSR's warnings and
error) sent back whole.  The outcomes are handed to the caller in the order
of the groups, whichever worker finished first, so that ``--jobs N`` reports
exactly what ``--jobs 1`` reports, line for line.

Workers are forked (they inherit the issuer read by the parent, and a key
file's decrypted key: no second password prompt).  A key in a KMS or an HSM
is opened by each worker itself, one session (one PKCS#11 login) per
worker: a session is not shared across ``fork``.  The first worker opens
its key before the others start, so that a wrong PIN costs one failed
login, not one per worker.

A worker ignores SIGINT (Ctrl-C reaches the whole process group; the
parent decides) and stops on SIGTERM once the group in hand is published:
no temporary file is left behind.  A worker that dies (killed, out of memory)
ends the batch with ``WorkerDied``: the certificates already published are
whole, and ``--skip-existing`` finishes the batch.
"""

from __future__ import annotations

import os
import signal
import sys
from collections import deque
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator

from ..errors import PkisignError
from .output import GroupWriter, OutputExistsError

__all__ = ["BatchJob", "Outcome", "WorkerDied", "Terminated", "run_batch", "default_jobs", "GROUP"]

#: CSRs per group: one sync sweep and one directory fsync per group, and the
#: unit of work a worker takes.  Small enough that a worker never holds much.
GROUP = 64

#: Groups given to a worker ahead of the one it is signing, so that it never waits for the parent.
_AHEAD = 2


class WorkerDied(PkisignError):
    """A worker process ended without finishing its groups."""


class Terminated(BaseException):
    """SIGTERM reached the parent: stop, as for Ctrl-C."""


@dataclass
class Outcome:
    """One CSR: the warnings to print and the error that stopped it (None: written)."""

    name: str
    warnings: list[str]
    error: str | None


@dataclass
class BatchJob:
    """What every group needs: the issuer, how to sign, how to write.

    ``open_issuer`` gives the issuer to sign with in a process; ``render``
    turns a certificate into the bytes of its file.
    """

    open_issuer: Callable[[], Any]
    sign_many: Callable[..., Iterator[tuple[str, Any]]]
    options: Any
    now: Callable[[], int]
    issuer_validity: str
    render: Callable[[Any], bytes]
    force: bool
    protected: tuple[str, ...]
    skip_existing: bool


def default_jobs() -> int:
    """The CPUs this process may run on (its affinity), else the machine's."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def sign_group(job: BatchJob, issuer: Any, group: list[tuple[str, str]]) -> list[Outcome]:
    """Sign a group and publish its certificates together."""
    targets = dict(group)
    outcomes: dict[str, Outcome] = {}
    writer = GroupWriter(force=job.force, protected=job.protected, size=len(group))
    try:
        for name, result in job.sign_many(issuer, list(targets), job.options, now=job.now,
                                          issuer_validity=job.issuer_validity):
            outcome = outcomes[name] = Outcome(name, [], None)
            if isinstance(result, PkisignError):
                outcome.error = str(result)
                continue
            outcome.warnings = list(result.warnings)
            try:
                writer.add(name, targets[name], job.render(result))
            except OutputExistsError as exc:
                if not job.skip_existing:  # else another run wrote it meanwhile: done as asked
                    outcome.error = str(exc)
            except PkisignError as exc:
                outcome.error = str(exc)
        for written, failure in writer.flush():
            if not (job.skip_existing and isinstance(failure, OutputExistsError)):
                outcomes[str(written)].error = str(failure)
    finally:
        writer.discard()  # only what an interruption left unpublished
    return list(outcomes.values())


def run_batch(job: BatchJob, issuer: Any, work: Iterable[tuple[str, str]], jobs: int,
              kms: bool = False) -> Iterator[list[Outcome]]:
    """Sign (CSR, certificate file) pairs; yield the outcomes group by group, in order.

    ``kms``: the parent's ``issuer`` has no key; each worker opens its own
    with ``job.open_issuer``.  With ``jobs`` 1 everything runs here.
    """
    groups = _groups(work)
    if jobs <= 1:
        own = job.open_issuer() if kms else issuer
        try:
            for group in groups:
                yield sign_group(job, own, group)
        finally:
            if kms and own.signer is not None:
                own.signer.close()
        return
    yield from _Pool(job, issuer, jobs, kms).run(groups)


def _groups(work: Iterable[tuple[str, str]]) -> Iterator[list[tuple[str, str]]]:
    group: list[tuple[str, str]] = []
    for pair in work:
        group.append(pair)
        if len(group) == GROUP:
            yield group
            group = []
    if group:
        yield group


class _Stop:
    """A worker's SIGTERM: at once when it waits for work, else once its group is published
    (a group is never left half published, nor its temporary files behind)."""

    busy = False
    asked = 0

    @classmethod
    def handler(cls, signum: int, frame: Any) -> None:
        cls.asked = signum
        if not cls.busy:
            raise SystemExit(128 + signum)


def _follow_parent(parent: int) -> None:
    """SIGTERM when the parent dies (Linux): a parent killed with SIGKILL
    leaves no worker signing on behind it."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # it died before prctl
        raise SystemExit(128 + signal.SIGTERM)


def _worker(job: BatchJob, issuer: Any, kms: bool, conn: Any, parent: int) -> None:
    """A worker's life: open the key, then sign the groups sent until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _Stop.handler)
    _follow_parent(parent)
    own = None
    try:
        try:
            own = job.open_issuer() if kms else issuer
        except PkisignError as exc:
            conn.send(("fatal", str(exc)))
            return
        conn.send(("ready", None))
        while True:
            message = conn.recv()
            if message is None:
                return
            index, group = message
            _Stop.busy = True
            try:
                outcomes = sign_group(job, own, group)
            except PkisignError as exc:  # the key went away (an HSM unplugged, a KMS gone)
                conn.send(("fatal", str(exc)))
                return
            finally:
                _Stop.busy = False
            if _Stop.asked:
                raise SystemExit(128 + _Stop.asked)
            conn.send(("done", (index, outcomes)))
    except (EOFError, BrokenPipeError, ConnectionResetError):
        return  # the parent is gone: nothing to report to
    except Exception as exc:  # noqa: BLE001 - a bug in pkisign: one line from the parent, never a traceback
        try:
            conn.send(("fatal", f"pkisign: internal error in a worker: {type(exc).__name__}: {exc}"))
        except OSError:
            pass
    finally:
        if kms and own is not None and own.signer is not None:
            own.signer.close()
        conn.close()


class _Worker:
    def __init__(self, process: Any, conn: Any) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.groups: deque[int] = deque()  # indexes sent and not answered yet


class _Pool:
    def __init__(self, job: BatchJob, issuer: Any, jobs: int, kms: bool) -> None:
        import multiprocessing

        # fork: the workers inherit the issuer and the decrypted key as they are.
        self.context = multiprocessing.get_context("fork")
        self.job, self.issuer, self.jobs, self.kms = job, issuer, jobs, kms
        self.workers: list[_Worker] = []

    def _start(self) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_worker, args=(self.job, self.issuer, self.kms, child, os.getpid()),
                                               daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        return worker

    def run(self, groups: Iterator[list[tuple[str, str]]]) -> Iterator[list[Outcome]]:
        from multiprocessing.connection import wait

        answers: dict[int, list[Outcome]] = {}
        next_index = next_out = 0
        exhausted = False
        import gc

        # The parent's objects (the list of CSRs above all) are shared with the
        # workers until written to; a collection in a worker would touch them
        # all and copy every page.
        gc.freeze()
        try:
            first = self._start()
            self._await_ready(first)
            for _ in range(self.jobs - 1):
                self._start()
            while True:
                # Keep every ready worker fed.
                for worker in self.workers:
                    while worker.ready and not exhausted and len(worker.groups) < _AHEAD:
                        group = next(groups, None)
                        if group is None:
                            exhausted = True
                            break
                        worker.conn.send((next_index, group))
                        worker.groups.append(next_index)
                        next_index += 1
                while next_out in answers:
                    yield answers.pop(next_out)
                    next_out += 1
                if exhausted and next_out == next_index:
                    break
                ready = wait([w.conn for w in self.workers] + [w.process.sentinel for w in self.workers])
                for worker in list(self.workers):
                    if worker.conn in ready or worker.process.sentinel in ready:
                        self._receive(worker, answers)
            for worker in self.workers:
                worker.conn.send(None)
            for worker in self.workers:
                worker.process.join()
        finally:
            self._stop()

    def _await_ready(self, worker: _Worker) -> None:
        from multiprocessing.connection import wait

        while not worker.ready:
            wait([worker.conn, worker.process.sentinel])
            self._receive(worker, {})

    def _receive(self, worker: _Worker, answers: dict[int, list[Outcome]]) -> None:
        """Read what a worker sent; a worker that ended meanwhile is a failure."""
        while True:
            try:
                if not worker.conn.poll():
                    break
                kind, value = worker.conn.recv()
            except (EOFError, OSError):
                break
            if kind == "ready":
                worker.ready = True
            elif kind == "fatal":
                raise PkisignError(value)
            else:
                index, outcomes = value
                worker.groups.remove(index)
                answers[index] = outcomes
        if worker.process.is_alive() or worker.process.exitcode is None:
            return
        # A worker ends on its own only after a "fatal", raised above.
        code = worker.process.exitcode
        how = f"was killed by signal {-code}" if code < 0 else f"exited with status {code}"
        raise WorkerDied(f"a signing worker process (pid {worker.process.pid}) {how}; the certificates "
                             "written so far are whole: rerun with --skip-existing to finish the batch")

    def _stop(self) -> None:
        """Stop the workers still running (an interruption or a failure), and wait for them."""
        for worker in self.workers:
            if worker.process.is_alive():
                worker.process.terminate()
        for worker in self.workers:
            worker.process.join(5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
