"""A timeline with the story's clocks, for the chart's tests (not the bundled content, which may change)."""

from __future__ import annotations

from pathlib import Path

from .helpers import write_bundle

STORY_TIMELINE = """\
# The two orders with their two clocks, the moved ban date, the injunctions, and what came later.
- id: eo-13873
  date: 2019-05-15
  title: Executive Order 13873 declares an ICT supply-chain emergency
  kind: order
  actor: President Donald Trump
  body: An emergency over the ICT supply chain.
  sources: [src-one]
- id: tiktok-2019-statement
  date: 2019-10-24
  title: TikTok states US user data is stored in the US
  kind: statement
  actor: TikTok
  body: A newsroom statement.
  sources: [src-one]
- id: microsoft-talks
  date: 2020-08-02
  title: Microsoft confirms talks to buy TikTok's US operations
  kind: deal
  actor: Microsoft
  body: Talks to finish by 15 September 2020.
  sources: [src-one]
- id: eo-13942-signed
  date: 2020-08-06
  title: Executive Order 13942 signed
  kind: order
  actor: President Donald Trump
  body: Prohibitions after 45 days.
  sources: [src-one]
  clocks:
    - label: EO 13942, 45 days
      ends: 2020-09-20
- id: cfius-divestment-order
  date: 2020-08-14
  title: Divestment order on ByteDance's acquisition of Musical.ly
  kind: order
  actor: President Donald Trump (CFIUS)
  body: Divest within 90 days.
  sources: [src-one]
  clocks:
    - label: Divestment, 90 days
      ends: 2020-11-12
      extended_to: [2020-11-27, 2020-12-04]
- id: hub-launch
  date: 2020-08-17
  title: TikTok launches its information hub
  kind: statement
  actor: TikTok
  body: The hub opens.
  sources: [src-one]
- id: tiktok-sues
  date: 2020-08-24
  title: TikTok and ByteDance sue the administration
  kind: court
  actor: TikTok Inc. and ByteDance Ltd.
  body: A suit in C.D. Cal.
  sources: [src-one]
- id: microsoft-declined
  date: 2020-09-13
  title: ByteDance will not sell to Microsoft
  kind: deal
  actor: Microsoft
  body: No sale to Microsoft.
  sources: [src-one]
- id: commerce-prohibitions
  date: 2020-09-18
  title: Commerce names the prohibited transactions
  kind: order
  actor: US Department of Commerce
  body: An app-store ban from 20 September, other bans from 12 November.
  sources: [src-one]
  clocks:
    - label: App-store ban
      ends: 2020-09-20
      extended_to: [2020-09-27]
      stopped: 2020-09-27
    - label: November prohibitions
      ends: 2020-11-12
      stopped: 2020-10-30
- id: oracle-walmart-blessing
  date: 2020-09-19
  title: An Oracle/Walmart deal gets a "blessing"; app-store ban delayed
  kind: deal
  actor: President Donald Trump
  body: The app-store ban moves to 27 September.
  sources: [src-one]
- id: eo-13942-day-45
  date: 2020-09-20
  title: Day 45 after EO 13942
  kind: deadline
  actor: Executive Order 13942
  body: The prohibitions could begin.
  sources: [src-one]
- id: app-store-ban-enjoined
  date: 2020-09-27
  title: Court blocks the app-store ban
  kind: court
  actor: Judge Carl Nichols (D.D.C.)
  body: A preliminary injunction.
  sources: [src-one]
- id: november-bans-enjoined
  date: 2020-10-30
  title: Court blocks the November prohibitions nationwide
  kind: court
  actor: Judge Wendy Beetlestone (E.D. Pa.)
  body: Marland v. Trump.
  sources: [src-one]
- id: divestment-deadline
  date: 2020-11-12
  title: 90-day divestment deadline
  kind: deadline
  actor: CFIUS
  body: The 90 days run out.
  sources: [src-one]
- id: cfius-extension
  date: 2020-11-13
  title: CFIUS extends the divestment deadline
  kind: deadline
  actor: CFIUS
  body: To 27 November, later 4 December.
  sources: [src-one]
- id: remaining-prohibitions-blocked
  date: 2020-12-07
  title: Court blocks the remaining prohibitions
  kind: court
  actor: Judge Carl Nichols (D.D.C.)
  body: A second court.
  sources: [src-one]
- id: eo-14034
  date: 2021-06-09
  title: Executive Order 14034 revokes the TikTok order
  kind: order
  actor: President Joe Biden
  body: EO 13942 revoked.
  sources: [src-one]
- id: divest-or-ban-law
  date: 2024-04-24
  title: A law requires divestment or a ban
  kind: epilogue
  actor: US Congress
  body: Signed into law.
  sources: [src-one]
- id: supreme-court-upholds
  date: 2025-01-17
  title: The Supreme Court upholds the law
  kind: epilogue
  actor: US Supreme Court
  body: TikTok v. Garland.
  sources: [src-one]
"""

STORY_TIMELINE_DE = (
    STORY_TIMELINE.replace(
        "title: Executive Order 13942 signed", "title: Executive Order 13942 unterzeichnet"
    )
    .replace("title: Court blocks the app-store ban", "title: Gericht stoppt das App-Store-Verbot")
    .replace("label: Divestment, 90 days", "label: Verkauf, 90 Tage")
    .replace("label: EO 13942, 45 days", "label: EO 13942, 45 Tage")
    .replace("label: App-store ban", "label: App-Store-Verbot")
    .replace("label: November prohibitions", "label: Verbote ab November")
)


def write_story(root: Path, title: str | None = None) -> Path:
    """A content directory with the story's timeline in English and German; returns `root`."""
    write_bundle(root, "en", timeline_yaml=STORY_TIMELINE)
    write_bundle(root, "de", timeline_yaml=STORY_TIMELINE_DE)
    if title is not None:
        for lang in ("en", "de"):
            hub = root / lang / "hub.yaml"
            hub.write_text(hub.read_text(encoding="utf-8").replace("title: Test hub", f"title: {title}"))
    return root
