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


def ask_to_reload(parent: QWidget, message: str, what: str) -> bool:
    """Say someone else saved first; True when the consultant wants their version shown.

    `what` names the thing ("their version", "their scorecard"). Keeping one's edits on
    screen lets the consultant note them before reloading: nothing typed is lost silently.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Changed by someone else"))
    box.setText(message)
    box.setInformativeText(
        parent.tr(
            "Reload shows {what} and drops your edits. Keep editing leaves your edits on "
            "screen so you can note them first."
        ).format(what=what)
    )
    reload_button = box.addButton(parent.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(parent.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is reload_button
