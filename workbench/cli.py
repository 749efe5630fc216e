"""The command line: the same use cases as the window, without Qt."""

from __future__ import annotations

import argparse
import json
import os
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from workbench import (
    cli_agency,
    cli_backup,
    cli_certifications,
    cli_consent,
    cli_privacy,
    cli_profiles,
    cli_vetting,
)
from workbench.cli_arguments import PROG
from workbench.cli_certifications import badges_text, certification_status, resolve_code
from workbench.domain.errors import WorkbenchError
from workbench.domain.roles import parse_level, parse_specialisation
from workbench.domain.search import CandidateRow, SearchCriteria, Visibility
from workbench.store.engine import DATABASE_ENV, Database, default_database_path

MAX_COUNT = 1_000_000


class _OneLineParser(argparse.ArgumentParser):
    """An argument parser whose errors are one line on stderr and exit status 1."""

    def error(self, message: str) -> NoReturn:
        """Print the problem in one line and exit 1, like every other error."""
        self.exit(1, f"{PROG}: error: {message} (see {self.prog} --help)\n")


def _count(text: str) -> int:
    """Parse a count for --limit and --candidates: a whole number from 1 to 1,000,000."""
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_COUNT:
        raise argparse.ArgumentTypeError(f"must be a whole number from 1 to {MAX_COUNT:,}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    """Return the parser for `workbench [--db PATH] COMMAND ...`."""
    parser = _OneLineParser(
        prog=PROG,
        description="Keep, vet and place IT Project Manager candidates. "
        "With no command, opens the window.",
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help=f"database file (default: ${DATABASE_ENV}, else {default_database_path()})",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_OneLineParser)

    demo = commands.add_parser("demo", help="add realistic, reproducible sample candidates")
    demo.add_argument("--candidates", type=_count, default=200, metavar="N")
    demo.add_argument("--seed", type=int, default=42, metavar="S")

    imp = commands.add_parser("import", help="import candidates from a .csv or .xlsx file")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check the file, store nothing")

    exp = commands.add_parser("export", help="export live candidates to a .csv or .json file")
    exp.add_argument("file", type=Path)

    search = commands.add_parser("search", help="find candidates by any word and filters")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--role", action="append", default=[], metavar="R")
    search.add_argument("--level", action="append", default=[], metavar="L")
    search.add_argument("--country", default="")
    search.add_argument(
        "--cert", default="", metavar="CODE", help="holds this certification (PMP, 'AWS SAA', ...)"
    )
    search.add_argument(
        "--cert-status",
        type=certification_status,
        metavar="STATUS",
        help="...in this status (verified, expiring, renewal-due, expired, unverified, "
        "verification-failed); alone: any certification in it",
    )
    search.add_argument(
        "--stage",
        action="append",
        default=[],
        metavar="STAGE",
        help="in this pipeline stage (Sourced, Vetted, ...); repeatable",
    )
    search.add_argument("--deleted", action="store_true", help="search deleted candidates")
    search.add_argument("--limit", type=_count, default=20, metavar="N")
    search.add_argument("--json", action="store_true")

    show = commands.add_parser("show", help="show one candidate (by id or email)")
    show.add_argument("candidate")
    show.add_argument("--json", action="store_true")

    delete = commands.add_parser("delete", help="delete candidates (restorable)")
    delete.add_argument("candidates", nargs="+")
    restore = commands.add_parser(
        "restore",
        help="restore deleted candidates, or the database from a backup FILE",
        description="With candidate ids or emails, brings deleted candidates back. With one "
        "backup file (a path, or a name ending in .sqlite3), replaces the database with it, "
        "like restore-backup; the current file is kept aside.",
    )
    restore.add_argument("candidates", nargs="+", metavar="CANDIDATE|FILE")
    restore.add_argument("--yes", action="store_true", help="confirm restoring a backup")
    purge = commands.add_parser("purge", help="remove all deleted candidates for good")
    purge.add_argument("--yes", action="store_true", help="confirm")
    cli_certifications.add_parsers(commands, _OneLineParser)
    cli_profiles.add_parsers(commands, _OneLineParser)
    cli_vetting.add_parsers(commands, _OneLineParser)
    cli_agency.add_parsers(commands, _OneLineParser)
    cli_backup.add_parsers(commands, _OneLineParser)
    cli_privacy.add_parsers(commands, _OneLineParser)
    cli_consent.add_parsers(commands, _OneLineParser)
    return parser


def parse_args(arguments: Sequence[str]) -> argparse.Namespace:
    """Parse the command line; bad arguments exit 1 with one line on stderr."""
    return build_parser().parse_args(list(arguments))


def _exit_code(stop: SystemExit) -> int:
    return stop.code if isinstance(stop.code, int) else 1


def database_path(namespace: argparse.Namespace) -> Path:
    """Return the database the user chose with --db, else the default."""
    return Path(namespace.db).expanduser() if namespace.db else default_database_path()


def run_command(namespace: argparse.Namespace) -> int:
    """Run the chosen command; print one clear line and return 1 on any failure."""
    database: Database | None = None
    try:
        from workbench.store.bootstrap import open_database

        if namespace.command == "restore" and (
            backup := cli_backup.named_backup(namespace.candidates)
        ):
            namespace.backup = backup
            return cli_backup.restore_backup(database_path(namespace), namespace)
        if namespace.command in cli_backup.FILE_HANDLERS:  # the file may be the damaged one
            return cli_backup.FILE_HANDLERS[namespace.command](database_path(namespace), namespace)
        database = open_database(database_path(namespace))
        handler = _HANDLERS[namespace.command]
        return handler(database, namespace)
    except WorkbenchError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing more was saved", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `| head`) stopped early: not an error. Quiet the final flush too.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # the last line of defence: no traceback reaches the user
        log = _write_crash_log()
        print(f"{PROG}: unexpected error: {exc} (details in {log})", file=sys.stderr)
        return 1
    finally:
        if database is not None:
            database.close()


def _write_crash_log() -> Path:
    from platformdirs import user_log_path

    log = user_log_path("Workbench", appauthor=False) / "crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as handle:
            handle.write(traceback.format_exc() + "\n")
    except OSError:
        pass
    return log


def _emit_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _cmd_demo(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.demo import add_demo_candidates

    if args.candidates < 1:
        raise WorkbenchError("--candidates must be at least 1")
    added = add_demo_candidates(database, args.candidates, args.seed)
    print(f"added {added} sample candidates")
    return 0


def _cmd_import(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.importing import import_file

    report = import_file(database, args.file, dry_run=args.dry_run)
    for warning in report.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(report.summary)
    for rejected in report.rejected:
        print(f"row {rejected.row}: {rejected.reason}")
    return 0


def _cmd_export(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.exporting import export_candidates

    written = export_candidates(database, args.file)
    print(f"exported {written} candidates to {args.file}")
    return 0


def _row_to_dict(row: CandidateRow, certifications: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row.id,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "email": row.email,
        "phone": row.phone,
        "primary_role": row.primary_role.value if row.primary_role else None,
        "level": row.level.value if row.level else None,
        "years_experience": row.years_experience,
        "city": row.city,
        "country": row.country,
        "available_from": row.available_from.isoformat() if row.available_from else None,
        "deleted": row.deleted,
        "stage": row.stage,
        "certifications": certifications,
    }


def _cmd_search(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.search import search_rows

    try:
        roles = tuple(parse_specialisation(r) for r in args.role)
        levels = tuple(parse_level(level) for level in args.level)
    except ValueError as exc:
        raise WorkbenchError(str(exc)) from None
    if args.limit < 1:
        raise WorkbenchError("--limit must be at least 1")
    criteria = SearchCriteria(
        text=args.query,
        roles=roles,
        levels=levels,
        country=args.country,
        visibility=Visibility.DELETED if args.deleted else Visibility.ACTIVE,
        certification=resolve_code(database, args.cert).code if args.cert.strip() else "",
        certification_status=args.cert_status,
        stage_ids=cli_vetting.stage_ids(database, args.stage),
    )
    rows = search_rows(database, criteria, args.limit)
    if args.json:
        from workbench.services.exporting import certifications_of

        held = certifications_of(database, [r.id for r in rows])
        _emit_json([_row_to_dict(r, held.get(r.id, [])) for r in rows])
        return 0
    if not rows:
        print("no candidates found")
    for r in rows:
        role = r.primary_role.label if r.primary_role else "-"
        level = r.level.label if r.level else "-"
        place = ", ".join(filter(None, (r.city, r.country))) or "-"
        line = f"{r.id:>7}  {r.full_name:<32} {role:<40} {level:<9} {place:<28} {r.email}"
        if r.certifications:
            line = f"{line:<162} {badges_text(r.certifications)}"
        print(line)
    return 0


def _cmd_show(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.exporting import CERTIFICATIONS, candidate_to_dict, certifications_of
    from workbench.services.pipeline import stages
    from workbench.services.profiles import profile_exports
    from workbench.services.vetting import vetting

    candidate = find_candidate(database, args.candidate)
    data = candidate_to_dict(candidate)
    held = certifications_of(database, [candidate.id]).get(candidate.id, [])
    sent = profile_exports(database, candidate.id)
    vetted = vetting(database, candidate.id)
    since = vetted.stage_since
    if args.json:
        _emit_json(
            {
                **data,
                "stage": vetted.stage.name,
                "stage_since": since.isoformat() if since else None,
                "vetting_gaps": list(vetted.gaps),
                CERTIFICATIONS: held,
                "profile_exports": [_sent(e) for e in sent],
            }
        )
        return 0
    for key, value in data.items():
        shown = "; ".join(value) if isinstance(value, list) else value
        print(f"{key:>20}: {'' if shown is None else shown}")
    print(f"{'stage':>20}: {vetted.stage.name}" + (f" (since {since:%Y-%m-%d})" if since else ""))
    print(f"{'vetting':>20}: {cli_vetting.gate_line(vetted, stages(database))}")
    d = candidate.draft
    for label, values in (
        ("work environments", d.work_environments),
        ("industries", d.industries),
    ):
        if values:
            print(f"{label:>20}: {'; '.join(values)}")
    for label, value in (("clearance", d.security_clearance), ("source", d.source)):
        if value:
            print(f"{label:>20}: {value}")
    for job in d.work_history:
        period = f"{job.start or '?'} – {job.end or 'now'}"
        print(f"{'work history':>20}: {period}  {job.title}, {job.employer}")
    for school in d.education:
        parts = filter(None, (school.degree_level, school.field_of_study, school.institution))
        print(f"{'education':>20}: {', '.join(parts)} {school.year or ''}".rstrip())
    for claim in held:
        held_id = f" {claim['credential_id']}" if claim["credential_id"] else ""
        status = cli_certifications.status_text(claim)
        print(f"{'certification':>20}: {claim['code']}{held_id} ({status})")
    for export in sent:  # newest first: what clients were sent, and the proof
        ticked = [
            name for name in ("blind", "show_salary", "show_lapsed") if export.options.get(name)
        ]
        how = ", ".join(["combined" if export.combined else "single", *ticked])
        print(
            f"{'profile written':>20}: {export.exported_at:%Y-%m-%d %H:%M} UTC by "
            f"{export.exported_by or '?'} ({how}) {export.file_name} sha256 {export.sha256}"
        )
    if candidate.deleted_at:
        print(f"{'deleted':>20}: {candidate.deleted_at:%Y-%m-%d %H:%M} UTC (restorable)")
    return 0


def _sent(export: Any) -> dict[str, Any]:
    """Return a recorded profile export as JSON-ready values."""
    return {
        "exported_at": export.exported_at.isoformat(),
        "exported_by": export.exported_by,
        "options": export.options,
        "file_name": export.file_name,
        "reference": export.reference,
        "sha256": export.sha256,
        "combined": export.combined,
    }


def _resolve_ids(database: Database, references: Sequence[str]) -> list[int]:
    from workbench.services.candidates import find_candidate

    return [find_candidate(database, ref).id for ref in references]


def _cmd_delete(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import delete_candidates

    count = delete_candidates(database, _resolve_ids(database, args.candidates))
    print(f"deleted {count} candidates (restorable with `{PROG} restore`)")
    return 0


def _cmd_restore(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import restore_candidates

    count = restore_candidates(database, _resolve_ids(database, args.candidates))
    print(f"restored {count} candidates")
    return 0


def _cmd_purge(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import purge_deleted

    if not args.yes:
        raise WorkbenchError("purging removes deleted candidates for good; add --yes to confirm")
    print(f"purged {purge_deleted(database)} deleted candidates")
    return 0


_HANDLERS = {
    "demo": _cmd_demo,
    "import": _cmd_import,
    "export": _cmd_export,
    "search": _cmd_search,
    "show": _cmd_show,
    "delete": _cmd_delete,
    "restore": _cmd_restore,
    "purge": _cmd_purge,
    **cli_certifications.HANDLERS,
    **cli_profiles.HANDLERS,
    **cli_vetting.HANDLERS,
    **cli_agency.HANDLERS,
    **cli_backup.HANDLERS,
    **cli_privacy.HANDLERS,
    **cli_consent.HANDLERS,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line without ever opening a window."""
    try:
        namespace = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as stop:  # --help, or a bad argument already explained on stderr
        return _exit_code(stop)
    if namespace.command is None:
        build_parser().print_help()
        return 0
    return run_command(namespace)
