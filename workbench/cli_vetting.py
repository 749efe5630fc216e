"""The command line's vetting commands: `stage`, `history` and `vet`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from workbench.cli_arguments import PROG
from workbench.domain.errors import GateRefused
from workbench.domain.history import ENTITY_LABELS, Entity, HistoryEntry
from workbench.domain.vetting import SCORE_LABELS, Criterion, Stage, StageRole, Vetting
from workbench.store.engine import Database

_LABEL = 20  # labels are right-aligned to this width, as `show` prints them


def _key(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


# What --kind accepts: each entity by its value or by the label the History tab shows.
_KINDS = {
    **{_key(entity.value): entity for entity in Entity},
    **{_key(label): entity for entity, label in ENTITY_LABELS.items()},
}


def history_kind(text: str) -> Entity:
    """Parse a --kind: 'stage', 'scorecard', 'certification', ...; one clear error otherwise."""
    found = _KINDS.get(_key(text))
    if found is None:
        known = ", ".join(entity.value for entity in Entity)
        raise argparse.ArgumentTypeError(f"unknown kind {text.strip()!r} (kinds: {known})")
    return found


def add_parsers(commands: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    """Add `stage`, `history` and `vet` to the command parser."""
    del parser_class  # no sub-commands; kept for the same call as the others
    stage = commands.add_parser(
        "stage",
        help="move a candidate to a pipeline stage",
        description="Moving to Vetted (or past it) needs a complete scorecard, a positive "
        "reference and every certification verified or waived; --override lets a refused "
        "move through, recording your reason and what was missing.",
    )
    stage.add_argument("candidate", help="id, #id, WB-0042 or email")
    stage.add_argument("stage", help="stage name (any case) or id")
    stage.add_argument("--reason", default="", metavar="TEXT", help="why the candidate moves")
    stage.add_argument(
        "--override", default="", metavar="TEXT", help="move even if the vetted gate refuses"
    )

    history = commands.add_parser("history", help="show what happened to a candidate")
    history.add_argument("candidate", help="id, #id, WB-0042 or email")
    history.add_argument(
        "--kind",
        action="append",
        default=[],
        type=history_kind,
        metavar="KIND",
        help="only this kind (candidate, claim, check, stage, scorecard, interview, "
        "reference, export); repeatable",
    )
    history.add_argument("--json", action="store_true")

    vet = commands.add_parser("vet", help="show a candidate's scorecard, references and gaps")
    vet.add_argument("candidate", help="id, #id, WB-0042 or email")
    vet.add_argument("--json", action="store_true")


def _emit_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, indent=2, default=str))


def _cmd_stage(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.pipeline import move_stage, resolve_stage

    candidate = find_candidate(database, args.candidate)
    target = resolve_stage(database, args.stage)
    name = candidate.draft.full_name
    try:
        move = move_stage(
            database, candidate.id, target, reason=args.reason, override=args.override
        )
    except GateRefused as refused:
        # The one error of more than one line: each missing item is something to go and do.
        lines = [f"{PROG}: error: cannot move {name} to {refused.stage}; missing:"]
        lines += [f"  - {item}" for item in refused.missing]
        lines.append("  (to move anyway, add --override REASON)")
        print("\n".join(lines), file=sys.stderr)
        return 1
    print(f"moved {name} from {move.from_stage or '-'} to {move.to_stage}")
    if move.override_reason:
        print(f"gate overridden: {move.override_reason}")
        for item in move.missing:
            print(f"  missing: {item}")
    return 0


def _group(entries: Sequence[HistoryEntry]) -> list[list[HistoryEntry]]:
    """Return entries grouped by the change they were written for (same moment, same thing)."""
    groups: list[list[HistoryEntry]] = []
    for entry in entries:
        last = groups[-1][-1] if groups else None
        if last is not None and (
            last.at,
            last.by,
            last.entity,
            last.entity_id,
            last.action,
            last.detail,
        ) == (entry.at, entry.by, entry.entity, entry.entity_id, entry.action, entry.detail):
            groups[-1].append(entry)
        else:
            groups.append([entry])
    return groups


def history_line(group: Sequence[HistoryEntry]) -> str:
    """Return one change as a line: '2026-11-26 14:02  Ann Lee  Stage moved: A → B (why)'."""
    first = group[0]
    head = f"{first.entity.label} {first.action.value}"
    fields = [entry for entry in reversed(group) if entry.field]  # written in field order
    if first.entity is Entity.STAGE and fields:
        text = f"{head}: {fields[0].old or '-'} → {fields[0].new}"
        if first.detail:
            text += f" ({first.detail})"
    else:
        text = f"{head}: {first.detail}" if first.detail else head
        changed = [
            f"{e.field}: {e.new}" if not e.old else f"{e.field}: {e.old} → {e.new or '(empty)'}"
            for e in fields
        ]
        if changed:
            text += " · " + "; ".join(changed)
    return f"{first.at:%Y-%m-%d %H:%M}  {first.by or '?'}  {text}"


def _entry_to_dict(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "at": entry.at.isoformat(),
        "by": entry.by,
        "entity": entry.entity.value,
        "action": entry.action.value,
        "field": entry.field,
        "old": entry.old,
        "new": entry.new,
        "detail": entry.detail,
    }


def _cmd_history(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.history import candidate_history

    candidate = find_candidate(database, args.candidate)
    entries = candidate_history(database, candidate.id, tuple(dict.fromkeys(args.kind)))
    if args.json:
        _emit_json([_entry_to_dict(entry) for entry in entries])
        return 0
    if not entries:
        print(f"no history for {candidate.draft.full_name}")
    for group in _group(entries):
        print(history_line(group))
    return 0


def gate_line(vetting: Vetting, stages: Sequence[Stage]) -> str:
    """Return 'Ready for Vetted' or 'Vetted needs: ...', with the gate as the agency names it."""
    gate = next((s.name for s in stages if s.role is StageRole.VETTED), "Vetted")
    if not vetting.gaps:
        return f"Ready for {gate}"
    return f"{gate} needs: " + "; ".join(vetting.gaps)


def _vetting_to_dict(vetting: Vetting, stages: Sequence[Stage]) -> dict[str, Any]:
    card = vetting.scorecard
    return {
        "stage": vetting.stage.name,
        "stage_since": vetting.stage_since.isoformat() if vetting.stage_since else None,
        "gaps": list(vetting.gaps),
        "gate": gate_line(vetting, stages),
        "scorecard": None
        if card is None
        else {
            "ratings": {
                c.value: {
                    "score": card.draft.rating(c).score,
                    "comment": card.draft.rating(c).comment,
                }
                for c in Criterion
            },
            "average": card.draft.average,
            "methodologies": list(card.draft.methodologies),
            "tools": list(card.draft.tools),
            "updated_at": card.updated_at.isoformat() if card.updated_at else None,
            "updated_by": card.updated_by,
        },
        "interviews": [
            {"held_on": n.held_on.isoformat(), "interviewer": n.interviewer, "text": n.text}
            for n in vetting.interviews
        ],
        "references": [
            {
                "referee": r.draft.referee,
                "relationship": r.draft.relationship,
                "company": r.draft.company,
                "checked_on": r.draft.checked_on.isoformat() if r.draft.checked_on else None,
                "outcome": r.draft.outcome.value if r.draft.outcome else None,
                "notes": r.draft.notes,
                "checked_by": r.checked_by,
            }
            for r in vetting.references
        ],
        "moves": [
            {
                "from": m.from_stage,
                "to": m.to_stage,
                "at": m.moved_at.isoformat(),
                "by": m.moved_by,
                "reason": m.reason,
                "override_reason": m.override_reason,
                "missing": list(m.missing),
            }
            for m in vetting.moves
        ],
    }


def _field(label: str, value: object) -> None:
    print(f"{label:>{_LABEL}}: {value}")


def _cmd_vet(database: Database, args: argparse.Namespace) -> int:
    from workbench.services.candidates import find_candidate
    from workbench.services.pipeline import stages
    from workbench.services.vetting import vetting

    candidate = find_candidate(database, args.candidate)
    found = vetting(database, candidate.id)
    pipeline = stages(database)
    if args.json:
        _emit_json(_vetting_to_dict(found, pipeline))
        return 0
    since = f" (since {found.stage_since:%Y-%m-%d})" if found.stage_since else ""
    _field("candidate", f"{candidate.draft.full_name} (#{candidate.id})")
    _field("stage", f"{found.stage.name}{since}")
    _field("vetting", gate_line(found, pipeline))
    card = found.scorecard.draft if found.scorecard else None
    if card is not None:
        for criterion in Criterion:
            rating = card.rating(criterion)
            score = f"{rating.score} {SCORE_LABELS[rating.score]}" if rating.score else "not rated"
            comment = f" — {rating.comment}" if rating.comment else ""
            _field(criterion.label.lower(), f"{score}{comment}")
        _field("average", card.average if card.average is not None else "-")
        _field("methodologies", ", ".join(card.methodologies) or "-")
        _field("tools", ", ".join(card.tools) or "-")
    for reference in found.references:
        r = reference.draft
        outcome = r.outcome.label if r.outcome else "?"
        where = ", ".join(filter(None, (r.relationship, r.company)))
        _field(
            "reference",
            f"{r.checked_on} {r.referee}{f' ({where})' if where else ''}: {outcome}"
            + (f" — {r.notes}" if r.notes else ""),
        )
    for note in found.interviews:
        _field("interview", f"{note.held_on} by {note.interviewer}: {note.text}")
    for move in found.moves:
        line = f"{move.moved_at:%Y-%m-%d %H:%M} {move.from_stage or '-'} → {move.to_stage}"
        if move.override_reason:
            line += f" (gate overridden: {move.override_reason})"
        elif move.reason:
            line += f" ({move.reason})"
        _field("moved", line)
    return 0


def stage_ids(database: Database, names: Sequence[str]) -> tuple[int, ...]:
    """Return the ids of the stages named for `search --stage`; raise listing the stages."""
    from workbench.services.pipeline import resolve_stage

    return tuple(dict.fromkeys(resolve_stage(database, name).id for name in names))


HANDLERS: dict[str, Callable[[Database, argparse.Namespace], int]] = {
    "stage": _cmd_stage,
    "history": _cmd_history,
    "vet": _cmd_vet,
}
