"""Run use cases off the GUI thread: quick ones silently, long ones with progress and Cancel."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from workbench.services.progress import Cancelled, ProgressReporter


class _Signals(QObject):
    """Carry a worker's outcome back to the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    """Call a function on a pool thread and report its result through signals."""

    def __init__(self, function: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._function = function
        self.signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:
        """Run the function; hand over its result or its exception."""
        try:
            result = self._function()
        except BaseException as exc:  # delivered to the GUI thread, which shows it
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


# Jobs whose signals must outlive the function that started them.
_live_signals: set[_Signals] = set()


def run_in_background(
    function: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    context: QObject | None = None,
) -> _Signals:
    """Run function on the shared pool; call on_done or on_error on the GUI thread."""
    signals = _Signals()
    alive = [True]
    if context is not None:
        # Results for a window that has closed are dropped instead of reaching dead widgets.
        context.destroyed.connect(lambda *_: alive.__setitem__(0, False))

    def deliver(callback: Callable[[Any], None], value: Any) -> None:
        _live_signals.discard(signals)
        if alive[0]:
            callback(value)

    signals.finished.connect(lambda value: deliver(on_done, value))
    signals.failed.connect(lambda error: deliver(on_error, error))
    _live_signals.add(signals)
    QThreadPool.globalInstance().start(_Job(function, signals))
    return signals


class LongTask(QObject):
    """A long use case with a progress dialog whose Cancel stops it and keeps nothing."""

    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        function: Callable[[ProgressReporter], Any],
    ) -> None:
        super().__init__(parent)
        self._function = function
        self._stop = threading.Event()
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self._request_stop)

    def start(self) -> None:
        """Start the work on the pool and show progress."""
        progress = _Signals()
        progress.progressed.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self._progress_signals = progress  # kept alive as long as the task
        reporter = ProgressReporter(
            progress=progress.progressed.emit,
            is_cancelled=self._stop.is_set,
        )
        run_in_background(lambda: self._function(reporter), self._done, self._error, context=self)

    def _request_stop(self) -> None:
        self._stop.set()
        self.dialog.setLabelText(self.tr("Cancelling; rolling back…"))

    def _progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _done(self, result: Any) -> None:
        self.dialog.close()
        self.succeeded.emit(result)

    def _error(self, error: BaseException) -> None:
        self.dialog.close()
        if isinstance(error, Cancelled):
            self.cancelled.emit()
        else:
            self.failed.emit(error)
