"""The candidate editor's list tabs: skills checklists, work history and education tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.domain.candidate import EducationEntry, WorkHistoryEntry
from workbench.domain.errors import ConflictError, ValidationError, WorkbenchError
from workbench.domain.vocabulary import INDUSTRIES, SKILL_CATEGORIES, WORK_ENVIRONMENTS
from workbench.ui.errors import ask_to_reload
from workbench.ui.errors import show_error as show_error_box

T = TypeVar("T")


def error_label() -> QLabel:
    """Return the red label that shows what is wrong with the field above it."""
    label = QLabel()
    label.setObjectName("fieldError")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


def field_row(
    form: QFormLayout,
    label: str,
    errors: dict[str, QLabel],
    names: str,
    *widgets: QWidget,
    notes: tuple[QWidget, ...] = (),
    stretch: bool = False,
) -> None:
    """Add widgets side by side to a form, notes under them, then one error line per name.

    The error labels go into `errors` under each name in `names` (space-separated), so a
    ValidationError's messages can be shown under the field they are about.
    """
    box = QVBoxLayout()
    box.setSpacing(1)
    line = QHBoxLayout()
    line.setSpacing(8)
    for widget in widgets:
        line.addWidget(widget)
    if stretch:  # a short field stretched across the form reads as a long text field
        line.addStretch(1)
    box.addLayout(line)
    for note in notes:
        box.addWidget(note)
    for name in names.split():
        error = error_label()
        error.setObjectName(f"error_{name}")
        errors[name] = error
        box.addWidget(error)
    form.addRow(label, box)


def show_field_errors(labels: dict[str, QLabel], general: QLabel, errors: dict[str, str]) -> None:
    """Show each message under its field; those no field owns go, joined, on the general line."""
    others = []
    for name, message in errors.items():
        label = labels.get(name)
        if label is None:
            others.append(f"{name}: {message}")
        else:
            show_error(label, message)
    if others:
        show_error(general, "; ".join(others))


def shown_error(labels: dict[str, QLabel], general: QLabel, name: str, owner: QWidget) -> str:
    """Return the error shown for a field (or the general line for others), '' when none."""
    label = labels.get(name, general)
    return label.text() if label.isVisibleTo(owner) else ""


def saved_in_dialog(
    dialog: QDialog,
    labels: dict[str, QLabel],
    general: QLabel,
    save: Callable[[], T],
    *,
    reload_what: str = "",
) -> T | None:
    """Run a dialog's save: errors go under their fields or on the general line, None then.

    The dialog stays open on a refusal (bad input, someone else's edit) so nothing typed
    is lost; only a fault nobody foresaw goes to a message box. With `reload_what`, someone
    else's edit also offers to reload: the dialog then closes so its opener shows theirs.
    """
    for label in (*labels.values(), general):
        show_error(label, None)
    try:
        return save()
    except ValidationError as exc:
        show_field_errors(labels, general, exc.errors)
    except ConflictError as exc:
        show_error(general, str(exc))
        if reload_what and ask_to_reload(dialog, str(exc), reload_what):
            dialog.reject()
    except WorkbenchError as exc:
        show_error(general, str(exc))
    except Exception as exc:
        show_error_box(dialog, dialog.tr("Not saved"), exc)
    return None


def show_error(label: QLabel, message: str | None) -> None:
    """Show a message in an error label, or hide it when there is none."""
    label.setText(message or "")
    label.setVisible(bool(message))


def _checkbox_grid(title: str, names: tuple[str, ...], columns: int) -> tuple[QGroupBox, dict]:
    box = QGroupBox(title)
    grid = QGridLayout(box)
    boxes: dict[str, QCheckBox] = {}
    for i, name in enumerate(names):
        check = QCheckBox(name.replace("&", "&&"))  # "Retail & e-commerce" is no shortcut
        boxes[name] = check
        grid.addWidget(check, i // columns, i % columns)
    return box, boxes


class SkillsSection(QWidget):
    """Checklists from the guide, free tags, work environments and industries."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self._skill_boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout()
        for i, (category, skills) in enumerate(SKILL_CATEGORIES.items()):
            box, boxes = _checkbox_grid(self.tr(category), skills, 2)
            self._skill_boxes.update(boxes)
            grid.addWidget(box, i // 2, i % 2)
        layout.addLayout(grid)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(
            self.tr("Other skills, separated by ; (e.g. SAFe; ServiceNow)")
        )
        tags_row = QHBoxLayout()
        tags_row.addWidget(QLabel(self.tr("Other skills:")))
        tags_row.addWidget(self.tags)
        layout.addLayout(tags_row)
        env_box, self._env_boxes = _checkbox_grid(
            self.tr("Preferred work environments"), WORK_ENVIRONMENTS, 3
        )
        industry_box, self._industry_boxes = _checkbox_grid(self.tr("Industries"), INDUSTRIES, 4)
        layout.addWidget(env_box)
        layout.addWidget(industry_box)
        layout.addStretch(1)
        for check in [
            *self._skill_boxes.values(),
            *self._env_boxes.values(),
            *self._industry_boxes.values(),
        ]:
            check.toggled.connect(self.changed)
        self.tags.textEdited.connect(self.changed)
        self._extra_environments: tuple[str, ...] = ()
        self._extra_industries: tuple[str, ...] = ()

    def set_values(
        self, skills: tuple[str, ...], environments: tuple[str, ...], industries: tuple[str, ...]
    ) -> None:
        """Tick the stored values; unknown skills become free tags."""
        for name, check in self._skill_boxes.items():
            check.setChecked(name in skills)
        self.tags.setText("; ".join(s for s in skills if s not in self._skill_boxes))
        for name, check in self._env_boxes.items():
            check.setChecked(name in environments)
        for name, check in self._industry_boxes.items():
            check.setChecked(name in industries)
        # Values from an import that are not in the checklists are kept, not dropped.
        self._extra_environments = tuple(e for e in environments if e not in self._env_boxes)
        self._extra_industries = tuple(i for i in industries if i not in self._industry_boxes)

    def skills(self) -> tuple[str, ...]:
        """Return ticked checklist skills followed by the free tags."""
        ticked = [name for name, check in self._skill_boxes.items() if check.isChecked()]
        tags = [t.strip() for t in self.tags.text().split(";") if t.strip()]
        return tuple(ticked + tags)

    def environments(self) -> tuple[str, ...]:
        """Return the ticked work environments."""
        ticked = [n for n, c in self._env_boxes.items() if c.isChecked()]
        return (*ticked, *self._extra_environments)

    def industries(self) -> tuple[str, ...]:
        """Return the ticked industries."""
        ticked = [n for n, c in self._industry_boxes.items() if c.isChecked()]
        return (*ticked, *self._extra_industries)


def parse_month_or_date(text: str) -> date | None:
    """Return a date from 'YYYY-MM-DD' or 'YYYY-MM' (first of month); raise ValueError."""
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}", text):
        text += "-01"
    return date.fromisoformat(text)


def month_or_date(value: date | None) -> str:
    """Return '2024-03' for the first of a month, else the full date; '' for none."""
    if value is None:
        return ""
    return f"{value:%Y-%m}" if value.day == 1 else value.isoformat()


class _TableSection(QWidget):
    """A small editable table with Add and Remove buttons and an error line."""

    changed = Signal()
    headers: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, len(self.headers))
        self.table.setHorizontalHeaderLabels([self.tr(h) for h in self.headers])
        for column, tip in enumerate(self.tips):
            header = self.table.horizontalHeaderItem(column)
            if tip and header is not None:
                header.setToolTip(self.tr(tip))
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(self.changed)
        layout.addWidget(self.table)
        self.error = error_label()
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Add"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self, values: tuple[str, ...] = ()) -> None:
        """Append a row, filled with values when given."""
        row = self.table.rowCount()
        self.table.blockSignals(True)
        self.table.insertRow(row)
        for column in range(len(self.headers)):
            text = values[column] if column < len(values) else ""
            self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.changed.emit()

    def remove_selected(self) -> None:
        """Remove the selected rows."""
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for row in rows:
            self.table.removeRow(row)
        if rows:
            self.changed.emit()

    def clear_rows(self) -> None:
        """Remove every row without marking the form changed."""
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        self.table.blockSignals(False)

    def cells(self) -> list[list[str]]:
        """Return the text of every non-empty row."""
        rows = []
        for row in range(self.table.rowCount()):
            values = []
            for column in range(len(self.headers)):
                item = self.table.item(row, column)
                values.append(item.text().strip() if item else "")
            if any(values):
                rows.append(values)
        return rows


class HistorySection(_TableSection):
    """Work history: employer, title, start, end, description."""

    headers = ("Employer", "Title", "Start", "End", "Description")
    tips = ("", "", "YYYY-MM or YYYY-MM-DD", "YYYY-MM or YYYY-MM-DD; blank while current", "")

    def set_entries(self, entries: tuple[WorkHistoryEntry, ...]) -> None:
        """Show stored entries."""
        self.clear_rows()
        for e in entries:
            self.add_row(
                (
                    e.employer,
                    e.title,
                    month_or_date(e.start),
                    month_or_date(e.end),
                    e.description,
                )
            )

    def entries(self) -> tuple[list[WorkHistoryEntry], str | None]:
        """Return the entries and, if a date cannot be read, what is wrong."""
        result = []
        for number, (employer, title, start, end, description) in enumerate(self.cells(), 1):
            try:
                start_date, end_date = parse_month_or_date(start), parse_month_or_date(end)
            except ValueError:
                return [], f"row {number}: dates must look like 2024-03 or 2024-03-15"
            result.append(WorkHistoryEntry(employer, title, start_date, end_date, description))
        return result, None


class EducationSection(_TableSection):
    """Education: degree level, field, institution, year."""

    headers = ("Degree level", "Field of study", "Institution", "Year")

    def set_entries(self, entries: tuple[EducationEntry, ...]) -> None:
        """Show stored entries."""
        self.clear_rows()
        for e in entries:
            year = str(e.year) if e.year else ""
            self.add_row((e.degree_level, e.field_of_study, e.institution, year))

    def entries(self) -> tuple[list[EducationEntry], str | None]:
        """Return the entries and, if a year cannot be read, what is wrong."""
        result = []
        for number, (level, field_of_study, institution, year) in enumerate(self.cells(), 1):
            if year and not re.fullmatch(r"[0-9]{4}", year):
                return [], f"row {number}: the year must be four digits such as 2015"
            result.append(
                EducationEntry(level, field_of_study, institution, int(year) if year else None)
            )
        return result, None
