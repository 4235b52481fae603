"""A large, deterministic content bundle for tests and benchmarks."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

from infohub_tui.hub.model import Clock, TimelineEvent

WORDS = [
    "data",
    "storage",
    "virginia",
    "singapore",
    "order",
    "executive",
    "court",
    "deadline",
    "statement",
    "deal",
    "ban",
    "divest",
    "access",
    "employee",
    "security",
    "network",
    "location",
    "browsing",
    "search",
    "history",
    "government",
    "claim",
    "response",
    "record",
    "straight",
    "rumour",
    "misinformation",
    "election",
    "transparency",
    "competition",
    "roadmap",
    "question",
    "answer",
    "commerce",
    "judge",
    "injunction",
    "prohibition",
    "transaction",
    "app",
    "store",
    "hosting",
    "delivery",
    "emergency",
    "supply",
    "chain",
    "privacy",
    "audit",
    "backup",
    "server",
    "cloud",
    "report",
    "review",
    "policy",
    "user",
    "account",
]


def _sentence(rng: random.Random, length: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length)).capitalize()


def write_synthetic_bundle(
    root: Path, entries_per_pane: int, lang: str = "en", seed: int = 2020, only: str | None = None
) -> Path:
    """Write `root/<lang>/` with `entries_per_pane` entries in each pane (or only in the file
    named `only`, one entry in the others); return `root`."""
    rng = random.Random(seed)
    directory = root / lang
    directory.mkdir(parents=True, exist_ok=True)
    (directory / "hub.yaml").write_text(
        "title: Synthetic hub\norganisation: Benchmark\nchecked: 2026-11-29\nsources:\n"
        "  - id: src\n    title: Source\n    publisher: Publisher\n    url: https://example.org/synthetic-source\n",
        encoding="utf-8",
    )
    kinds = ("order", "deadline", "statement", "court", "deal", "other")
    panes = {
        "statements.yaml": "  date: 2020-08-{day:02d}\n  speaker: {speaker}\n  title: {title}\n  body: {body}\n",
        "faq.yaml": "  question: {title}?\n  answer: {body}\n  answered_by: {speaker}\n",
        "storage.yaml": "  label: {title}\n  value: {speaker}\n  detail: {body}\n  claimed_by: {speaker}\n",
        "timeline.yaml": "  date: 2020-09-{day:02d}\n  title: {title}\n  kind: {kind}\n  actor: {speaker}\n  body: {body}\n",
    }
    for filename, template in panes.items():
        parts = []
        count = entries_per_pane if only in (None, filename) else 1
        for number in range(count):
            parts.append(f"- id: entry-{number}\n")
            parts.append(
                template.format(
                    day=rng.randint(1, 28),
                    speaker=_sentence(rng, 2),
                    title=f"{_sentence(rng, 6)} {number}",
                    body=_sentence(rng, 40),
                    kind=rng.choice(kinds),
                )
            )
            parts.append("  sources: [src]\n")
        (directory / filename).write_text("".join(parts), encoding="utf-8")
    return root


def synthetic_timeline(count: int, seed: int = 2020, clock_every: int = 10) -> list[TimelineEvent]:
    """`count` timeline events spread over 2019 to 2025, every `clock_every`-th starting a clock
    (some extended, some stopped), in date order, as the loader returns them."""
    rng = random.Random(seed)
    kinds = ("order", "deadline", "statement", "court", "deal", "other", "epilogue")
    start = datetime.date(2019, 1, 1)
    events = []
    for number in range(count):
        day = start + datetime.timedelta(days=rng.randint(0, 6 * 365))
        clocks: tuple[Clock, ...] = ()
        if clock_every and number % clock_every == 0:
            ends = day + datetime.timedelta(days=rng.randint(10, 120))
            extended = (ends + datetime.timedelta(days=rng.randint(5, 30)),) if number % 3 == 0 else ()
            stopped = (
                day + datetime.timedelta(days=rng.randint(0, (ends - day).days)) if number % 4 == 0 else None
            )
            clocks = (Clock(ends=ends, label=_sentence(rng, 2), extended_to=extended, stopped=stopped),)
        events.append(
            TimelineEvent(
                id=f"event-{number}",
                sources=("src",),
                date=day,
                title=f"{_sentence(rng, 6)} {number}",
                kind=rng.choice(kinds),
                actor=_sentence(rng, 2),
                text=_sentence(rng, 20),
                clocks=clocks,
            )
        )
    return sorted(events, key=lambda event: event.date)
