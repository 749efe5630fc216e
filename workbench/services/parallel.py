"""Run a pure function over many inputs on worker processes, yielding results in input order."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

Result = TypeVar("Result")


def usable_cores() -> int:
    """Return how many cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _exit_with_parent(parent_pid: int) -> None:
    """Stop this worker soon after the process that started it is gone.

    A worker waits on a queue whose write end it holds itself, so it never sees the
    parent die: after a kill -9 or a crash, workers would otherwise live on for ever.
    """

    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


def ordered_results(
    function: Callable[..., Result],
    inputs: Sequence[tuple[Any, ...]],
    *,
    parallel: bool,
) -> Generator[Result, None, None]:
    """Yield function(*args) for each args in order; on other cores when parallel is True.

    The caller consumes each result while the workers compute the next ones. If workers
    cannot start or one dies, the remaining inputs are computed here, with the same results.
    """
    waiting = deque(inputs)
    workers = min(usable_cores(), len(waiting))
    # A frozen app (PyInstaller) would start its window again in every spawned worker.
    if parallel and workers > 1 and not getattr(sys, "frozen", False):
        running: deque[tuple[tuple[Any, ...], Future[Result]]] = deque()
        try:
            # Spawn, not fork: the window runs Qt threads, and forking those can deadlock.
            pool = ProcessPoolExecutor(
                workers,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=_exit_with_parent,
                initargs=(os.getpid(),),
            )
        except OSError:
            pool = None
        if pool is not None:
            try:
                while waiting or running:
                    # A few inputs in flight per worker: finished results wait in memory.
                    while waiting and len(running) < 2 * workers:
                        args = waiting.popleft()
                        running.append((args, pool.submit(function, *args)))
                    result = running[0][1].result()
                    running.popleft()
                    yield result
            except (BrokenProcessPool, OSError):
                waiting.extendleft(reversed([args for args, _ in running]))
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
    while waiting:
        yield function(*waiting.popleft())
