"""Worker threads that never keep the reader from quitting.

Textual runs thread workers in the event loop's default executor, and
``asyncio.run`` (then the interpreter) waits for its threads when the app
ends: ``q`` during a slow download or a large build left a blank screen and a
live process until the work was done, and a second ``ctrl+c`` a traceback.
Here each job gets a daemon thread of its own, and shutting down waits for
none: quitting is immediate (the reading position is saved before, in
``ReaderApp.exit``); whatever the threads were doing is dropped with the process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class DaemonExecutor(ThreadPoolExecutor):
    """An executor (a ThreadPoolExecutor for asyncio's sake) that runs each job in a daemon thread."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()

        def run() -> None:
            if not future.set_running_or_notify_cancel():
                return
            try:
                result = fn(*args, **kwargs)
            except BaseException as error:
                future.set_exception(error)
            else:
                future.set_result(result)

        threading.Thread(target=run, name="reader-worker", daemon=True).start()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Wait for nothing: the threads are daemons."""
