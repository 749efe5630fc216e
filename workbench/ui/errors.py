"""The single path from a failed action to a message the consultant can act on."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

from workbench.domain.errors import WorkbenchError

log = logging.getLogger("workbench")


def show_error(parent: QWidget | None, title: str, error: BaseException) -> None:
    """Show what went wrong: the message of a WorkbenchError, a short note for anything else."""
    if isinstance(error, WorkbenchError):
        QMessageBox.warning(parent, title, str(error))
        return
    log.error("unexpected error: %s", "".join(traceback.format_exception(error)))
    QMessageBox.critical(
        parent,
        title,
        f"Something unexpected went wrong: {error}\n\n"
        "Nothing was half-saved: the change was rolled back. "
        "The details are in the log file.",
    )
