"""The command line's agency commands: `client`, `job`, `match`, `submit` and `submittal`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from workbench.cli_arguments import PROG, iso_date
from workbench.domain.clients import (
    Client,
    ContactDraft,
    Employment,
    JobOrder,
    parse_job_status,
)
from workbench.domain.errors import WorkbenchError
from workbench.domain.matching import Match
from workbench.domain.roles import parse_level, parse_specialisation
from workbench.domain.submittals import Submittal, SubmittalStatus, parse_submittal_status
from workbench.store.engine import Database

_CONTACT = re.compile(r"\s*(?P<name>[^<>]*?)\s*(?:<(?P<email>[^<>]*)>)?\s*")


def _typed(parse: Callable[[str], Any]) -> Callable[[str], Any]:
    """Return an argparse type from a parser raising ValueError: its message, one line."""

    def convert(text: str) -> Any:
        try:
            return parse(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = parse.__name__.removeprefix("parse_").replace("_", " ")
    return convert


def contact(text: str) -> ContactDraft:
    """Parse a --contact: 'Ann Lee <ann@client.example>' or a bare name."""
    found = _CONTACT.fullmatch(text)
    if found is None or not found["name"]:
        raise argparse.ArgumentTypeError(f"{text!r} is not a contact; use 'Name <email>'")
    return ContactDraft(found["name"], email=(found["email"] or "").strip())


def _amount(text: str) -> int:
    """Parse a budget or day rate: a whole positive number, '120000' or '120,000'."""
    digits = text.strip().replace(",", "").replace("_", "")
    if not digits.isascii() or not digits.isdigit() or int(digits) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not an amount; use a whole number")
    return int(digits)


def _whole(text: str) -> int:
    """Parse a count for --limit and --openings: a positive whole number."""
    if not text.isascii() or not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number from 1")
    return int(text)


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `client`, `job`, `match`, `submit` and `submittal` to the command parser."""
    client = commands.add_parser("client", help="add or list client companies")
    actions = client.add_subparsers(dest="action", metavar="ACTION", parser_class=parser_class)
    actions.required = True
    add = actions.add_parser("add", help="add a client company")
    add.add_argument("name")
    add.add_argument("--industry", default="", metavar="X")
    add.add_argument("--environment", default="", metavar="X", help="enterprise, startup, ...")
    add.add_argument(
        "--contact", action="append", default=[], type=contact, metavar='"NAME <EMAIL>"'
    )
    listing = actions.add_parser("list", help="list clients with contacts and open jobs")
    listing.add_argument("--json", action="store_true")

    job = commands.add_parser("job", help="add or list job orders")
    actions = job.add_subparsers(dest="action", metavar="ACTION", parser_class=parser_class)
    actions.required = True
    add = actions.add_parser("add", help="add a job order for a client; prints its reference")
    add.add_argument("client", help="client name or id")
    add.add_argument("--title", required=True, metavar="T")
    add.add_argument("--role", required=True, type=_typed(parse_specialisation), metavar="R")
    add.add_argument("--level", required=True, type=_typed(parse_level), metavar="L")
    add.add_argument("--require", action="append", default=[], metavar="CODE")
    add.add_argument("--nice", action="append", default=[], metavar="CODE")
    add.add_argument("--method", action="append", default=[], metavar="M")
    add.add_argument("--tool", action="append", default=[], metavar="T")
    where = add.add_mutually_exclusive_group()
    where.add_argument("--location", default="", metavar="TEXT", help="city, country")
    where.add_argument("--remote", action="store_true")
    add.add_argument("--contract", action="store_true", help="a contract paid by the day")
    add.add_argument("--day-rate", type=_amount, metavar="N")
    add.add_argument("--budget", type=_amount, metavar="N", help="a year's salary")
    add.add_argument("--currency", default="USD", metavar="C")
    add.add_argument("--start", type=iso_date, metavar="DATE")
    add.add_argument("--end", type=iso_date, metavar="DATE")
    add.add_argument("--openings", type=_whole, default=1, metavar="N")
    add.add_argument("--contact", default="", metavar="NAME", help="one of the client's contacts")
    listing = actions.add_parser("list", help="list job orders, newest first")
    listing.add_argument("--client", default="", metavar="C")
    listing.add_argument(
        "--status", action="append", default=[], type=_typed(parse_job_status), metavar="S"
    )
    listing.add_argument("--json", action="store_true")

    match = commands.add_parser("match", help="rank candidates for a job order")
    match.add_argument("job", help="JO-0007 or 7")
    match.add_argument("--limit", type=_whole, default=20, metavar="N")
    match.add_argument("--json", action="store_true")

    submit = commands.add_parser(
        "submit",
        help="send candidates' profiles for a job and record the submittals",
        description="Writes one PDF with a cover page (-o FILE.pdf) or one PDF each "
        "(-o FOLDER/). Refused when a candidate is not vetted or a required certification "
        "lapses before the contract ends, unless --override gives the reason.",
    )
    submit.add_argument("job", help="JO-0007 or 7")
    submit.add_argument("candidates", nargs="+", help="id, #id, WB-0042 or email")
    submit.add_argument("-o", "--output", required=True, type=Path, metavar="OUT")
    submit.add_argument("--contact", default="", metavar="NAME")
    submit.add_argument("--blind", action="store_true", help="no names or contact details")
    submit.add_argument("--override", default="", metavar="TEXT")

    submittal = commands.add_parser("submittal", help="list submittals or move one on")
    actions = submittal.add_subparsers(dest="action", metavar="ACTION", parser_class=parser_class)
    actions.required = True
    listing = actions.add_parser("list", help="the submittal log, newest first")
    listing.add_argument("--job", default="", metavar="JOB")
    listing.add_argument("--candidate", default="", metavar="C")
    listing.add_argument("--json", action="store_true")
    status = actions.add_parser("status", help="set a submittal's status")
    status.add_argument("id", help="the submittal's number (12 or #12)")
    status.add_argument("status", type=_typed(parse_submittal_status), metavar="STATUS")


def _emit_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _client_to_dict(client: Client) -> dict[str, Any]:
    return {
        "id": client.id,
        "name": client.name,
        "industry": client.draft.industry,
        "work_environment": client.draft.work_environment,
        "open_jobs": client.open_jobs,
        "contacts": [
            {"id": c.id, "name": c.draft.name, "title": c.draft.title, "email": c.draft.email}
            for c in client.contacts
        ],
    }


def _cmd_client(database: Database, args: argparse.Namespace) -> int:
    from workbench.domain.clients import ClientDraft
    from workbench.services.clients import clients, save_client

    if args.action == "add":
        draft = ClientDraft(args.name, args.industry, args.environment)
        saved = save_client(database, None, draft, [(None, c) for c in args.contact])
        people = ", ".join(c.draft.name for c in saved.contacts)
        print(f"added client #{saved.id} {saved.name}" + (f" ({people})" if people else ""))
        return 0
    found = clients(database)
    if args.json:
        _emit_json([_client_to_dict(c) for c in found])
        return 0
    if not found:
        print("no clients yet")
    for c in found:
        people = ", ".join(p.draft.name for p in c.contacts) or "-"
        print(
            f"{c.id:>5}  {c.name:<30} {c.draft.industry or '-':<20} {c.open_jobs:>3} open  {people}"
        )
    return 0


def _contact_id(client: Client, name: str) -> int | None:
    """Return the id of the client's contact named (any case) or numbered; None for none."""
    wanted = " ".join(name.casefold().split()).removeprefix("#")
    if not wanted:
        return None
    for person in client.contacts:
        if wanted in (" ".join(person.draft.name.casefold().split()), str(person.id)):
            return person.id
    known = ", ".join(p.draft.name for p in client.contacts) or "none yet"
    raise WorkbenchError(f"{client.name} has no contact {name.strip()!r} (contacts: {known})")


def _add_job(database: Database, args: argparse.Namespace) -> int:
    from workbench.domain.clients import JobOrderDraft
    from workbench.services.catalogue import resolve_certification as resolve_code
    from workbench.services.clients import find_client
    from workbench.services.jobs import save_job

    client = find_client(database, args.client)
    if args.day_rate is not None and args.budget is not None:
        raise WorkbenchError("give --day-rate (contract) or --budget (a year's salary), not both")
    contract = args.contract or args.day_rate is not None
    if contract and args.budget is not None:
        raise WorkbenchError("a contract is paid by the day: give --day-rate instead of --budget")
    remote = args.remote or not args.location.strip()
    draft = JobOrderDraft(
        client_id=client.id,
        title=args.title,
        contact_id=_contact_id(client, args.contact),
        specialisation=args.role,
        level=args.level,
        required_certifications=tuple(resolve_code(database, c).code for c in args.require),
        nice_certifications=tuple(resolve_code(database, c).code for c in args.nice),
        methodologies=tuple(args.method),
        tools=tuple(args.tool),
        industry=client.draft.industry,
        location=args.location,
        remote=remote,
        employment=Employment.CONTRACT if contract else Employment.PERMANENT,
        budget=args.day_rate if contract else args.budget,
        currency=args.currency.strip().upper(),
        start_date=args.start,
        end_date=args.end,
        openings=args.openings,
    )
    job = save_job(database, None, draft)
    print(f"{job.reference}  {job.title} for {job.client_name}")
    if remote and not args.remote:
        print("no --location given: recorded as remote")
    return 0


def _job_to_dict(job: JobOrder) -> dict[str, Any]:
    d = job.draft
    return {
        "reference": job.reference,
        "id": job.id,
        "client": job.client_name,
        "contact": job.contact_name,
        "title": job.title,
        "status": d.status.value,
        "specialisation": d.specialisation.value if d.specialisation else None,
        "level": d.level.value if d.level else None,
        "required_certifications": list(d.required_certifications),
        "nice_certifications": list(d.nice_certifications),
        "methodologies": list(d.methodologies),
        "tools": list(d.tools),
        "location": d.location,
        "remote": d.remote,
        "employment": d.employment.value,
        "budget": d.budget,
        "currency": d.currency,
        "start_date": d.start_date.isoformat() if d.start_date else None,
        "end_date": d.end_date.isoformat() if d.end_date else None,
        "openings": d.openings,
        "filled": job.filled,
        "shortlist": list(job.shortlist),
        "created_at": job.created_at.isoformat(),
    }


def _job_line(job: JobOrder) -> str:
    d = job.draft
    pay = ""
    if d.budget is not None:
        per = "/day" if d.employment is Employment.CONTRACT else "/year"
        pay = f"{d.currency} {d.budget:,}{per}"
    start = d.start_date.isoformat() if d.start_date else "-"
    return (
        f"{job.reference}  {d.status.label:<9} {job.client_name:<24} {job.title:<48} "
        f"{job.filled}/{d.openings} filled  from {start}  {d.employment.label} {pay}".rstrip()
    )


def _cmd_job(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.clients import find_client
    from workbench.services.jobs import jobs

    if args.action == "add":
        return _add_job(database, args)
    client_id = find_client(database, args.client).id if args.client.strip() else None
    found = jobs(database, client_id, tuple(dict.fromkeys(args.status)))
    if args.json:
        _emit_json([_job_to_dict(job) for job in found])
        return 0
    if not found:
        print("no job orders found")
    for job in found:
        print(_job_line(job))
    return 0


def _match_to_dict(match: Match) -> dict[str, Any]:
    return {
        "candidate_id": match.candidate_id,
        "name": match.name,
        "score": match.score,
        "stage": match.stage,
        "vetted": match.vetted,
        "breakdown": {
            part.name: {"points": part.points, "out_of": part.out_of, "why": part.why}
            for part in match.parts
        },
        "reasons": match.summary,
        "missing": list(match.missing),
    }


def _cmd_match(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.jobs import find_job
    from workbench.services.matching import match_job

    job = find_job(database, args.job)
    result = match_job(database, job.id, limit=args.limit)
    if args.json:
        _emit_json(
            {
                "job": job.reference,
                "title": job.title,
                "client": job.client_name,
                "eligible": result.eligible,
                "certification_day": result.last_day.isoformat(),
                "matches": [_match_to_dict(m) for m in result.matches],
            }
        )
        return 0
    print(
        f"{job.reference} {job.title} ({job.client_name}): {result.eligible} eligible; "
        f"required certifications must hold on {result.last_day.isoformat()}"
    )
    for rank, m in enumerate(result.matches, 1):
        print(
            f"{rank:>3}. {m.score:5.1f}  #{m.candidate_id:<6} {m.name:<30} {m.stage:<10} "
            + m.summary
        )
        if m.missing:
            print(f"{'':>12}missing: {', '.join(m.missing)}")
    return 0


def _candidate_ids(database: Database, references: Sequence[str]) -> list[int]:
    from workbench.services.candidates import find_candidate

    return [find_candidate(database, ref).id for ref in references]


def _cmd_submit(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.clients import get_client
    from workbench.services.jobs import find_job
    from workbench.services.submittals import ConsentRefused, SubmitRefused, submit

    job = find_job(database, args.job)
    ids = _candidate_ids(database, args.candidates)
    contact_id = _contact_id(get_client(database, job.draft.client_id), args.contact)
    output: Path = args.output
    folder = str(args.output).endswith(("/", "\\")) or output.is_dir()
    try:
        result = submit(
            database,
            job.id,
            ids,
            output,
            combined=not folder,
            blind=args.blind,
            contact_id=contact_id,
            override=args.override,
        )
    except SubmitRefused as refused:
        # More than one line, like `stage`: each problem is something to go and fix.
        lines = [f"{PROG}: error: not submitted to {job.client_name} for {job.reference}:"]
        lines += [f"  - {name}: {'; '.join(items)}" for name, items in refused.reasons.items()]
        if isinstance(refused, ConsentRefused):
            # No override for this one: the candidate decides, not the consultant.
            lines.append("  (no override: record their consent first with")
            gaps = [gap for items in refused.reasons.values() for gap in items]
            if any("to be represented" in gap for gap in gaps):
                lines.append(f'   {PROG} consent CANDIDATE --given DATE --how "..."')
            if any("to be sent to" in gap for gap in gaps):
                lines.append(
                    f'   {PROG} consent CANDIDATE --client "{job.client_name}" '
                    '--given DATE --how "..."'
                )
            lines[-1] += ")"
        else:
            lines.append("  (to submit anyway, add --override REASON)")
        print("\n".join(lines), file=sys.stderr)
        return 1
    for written in result.files:
        print(f"{written.sha256}  {written.path}")
    for s in result.submittals:
        print(_submittal_line(s))
        if s.override_reason:
            print(f"  checks overridden: {s.override_reason}; refused for: {'; '.join(s.refusals)}")
    return 0


def _submittal_line(s: Submittal) -> str:
    return (
        f"#{s.id:<5} {s.submitted_at:%Y-%m-%d}  {s.status.label:<18} JO-{s.job_id:04d} "
        f"{s.client_name:<24} {s.candidate_name} (#{s.candidate_id})"
        + (" blind" if s.blind else "")
        + (f" to {s.contact_name}" if s.contact_name else "")
    )


def _submittal_to_dict(s: Submittal) -> dict[str, Any]:
    return {
        "id": s.id,
        "job": f"JO-{s.job_id:04d}",
        "job_title": s.job_title,
        "client": s.client_name,
        "candidate_id": s.candidate_id,
        "candidate": s.candidate_name,
        "contact": s.contact_name,
        "submitted_at": s.submitted_at.isoformat(),
        "submitted_by": s.submitted_by,
        "blind": s.blind,
        "status": s.status.value,
        "status_at": s.status_at.isoformat(),
        "file_name": s.file_name,
        "sha256": s.sha256,
        "combined": s.combined,
        "override_reason": s.override_reason,
        "refusals": list(s.refusals),
    }


def _cmd_submittal(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.jobs import find_job, get_job
    from workbench.services.submittals import set_status, submittals

    if args.action == "status":
        number = args.id.strip().removeprefix("#")
        if not number.isascii() or not number.isdigit() or len(number) > 18:
            raise WorkbenchError(f"{args.id!r} is not a submittal number (e.g. 12)")
        status: SubmittalStatus = args.status
        moved = set_status(database, int(number), status)
        print(
            f"submittal #{moved.id} ({moved.candidate_name}, JO-{moved.job_id:04d}): {status.label}"
        )
        if status is SubmittalStatus.PLACED:
            job = get_job(database, moved.job_id)
            print(
                f"{job.reference} {job.title}: {job.filled} of {job.draft.openings} "
                f"opening(s) filled ({job.draft.status.label.lower()})"
            )
        return 0
    job_id = find_job(database, args.job).id if args.job.strip() else None
    candidate_id = _candidate_ids(database, [args.candidate])[0] if args.candidate.strip() else None
    found = submittals(database, job_id=job_id, candidate_id=candidate_id)
    if args.json:
        _emit_json([_submittal_to_dict(s) for s in found])
        return 0
    if not found:
        print("no submittals found")
    for s in found:
        print(_submittal_line(s))
    return 0


HANDLERS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "client": _cmd_client,
    "job": _cmd_job,
    "match": _cmd_match,
    "submit": _cmd_submit,
    "submittal": _cmd_submittal,
}
