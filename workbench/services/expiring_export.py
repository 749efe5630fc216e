"""Write the Expiring view's rows to a CSV file a client's Excel opens as it is."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TextIO

from workbench.domain.claims import STATUS_LABELS, ExpiringClaim
from workbench.services.exporting import guard_formula
from workbench.services.files import write_atomically

EXPIRING_COLUMNS = (
    "Candidate",
    "Email",
    "Certification",
    "Credential ID",
    "Lapses on",
    "Lapse type",
    "Days left",
    "Status",
    "Last checked",
)
HARD_EXPIRY = "expires"
SOFT_EXPIRY = "renew by"  # PeopleCert keeps a lapsed holder on its register


def expiring_cells(row: ExpiringClaim, today: date) -> list[str]:
    """Return one row as the CSV writes it: ISO dates, labels, text that never runs."""
    return [
        guard_formula(row.candidate_name),
        guard_formula(row.email),
        guard_formula(row.code),
        guard_formula(row.credential_id),
        row.expires_on.isoformat(),
        SOFT_EXPIRY if row.soft_expiry else HARD_EXPIRY,
        str(row.days_left(today)),
        STATUS_LABELS[row.status],
        row.last_checked_on.isoformat() if row.last_checked_on else "",
    ]


def write_expiring_csv(rows: Iterable[ExpiringClaim], path: Path, today: date) -> int:
    """Write a header and the rows in the given order to path, all or nothing; return how many.

    UTF-8 with a BOM so Excel reads names like Łukasz; the file appears only once complete.
    """

    def write(handle: TextIO) -> int:
        writer = csv.writer(handle)
        writer.writerow(EXPIRING_COLUMNS)
        count = 0
        for row in rows:
            writer.writerow(expiring_cells(row, today))
            count += 1
        return count

    return write_atomically(Path(path), write, "utf-8-sig")


__all__ = ["EXPIRING_COLUMNS", "expiring_cells", "write_expiring_csv"]
