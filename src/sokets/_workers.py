"""Sharing a long list of independent jobs with background processes.

:func:`ordered_map` is ``[local(item) for item in items]`` where background processes take chunks
of the list from its end while the caller works through it from the start, so that no core waits:
a process takes about half a second to start (it imports what the jobs need), during which the
caller is already at work, and the results come back in order whoever computed them. A worker runs
``remote`` on a chunk and returns bytes (its results pickled), which ``decode`` turns back into the
chunk's results, or into ``None`` when the worker could not send them (the caller then does that
chunk itself). If background processes cannot be started, or one dies, the caller does the rest
itself; an exception raised by a job is raised by :func:`ordered_map`, as in the plain loop.

Processes are started from a fork server where there is one (never a fork of a process that may
run threads), else spawned, as :mod:`sokets.review.charts` does. Nothing here runs unless a caller
asks for workers: the library never starts processes behind its user's back.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:  # multiprocessing loads only when processes are asked for (see cores())
    import multiprocessing.context
    from concurrent.futures import Future, ProcessPoolExecutor

T = TypeVar("T")
R = TypeVar("R")

#: Chunks handed to each background process at a time: one to work on, one waiting.
_QUEUED = 2


def context() -> multiprocessing.context.BaseContext:
    """A fork server where there is one, else spawn."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def cores() -> int:
    """The cores this process may run on (fewer than the machine's under a CPU affinity mask).
    Cheap: nothing here imports :mod:`multiprocessing` until processes are started."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except (AttributeError, OSError):  # not on every system
        return os.cpu_count() or 1


def ordered_map(
    local: Callable[[T], R],
    items: Sequence[T],
    *,
    remote: Callable[[list[T]], bytes],
    decode: Callable[[bytes], list[R] | None],
    workers: int,
    chunk: int,
) -> list[R]:
    """``[local(item) for item in items]``, with ``workers - 1`` background processes running
    ``remote`` on chunks of ``chunk`` items (see the module's docstring).

    ``remote`` and ``decode`` must agree: ``decode(remote(c))`` is ``[local(i) for i in c]``, or
    ``None`` for a chunk the caller must do itself. ``remote`` must be a function a fresh process
    can import by its name.
    """
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    chunks = [list(items[start : start + chunk]) for start in range(0, len(items), chunk)]
    results: list[list[R] | None] = [None] * len(chunks)
    pending = deque(range(len(chunks)))  # the caller takes from the left, workers from the right
    running: dict[Future[bytes], int] = {}
    pool: ProcessPoolExecutor | None = None
    if workers > 1 and len(chunks) > 1:
        try:
            pool = ProcessPoolExecutor(max_workers=workers - 1, mp_context=context())
        except (OSError, RuntimeError, NotImplementedError, ValueError):
            pool = None
    try:
        while pending or running:
            while pool is not None and pending and len(running) < _QUEUED * (workers - 1):
                index = pending.pop()
                try:
                    running[pool.submit(remote, chunks[index])] = index
                except (OSError, RuntimeError, BrokenProcessPool):
                    pending.append(index)
                    _give_up(pool, running, pending)
                    pool = None
            for future in [f for f in running if f.done()]:
                index = running.pop(future)
                try:
                    results[index] = decode(future.result())
                except BrokenProcessPool:  # a worker died: every chunk it held is lost
                    pending.append(index)
                    _give_up(pool, running, pending)
                    pool = None
                    break
                if results[index] is None:  # the worker could not send them
                    pending.appendleft(index)
            if pending:
                index = pending.popleft()
                results[index] = [local(item) for item in chunks[index]]
            elif running:
                wait(running, return_when=FIRST_COMPLETED)
    finally:
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
    return [result for chunk_results in results for result in chunk_results or ()]


def _give_up(
    pool: ProcessPoolExecutor | None, running: dict[Future[bytes], int], pending: deque[int]
) -> None:
    """Stop using a pool that failed: the chunks it held go back to the caller."""
    pending.extend(sorted(running.values()))
    running.clear()
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
