"""The agency branding fields of Settings: what every client-ready profile looks like."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.pdf.profile_document import Branding, PageSize
from workbench.services.branding import DEFAULT_PAGE_SIZE, MAX_LENGTHS, PAGE_SIZES

_ERROR_STYLE = "color: #b00020;"


class BrandingForm(QGroupBox):
    """Edit the agency name, contact line, disclaimer, accent colour, logo and page size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Agency branding"), parent)
        self.setObjectName("brandingForm")
        self._shown: tuple[Branding, PageSize] = (Branding(), "A4")
        self._errors: dict[str, QLabel] = {}

        self.agency_name = QLineEdit()
        self.agency_name.setObjectName("agencyName")
        self.agency_name.setMaxLength(MAX_LENGTHS["agency_name"])
        self.contact_line = QLineEdit()
        self.contact_line.setObjectName("contactLine")
        self.contact_line.setMaxLength(MAX_LENGTHS["contact_line"])
        self.contact_line.setPlaceholderText(self.tr("e.g. +44 20 7946 0000 · jobs@agency.example"))
        self.disclaimer = QPlainTextEdit()
        self.disclaimer.setObjectName("disclaimer")
        self.disclaimer.setFixedHeight(70)

        self.accent_colour = QLineEdit()
        self.accent_colour.setObjectName("accentColour")
        self.accent_colour.setPlaceholderText("#1F4E79")
        self.accent_colour.setMaxLength(7)
        self.accent_colour.setFixedWidth(90)
        self.swatch = QLabel()
        self.swatch.setFixedSize(24, 24)
        self.accent_colour.textChanged.connect(self._show_swatch)
        pick = QPushButton(self.tr("Choose…"))
        pick.clicked.connect(self._pick_colour)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.accent_colour)
        colour_row.addWidget(self.swatch)
        colour_row.addWidget(pick)
        colour_row.addStretch(1)

        self.logo_path = QLineEdit()
        self.logo_path.setObjectName("logoPath")
        self.logo_path.setPlaceholderText(self.tr("none: the agency name alone"))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._pick_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_path, 1)
        logo_row.addWidget(browse)

        self.page_size = QComboBox()
        self.page_size.setObjectName("pageSize")
        self.page_size.addItems(list(PAGE_SIZES))

        form = QFormLayout(self)
        self._row(form, self.tr("Agency name"), self.agency_name, "agency_name")
        self._row(form, self.tr("Contact line"), self.contact_line, "contact_line")
        self._row(form, self.tr("Footer disclaimer"), self.disclaimer, "disclaimer")
        self._row(form, self.tr("Accent colour"), colour_row, "accent_colour")
        self._row(form, self.tr("Logo (PNG or JPEG)"), logo_row, "logo_path")
        self._row(form, self.tr("Page size"), self.page_size, "page_size")

    def _row(self, form: QFormLayout, label: str, field: QWidget | QHBoxLayout, key: str) -> None:
        """Add a labelled field with its (hidden) error line under it."""
        error = QLabel()
        error.setObjectName(f"{key}Error")
        error.setStyleSheet(_ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self._errors[key] = error
        box = QVBoxLayout()
        box.setSpacing(2)
        if isinstance(field, QHBoxLayout):
            box.addLayout(field)
        else:
            box.addWidget(field)
        box.addWidget(error)
        form.addRow(label, box)

    def _show_swatch(self, text: str) -> None:
        colour = QColor(text.strip())
        shown = colour.name() if colour.isValid() and len(text.strip()) == 7 else "transparent"
        self.swatch.setStyleSheet(f"background: {shown}; border: 1px solid #888;")

    def _pick_colour(self) -> None:
        colour = QColorDialog.getColor(QColor(self.accent_colour.text().strip()), self)
        if colour.isValid():
            self.accent_colour.setText(colour.name().upper())

    def _pick_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the agency logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.logo_path.setText(path)

    def set_branding(self, branding: Branding, page_size: PageSize) -> None:
        """Show saved branding; it becomes what edits are compared with."""
        self.agency_name.setText(branding.agency_name)
        self.contact_line.setText(branding.contact_line)
        self.disclaimer.setPlainText(branding.disclaimer)
        self.accent_colour.setText(branding.accent_colour)
        self.logo_path.setText(branding.logo_path or "")
        self.page_size.setCurrentText(page_size)
        self._shown = self.branding()
        self.show_errors({})

    def branding(self) -> tuple[Branding, PageSize]:
        """Return the branding and page size as typed (not validated)."""
        chosen = self.page_size.currentText()
        size: PageSize = next((s for s in PAGE_SIZES if s == chosen), DEFAULT_PAGE_SIZE)
        typed = Branding(
            agency_name=self.agency_name.text(),
            accent_colour=self.accent_colour.text(),
            contact_line=self.contact_line.text(),
            disclaimer=self.disclaimer.toPlainText(),
            logo_path=self.logo_path.text().strip() or None,
        )
        return typed, size

    @property
    def is_dirty(self) -> bool:
        """Return True when a field differs from the branding last shown or saved."""
        return self.branding() != self._shown

    def show_errors(self, errors: Mapping[str, str]) -> None:
        """Show each field's problem under it; fields without one are cleared."""
        for key, label in self._errors.items():
            label.setText(errors.get(key, ""))
            label.setVisible(key in errors)

    def error_text(self, key: str) -> str:
        """Return the error shown under one field ('' when none)."""
        label = self._errors[key]
        return label.text() if not label.isHidden() else ""
