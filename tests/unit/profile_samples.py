"""Sample candidates and claims for the PDF profile tests, the benchmark and visual checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from workbench.domain.candidate import Candidate, CandidateDraft, EducationEntry, WorkHistoryEntry
from workbench.domain.certifications import SEED_RULES, CheckOutcome, ClaimStatus
from workbench.domain.claims import Check, CheckMethod, Claim
from workbench.domain.roles import Specialisation

GENERATED_ON = date(2026, 3, 20)
RULES = {rule.code: rule for rule in SEED_RULES}
STAMP = datetime(2026, 1, 5, 9, 30)

TYPICAL = CandidateDraft(
    first_name="Anna",
    last_name="Kowalska",
    email="anna.kowalska@example.com",
    phone="+442079460958",
    city="Manchester",
    country="United Kingdom",
    linkedin_url="https://www.linkedin.com/in/annakowalska",
    primary_role=Specialisation.TECHNICAL_PM,
    other_roles=(Specialisation.SCRUM_MASTER,),
    years_experience=11.5,
    salary_expectation=98_000,
    currency="GBP",
    available_from=date(2026, 5, 1),
    work_environments=("Enterprise", "Consulting firm"),
    industries=("Finance",),
    skills=(
        "Jira",
        "Confluence",
        "Scrum",
        "Kanban",
        "AWS",
        "Leadership",
        "Stakeholder management",
        "Power BI",
        "Excel",
        "Communication",
    ),
    work_history=(
        WorkHistoryEntry(
            "Northwind Bank",
            "Senior Technical Project Manager",
            date(2019, 3, 1),
            None,
            "Led the migration of the payments platform to AWS for Northwind Bank in Manchester.\n"
            "- Delivered 14 releases on time across 6 teams\n"
            "- Managed a budget of GBP 4.2m, 2019-2021\n"
            "- Reach me at anna.k@northwind.example or +44 20 7946 0958",
        ),
        WorkHistoryEntry(
            "Contoso Consulting",
            "Project Manager",
            date(2015, 1, 1),
            date(2019, 2, 1),
            "Delivered CRM and data-warehouse projects for retail banking clients.",
        ),
        WorkHistoryEntry("Fabrikam", "Junior Project Manager", date(2013, 9, 1), date(2014, 12, 1)),
    ),
    education=(EducationEntry("Master's", "Computer Science", "University of Warsaw", 2013),),
    summary=(
        "Technical Project Manager with 11 years in financial services, known for steady "
        "delivery of complex cloud migrations. Anna Kowalska has led teams of up to 40 "
        "engineers at Northwind Bank.\n\nComfortable with regulators, architects and executives."
    ),
)


def candidate(draft: CandidateDraft = TYPICAL, candidate_id: int = 42) -> Candidate:
    """Return a stored-looking candidate around a draft."""
    return Candidate(candidate_id, draft, 1, STAMP, STAMP)


def check(day: date, method: CheckMethod = CheckMethod.REGISTRY, outcome=CheckOutcome.VERIFIED):
    """Return a recorded check."""
    return Check(1, day, STAMP, "Jo Consultant", method, outcome, "", "", 1, None)


def claim(code: str, status: ClaimStatus, expires_on: date | None, *checks: Check) -> Claim:
    """Return a claim of a seed certification in a status."""
    return Claim(
        id=len(code),
        candidate_id=42,
        code=code,
        name=RULES[code].name,
        credential_id=f"{code}-778899",
        secondary_id="",
        earned_on=date(2023, 4, 30),
        printed_expiry=None,
        expires_on=expires_on,
        status=status,
        last_checked_on=checks[0].checked_on if checks else None,
        version=1,
        checks=checks,
    )


CLAIMS = (
    claim("PMP", ClaimStatus.VERIFIED, date(2027, 4, 30), check(date(2026, 3, 12))),
    claim("CSM", ClaimStatus.UNVERIFIED, date(2027, 1, 1)),
    claim("AWS-SAA", ClaimStatus.EXPIRED, date(2025, 6, 1)),
    claim(
        "PMI-ACP",
        ClaimStatus.VERIFICATION_FAILED,
        date(2026, 9, 1),
        check(date(2026, 2, 2), CheckMethod.REGISTRY, CheckOutcome.NOT_FOUND),
    ),
)


def long_draft() -> CandidateDraft:
    """Return the typical candidate with ten jobs and a long summary."""
    paragraph = (
        "Delivered programmes of work spanning infrastructure, applications and data, with "
        "careful attention to risk, budget and the people doing the work. "
    )
    jobs = tuple(
        WorkHistoryEntry(
            f"Employer {n}",
            f"Project Manager, programme {n}",
            date(2024 - 2 * n, 1, 1),
            date(2025 - 2 * n, 12, 1),
            (paragraph * 3) + "\n- Shipped on time\n- Under budget by 8%",
        )
        for n in range(10)
    )
    return replace(TYPICAL, work_history=jobs, summary="\n\n".join([paragraph * 4] * 4))


UNICODE_NAMES = (
    ("Łukasz", "Żółć", "Poland"),
    ("Сергей", "Иванов", "Russia"),
    ("Νίκος", "Παπαδόπουλος", "Greece"),
    ("Nguyễn Thị", "Minh Khai", "Vietnam"),
    ("伟", "王", "China"),
    ("花子", "佐藤", "Japan"),
    ("민준", "김", "South Korea"),
)
