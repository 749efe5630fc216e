"""Sample consents: the candidates the agency put forward, or means to, agreed to it."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from datetime import datetime, time, timedelta
from typing import Any

from workbench.domain.certifications import add_months
from workbench.domain.consent import CONSENT_METHODS, LawfulBasis
from workbench.services.demo_tables import Weighted

_METHODS = Weighted([(CONSENT_METHODS[0], 55), (CONSENT_METHODS[1], 15), (CONSENT_METHODS[2], 25),
                     (CONSENT_METHODS[4], 5)])  # fmt: skip
_BASES = Weighted([(LawfulBasis.LEGITIMATE_INTERESTS, 85), (LawfulBasis.CONSENT, 15)])


def consent_rows(
    seed: int,
    submittals: Iterable[Mapping[str, Any]],
    shortlisted: Iterable[int],
    client_of_job: Mapping[int, int],
    now: datetime,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Return data-protection and client-consent rows for the submitted and shortlisted.

    Each submitted candidate agreed to be represented before their first submittal, and to
    go to each client a day or so before that client first saw them. A shortlisted one has
    agreed to be represented; whether they agree to this client is the consultant's next
    call. One in twenty consents to be represented has lapsed, as happens in a real file.
    """
    rng = random.Random(f"consents-{seed}")
    first_sent: dict[int, datetime] = {}
    last_sent: dict[int, datetime] = {}
    to_client: dict[tuple[int, int], tuple[datetime, str]] = {}
    for row in submittals:
        cid, when = row["candidate_id"], row["submitted_at"]
        first_sent[cid] = min(first_sent.get(cid, when), when)
        last_sent[cid] = max(last_sent.get(cid, when), when)
        pair = (cid, client_of_job[row["job_id"]])
        if pair not in to_client or when < to_client[pair][0]:
            to_client[pair] = (when, row["submitted_by"])
    for cid in shortlisted:
        first_sent.setdefault(cid, now)
    protection = []
    for cid, first in sorted(first_sent.items()):
        given = (first - timedelta(days=rng.randrange(1, 20))).date()
        # A lapse always falls after the last time the candidate was put forward: the
        # agency never sent a profile on a consent that had run out.
        latest = max(last_sent.get(cid, first), datetime.combine(given, time(9))).date()
        lapses = max(add_months(given, 12), latest) if rng.random() < 0.5 else None
        quiet_days = (now.date() - latest).days
        if quiet_days > 30 and rng.random() < 0.05:
            lapses = latest + timedelta(days=rng.randrange(1, quiet_days))
        protection.append(
            {
                "candidate_id": cid,
                "lawful_basis": _BASES.pick(rng).value,
                "consent_given_on": given,
                "consent_how": _METHODS.pick(rng),
                "consent_expires_on": lapses,
                "consent_withdrawn_on": None,
                "note": "",
                "updated_at": datetime.combine(given, time(10)),
                "version": 1,
            }
        )
    by_client = []
    for (cid, client_id), (when, by) in sorted(to_client.items()):
        given_on = (when - timedelta(days=rng.randrange(0, 4))).date()
        # Recorded between the day it was given and the first submittal it allowed.
        recorded = when - timedelta(hours=rng.randrange(2, 30))
        by_client.append(
            {
                "candidate_id": cid,
                "client_id": client_id,
                "given_on": given_on,
                "how": _METHODS.pick(rng),
                "expires_on": None,
                "withdrawn_on": None,
                "recorded_by": by,
                "recorded_at": max(recorded, datetime.combine(given_on, time.min)),
                "version": 1,
            }
        )
    return protection, by_client
