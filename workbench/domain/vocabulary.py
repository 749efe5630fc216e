"""The guide's checklists: skills by category, work environments, industries, degrees."""

from __future__ import annotations

SKILL_CATEGORIES: dict[str, tuple[str, ...]] = {
    "PM tools": ("Jira", "Trello", "Microsoft Project", "Asana", "Monday.com"),
    "Methodologies": ("Scrum", "Kanban", "Waterfall", "PRINCE2", "Hybrid"),
    "IT knowledge": (
        "Software development",
        "AWS",
        "Azure",
        "GCP",
        "Cybersecurity",
        "Networking",
    ),
    "Budgeting": ("Excel", "Financial software"),
    "Collaboration": ("Slack", "Microsoft Teams", "Confluence"),
    "Data/reporting": ("Tableau", "Power BI"),
}

SOFT_SKILLS = ("Leadership", "Communication", "Problem-solving", "Time management", "Negotiation")

WORK_ENVIRONMENTS = (
    "Enterprise",
    "Startup",
    "Consulting firm",
    "Government agency",
    "Managed service provider",
)

INDUSTRIES = (
    "Technology",
    "Finance",
    "Healthcare",
    "Government",
    "Retail & e-commerce",
    "Manufacturing",
    "Education",
)

DEGREE_LEVELS = ("Secondary", "Associate", "Bootcamp", "Bachelor's", "Master's", "MBA", "Doctorate")

CURRENCIES = ("USD", "EUR", "GBP", "CAD", "AUD", "CHF", "INR", "SGD", "PLN", "SEK")

_CANONICAL_SKILLS = {
    skill.casefold(): skill for skills in SKILL_CATEGORIES.values() for skill in skills
}


def canonical_skill(text: str) -> str:
    """Return a checklist skill in the guide's spelling, or the free tag trimmed as typed."""
    cleaned = " ".join(text.split())
    return _CANONICAL_SKILLS.get(cleaned.casefold(), cleaned)


def skill_category(skill: str) -> str | None:
    """Return the checklist category of a skill, or None for a free tag."""
    for category, skills in SKILL_CATEGORIES.items():
        if skill in skills:
            return category
    return None
