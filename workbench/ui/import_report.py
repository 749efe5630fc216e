"""The dialog that tells what an import kept and which rows it refused, and why."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ImportReportDialog(QDialog):
    """Show `imported N, rejected M`, the warnings, and one line per rejected row."""

    def __init__(self, report: Any, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import of {name}").format(name=file_name))
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        summary = QLabel(report.summary)
        summary.setObjectName("importSummary")
        summary.setStyleSheet("font-size: 13pt; font-weight: 600;")
        layout.addWidget(summary)
        for warning in report.warnings:
            note = QLabel(f"⚠ {warning}")
            note.setWordWrap(True)
            layout.addWidget(note)
        if report.rejected:
            layout.addWidget(QLabel(self.tr("These rows were not imported; the others were kept:")))
            table = QTableWidget(len(report.rejected), 2)
            table.setObjectName("rejectedRows")
            table.setHorizontalHeaderLabels([self.tr("Row"), self.tr("Reason")])
            table.verticalHeader().hide()
            table.horizontalHeader().setStretchLastSection(True)
            for i, rejected in enumerate(report.rejected):
                table.setItem(i, 0, QTableWidgetItem(str(rejected.row)))
                table.setItem(i, 1, QTableWidgetItem(rejected.reason))
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
