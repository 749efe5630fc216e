"""Submittals: a candidate's profile sent to a client for a job, and where it went from there."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum

from workbench.domain.claims import parse_labelled_key


class SubmittalStatus(Enum):
    """Where a submittal stands with the client."""

    SUBMITTED = "submitted"
    INTERVIEWING = "interviewing"
    OFFERED = "offered"
    PLACED = "placed"
    CLIENT_DECLINED = "client-declined"
    CANDIDATE_WITHDREW = "candidate-withdrew"

    @property
    def label(self) -> str:
        """Return the name a consultant reads."""
        return SUBMITTAL_STATUS_LABELS[self]

    @property
    def final(self) -> bool:
        """Say whether nothing follows this status."""
        return self in FINAL_STATUSES


SUBMITTAL_STATUS_LABELS = {
    SubmittalStatus.SUBMITTED: "Submitted",
    SubmittalStatus.INTERVIEWING: "Interviewing",
    SubmittalStatus.OFFERED: "Offered",
    SubmittalStatus.PLACED: "Placed",
    SubmittalStatus.CLIENT_DECLINED: "Client declined",
    SubmittalStatus.CANDIDATE_WITHDREW: "Candidate withdrew",
}
FINAL_STATUSES = frozenset(
    {SubmittalStatus.PLACED, SubmittalStatus.CLIENT_DECLINED, SubmittalStatus.CANDIDATE_WITHDREW}
)
_FORWARD = (
    SubmittalStatus.SUBMITTED,
    SubmittalStatus.INTERVIEWING,
    SubmittalStatus.OFFERED,
    SubmittalStatus.PLACED,
)


def next_statuses(status: SubmittalStatus) -> tuple[SubmittalStatus, ...]:
    """Return the statuses a submittal may move to: forward along the line, or out of it."""
    if status.final:
        return ()
    later = _FORWARD[_FORWARD.index(status) + 1 :]
    return (*later, SubmittalStatus.CLIENT_DECLINED, SubmittalStatus.CANDIDATE_WITHDREW)


def parse_submittal_status(text: str) -> SubmittalStatus:
    """Return the status named by value or label ('client declined'); raise ValueError."""
    status: SubmittalStatus = parse_labelled_key(text, SUBMITTAL_STATUS_LABELS, "submittal status")
    return status


@dataclass(frozen=True)
class Submittal:
    """One candidate put forward for one job, as the log shows it."""

    id: int
    job_id: int
    job_title: str
    client_name: str
    candidate_id: int
    candidate_name: str
    contact_name: str
    submitted_at: datetime
    submitted_by: str
    blind: bool
    sha256: str  # of the PDF file the client received
    file_name: str
    combined: bool
    status: SubmittalStatus
    status_at: datetime
    override_reason: str  # why it went although the checks refused it
    refusals: tuple[str, ...]  # what the checks found, when overridden
    version: int
