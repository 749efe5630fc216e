"""The command line's `profile` command: client-ready PDF profiles, one file, a folder or one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from workbench.cli_arguments import iso_date
from workbench.store.engine import Database


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `profile` to the command parser."""
    del parser_class  # `profile` has no sub-commands; kept for the same call as the others
    profile = commands.add_parser(
        "profile",
        help="write client-ready PDF profiles",
        description="One candidate and OUT ending in .pdf writes that file; several write one "
        "PDF each into the folder OUT, or one combined PDF when OUT ends in .pdf. Prints each "
        "file's SHA-256 and path, as sha256sum does, and records each export in the "
        "candidate's history. Branding comes from Settings.",
    )
    profile.add_argument("candidates", nargs="+", metavar="CANDIDATE", help="id or email")
    profile.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    profile.add_argument(
        "--blind", action="store_true", help="no name, contact details, city or employers"
    )
    profile.add_argument(
        "--initials", action="store_true", help="with --blind: show initials, not the id"
    )
    profile.add_argument(
        "--show-salary", action="store_true", help="the salary expectation and the guide's band"
    )
    profile.add_argument(
        "--show-lapsed",
        action="store_true",
        help="also expired, renewal-due and failed certifications",
    )
    profile.add_argument(
        "--page-size",
        choices=("A4", "Letter"),
        help="default: the page size set in Settings (A4 unless changed)",
    )
    profile.add_argument(
        "--date",
        type=iso_date,
        metavar="DATE",
        help="generation date, YYYY-MM-DD (default: today); the same date and data give the "
        "same bytes",
    )


def _cmd_profile(database: Database, args: argparse.Namespace) -> int:
    """Write the profiles asked for and print each SHA-256 and path."""
    from workbench.domain.errors import WorkbenchError
    from workbench.pdf.profile_document import ProfileOptions
    from workbench.services import consents, profiles
    from workbench.services.branding import load_branding, load_page_size
    from workbench.services.candidates import find_candidate
    from workbench.services.claims import today

    if args.initials and not args.blind:
        raise WorkbenchError("--initials goes with --blind")
    ids = list(dict.fromkeys(find_candidate(database, ref).id for ref in args.candidates))
    options = ProfileOptions(
        generated_on=args.date or today(),
        blind=args.blind,
        initials=args.initials,
        show_salary=args.show_salary,
        show_lapsed=args.show_lapsed,
        page_size=args.page_size or load_page_size(database),
    )
    branding = load_branding(database)  # the agency's branding, as set in Settings
    out: Path = args.output.expanduser()
    as_file = out.suffix.lower() == ".pdf"
    if as_file and len(ids) == 1:
        written = [profiles.write_profile(database, ids[0], out, options, branding)]
    elif as_file:
        written = [profiles.write_combined_profiles(database, ids, out, options, branding)]
    else:
        written = profiles.write_profile_folder(database, ids, out, options, branding)
    for item in written:
        print(f"{item.sha256}  {item.path}")
    # Written all the same: a profile may be for the agency's own eyes. Submit refuses.
    for cid, problem in consents.unrepresentable(database, ids, today()).items():
        print(
            f"warning: #{cid} consent to be represented: {problem}; record it "
            f"(`workbench consent {cid} --given DAY --how ...`) before this goes to a client",
            file=sys.stderr,
        )
    return 0


HANDLERS: dict[str, Callable[[Database, argparse.Namespace], int]] = {"profile": _cmd_profile}
