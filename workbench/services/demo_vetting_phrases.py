"""The words sample vetting is written in: reasons, comments, notes, referees' remarks."""

from __future__ import annotations

from workbench.domain.vetting import Criterion, ReferenceOutcome
from workbench.services.demo_tables import Weighted

CLIENTS = (
    "Northwind Bank",
    "Contoso Health",
    "Fabrikam Logistics",
    "Tailspin Airlines",
    "Adatum Insurance",
    "Woodgrove Retail",
    "Litware Energy",
)
FORWARD_REASONS = {
    1: (
        "CV matches the client's brief",
        "Referred by a candidate we placed last year",
        "Strong Jira and Confluence background",
        "Applied to the advert; relevant sector experience",
    ),
    2: (
        "Good screening call; interview booked",
        "Passed the phone screen",
        "Clear delivery examples on the call",
    ),
    3: ("Scorecard complete, references positive", "Vetting complete", ""),
    4: ("Presented to {client}", "Shortlisted for {client}", "Profile sent to {client}"),
    5: (
        "Placed with {client}, 12-month contract",
        "Placed with {client}, permanent role",
        "Placed with {client}, 6-month contract with extension option",
    ),
}
REJECTED_EARLY = (
    "Salary expectations above the client's band",
    "Not enough hands-on Agile delivery",
    "Notice period too long for the client (3 months)",
    "Weak stakeholder-management examples at interview",
    "No budget-ownership experience at the required scale",
    "Right-to-work sponsorship needed; client cannot sponsor",
)
REJECTED_LATE = (
    "Client chose another candidate",
    "Client feedback: not enough regulated-industry experience",
    "Salary expectations above the client's band",
    "Client feedback: too hands-off for a delivery role",
    "References raised concerns about delivery under pressure",
)
WITHDRAWN = (
    "Accepted an offer elsewhere",
    "Stayed with current employer after a counter-offer",
    "Relocation fell through",
    "No longer looking, for personal reasons",
    "Wants remote-only roles; the client needs three days on site",
)
OVERRIDES = (
    "Client needs the shortlist by Friday; second reference promised next week",
    "Certificate seen at interview; issuer's register not answering",
    "Director approved: strong referral from a placed candidate",
    "Scorecard to be finished after the client's technical interview",
)
WAIVERS = (
    "Not required by the client's brief",
    "Certificate seen at interview; issuer has not answered in three weeks",
    "Lapsed certification not relevant to this role",
    "Candidate's register entry pending a name change; certificate PDF seen",
)
COMMENTS: dict[Criterion, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # (for low scores, for good ones)
    Criterion.LEADERSHIP: (
        ("Led small teams only", "Defers to the sponsor too readily"),
        ("Turned round a failing programme", "Teams follow him/her willingly", "Clear ownership"),
    ),
    Criterion.TECHNICAL_ACUMEN: (
        ("Vague on architecture", "Relies on the tech lead for estimates"),
        ("Speaks the engineers' language", "Solid grasp of cloud migration", "Knows CI/CD well"),
    ),
    Criterion.DELIVERY: (
        ("Examples lacked measurable outcomes", "Two late releases, little reflection"),
        ("On time and on budget, with numbers", "Delivered a 40-person programme"),
    ),
    Criterion.COMMUNICATION: (
        ("Rambling answers", "Status reports too detailed for executives"),
        ("Crisp and structured", "Excellent with executives", "Listens well"),
    ),
    Criterion.PROBLEM_SOLVING: (
        ("Escalates rather than solves", "Generic answers to the scenario"),
        ("Good root-cause thinking", "Handled the scenario calmly", "Pragmatic trade-offs"),
    ),
    Criterion.TIME_MANAGEMENT: (
        ("Overcommits", "Missed our own interview slot once"),
        ("Disciplined planner", "Protects the critical path", "Realistic estimates"),
    ),
    Criterion.NEGOTIATION: (
        ("Concedes scope too quickly", "Little vendor experience"),
        ("Renegotiated a vendor contract", "Firm but fair on scope", "Good with procurement"),
    ),
}
GOOD_SCORES = Weighted([(3, 25), (4, 45), (5, 30)])
WEAK_SCORES = Weighted([(1, 5), (2, 30), (3, 45), (4, 20)])
NOTES = (
    "Walked through {employer}: {skill} rollout, team of {team}; clear on trade-offs.",
    "Competency interview. Strong on {skill}; asked about risk registers and RAID logs.",
    "Discussed the {employer} programme in depth; {years} of PM work shows.",
    "Scenario on a slipping release: re-planned with the sponsor, kept {skill} ceremonies.",
    "Second interview with the client lead present. Good rapport; notice period confirmed.",
)
FIRST = ("Alex", "Sam", "Jordan", "Chris", "Morgan", "Priti", "Olu", "Hannah", "Mateo", "Yuki")
LAST = ("Fischer", "Adeyemi", "Campbell", "Novak", "Sato", "Ortiz", "Kaur", "Walsh", "Berg")
REFERENCE_NOTES = {
    ReferenceOutcome.POSITIVE: (
        "Would hire again without hesitation.",
        "Delivered our ERP migration on time; calm under pressure.",
        "Trusted by the board; handled a difficult vendor well.",
    ),
    ReferenceOutcome.MIXED: (
        "Strong planner, but struggled with a hostile stakeholder.",
        "Good delivery; documentation was thin.",
    ),
    ReferenceOutcome.NEGATIVE: (
        "Left mid-project; would not rehire.",
        "Missed two milestones and did not escalate.",
    ),
    ReferenceOutcome.NO_RESPONSE: ("Three calls and an email, no answer.",),
}
