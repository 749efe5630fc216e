"""How long-running use cases report progress and learn that the user pressed Cancel."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.domain.errors import WorkbenchError


class Cancelled(WorkbenchError):
    """Raise when the user cancelled; the use case has rolled back everything it did."""


@dataclass(frozen=True)
class ProgressReporter:
    """Callbacks a long use case calls: progress(done, total) and is_cancelled()."""

    progress: Callable[[int, int], None] | None = None
    is_cancelled: Callable[[], bool] | None = None

    def report(self, done: int, total: int) -> None:
        """Tell the caller how far the work is; raise Cancelled if the user asked to stop."""
        if self.progress is not None:
            self.progress(done, total)
        if self.is_cancelled is not None and self.is_cancelled():
            raise Cancelled("cancelled; nothing was saved")


NO_PROGRESS = ProgressReporter()
