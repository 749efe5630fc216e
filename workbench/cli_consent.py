"""The command line's `consent` (lawful basis and consents) and `retention` (the review)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from workbench.cli_arguments import PROG, iso_date
from workbench.domain.consent import Consent, LawfulBasis, validate_consent
from workbench.domain.errors import ValidationError, WorkbenchError
from workbench.store.engine import Database


def _basis(text: str) -> LawfulBasis:
    try:
        return LawfulBasis.parse(text)
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `consent` and `retention` to the command parser."""
    consent = commands.add_parser(
        "consent",
        help="show or record a candidate's lawful basis and consents",
        description="With only a candidate, shows what is recorded. --given and --how record "
        "consent to be represented, or with --client, consent to be sent to that client "
        "(needed before `submit`). --withdraw records that a consent was withdrawn.",
    )
    consent.add_argument("candidate", help="id, #id, WB-0042 or email")
    consent.add_argument("--basis", type=_basis, metavar="B", help="legitimate interests, ...")
    consent.add_argument("--note", default=None, metavar="TEXT")
    consent.add_argument("--client", default="", metavar="CLIENT", help="client name or id")
    consent.add_argument("--given", type=iso_date, metavar="YYYY-MM-DD")
    consent.add_argument("--how", default="", metavar="TEXT", help="e.g. 'in writing (email)'")
    consent.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD", help="when it lapses")
    consent.add_argument(
        "--withdraw", type=iso_date, metavar="YYYY-MM-DD", help="withdrawn from that day"
    )
    consent.add_argument("--json", action="store_true")

    retention = commands.add_parser(
        "retention", help="the retention period and the candidates past it"
    )
    actions = retention.add_subparsers(dest="action", metavar="ACTION", parser_class=parser_class)
    actions.required = True
    listing = actions.add_parser("list", help="candidates with no activity within the period")
    listing.add_argument("--json", action="store_true")
    policy = actions.add_parser("policy", help="show or set the period in months")
    policy.add_argument("months", nargs="?", type=int)
    keep = actions.add_parser("keep", help="keep candidates past the period, with a reason")
    keep.add_argument("candidates", nargs="+", metavar="CANDIDATE")
    keep.add_argument("--reason", required=True)
    erase = actions.add_parser("erase", help="erase candidates past the period for good")
    erase.add_argument("candidates", nargs="+", metavar="CANDIDATE")
    erase.add_argument("--yes", action="store_true", help="confirm: this cannot be undone")


def _consent_text(consent: Consent | None) -> str:
    if consent is None:
        return "none on record"
    text = f"given {consent.given_on.isoformat()} ({consent.how})"
    if consent.expires_on:
        text += f", lapses {consent.expires_on.isoformat()}"
    if consent.withdrawn_on:
        text += f", withdrawn {consent.withdrawn_on.isoformat()}"
    return text


def _cmd_consent(database: Database, args: argparse.Namespace) -> int:
    from workbench.services import consents
    from workbench.services.candidates import find_candidate
    from workbench.services.claims import today
    from workbench.services.clients import find_client
    from workbench.services.privacy import plain

    candidate = find_candidate(database, args.candidate)
    cid, day = candidate.id, today()
    if args.given is not None and args.withdraw is not None:
        raise WorkbenchError("give --given (a consent) or --withdraw (its end), not both")
    if args.given is None and (args.how or args.until is not None):
        raise WorkbenchError("--how and --until describe a consent: give --given DAY too")
    recording = args.given is not None or args.withdraw is not None
    if args.client:
        client = find_client(database, args.client)
        held = {c.client_id: c for c in consents.client_consents(database, cid)}.get(client.id)
        if args.withdraw is not None:
            if held is None:
                raise WorkbenchError(f"no consent to be sent to {client.name} to withdraw")
            consents.withdraw_client_consent(
                database, held.id, args.withdraw, expected_version=held.version
            )
        elif args.given is not None:
            given = validate_consent(args.given, args.how, args.until, today=day)
            consents.record_client_consent(
                database, cid, client.id, given, expected_version=held.version if held else 0
            )
        else:
            raise WorkbenchError("with --client, give --given and --how, or --withdraw")
    elif recording or args.basis is not None or args.note is not None:
        current = consents.data_protection(database, cid)
        representation = current.representation
        if args.given is not None:
            representation = validate_consent(args.given, args.how, args.until, today=day)
        if args.withdraw is not None:
            if representation is None:
                raise WorkbenchError("no consent to be represented to withdraw")
            representation = validate_consent(
                representation.given_on,
                representation.how,
                representation.expires_on,
                today=day,
                withdrawn_on=args.withdraw,
            )
        consents.save_data_protection(
            database,
            cid,
            args.basis or current.lawful_basis,
            representation,
            current.note if args.note is None else args.note,
            expected_version=current.version,
        )
    protection = consents.data_protection(database, cid)
    by_client = consents.client_consents(database, cid)
    if args.json:
        document = {
            "candidate": cid,
            "data_protection": plain(protection),
            "client_consents": plain(by_client),
        }
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return 0
    print(f"{candidate.draft.first_name} {candidate.draft.last_name} (#{cid})")
    print(f"  lawful basis:           {protection.lawful_basis.label}")
    print(f"  source:                 {candidate.draft.source or '(not recorded)'}")
    print(f"  consent to be represented: {_consent_text(protection.representation)}")
    for held in by_client:
        print(f"  to {held.client_name}: {_consent_text(held.consent)}")
    if not by_client:
        print("  no client consents on record")
    return 0


def _cmd_retention(database: Database, args: argparse.Namespace) -> int:
    from workbench.services import retention
    from workbench.services.candidates import find_candidate
    from workbench.services.claims import today
    from workbench.services.privacy import erase_candidates

    if args.action == "policy":
        if args.months is not None:
            retention.set_retention_months(database, args.months)
        print(f"records are kept {retention.retention_months(database)} months after last activity")
        return 0
    if args.action == "list":
        rows = retention.past_retention(database, today())
        if args.json:
            from workbench.services.privacy import plain

            print(json.dumps(plain(rows), ensure_ascii=False, indent=2))
            return 0
        months = retention.retention_months(database)
        if not rows:
            print(f"no candidate has gone {months} months without activity")
            return 0
        print(f"{len(rows)} candidate(s) with no activity in {months} months:")
        for row in rows:
            print(
                f"  #{row.candidate_id:<6} {row.name:<32} last activity "
                f"{row.last_activity:%Y-%m-%d}  {row.stage}"
                + (" (deleted)" if row.deleted else "")
                + (f"  kept {row.last_kept}" if row.last_kept else "")
            )
        return 0
    ids = [find_candidate(database, ref).id for ref in args.candidates]
    if args.action == "keep":
        kept = retention.keep(database, ids, args.reason)
        print(f"kept {kept} candidate(s) for another {retention.retention_months(database)} months")
        return 0
    if not args.yes:
        raise WorkbenchError(
            "erasing removes candidates' personal data for good; add --yes to confirm"
        )
    # Only those still past the period: someone may have worked on them since the list.
    since = retention.cutoff(database, today())
    result = erase_candidates(database, ids, inactive_before=since)
    print(
        f"erased {len(result.candidate_ids)} candidate(s) at {result.erased_at:%Y-%m-%d %H:%M} UTC"
    )
    for cid in result.skipped:
        print(
            f"#{cid} not erased: active within the retention period (or gone already); "
            f"`{PROG} erase {cid} --yes` erases one person at any time"
        )
    if not result.wal_emptied:
        print("note: another program is reading the database; its -wal file is emptied later")
    return 0


HANDLERS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "consent": _cmd_consent,
    "retention": _cmd_retention,
}
