"""The dialog that waives a certification for vetting, for a written reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.claims import STATUS_LABELS, Claim
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.services import vetting as vetting_service
from workbench.store.engine import Database
from workbench.ui.editor_sections import error_label, show_error
from workbench.ui.errors import show_error as show_error_box


def waiver_text(owner: QWidget, claim: Claim) -> str:
    """Return the line the claim's detail area shows for its waiver ('' when not waived)."""
    waiver = claim.waiver
    if waiver is None:
        return ""
    return owner.tr("✔ Waived for vetting by {who} on {when} UTC: {reason}").format(
        who=waiver.waived_by, when=f"{waiver.waived_at:%Y-%m-%d %H:%M}", reason=waiver.reason
    )


class WaiverDialog(QDialog):
    """Ask why a claim may pass the vetted gate unverified, and record the waiver on OK."""

    def __init__(self, database: Database, claim: Claim, parent: QWidget | None = None) -> None:
        """Build the form asking for the reason."""
        super().__init__(parent)
        self._database = database
        self._claim = claim
        self.waived = False
        self.setWindowTitle(self.tr("Waive {code} for vetting").format(code=claim.code))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "{code} is {status}. A waiver lets the candidate be vetted without it being "
                "verified; the reason is kept with the claim and in the history."
            ).format(code=claim.code, status=self.tr(STATUS_LABELS[claim.status]).lower())
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(self.tr("Why it need not be verified for this candidate"))
        self.reason.setMaximumHeight(110)
        layout.addWidget(self.reason)
        self.error = error_label()
        self.error.setObjectName("error_reason")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Waive"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> bool:
        """Record the waiver; an empty reason or a refusal is said here. True if waived."""
        show_error(self.error, None)
        try:
            vetting_service.waive_claim(
                self._database, self._claim.id, self.reason.toPlainText(), self._claim.version
            )
        except ValidationError as exc:
            show_error(self.error, "; ".join(exc.errors.values()))
            return False
        except WorkbenchError as exc:
            show_error(self.error, str(exc))
            return False
        except Exception as exc:
            show_error_box(self, self.tr("Not waived"), exc)
            return False
        self.waived = True
        self.accept()
        return True

    def error_text(self) -> str:
        """Return the error shown under the reason ('' when none)."""
        return self.error.text() if self.error.isVisibleTo(self) else ""


__all__ = ["WaiverDialog", "waiver_text"]
