"""The Expiring view's CSV: Excel-ready, formula-safe, in the order given, all or nothing."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from workbench.domain.certifications import ClaimStatus
from workbench.domain.claims import ExpiringClaim
from workbench.domain.errors import WorkbenchError
from workbench.services.expiring_export import EXPIRING_COLUMNS, write_expiring_csv

TODAY = date(2026, 11, 26)


def _row(n: int, name: str, code: str, expires_on: date, **changes: object) -> ExpiringClaim:
    values: dict[str, object] = {
        "claim_id": n,
        "candidate_id": 100 + n,
        "candidate_name": name,
        "email": f"person{n}@example.com",
        "code": code,
        "credential_id": f"ID-{n}",
        "expires_on": expires_on,
        "soft_expiry": False,
        "status": ClaimStatus.VERIFIED,
        "last_checked_on": None,
    }
    values.update(changes)
    return ExpiringClaim(**values)  # type: ignore[arg-type]


def _read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


def test_rows_are_written_in_the_given_order_with_a_header_and_iso_dates(tmp_path: Path) -> None:
    rows = [
        _row(2, "Łukasz Nowak", "PRINCE2-PRACTITIONER", date(2027, 1, 3), soft_expiry=True),
        _row(
            1,
            "Ann Smith",
            "PMP",
            date(2026, 12, 6),
            status=ClaimStatus.EXPIRING,
            last_checked_on=date(2026, 11, 20),
        ),
    ]
    target = tmp_path / "expiring.csv"
    assert write_expiring_csv(rows, target, TODAY) == 2
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    lines = _read(target)
    assert lines[0] == list(EXPIRING_COLUMNS)
    assert lines[1] == [
        "Łukasz Nowak",
        "person2@example.com",
        "PRINCE2-PRACTITIONER",
        "ID-2",
        "2027-01-03",
        "renew by",
        "38",
        "Verified",
        "",
    ]
    assert lines[2] == [
        "Ann Smith",
        "person1@example.com",
        "PMP",
        "ID-1",
        "2026-12-06",
        "expires",
        "10",
        "Expiring",
        "2026-11-20",
    ]


def test_text_that_a_spreadsheet_would_run_is_written_as_text(tmp_path: Path) -> None:
    rows = [
        _row(
            1,
            '=HYPERLINK("http://evil.example","click")',
            "PMP",
            date(2026, 12, 1),
            email="@sum(1+1)",
            credential_id="+12345",
        )
    ]
    target = tmp_path / "guarded.csv"
    write_expiring_csv(rows, target, TODAY)
    cells = _read(target)[1]
    assert cells[0] == '\'=HYPERLINK("http://evil.example","click")'
    assert cells[1] == "'@sum(1+1)"
    assert cells[3] == "'+12345"


def test_no_rows_still_writes_the_header(tmp_path: Path) -> None:
    target = tmp_path / "empty.csv"
    assert write_expiring_csv([], target, TODAY) == 0
    assert _read(target) == [list(EXPIRING_COLUMNS)]


def test_a_failure_half_way_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    target = tmp_path / "expiring.csv"
    target.write_text("the previous export\n", encoding="utf-8")

    def rows_then_failure() -> Iterator[ExpiringClaim]:
        yield _row(1, "Ann Smith", "PMP", date(2026, 12, 1))
        raise RuntimeError("disk pulled out")

    with pytest.raises(RuntimeError, match="disk pulled out"):
        write_expiring_csv(rows_then_failure(), target, TODAY)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["expiring.csv"]


def test_a_missing_folder_is_reported_in_words(tmp_path: Path) -> None:
    with pytest.raises(WorkbenchError, match="cannot write"):
        write_expiring_csv([], tmp_path / "gone" / "expiring.csv", TODAY)
