"""The candidate spreadsheet layout, and reading CSV or XLSX files into a header and rows."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from workbench.domain.errors import WorkbenchError

# The columns import understands, in the order export writes them (export adds id and level).
CANDIDATE_COLUMNS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "city",
    "country",
    "primary_role",
    "other_roles",
    "years_experience",
    "salary_expectation",
    "currency",
    "available_from",
    "skills",
    "summary",
    "linkedin_url",
)
REQUIRED_COLUMNS = ("first_name", "last_name", "email")
# Our own export writes these; import recomputes or assigns them, so it reads past them.
EXPORT_ONLY_COLUMNS = ("id", "level")
_AFTER_YEARS = CANDIDATE_COLUMNS.index("years_experience") + 1
# Import's columns with the id first and the derived level beside the years it comes from.
EXPORT_COLUMNS = (
    "id",
    *CANDIDATE_COLUMNS[:_AFTER_YEARS],
    "level",
    *CANDIDATE_COLUMNS[_AFTER_YEARS:],
)
LIST_SEPARATOR = ";"
SUPPORTED_SUFFIXES = (".csv", ".xlsx")

Cell = str | int | float | bool | date | datetime | time | None


@dataclass(frozen=True)
class SheetRow:
    """One data row: the row number a user sees in the spreadsheet, and its cells."""

    number: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A spreadsheet as read: the header cells of row 1 and the data rows below it."""

    header: tuple[str, ...]
    rows: tuple[SheetRow, ...]


# Headers agencies' own spreadsheets use for our columns (after lower-casing and underscores).
HEADER_ALIASES = {
    "firstname": "first_name", "given_name": "first_name", "forename": "first_name",
    "lastname": "last_name", "surname": "last_name", "family_name": "last_name",
    "e_mail": "email", "email_address": "email", "e_mail_address": "email", "mail": "email",
    "phone_number": "phone", "mobile": "phone", "mobile_phone": "phone", "telephone": "phone",
    "town": "city", "role": "primary_role", "specialisation": "primary_role",
    "specialization": "primary_role", "primary_specialisation": "primary_role",
    "secondary_roles": "other_roles", "years": "years_experience",
    "years_of_experience": "years_experience", "experience_years": "years_experience",
    "salary": "salary_expectation", "expected_salary": "salary_expectation",
    "availability": "available_from", "available": "available_from",
    "linkedin": "linkedin_url", "linkedin_profile": "linkedin_url",
}  # fmt: skip


def column_key(header: str) -> str:
    """Return the canonical name of a header: lower case, underscores, known aliases mapped."""
    key = re.sub(r"[\s\-./]+", "_", header.strip()).casefold().strip("_")
    return HEADER_ALIASES.get(key, key)


def is_blank(cell: Cell) -> bool:
    """Return True for a cell with nothing in it (None or only whitespace)."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def read_table(path: Path) -> Table:
    """Read a .csv or .xlsx file into header and rows; raise WorkbenchError naming the fault."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise WorkbenchError(f"{path.name}: only .csv and .xlsx files can be imported")
    if not path.is_file():
        raise WorkbenchError(f"{path} does not exist or is not a file")
    try:
        return _read_csv(path) if suffix == ".csv" else _read_xlsx(path)
    except OSError as exc:
        raise WorkbenchError(f"cannot read {path}: {exc.strerror or exc}") from None


def _read_csv(path: Path) -> Table:
    """Read a CSV file saved as UTF-8, with or without a byte-order mark."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkbenchError(
            f"{path.name} is not UTF-8 text (unreadable byte at position {exc.start}); "
            "save it as CSV UTF-8"
        ) from None
    return parse_csv_text(text, source=path.name)


def parse_csv_text(text: str, *, source: str = "the file") -> Table:
    """Parse CSV text (comma or semicolon, sniffed from the header line) into a table."""
    text = text.removeprefix("\ufeff")
    header_line = text.split("\n", 1)[0]
    delimiter = ";" if header_line.count(";") > header_line.count(",") else ","
    # The csv module refuses cells over 128 KiB and with them the whole file; a long cell is
    # the row's problem (validation reports it), never the file's.
    csv.field_size_limit(max(csv.field_size_limit(), 64 * 1024 * 1024))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    records: list[list[str]] = []
    try:
        records.extend(reader)
    except csv.Error as exc:
        raise WorkbenchError(
            f"{source} is not valid CSV near line {reader.line_num}: {exc}"
        ) from None
    return _table(records, source)


def _read_xlsx(path: Path) -> Table:
    """Read the first worksheet of an .xlsx workbook, cell values as last calculated."""
    # openpyxl takes a third of a second to import; reading a CSV should not pay for it.
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise WorkbenchError(f"{path.name} is not a readable .xlsx workbook ({exc})") from None
    try:
        if not workbook.worksheets:
            raise WorkbenchError(f"{path.name} has no worksheet")
        sheet = workbook.worksheets[0]
        records = [list(values) for values in sheet.iter_rows(values_only=True)]
    finally:
        # A read-only workbook keeps the file open until closed (and locked, on Windows).
        workbook.close()
    return _table(records, path.name)


def _table(records: Sequence[Sequence[Cell]], source: str) -> Table:
    """Split records into the header row and numbered data rows."""
    if not records or all(is_blank(cell) for cell in records[0]):
        raise WorkbenchError(f"{source} is empty or its first row (the column names) is blank")
    header = tuple("" if cell is None else str(cell).strip() for cell in records[0])
    rows = tuple(
        SheetRow(number=index, cells=tuple(cells))
        for index, cells in enumerate(records[1:], start=2)
    )
    return Table(header=header, rows=rows)


__all__ = [
    "CANDIDATE_COLUMNS",
    "EXPORT_COLUMNS",
    "EXPORT_ONLY_COLUMNS",
    "LIST_SEPARATOR",
    "REQUIRED_COLUMNS",
    "Cell",
    "SheetRow",
    "Table",
    "column_key",
    "is_blank",
    "parse_csv_text",
    "read_table",
]
