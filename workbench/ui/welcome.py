"""The welcome panel an empty database opens on: add, import, or load sample data."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePanel(QWidget):
    """Offer the three ways to start filling a new database."""

    addRequested = Signal()
    importRequested = Signal()
    sampleRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to Workbench"))
        title.setStyleSheet("font-size: 22pt; font-weight: 600;")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            self.tr(
                "Keep your IT Project Manager candidates in one place, find any of them in an "
                "instant, and bring in the spreadsheet you already have.\n"
                "Your database is empty. How would you like to start?"
            )
        )
        text.setWordWrap(True)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(text)
        for label, signal, name in (
            (self.tr("Add a candidate"), self.addRequested, "welcomeAdd"),
            (
                self.tr("Import a spreadsheet (CSV or Excel)…"),
                self.importRequested,
                "welcomeImport",
            ),
            (self.tr("Load sample data (200 candidates)"), self.sampleRequested, "welcomeSample"),
        ):
            button = QPushButton(label)
            button.setObjectName(name)
            button.setMinimumHeight(40)
            button.setFixedWidth(380)
            button.clicked.connect(signal)
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
