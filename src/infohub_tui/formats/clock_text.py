"""A timeline event's clocks in words: the deadline it set, its extensions, the court that stopped it."""

from __future__ import annotations

import datetime

from infohub_tui.hub.model import Clock, TimelineEvent
from infohub_tui.i18n import Translator


def describe_clock(clock: Clock, started: datetime.date, translator: Translator) -> str:
    """One line: `Divestment, 90 days: from 14 August 2020 to 12 November 2020; extended to …`."""
    parts = [
        translator(
            "clock.window",
            label=clock.label or translator("clock.unlabelled"),
            start=translator.long_date(started),
            ends=translator.long_date(clock.ends),
        )
    ]
    if clock.extended_to:
        parts.append(translator("clock.extended", dates=_listed(clock.extended_to, translator)))
    if clock.stopped is not None:
        parts.append(translator("clock.stopped", date=translator.long_date(clock.stopped)))
    return "; ".join(parts)


def clock_lines(event: TimelineEvent, translator: Translator) -> list[str]:
    """Every clock the event started, one line each, in the order the content gives them."""
    return [describe_clock(clock, event.date, translator) for clock in event.clocks]


def _listed(days: tuple[datetime.date, ...], translator: Translator) -> str:
    dates = [translator.long_date(day) for day in days]
    if len(dates) == 1:
        return dates[0]
    return f"{', '.join(dates[:-1])} {translator('clock.and')} {dates[-1]}"
