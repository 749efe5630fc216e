"""Sample claims stored in bulk: claim and check rows, and a few PDF printouts as evidence."""

from __future__ import annotations

import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from workbench.domain.candidate import CandidateDraft, ascii_fold
from workbench.domain.certifications import CertificationRule, CheckOutcome
from workbench.domain.claims import CheckMethod
from workbench.services.demo_claims import (
    DEMO_MIX,
    SAMPLE_CODES,
    ClaimMix,
    ClaimPlan,
    SampleCheck,
    SampleClaim,
)
from workbench.services.demo_vetting import SampleWaiver
from workbench.store import claim_queries
from workbench.store.candidate_repository import bulk_insert, table_of
from workbench.store.evidence import EvidenceStore, StoredFile
from workbench.store.models import CheckRecord, ClaimRecord, EvidenceRecord

# Demo checks that get a generated PDF "registry printout", per run: enough to try the viewer.
EVIDENCE_PER_RUN = 6

# A check to attach a printout to: (claim id, holder, rule, claim, check).
_Printout = tuple[int, CandidateDraft, CertificationRule, SampleClaim, SampleCheck]


@dataclass(frozen=True)
class StoredClaim:
    """A sample claim as stored: its id and its checks' ids, for the history to name."""

    candidate_id: int
    claim_id: int
    claim: SampleClaim
    check_ids: tuple[int, ...]


def next_ids(session: Session, table: str, count: int) -> list[int]:
    """Return the ids the next `count` rows of a table get (inside the write transaction)."""
    last = (
        session.connection()
        .exec_driver_sql(
            "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0),"
            f" coalesce((SELECT max(id) FROM {table}), 0))",
            (table,),
        )
        .scalar()
    )
    first = int(last or 0) + 1
    return list(range(first, first + count))


class SampleClaimWriter:
    """Stores the sample claims of candidates just inserted, a batch at a time, in bulk."""

    def __init__(
        self, session: Session, now: datetime, *, evidence: EvidenceStore | None = None
    ) -> None:
        """Read the catalogue once; claims use the rules as they stand (retired ones not)."""
        self.session, self.now, self.evidence = session, now, evidence
        self.stored_files: list[StoredFile] = []
        self.stored: list[StoredClaim] = []  # the last batch's claims
        self._rules: dict[str, tuple[int, CertificationRule]] = {}
        for record in claim_queries.rule_records(session):
            rule = claim_queries.to_rule(record)
            if not rule.retired and record.code in SAMPLE_CODES:
                self._rules[record.code] = (record.id, rule)

    def plan(self, seed: int, today: date, mix: ClaimMix = DEMO_MIX) -> ClaimPlan:
        """Return the plan that draws claims of this catalogue's certifications."""
        return ClaimPlan(tuple(rule for _, rule in self._rules.values()), seed, today, mix)

    def add(
        self,
        candidates: Sequence[tuple[int, CandidateDraft, Sequence[SampleClaim]]],
        *,
        created: Mapping[tuple[int, str], datetime] | None = None,
        waivers: Mapping[tuple[int, str], SampleWaiver] | None = None,
    ) -> int:
        """Store the claims and checks of newly inserted candidates; return how many claims.

        `created` gives when each claim was entered (else now), and `waivers` the reasons the
        vetted gate passes a claim unverified, both by (candidate, code).
        """
        self.stored = []
        made = [(cid, draft, claim) for cid, draft, claims in candidates for claim in claims]
        if not made:
            return 0
        when, waived = created or {}, waivers or {}
        bulk_insert(
            self.session,
            table_of(ClaimRecord),
            [
                self._claim_row(
                    cid, c, when.get((cid, c.code), self.now), waived.get((cid, c.code))
                )
                for cid, _, c in made
            ],
        )
        ids = self._claim_ids([cid for cid, _, _ in candidates])
        check_ids = iter(
            next_ids(self.session, "certification_checks", sum(len(c.checks) for *_, c in made))
        )
        check_rows = []
        wanted_evidence: list[_Printout] = []
        for cid, draft, claim in made:
            rule_id, rule = self._rules[claim.code]
            claim_id = ids[(cid, rule_id)]
            numbered = []
            for check in claim.checks:
                numbered.append(next(check_ids))
                check_rows.append({"id": numbered[-1], **self._check_row(claim_id, rule, check)})
            self.stored.append(StoredClaim(cid, claim_id, claim, tuple(numbered)))
            latest = claim.checks[-1] if claim.checks else None
            if (
                latest is not None
                and latest.outcome is CheckOutcome.VERIFIED
                and latest.method is not CheckMethod.CREDLY
                and claim.credential_id
                and self.evidence is not None
                and len(wanted_evidence) + len(self.stored_files) < EVIDENCE_PER_RUN
            ):
                wanted_evidence.append((claim_id, draft, rule, claim, latest))
        if check_rows:
            bulk_insert(self.session, table_of(CheckRecord), check_rows)
        if wanted_evidence:
            self._attach_evidence(wanted_evidence)
        return len(made)

    def _claim_row(
        self,
        candidate_id: int,
        claim: SampleClaim,
        created: datetime,
        waiver: SampleWaiver | None,
    ) -> dict[str, Any]:
        rule_id, rule = self._rules[claim.code]
        latest = claim.checks[-1] if claim.checks else None
        outcome = latest.outcome.value if latest else None
        return {
            "candidate_id": candidate_id,
            "rule_id": rule_id,
            "credential_id": claim.credential_id,
            "credential_key": claim_queries.credential_key(claim.credential_id),
            "secondary_id": claim.secondary_id,
            "earned_on": claim.earned_on,
            "printed_expiry": claim.printed_expiry,
            **claim_queries.derived_columns(rule, claim.earned_on, claim.printed_expiry, outcome),
            "last_checked_on": latest.checked_on if latest else None,
            "waiver_reason": waiver.reason if waiver else "",
            "waived_by": waiver.by if waiver else "",
            "waived_at": waiver.at if waiver else None,
            "created_at": created,
            "updated_at": created,
            "version": 1,
        }

    @staticmethod
    def _check_row(claim_id: int, rule: CertificationRule, check: SampleCheck) -> dict[str, Any]:
        return {
            "claim_id": claim_id,
            "checked_on": check.checked_on,
            "recorded_at": check.recorded_at,
            "checked_by": check.checked_by,
            "method": check.method.value,
            "outcome": check.outcome.value,
            "reference": check.reference,
            "note": check.note,
            "rule_revision": rule.revision,
            "valid_until": check.valid_until,
        }

    def _claim_ids(self, candidate_ids: Sequence[int]) -> dict[tuple[int, int], int]:
        """Return the new claims' ids by (candidate, rule): the store numbered them."""
        found: dict[tuple[int, int], int] = {}
        for start in range(0, len(candidate_ids), 900):
            chunk = list(candidate_ids[start : start + 900])
            query = select(ClaimRecord.id, ClaimRecord.candidate_id, ClaimRecord.rule_id).where(
                ClaimRecord.candidate_id.in_(chunk)
            )
            for claim_id, candidate_id, rule_id in self.session.execute(query):
                found[(candidate_id, rule_id)] = claim_id
        return found

    def _attach_evidence(
        self,
        wanted: Sequence[_Printout],
    ) -> None:
        """Store a generated PDF printout for a few verified checks, as a consultant would."""
        assert self.evidence is not None
        claim_ids = [claim_id for claim_id, *_ in wanted]
        check_ids = {
            claim_id: check_id
            for check_id, claim_id in self.session.execute(
                select(CheckRecord.id, CheckRecord.claim_id)
                .where(CheckRecord.claim_id.in_(claim_ids))
                .order_by(CheckRecord.checked_on, CheckRecord.id)
            )
        }  # ordered oldest first, so the last one kept per claim is its latest check
        rows = []
        with tempfile.TemporaryDirectory(prefix="workbench-demo-") as folder:
            for claim_id, draft, rule, claim, check in wanted:
                name = ascii_fold(draft.last_name) if ascii_fold(draft.last_name).isascii() else ""
                path = Path(folder) / f"{rule.code} {check.method.label} {name}".strip()
                path = path.with_name(path.name + ".pdf")
                path.write_bytes(_printout(draft, rule, claim, check))
                stored = self.evidence.put(path)
                self.stored_files.append(stored)
                rows.append(
                    {
                        "check_id": check_ids[claim_id],
                        "filename": stored.filename,
                        "media_type": stored.media_type,
                        "size": stored.size,
                        "sha256": stored.sha256,
                    }
                )
        bulk_insert(self.session, table_of(EvidenceRecord), rows)

    def discard_files(self) -> None:
        """Remove the printouts stored by a run that was rolled back."""
        if self.evidence is not None:
            for item in self.stored_files:
                self.evidence.discard(item.sha256, item.media_type)
        self.stored_files = []


def _pdf_text(text: str) -> str:
    plain = ascii_fold(text).encode("ascii", "replace").decode("ascii")
    return plain.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _printout(
    draft: CandidateDraft, rule: CertificationRule, claim: SampleClaim, check: SampleCheck
) -> bytes:
    """Return a one-page PDF that stands for the registry page a consultant saved."""
    lines = [
        f"{rule.issuer} - {check.method.label}",
        f"Holder: {draft.first_name} {draft.last_name}",
        f"Certification: {rule.name} ({rule.code})",
        f"{rule.identifier_label.capitalize()}: {claim.credential_id or '-'}",
        f"Earned: {claim.earned_on or '-'}   Lapses on: {check.valid_until or '-'}",
        f"Looked up {check.checked_on} by {check.checked_by}: {check.reference}",
        "Sample data generated by Workbench; not a real record.",
    ]
    text = "BT /F1 11 Tf 56 780 Td 15 TL " + " ".join(f"({_pdf_text(x)}) '" for x in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        "/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Length {len(text)} >>\nstream\n{text}\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("ascii")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode("ascii")
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n"
    ).encode("ascii")
    return bytes(out)
