"""Sentences for sample candidates: profile summaries and job descriptions built from phrases."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TypeVar

from workbench.domain.roles import Level, Specialisation

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    """Return one of items at random; cheaper than Random.choice, which matters per candidate."""
    return items[int(rng.random() * len(items))]


_S = Specialisation

FOCUS: dict[Specialisation, tuple[str, ...]] = {
    _S.AGILE_PM: (
        "iterative software projects",
        "web and mobile product releases",
        "Agile projects for customer-facing platforms",
    ),
    _S.TECHNICAL_PM: (
        "cloud migrations and infrastructure upgrades",
        "data-centre consolidations",
        "API and systems integration projects",
    ),
    _S.PROGRAM_MANAGER: (
        "programs of related IT projects",
        "multi-vendor technology programs",
        "enterprise programs with several project workstreams",
    ),
    _S.SCRUM_MASTER: (
        "Agile adoption projects",
        "sprint-based product development",
        "Scrum and Kanban team coaching",
    ),
    _S.CYBERSECURITY_PM: (
        "security compliance audits and remediation projects",
        "threat detection and identity management projects",
        "ISO 27001 and SOC 2 programs",
    ),
    _S.DIGITAL_TRANSFORMATION_PM: (
        "ERP and CRM rollouts",
        "data analytics platform deployments",
        "enterprise software adoption projects",
    ),
}

CLIENTS = {
    "Technology": "technology companies",
    "Finance": "financial services firms",
    "Healthcare": "healthcare providers",
    "Government": "public-sector agencies",
    "Retail & e-commerce": "retail and e-commerce brands",
    "Manufacturing": "manufacturers",
    "Education": "universities and schools",
}

_LEVEL_WORDS = {
    Level.JUNIOR: ("Junior ", "Early-career "),
    Level.MID: ("", "Experienced "),
    Level.SENIOR: ("Senior ", "Seasoned "),
}

_OPENINGS = (
    "{adj}{role} with {years} of experience delivering {focus} for {clients}.",
    "{adj}{role} with {years} in {clients_short}, focused on {focus}.",
    "{adj}{role} who has spent {years} running {focus} in {environment} settings.",
)

_METHOD_SENTENCES = (
    "Runs delivery with {methods}, keeping plans, risks and status visible in {tools}.",
    "Works across {methods} frameworks and tracks project scope, budget and risk in {tools}.",
    "Comfortable with {methods}; uses {tools} for planning, reporting and stakeholder updates.",
)

ACHIEVEMENTS: dict[Specialisation | None, tuple[str, ...]] = {
    None: (
        "Led a team of {team} through a {money} {kind} that went live on schedule and "
        "{pct}% under budget.",
        "Turned around a delayed {money} project, bringing it back on schedule within "
        "{months} months.",
        "Built the risk and change-control process now used across {projects} projects.",
    ),
    _S.AGILE_PM: (
        "Moved {teams} teams from quarterly releases to two-week sprints, cutting time to "
        "market by {pct}%.",
        "Delivered a mobile app to {users} users on a {money} budget, two sprints ahead of plan.",
        "Raised sprint predictability from {low}% to {high}% across {teams} squads.",
    ),
    _S.TECHNICAL_PM: (
        "Led the migration of {apps} applications to {cloud} with no unplanned downtime, "
        "finishing {weeks} weeks early.",
        "Ran a {money} data-centre consolidation that cut hosting costs by {pct}%.",
        "Coordinated a {sites}-site network refresh across {countries} countries, delivered on "
        "schedule.",
    ),
    _S.PROGRAM_MANAGER: (
        "Oversaw a {money} program of {projects} projects and {vendors} vendors, delivered "
        "{pct}% under budget.",
        "Set up a PMO that raised on-time delivery from {low}% to {high}% across {projects} "
        "projects.",
        "Managed a {money} portfolio of {projects} projects reporting to the executive board.",
    ),
    _S.SCRUM_MASTER: (
        "Coached {teams} Scrum teams; cycle time fell by {pct}% and escaped defects halved.",
        "Introduced Kanban boards and WIP limits, lifting throughput by {pct}% within "
        "{months} months.",
        "Facilitated PI planning for {people} people across {teams} teams.",
    ),
    _S.CYBERSECURITY_PM: (
        "Took a {standard} audit to zero major findings in {months} months.",
        "Rolled out multi-factor authentication to {users} users in {countries} countries.",
        "Delivered a {money} SIEM and threat-detection project that cut mean time to detect "
        "by {pct}%.",
    ),
    _S.DIGITAL_TRANSFORMATION_PM: (
        "Rolled out {system} to {users} users in {countries} countries on a {money} budget.",
        "Led a {money} ERP migration that retired {apps} legacy systems.",
        "Launched a self-service analytics platform for {users} staff; report turnaround fell "
        "by {pct}%.",
    ),
}

_KINDS = (
    "CRM replacement",
    "cloud migration",
    "payments platform upgrade",
    "ERP rollout",
    "network modernisation",
    "patient portal launch",
    "data warehouse build",
)
_SYSTEMS = ("SAP S/4HANA", "Salesforce", "ServiceNow", "Workday", "Microsoft Dynamics 365")
_STANDARDS = ("SOC 2 Type II", "ISO 27001", "PCI DSS", "HIPAA", "NIST CSF")
_CLOUDS = ("AWS", "Azure", "GCP")

# What coordinators and assistant PMs did: support, not leadership.
_SUPPORT_DUTIES = (
    "Kept schedules, RAID logs and weekly status reports for {projects} projects.",
    "Coordinated sprint ceremonies and release checklists for {teams} delivery teams.",
    "Supported a {money} {kind}: meeting notes, risk log and vendor follow-ups.",
    "Tracked budgets and timesheets for a PMO of {projects} projects in Excel.",
)

_CLOSERS = (
    "PMP-certified and at ease presenting to executives and engineers alike.",
    "Known for crisp status reports, honest risk logs and calm stakeholder communication.",
    "Holds PRINCE2 Practitioner and ITIL 4 Foundation certificates.",
    "Open to {environment} roles, remote or hybrid.",
)
_ROLE_CLOSERS = {
    _S.SCRUM_MASTER: "Certified ScrumMaster who coaches teams on estimation and retrospectives.",
    _S.AGILE_PM: "PMI-ACP certified; pragmatic about mixing Agile and plan-driven methods.",
    _S.TECHNICAL_PM: "AWS Certified Solutions Architect – Associate, fluent in engineers' terms.",
    _S.CYBERSECURITY_PM: "CompTIA Project+ certified, with a strong grounding in risk management.",
}

_METHODS = ("Scrum", "Kanban", "Waterfall", "PRINCE2", "Hybrid")
# Tools a PM tracks work in (chat tools like Slack do not read well in that sentence).
_TOOLS = (
    "Jira",
    "Confluence",
    "Microsoft Project",
    "Trello",
    "Asana",
    "Monday.com",
    "Power BI",
    "Tableau",
    "Excel",
)
_CURRENCY_SIGNS = {"USD": "$", "GBP": "£", "EUR": "€"}


def years_phrase(years: float) -> str:
    """Return years of experience as a profile would say them ('six months', '7.5 years')."""
    if years < 1:
        return "six months"
    if years == 1:
        return "one year"
    return f"{years:g} years"


def join_words(words: Sequence[str]) -> str:
    """Return words as an English list: 'a', 'a and b', 'a, b and c'."""
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def money(rng: random.Random, currency: str) -> str:
    """Return a plausible project budget such as '$2.4M' or '€650K' in the given currency."""
    sign = _CURRENCY_SIGNS.get(currency, currency + " ")
    amount = round(rng.lognormvariate(0.6, 0.9), 1)
    if amount < 1:
        return f"{sign}{max(150, round(amount * 1000, -1)):g}K"
    return f"{sign}{min(amount, 60.0):g}M"


# Ranges and words the achievement templates draw their numbers and nouns from.
_RANGES = {
    "team": (5, 40), "teams": (2, 12), "pct": (5, 45), "months": (3, 13), "projects": (4, 30),
    "low": (45, 75), "apps": (6, 120), "weeks": (1, 7), "sites": (4, 60), "countries": (2, 14),
    "vendors": (2, 9), "people": (40, 160),
}  # fmt: skip
_WORDS = {"kind": _KINDS, "cloud": _CLOUDS, "standard": _STANDARDS, "system": _SYSTEMS}


class _Numbers(dict[str, str]):
    """Template values drawn only when a template asks for them."""

    def __init__(self, rng: random.Random, currency: str) -> None:
        """Draw from rng, quoting amounts of money in currency."""
        super().__init__()
        self.rng = rng
        self.currency = currency

    def __missing__(self, key: str) -> str:
        """Draw the value a template names, and keep it for the rest of the sentence."""
        rng = self.rng
        if key == "high":
            value = str(min(98, int(self["low"]) + rng.randrange(12, 35)))
        elif key == "money":
            value = money(rng, self.currency)
        elif key == "users":
            value = f"{pick(rng, (2, 3, 5, 8, 12, 15, 25, 40)) * 1000:,}"
        elif key in _WORDS:
            value = pick(rng, _WORDS[key])
        else:
            low, high = _RANGES[key]
            value = str(rng.randrange(low, high))
        self[key] = value
        return value


def support_duties(rng: random.Random, currency: str) -> str:
    """Return one sentence about the work of a coordinator or assistant PM, with numbers."""
    return pick(rng, _SUPPORT_DUTIES).format_map(_Numbers(rng, currency))


def achievement(rng: random.Random, role: Specialisation, currency: str) -> str:
    """Return one past-tense sentence about a delivery, with numbers."""
    templates = ACHIEVEMENTS[role] if rng.random() < 0.7 else ACHIEVEMENTS[None]
    return pick(rng, templates).format_map(_Numbers(rng, currency))


def compose_summary(
    rng: random.Random,
    *,
    role: Specialisation,
    level: Level,
    years: float,
    industries: Sequence[str],
    environments: Sequence[str],
    skills: Sequence[str],
    currency: str,
    clearance: str,
) -> str:
    """Return a 2-4 sentence profile: who, how they work, a result with numbers, a closer."""
    environment = (environments[0] if environments else "Enterprise").lower()
    clients = [CLIENTS[i] for i in industries[:2] if i in CLIENTS] or ["technology companies"]
    opening = pick(rng, _OPENINGS).format(
        adj=pick(rng, _LEVEL_WORDS[level]),
        role=role.label,
        years=years_phrase(years),
        focus=pick(rng, FOCUS[role]),
        clients=join_words(clients),
        clients_short=join_words([i.lower() for i in industries[:2]]) or "technology",
        environment=environment,
    )
    sentences = [opening]
    if rng.random() < 0.75:
        methods = [
            m if m != "Hybrid" else "hybrid Agile/Waterfall" for m in _METHODS if m in skills
        ]
        tools = [t for t in _TOOLS if t in skills][:3]
        sentences.append(
            pick(rng, _METHOD_SENTENCES).format(
                methods=join_words(methods[:3]) or "Agile and Waterfall",
                tools=join_words(tools) or "the client's own tooling",
            )
        )
    sentences.append(achievement(rng, role, currency))
    if clearance and rng.random() < 0.7:
        sentences.append(f"Holds an active {clearance} clearance.")
    elif rng.random() < 0.5:
        closer = _ROLE_CLOSERS.get(role) if rng.random() < 0.4 else None
        sentences.append(closer or pick(rng, _CLOSERS).format(environment=environment))
    return " ".join(sentences[:4])


FEEDER_DESCRIPTIONS = (
    "Worked alongside project managers on release planning and status reporting.",
    "Gathered requirements and wrote user stories for a cross-functional delivery team.",
    "Coordinated change requests and test cycles before moving into project management.",
)
