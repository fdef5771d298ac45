"""The retention review: people whose last contact is older than the retention period.

The CNIL's référentiel for social and médico-social support keeps data in the active
base for 2 years from the last contact with the person. The clock runs from the last
contact, so a person who keeps coming back never appears. For each person due, the
worker forgets them or keeps them with a written reason (sealed in the person's
profile); a kept person comes back to the review after a delay.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from journal.model import PersonSummary
from journal.store import Journal


@dataclass(frozen=True)
class Kept:
    """Why a person was kept past the retention period, and until when."""

    reason: str
    kept_on: date
    review_after: date

    def to_json(self) -> dict[str, str]:
        return {
            "reason": self.reason,
            "kept_on": self.kept_on.isoformat(),
            "review_after": self.review_after.isoformat(),
        }

    @classmethod
    def from_json(cls, data: dict) -> Kept:
        return cls(
            data["reason"],
            date.fromisoformat(data["kept_on"]),
            date.fromisoformat(data["review_after"]),
        )


@dataclass(frozen=True)
class DueForReview:
    summary: PersonSummary
    since: date  # the last contact, or when the person was added if there is no entry
    kept: Kept | None  # the reason given at the previous review, shown again


def kept_of(summary: PersonSummary) -> Kept | None:
    data = summary.person.extra.get("retention")
    return Kept.from_json(data) if data else None


def due_for_review(
    summaries: list[PersonSummary], today: date, retention_years: int = 2
) -> list[DueForReview]:
    """People past the retention period, oldest contact first; kept ones after their delay."""
    limit = today - relativedelta(years=retention_years)
    due = []
    for summary in summaries:
        since = summary.last_contact
        if since is None and summary.person.created_at is not None:
            since = summary.person.created_at.date()
        if since is None or since > limit:
            continue
        kept = kept_of(summary)
        if kept is not None and kept.review_after > today:
            continue
        due.append(DueForReview(summary, since, kept))
    return sorted(due, key=lambda d: d.since)


def keep_with_reason(
    journal: Journal, person_id: str, reason: str, today: date, delay_months: int = 6
) -> Kept:
    """Record why this person is kept; they come back to the review after the delay."""
    kept = Kept(reason.strip(), today, today + relativedelta(months=delay_months))
    journal.update_person(person_id, extra={"retention": kept.to_json()})
    return kept
