"""Turn spreadsheet rows into validated candidate drafts, or into reasons to reject them."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TypeVar

from workbench.domain.candidate import CandidateDraft, email_key, validate_candidate
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.domain.roles import Specialisation, parse_specialisation
from workbench.services.spreadsheet import (
    CANDIDATE_COLUMNS,
    EXPORT_ONLY_COLUMNS,
    LIST_SEPARATOR,
    REQUIRED_COLUMNS,
    Cell,
    SheetRow,
    Table,
    column_key,
    is_blank,
)

MAX_SOURCE = 200

ColumnMap = Mapping[str, int]
T = TypeVar("T")


@dataclass(frozen=True)
class RejectedRow:
    """A spreadsheet row left out of an import, and why."""

    row: int
    reason: str

    @property
    def message(self) -> str:
        """Return the rejection as a consultant reads it: 'row 7: email: ...'."""
        return f"row {self.row}: {self.reason}"

    def __str__(self) -> str:
        """Return the message."""
        return self.message


@dataclass(frozen=True)
class RowOutcome:
    """What one row became: a validated draft, or the reason it was rejected."""

    row: int
    draft: CandidateDraft | None
    reason: str = ""


@dataclass(frozen=True)
class ParsedRows:
    """A file's rows checked on their own: drafts to store (by row), rejections, warnings."""

    drafts: tuple[tuple[int, CandidateDraft], ...]
    rejected: tuple[RejectedRow, ...]
    warnings: tuple[str, ...]


def map_columns(header: Sequence[str]) -> tuple[dict[str, int], list[str]]:
    """Return {column: index} for the known columns and a warning per unknown column."""
    known = set(CANDIDATE_COLUMNS)
    columns: dict[str, int] = {}
    warnings: list[str] = []
    for index, title in enumerate(header):
        key = column_key(title)
        if not key or key in EXPORT_ONLY_COLUMNS:
            continue
        if key not in known:
            warnings.append(f"ignored unknown column {title!r}")
        elif key in columns:
            # Two columns feeding one field would make the result depend on their order.
            raise WorkbenchError(f"the column {key!r} appears more than once in the header")
        else:
            columns[key] = index
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if missing:
        raise WorkbenchError(
            "the file lacks the required column(s) "
            + ", ".join(missing)
            + f"; the first row must name the columns, e.g. {', '.join(REQUIRED_COLUMNS)}"
        )
    return columns, warnings


def cell_text(cell: Cell) -> str:
    """Return a cell as text: numbers without a stray '.0', dates as YYYY-MM-DD."""
    if cell is None:
        return ""
    if isinstance(cell, str):
        # Our export marks text that starts like a formula with an apostrophe: take it off.
        if cell.startswith("'") and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
            return cell[1:]
        return cell
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime):
        return cell.date().isoformat() if cell.time() == time() else cell.isoformat(" ")
    if isinstance(cell, date | time):
        return cell.isoformat()
    return str(cell)


_DECIMAL = re.compile(r"[+-]?\d+(?:[.,]\d+)?")
# 95000, 95,000, 95 000 (also with the no-break spaces spreadsheets put between thousands).
_WHOLE = re.compile(r"[+-]?(?:\d{1,3}(?:[,\s\u00a0\u202f]\d{3})+|\d+)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_years(cell: Cell) -> float | None:
    """Return years of experience from 7, 7.5 or 7,5; None when blank; raise ValueError."""
    if is_blank(cell):
        return None
    if isinstance(cell, int | float) and not isinstance(cell, bool):
        if not math.isfinite(cell):
            raise ValueError("is not a number")
        return float(cell)
    text = cell_text(cell).strip()
    if not _DECIMAL.fullmatch(text):
        raise ValueError(f"is not a number of years: {text!r}")
    return float(text.replace(",", "."))


def parse_salary(cell: Cell) -> int | None:
    """Return a salary from 95000, 95,000 or 95 000; None when blank; raise ValueError."""
    if is_blank(cell):
        return None
    if isinstance(cell, int) and not isinstance(cell, bool):
        return cell
    if isinstance(cell, float):
        if not cell.is_integer():
            raise ValueError(f"must be a whole number: {cell!r}")
        return int(cell)
    text = cell_text(cell).strip()
    if not _WHOLE.fullmatch(text):
        raise ValueError(f"must be a whole number such as 95000 or 95,000: {text!r}")
    return int(re.sub(r"[,\s\u00a0\u202f]", "", text))


def parse_date(cell: Cell) -> date | None:
    """Return a date from YYYY-MM-DD text or a spreadsheet date; None when blank."""
    if is_blank(cell):
        return None
    if isinstance(cell, datetime):
        return cell.date()
    if isinstance(cell, date):
        return cell
    text = cell_text(cell).strip()
    if not _ISO_DATE.fullmatch(text):
        raise ValueError(f"must be a date written YYYY-MM-DD, e.g. 2025-03-01: {text!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"is not a real date: {text!r}") from None


def parse_role(cell: Cell) -> Specialisation | None:
    """Return the role named by its guide name or slug; None when blank; raise ValueError."""
    return None if is_blank(cell) else parse_specialisation(cell_text(cell))


def split_list(cell: Cell) -> list[str]:
    """Return the non-empty items of a ';'-separated cell."""
    return [item.strip() for item in cell_text(cell).split(LIST_SEPARATOR) if item.strip()]


def parse_roles(cell: Cell) -> tuple[Specialisation, ...]:
    """Return the roles of a ';'-separated cell; raise ValueError naming an unknown one."""
    return tuple(parse_specialisation(item) for item in split_list(cell))


def _field(
    errors: dict[str, str], name: str, cells: Mapping[str, Cell], parse: Callable[[Cell], T]
) -> T | None:
    """Return the parsed cell of a column, or None after noting why it cannot be read."""
    try:
        return parse(cells.get(name))
    except ValueError as exc:
        errors[name] = str(exc)
        return None


def row_outcome(row: SheetRow, columns: ColumnMap, source: str) -> RowOutcome | None:
    """Return the validated draft for a row or why it is rejected; None for a blank row."""
    if all(is_blank(cell) for cell in row.cells):
        return None
    width = len(row.cells)
    cells = {name: row.cells[i] if i < width else None for name, i in columns.items()}
    errors: dict[str, str] = {}
    draft = CandidateDraft(
        first_name=cell_text(cells.get("first_name")),
        last_name=cell_text(cells.get("last_name")),
        email=cell_text(cells.get("email")),
        phone=cell_text(cells.get("phone")),
        city=cell_text(cells.get("city")),
        country=cell_text(cells.get("country")),
        linkedin_url=cell_text(cells.get("linkedin_url")),
        primary_role=_field(errors, "primary_role", cells, parse_role),
        other_roles=_field(errors, "other_roles", cells, parse_roles) or (),
        years_experience=_field(errors, "years_experience", cells, parse_years),
        salary_expectation=_field(errors, "salary_expectation", cells, parse_salary),
        currency=cell_text(cells.get("currency")).strip() or "USD",
        available_from=_field(errors, "available_from", cells, parse_date),
        skills=tuple(split_list(cells.get("skills"))),
        summary=cell_text(cells.get("summary")),
        source=source[:MAX_SOURCE],
    )
    clean: CandidateDraft | None = None
    try:
        clean = validate_candidate(draft)
    except ValidationError as exc:
        for field_name, message in (exc.errors or {"row": str(exc)}).items():
            # A cell that could not be read explains the row better than what followed from it.
            errors.setdefault(field_name, message)
    except ValueError as exc:
        errors.setdefault("row", str(exc))
    if errors or clean is None:
        return RowOutcome(row.number, None, _reason(errors))
    return RowOutcome(row.number, clean)


_COLUMN_ORDER = {name: index for index, name in enumerate(CANDIDATE_COLUMNS)}


def _reason(errors: Mapping[str, str]) -> str:
    """Return 'field: problem' for each field in column order, joined with '; '."""
    ordered = sorted(
        errors.items(), key=lambda item: _COLUMN_ORDER.get(item[0], len(_COLUMN_ORDER))
    )
    return "; ".join(f"{field_name}: {message}" for field_name, message in ordered)


def row_outcomes(rows: Iterable[SheetRow], columns: ColumnMap, source: str) -> list[RowOutcome]:
    """Return the outcome of each non-blank row; worker processes run this on chunks."""
    outcomes = (row_outcome(row, columns, source) for row in rows)
    return [outcome for outcome in outcomes if outcome is not None]


def reject_repeats(
    outcomes: Iterable[RowOutcome], first_row: dict[str, int] | None = None
) -> tuple[list[tuple[int, CandidateDraft]], list[RejectedRow]]:
    """Split outcomes into drafts and rejections; a repeated email is rejected after its first.

    first_row carries the emails seen in earlier chunks of the same file, and is updated.
    """
    drafts: list[tuple[int, CandidateDraft]] = []
    rejected: list[RejectedRow] = []
    first_row = {} if first_row is None else first_row
    for outcome in outcomes:
        if outcome.draft is None:
            rejected.append(RejectedRow(outcome.row, outcome.reason))
            continue
        key = email_key(outcome.draft.email)
        if key in first_row:
            reason = f"duplicate of row {first_row[key]} (same email)"
            rejected.append(RejectedRow(outcome.row, reason))
        else:
            first_row[key] = outcome.row
            drafts.append((outcome.row, outcome.draft))
    return drafts, rejected


def parse_rows(table: Table, *, source: str = "") -> ParsedRows:
    """Check every row of a table on its own and against earlier rows, without a database."""
    columns, warnings = map_columns(table.header)
    drafts, rejected = reject_repeats(row_outcomes(table.rows, columns, source))
    return ParsedRows(tuple(drafts), tuple(rejected), tuple(warnings))


__all__ = [
    "ParsedRows",
    "RejectedRow",
    "RowOutcome",
    "cell_text",
    "map_columns",
    "parse_date",
    "parse_roles",
    "parse_rows",
    "parse_salary",
    "parse_years",
    "reject_repeats",
    "row_outcome",
    "row_outcomes",
]
