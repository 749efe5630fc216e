"""The command line's data protection commands: `erase` and `sar` (subject access)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.domain.errors import WorkbenchError
from workbench.store.engine import Database


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `erase` and `sar` to the command parser."""
    del parser_class  # no sub-commands; kept for the same call as the others
    erase = commands.add_parser(
        "erase",
        help="erase a candidate's personal data for good (right to erasure)",
        description="Removes the candidate, their claims, checks, vetting, submittals, "
        "history and evidence files no one else holds, then compacts the database so the "
        "data is gone from the file too. An anonymous note that an erasure happened stays "
        "in the history.",
    )
    erase.add_argument("candidate", help="id, #id, WB-0042 or email")
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")

    sar = commands.add_parser(
        "sar",
        help="export everything held on a candidate (subject access) as a zip",
        description="Writes subject-access.json with the record, claims, checks, vetting, "
        "history, submittals and profile exports, plus the evidence files, readable by "
        "you only.",
    )
    sar.add_argument("candidate", help="id, #id, WB-0042 or email")
    sar.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE.zip", help="where to write"
    )


def _cmd_erase(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.privacy import erase_candidate

    if not args.yes:
        raise WorkbenchError(
            "erasing removes a candidate's personal data for good; add --yes to confirm"
        )
    candidate = find_candidate(database, args.candidate)
    result = erase_candidate(database, candidate.id)
    files = result.evidence_files_removed
    print(
        f"erased candidate #{result.candidate_ids[0]} at {result.erased_at:%Y-%m-%d %H:%M} UTC "
        f"({files} evidence file{'s' if files != 1 else ''} removed)"
    )
    if not result.wal_emptied:
        print(
            "note: another program is reading the database; its -wal file is emptied "
            "when that program closes"
        )
    return 0


def _cmd_sar(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.privacy import subject_access_export

    output: Path = args.output
    if output.suffix.lower() != ".zip":
        raise WorkbenchError(f"{output.name} must end in .zip")
    candidate = find_candidate(database, args.candidate)
    written = subject_access_export(database, candidate.id, output)
    print(f"wrote {written} (subject-access export of #{candidate.id})")
    return 0


HANDLERS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "erase": _cmd_erase,
    "sar": _cmd_sar,
}
