"""UI strings and date formats per language. Content is translated in `content/`."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date

from infohub_tui.hub.model import EVENT_KINDS, PANE_TABLE, SOURCE_KINDS, Pane

DEFAULT_LANGUAGE = "en"

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "de": (
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ),
}

# Month names as the timeline chart's axis shows them when full names do not fit.
_SHORT_MONTHS = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "de": ("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sep.", "Okt.", "Nov.", "Dez."),
}

CATALOGUES: dict[str, dict[str, str]] = {
    "en": {
        "tab.statements": "Statements",
        "tab.faq": "FAQ",
        "tab.storage": "Data storage",
        "tab.timeline": "Timeline",
        "column.date": "Date",
        "column.speaker": "Who",
        "column.title": "Statement",
        "column.question": "Question",
        "column.answered_by": "Answered by",
        "column.topic": "Topic",
        "column.claim": "Claim",
        "column.claimed_by": "Claimed by",
        "column.as_of": "As of",
        "list.as_of": "as of {date}",
        "column.gap": "Gap",
        "column.kind": "Kind",
        "column.actor": "Actor",
        "column.event": "Event",
        # The byline over an entry, per pane: neutral, for one speaker or several, a person or an order.
        "byline.statements": "According to {speaker}",
        "byline.faq": "According to {speaker}",
        "byline.storage": "Claimed by {speaker}",
        "byline.timeline": "Actor: {speaker}",
        "detail.sources": "Sources",
        "detail.see_also": "See also ({enter} in the entry)",
        "detail.empty": "Nothing selected.",
        "detail.unknown_source": "(unknown source)",
        "gap.first": "start",
        "gap.same": "same day",
        "gap.days": "{days} d",
        "list.position": "{index} of {total}",
        "kind.order": "order",
        "kind.deadline": "deadline",
        "kind.statement": "statement",
        "kind.court": "court",
        "kind.deal": "deal",
        "kind.other": "other",
        "kind.epilogue": "later",
        "detail.note": "Note from this reader's editors",
        "detail.as_of": "As of {date}.",
        "detail.later": "What came later",
        "detail.archived": "archived copy",
        "clock.window": "{label}: from {start} to {ends}",
        "clock.extended": "extended to {dates}",
        "clock.stopped": "stopped by a court on {date}",
        "clock.unlabelled": "Deadline",
        "detail.clocks": "Deadlines it set",
        "clock.and": "and",
        "citation.archived": "Archived",
        "citation.live": "Live address",
        "notify.no_archive": "This source has no archived copy.",
        "help.title": "Keys",
        "help.sources": "Sources",
        "help.close": "Press escape or ? to close.",
        "notify.no_url": "This entry has no web source to open.",
        "notify.opening": "Opening {url}",
        "notify.opened": "Opened {url} with {program}.",
        "notify.no_browser": "No browser could be started; press {copy_key} to copy the link.",
        "notify.browser_failed": "The browser did not start ({reason}); press {copy_key} to copy the link.",
        "notify.browser_exited": "{program} exited with status {code}.",
        "notify.copied_citation": "Citation copied ({tools}).",
        "notify.copied_link": "Link copied ({tools}).",
        "notify.sent_citation": (
            "Citation sent to the terminal's clipboard (OSC 52); if it does not arrive, see README."
        ),
        "notify.sent_link": "Link sent to the terminal's clipboard (OSC 52); if it does not arrive, see README.",
        "notify.copied_archived": "Archived link copied ({tools}).",
        "notify.sent_archived": (
            "Archived link sent to the terminal's clipboard (OSC 52); if it does not arrive, see README."
        ),
        "notify.copied_live": "Live page's link copied ({tools}).",
        "notify.sent_live": (
            "Live page's link sent to the terminal's clipboard (OSC 52); if it does not arrive, see README."
        ),
        "sources.title": "Sources ({count})",
        "sources.position": "source {index} of {total}",
        "sources.keys": "{choose} go to the entry · {link} link to cite · {live} live link · {close} close",
        "sources.column.title": "Source",
        "sources.column.publisher": "Publisher",
        "sources.column.date": "Date",
        "sources.column.kind": "Kind",
        "sources.column.archived": "Archived",
        "sources.archived_yes": "yes",
        "sources.archived_no": "no",
        "sources.cited_by_none": "cited by no entry",
        "sources.none": "This hub names no sources.",
        "source_kind.webpage": "Web page",
        "source_kind.post-weblog": "Blog post",
        "source_kind.article-newspaper": "News article",
        "source_kind.legislation": "Legislation",
        "source_kind.legal_case": "Court case",
        "source_kind.report": "Report",
        "failure.not_found": "{program}: command not found",
        "failure.status": "{program} exited with status {code}",
        "failure.timeout": "{program} did not finish in {seconds} s",
        "failure.error": "{program} could not be run",
        "failure.no_terminal": "{program} needs a terminal, and this one cannot be handed over",
        "notify.language": "Language: English",
        "notify.loading": "Loading {language}…",
        "language.name": "English",
        "search.placeholder": 'Search everything ("phrase" for exact)…',
        "search.none": "No matches.",
        "search.count": "{count} in {pane}",
        "search.limited": "showing {shown} of {total}, the best first",
        "search.counter": "match {index}/{total}",
        "coverage.events_to": "events to {date}",
        "coverage.checked": "checked {date}",
        "coverage.independent": "unofficial reader",
        "export.publisher": (
            "A compilation by the editors of infohub-tui, an independent reader of the information hub,"
            " who publish it. Its subject is {organisation}, which did not write or publish it: what"
            " {organisation} and others said is attributed to them, and everything else is the editors' words."
        ),
        "export.coverage": "Coverage: {coverage}.",
        "export.value": "Value, in the editors' words",
        "export.quote_source": "quoted from",
        "citation.source": "Source",
        "citation.quotation": "“{text}”",
        "citation.summary": "Summary by the editors of infohub-tui, not a quotation",
        "citation_style.short": "Short: quote, speaker, date, source",
        "palette.citation_styles": "Choose how c copies a citation…",
        "system.citation_style": "Citation style",
        "system.citation_style.help": "How c copies a citation: short, APA, Chicago, MLA or DIN 1505-2",
        "notify.citation_style": "Citations are copied in {style}.",
        "palette": "palette",
        "palette.placeholder": "Search for commands and entries…",
        "palette.themes": "Search for themes…",
        "command.key": "key {keys}",
        "command.search": "Search",
        "command.switch-language": "Switch language",
        "command.bookmarks": "Show bookmarks",
        "command.toggle-bookmark": "Bookmark this entry (or remove the bookmark)",
        "command.copy-citation": "Copy citation",
        "command.open-source": "Open the source in a browser",
        "command.toggle-chart": "Timeline: chart or list",
        "command.next-theme": "Next theme",
        "command.help": "Help: all keys",
        "command.sources": "Sources: every source and the entries citing it",
        "command.copy-live": "Copy the live page's link",
        "command.quit": "Quit",
        "system.theme": "Change theme",
        "system.theme.help": "Choose a colour theme from a list",
        "system.maximize": "Maximize",
        "system.maximize.help": "Maximize the focused widget",
        "system.minimize": "Minimize",
        "system.minimize.help": "Minimize the widget and restore to normal size",
        "system.screenshot": "Screenshot",
        "system.screenshot.help": "Save an SVG 'screenshot' of the current screen",
        "system.quit": "Quit",
        "system.quit.help": "Quit the application as soon as possible",
        "system.keys": "Keys",
        "system.keys.help": "Show help for the focused widget and a summary of available keys",
        "window.too_small": "Make the window larger: at least {width}x{height}",
        "bookmarks.title": "Bookmarks",
        "bookmarks.count": "Bookmarks ({count})",
        "bookmarks.none": "No bookmarks yet: press {toggle} on an entry.",
        "bookmarks.keys": "{open} open · {delete} delete · {close} close",
        "bookmarks.close": "{close} close",
        "notify.bookmarked": "Bookmarked.",
        "notify.unbookmarked": "Bookmark removed.",
        "notify.theme": "Theme: {theme}",
        "help.group.moving": "Moving",
        "help.group.reading": "Reading",
        "help.group.search": "Search",
        "help.group.sources": "Sources & copying",
        "help.group.marks": "Bookmarks & read marks",
        "help.group.views": "Views",
        "help.group.app": "App",
        "help.group.mouse": "Mouse",
        "help.palette": "Command palette: jump to any entry by its title",
        "help.mouse.click_keys": "click / double-click",
        "help.mouse.click": "Select a row / read it",
        "help.mouse.wheel_keys": "wheel, bar",
        "help.mouse.wheel": "Scroll; a click on the bar at the list's right edge jumps there",
        "help.mouse.select_keys": "drag",
        "help.mouse.select": "Select text ({copy} copies); shift+drag: your terminal's selection",
        "help.ids": "To remap a key, name its id in the config file's [keymap] (see README):",
        "detail.see_also_keys": "{move} choose · {follow} follow · {back} back to the entry",
        "notify.no_back": "Nothing to go back to.",
        "notify.no_links": "This entry has no see-also links.",
        "notify.no_forward": "Nothing to go forward to.",
        "notify.no_unread": "No unread entries left.",
        "notify.no_search": "No search to step through: {search} searches.",
        "notify.quit": "Press {keys} to quit.",
        "notify.quit_title": "Quit?",
        "search.hint": "{results} results · {open} open · {history} earlier searches · {close} close",
        "notify.sorted_by_date": "Sorted by date: statements newest first, timeline oldest first.",
        "notify.sorted_as_published": "Sorted as published (the order of the content files).",
        "chart.days": "{days} days",
        "chart.clock": "clock",
        "chart.extended": "extended",
        "chart.stopped": "stopped",
        "chart.range": "{start} \u2013 {end}",
        "chart.empty": "No dated events.",
        "chart.failed": "The chart could not be drawn ({error}); showing the list.",
    },
    "de": {
        "tab.statements": "Erklärungen",
        "tab.faq": "Fragen",
        "tab.storage": "Datenspeicherung",
        "tab.timeline": "Chronik",
        "column.date": "Datum",
        "column.speaker": "Wer",
        "column.title": "Erklärung",
        "column.question": "Frage",
        "column.answered_by": "Antwort von",
        "column.topic": "Thema",
        "column.claim": "Behauptung",
        "column.claimed_by": "Behauptet von",
        "column.as_of": "Stand",
        "list.as_of": "Stand {date}",
        "column.gap": "Abstand",
        "column.kind": "Art",
        "column.actor": "Akteur",
        "column.event": "Ereignis",
        "byline.statements": "Laut {speaker}",
        "byline.faq": "Laut {speaker}",
        "byline.storage": "Behauptet von {speaker}",
        "byline.timeline": "Akteur: {speaker}",
        "detail.sources": "Quellen",
        "detail.see_also": "Siehe auch ({enter} im Eintrag)",
        "detail.empty": "Nichts ausgewählt.",
        "detail.unknown_source": "(unbekannte Quelle)",
        "gap.first": "Beginn",
        "gap.same": "selber Tag",
        "gap.days": "{days} T.",
        "list.position": "{index} von {total}",
        "kind.order": "Anordnung",
        "kind.deadline": "Frist",
        "kind.statement": "Erklärung",
        "kind.court": "Gericht",
        "kind.deal": "Geschäft",
        "kind.other": "Sonstiges",
        "kind.epilogue": "danach",
        "detail.note": "Anmerkung der Redaktion dieses Readers",
        "detail.as_of": "Stand: {date}.",
        "detail.later": "Was danach kam",
        "detail.archived": "archivierte Kopie",
        "clock.window": "{label}: vom {start} bis {ends}",
        "clock.extended": "verlängert bis {dates}",
        "clock.stopped": "am {date} von einem Gericht gestoppt",
        "clock.unlabelled": "Frist",
        "detail.clocks": "Gesetzte Fristen",
        "clock.and": "und",
        "citation.archived": "Archiviert",
        "citation.live": "Aktuelle Adresse",
        "notify.no_archive": "Diese Quelle hat keine archivierte Kopie.",
        "help.title": "Tasten",
        "help.sources": "Quellen",
        "help.close": "Escape oder ? schließt.",
        "notify.no_url": "Dieser Eintrag hat keine Webquelle.",
        "notify.opening": "Öffne {url}",
        "notify.opened": "{url} mit {program} geöffnet.",
        "notify.no_browser": "Kein Browser ließ sich starten; {copy_key} kopiert den Link.",
        "notify.browser_failed": "Der Browser startete nicht ({reason}); {copy_key} kopiert den Link.",
        "notify.browser_exited": "{program} endete mit Status {code}.",
        "notify.copied_citation": "Zitat kopiert ({tools}).",
        "notify.copied_link": "Link kopiert ({tools}).",
        "notify.sent_citation": (
            "Zitat an die Zwischenablage des Terminals geschickt (OSC 52); kommt es nicht an, siehe README."
        ),
        "notify.sent_link": (
            "Link an die Zwischenablage des Terminals geschickt (OSC 52); kommt er nicht an, siehe README."
        ),
        "notify.copied_archived": "Archiv-Link kopiert ({tools}).",
        "notify.sent_archived": (
            "Archiv-Link an die Zwischenablage des Terminals geschickt (OSC 52); kommt er nicht an, siehe README."
        ),
        "notify.copied_live": "Link der aktuellen Seite kopiert ({tools}).",
        "notify.sent_live": (
            "Link der aktuellen Seite an die Zwischenablage des Terminals geschickt (OSC 52); "
            "kommt er nicht an, siehe README."
        ),
        "sources.title": "Quellen ({count})",
        "sources.position": "Quelle {index} von {total}",
        "sources.keys": "{choose} zum Eintrag · {link} Link zum Zitieren · {live} aktueller Link · {close} schließen",
        "sources.column.title": "Quelle",
        "sources.column.publisher": "Herausgeber",
        "sources.column.date": "Datum",
        "sources.column.kind": "Art",
        "sources.column.archived": "Archiv",
        "sources.archived_yes": "ja",
        "sources.archived_no": "nein",
        "sources.cited_by_none": "von keinem Eintrag zitiert",
        "sources.none": "Dieser Hub nennt keine Quellen.",
        "source_kind.webpage": "Webseite",
        "source_kind.post-weblog": "Blogbeitrag",
        "source_kind.article-newspaper": "Zeitungsartikel",
        "source_kind.legislation": "Rechtsakt",
        "source_kind.legal_case": "Gerichtsverfahren",
        "source_kind.report": "Bericht",
        "failure.not_found": "{program}: Befehl nicht gefunden",
        "failure.status": "{program} endete mit Status {code}",
        "failure.timeout": "{program} wurde in {seconds} s nicht fertig",
        "failure.error": "{program} ließ sich nicht ausführen",
        "failure.no_terminal": "{program} braucht ein Terminal, und dieses lässt sich nicht übergeben",
        "notify.language": "Sprache: Deutsch",
        "notify.loading": "Lade {language}…",
        "language.name": "Deutsch",
        "search.placeholder": 'Alles durchsuchen ("Phrase" für genau)…',
        "search.none": "Keine Treffer.",
        "search.count": "{count} in {pane}",
        "search.limited": "{shown} von {total} gezeigt, die besten zuerst",
        "search.counter": "Treffer {index}/{total}",
        "coverage.events_to": "Ereignisse bis {date}",
        "coverage.checked": "geprüft {date}",
        "coverage.independent": "inoffiziell",
        "export.publisher": (
            "Eine Zusammenstellung der Redaktion von infohub-tui, eines unabhängigen Readers des"
            " Informations-Hubs, die sie veröffentlicht. Ihr Gegenstand ist {organisation}, das sie weder"
            " geschrieben noch veröffentlicht hat: Was {organisation} und andere sagten, ist ihnen"
            " zugeschrieben, alles andere sind Worte der Redaktion."
        ),
        "export.coverage": "Abdeckung: {coverage}.",
        "export.value": "Wert, in Worten der Redaktion",
        "export.quote_source": "zitiert aus",
        "citation.source": "Quelle",
        "citation.quotation": "„{text}“",
        "citation.summary": "Zusammenfassung der Redaktion von infohub-tui, kein Zitat",
        "citation_style.short": "Kurz: Zitat, Sprecher, Datum, Quelle",
        "palette.citation_styles": "Wählen, wie c ein Zitat kopiert…",
        "system.citation_style": "Zitierstil",
        "system.citation_style.help": "Wie c ein Zitat kopiert: kurz, APA, Chicago, MLA oder DIN 1505-2",
        "notify.citation_style": "Zitate werden im Stil {style} kopiert.",
        "palette": "Befehle",
        "palette.placeholder": "Befehle und Einträge suchen…",
        "palette.themes": "Farbschemata suchen…",
        "command.key": "Taste {keys}",
        "command.search": "Suchen",
        "command.switch-language": "Sprache wechseln",
        "command.bookmarks": "Lesezeichen anzeigen",
        "command.toggle-bookmark": "Lesezeichen für diesen Eintrag setzen (oder entfernen)",
        "command.copy-citation": "Zitat kopieren",
        "command.open-source": "Quelle im Browser öffnen",
        "command.toggle-chart": "Chronik: Grafik oder Liste",
        "command.next-theme": "Nächstes Farbschema",
        "command.help": "Hilfe: alle Tasten",
        "command.sources": "Quellen: alle Quellen und die Einträge, die sie zitieren",
        "command.copy-live": "Link der aktuellen Seite kopieren",
        "command.quit": "Beenden",
        "system.theme": "Farbschema wählen",
        "system.theme.help": "Ein Farbschema aus einer Liste wählen",
        "system.maximize": "Maximieren",
        "system.maximize.help": "Das fokussierte Element maximieren",
        "system.minimize": "Wiederherstellen",
        "system.minimize.help": "Das Element wieder in normaler Größe zeigen",
        "system.screenshot": "Bildschirmfoto",
        "system.screenshot.help": "Den Bildschirm als SVG-Datei speichern",
        "system.quit": "Beenden",
        "system.quit.help": "Die Anwendung sofort beenden",
        "system.keys": "Tasten",
        "system.keys.help": "Hilfe zum fokussierten Element und die verfügbaren Tasten zeigen",
        "window.too_small": "Bitte das Fenster vergrößern: mindestens {width}x{height}",
        "bookmarks.title": "Lesezeichen",
        "bookmarks.count": "Lesezeichen ({count})",
        "bookmarks.none": "Noch keine Lesezeichen: {toggle} auf einem Eintrag drücken.",
        "bookmarks.keys": "{open} öffnet · {delete} löscht · {close} schließt",
        "bookmarks.close": "{close} schließt",
        "notify.bookmarked": "Lesezeichen gesetzt.",
        "notify.unbookmarked": "Lesezeichen entfernt.",
        "notify.theme": "Farbschema: {theme}",
        "help.group.moving": "Bewegen",
        "help.group.reading": "Lesen",
        "help.group.search": "Suchen",
        "help.group.sources": "Quellen & Kopieren",
        "help.group.marks": "Lesezeichen & Gelesen-Marken",
        "help.group.views": "Ansichten",
        "help.group.app": "Programm",
        "help.group.mouse": "Maus",
        "help.palette": "Befehlspalette: zu jedem Eintrag über seinen Titel springen",
        "help.mouse.click_keys": "Klick / Doppelklick",
        "help.mouse.click": "Zeile auswählen / lesen",
        "help.mouse.wheel_keys": "Mausrad, Balken",
        "help.mouse.wheel": "Blättern; ein Klick auf den Balken am Listenrand springt dorthin",
        "help.mouse.select_keys": "Ziehen",
        "help.mouse.select": "Text auswählen ({copy} kopiert); Umschalt+Ziehen: Auswahl des Terminals",
        "help.ids": "Tasten ändern: die Kennung in [keymap] der Konfigurationsdatei (siehe README):",
        "detail.see_also_keys": "{move} wählen · {follow} folgen · {back} zurück zum Eintrag",
        "notify.no_back": "Kein früherer Ort im Verlauf.",
        "notify.no_links": "Dieser Eintrag hat keine Siehe-auch-Verweise.",
        "notify.no_forward": "Kein späterer Ort im Verlauf.",
        "notify.no_unread": "Keine ungelesenen Einträge mehr.",
        "notify.no_search": "Keine Suche zum Durchgehen: {search} sucht.",
        "notify.quit": "{keys} beendet das Programm.",
        "notify.quit_title": "Beenden?",
        "search.hint": "{results} Treffer · {open} öffnen · {history} frühere Suchen · {close} schließen",
        "notify.sorted_by_date": "Nach Datum sortiert: Erklärungen neueste zuerst, Chronik älteste zuerst.",
        "notify.sorted_as_published": "Wie veröffentlicht sortiert (Reihenfolge der Inhaltsdateien).",
        "chart.days": "{days} Tage",
        "chart.clock": "Laufzeit",
        "chart.extended": "verlängert",
        "chart.stopped": "gestoppt",
        "chart.range": "{start} \u2013 {end}",
        "chart.empty": "Keine datierten Ereignisse.",
        "chart.failed": "Das Diagramm ließ sich nicht zeichnen ({error}); die Liste wird gezeigt.",
    },
}

BINDING_DESCRIPTIONS: dict[str, dict[str, str]] = {
    "de": {
        "quit": "Beenden",
        "help": "Hilfe",
        "search": "Suchen",
        "next-pane": "Nächster Bereich",
        "previous-pane": "Voriger Bereich",
        "next-pane-tab": "Nächster Bereich",
        "previous-pane-tab": "Voriger Bereich",
        "pane-statements": "Erklärungen",
        "pane-faq": "Fragen",
        "pane-storage": "Datenspeicherung",
        "pane-timeline": "Chronik",
        "page-entry-down": "Eintrag eine Seite weiter",
        "page-entry-up": "Eintrag eine Seite zurück",
        "open-source": "Quelle öffnen",
        "open-archived": "Archivierte Kopie öffnen",
        "next-source": "Nächste Quelle",
        "copy-citation": "Zitat kopieren",
        "copy-link": "Link kopieren",
        "copy-live": "Aktuellen Link kopieren",
        "sources": "Quellen",
        "sources-down": "Nächste Zeile",
        "sources-up": "Vorige Zeile",
        "sources-first": "Erste Zeile",
        "sources-last": "Letzte Zeile",
        "sources-page-down": "Eine Seite weiter",
        "sources-page-up": "Eine Seite zurück",
        "sources-choose": "Zum Eintrag",
        "sources-copy-link": "Link kopieren",
        "close-sources": "Schließen",
        "clear-search": "Suche aufheben",
        "next-match": "Nächster Treffer",
        "previous-match": "Voriger Treffer",
        "switch-language": "Sprache",
        "toggle-bookmark": "Lesezeichen",
        "bookmarks": "Alle Lesezeichen",
        "toggle-read": "Gelesen/ungelesen",
        "next-unread": "Nächster ungelesener Eintrag",
        "next-theme": "Farbschema",
        "history-back": "Zurück",
        "history-forward": "Vorwärts",
        "toggle-chart": "Chronik als Grafik/Liste",
        "open-entry": "Lesen",
        "cursor-down": "Nächster Eintrag",
        "cursor-up": "Voriger Eintrag",
        "first-entry": "Erster Eintrag",
        "last-entry": "Letzter Eintrag",
        "page-down": "Liste eine Seite weiter",
        "page-up": "Liste eine Seite zurück",
        "back-to-list": "Zurück zur Liste",
        "focus-links": "Siehe-auch-Verweise",
        "close-bookmarks": "Schließen",
        "delete-bookmark": "Lesezeichen löschen",
        "detail-scroll-down": "Runter",
        "detail-scroll-up": "Hoch",
        "detail-top": "Anfang",
        "detail-bottom": "Ende",
        "link-down": "Nächster Verweis",
        "link-up": "Voriger Verweis",
        "follow-link": "Dem Verweis folgen",
        "links-back": "Zurück zum Eintrag",
        "close-help": "Schließen",
        "close-search": "Suche schließen",
        "search-result-down": "Nächster Treffer",
        "search-result-up": "Voriger Treffer",
        "search-history-previous": "Frühere Suche",
        "search-history-next": "Spätere Suche",
        "toggle-sort": "Nach Datum / wie veröffentlicht sortieren",
        "chart-zoom-in": "Vergrößern",
        "chart-zoom-out": "Verkleinern",
        "chart-pan-left": "Früher",
        "chart-pan-right": "Später",
        "chart-fit": "Ganzer Zeitraum",
        "chart-next-event": "Nächstes Ereignis",
        "chart-previous-event": "Voriges Ereignis",
        "chart-first-event": "Erstes Ereignis",
        "chart-last-event": "Letztes Ereignis",
        # Rows of the help screen and the key bar (bindings.Row) that join several bindings.
        "row-panes": "Erklärungen, Fragen, Datenspeicherung, Chronik",
        "row-next-pane": "Nächster Bereich",
        "row-previous-pane": "Voriger Bereich",
        "row-cursor": "Nächster / voriger Eintrag der Liste",
        "row-first-last": "Erster / letzter Eintrag",
        "row-list-page": "Liste eine Seite weiter / zurück",
        "row-back": "Zurück, wo Sie vorher waren (Verweis, Treffer, Lesezeichen)",
        "row-forward": "Wieder vorwärts",
        "row-read": "Eintrag lesen (die Listentasten bewegen weiter)",
        "row-page": "Eintrag eine Seite weiter / zurück",
        "row-scroll": "Beim Lesen: blättern",
        "row-top-bottom": "Beim Lesen: Anfang / Ende",
        "row-links": "Beim Lesen: Siehe-auch-Verweise ({keys1} {keys2} wählen, {keys3} folgt, {keys4} zurück)",
        "row-search-results": "Im Suchfeld: nächster / voriger Treffer",
        "row-search-history": "Im Suchfeld: frühere / spätere Suchen",
        "row-search-close": "Im Suchfeld: schließen",
        "row-matches": "Nächster / voriger Treffer",
        "row-bookmark": "Lesezeichen setzen (oder entfernen)",
        "row-read-mark": "Als gelesen / ungelesen markieren",
        "row-delete-bookmark": "In der Lesezeichenliste: Lesezeichen löschen",
        "row-zoom": "Grafik: vergrößern / verkleinern",
        "row-pan": "Grafik: früher / später",
        "row-fit": "Grafik: ganzer Zeitraum",
        "row-theme": "Nächstes Farbschema",
        "row-language": "Englisch / Deutsch",
        "row-copy-link": "Den Link zum Zitieren kopieren: die archivierte Kopie, wenn es eine gibt",
        "row-copy-live": "Den Link der aktuellen Seite kopieren",
        "row-sources": "Quellen: alle Quellen und die Einträge, die sie zitieren",
        "row-help": "Diese Hilfe (Escape schließt sie)",
        "bar-page": "Blättern",
        "bar-list": "Liste",
        "bar-links": "Siehe auch",
        "bar-move": "Wählen",
        "bar-follow": "Folgen",
        "bar-entry": "Eintrag",
        "bar-zoom": "Zoom",
        "bar-pan": "Früher/später",
        "bar-chart-list": "Liste",
    },
}

LANGUAGES: tuple[str, ...] = tuple(CATALOGUES)


class Translator:
    """Looks up UI strings for one language, falling back to English."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in CATALOGUES else DEFAULT_LANGUAGE
        self._strings: Mapping[str, str] = CATALOGUES[self.lang]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Translator) and other.lang == self.lang

    def __hash__(self) -> int:
        return hash(self.lang)

    def __call__(self, key: str, **values: object) -> str:
        template = self._strings.get(key) or CATALOGUES[DEFAULT_LANGUAGE][key]
        return template.format(**values) if values else template

    def pane_title(self, pane: Pane) -> str:
        """The tab title of `pane`."""
        return self(PANE_TABLE[pane].title_key)

    def describe(self, binding_id: str | None, description: str) -> str:
        """A binding's description in this language (bindings are declared in English)."""
        return BINDING_DESCRIPTIONS.get(self.lang, {}).get(binding_id or "", description)

    def byline(self, pane: Pane, speaker: str) -> tuple[str, str]:
        """The words before and after the speaker in an entry's byline ("Claimed by", ""): one
        neutral form per pane, whether the speaker is a person, an order or several reports."""
        before, _, after = self(f"byline.{pane.value}").partition("{speaker}")
        return before, after

    def quotation_marks(self) -> tuple[str, str]:
        """The marks before and after a quotation's words: “ ” or „ “."""
        before, _, after = self("citation.quotation").partition("{text}")
        return before, after

    def byline_text(self, pane: Pane, speaker: str) -> str:
        """The byline as one text, for exports and citations."""
        before, after = self.byline(pane, speaker)
        return f"{before}{speaker}{after}"

    def source_kind(self, kind: str) -> str:
        """What a source is (its CSL type), in words; an unknown type as it is written."""
        return self._strings.get(f"source_kind.{kind}") or CATALOGUES[DEFAULT_LANGUAGE].get(
            f"source_kind.{kind}", kind
        )

    def number(self, value: int) -> str:
        """A whole number with this language's thousands separator: 10,000 or 10.000."""
        grouped = f"{value:,}"
        return grouped.replace(",", ".") if self.lang == "de" else grouped

    def long_date(self, when: date | None) -> str:
        if when is None:
            return ""
        month = _MONTHS[self.lang][when.month - 1]
        if self.lang == "de":
            return f"{when.day}. {month} {when.year}"
        return f"{when.day} {month} {when.year}"

    def month_name(self, month: int, short: bool = False) -> str:
        """The name of a month (1-12), in full or as the chart's axis abbreviates it."""
        return (_SHORT_MONTHS if short else _MONTHS)[self.lang][month - 1]

    def short_date(self, when: date | None) -> str:
        if when is None:
            return ""
        if self.lang == "de":
            return f"{when.day:02d}.{when.month:02d}.{when.year}"
        return when.isoformat()

    def gap(self, previous: date | None, current: date | None) -> str:
        if previous is None or current is None:
            return self("gap.first")
        days = (current - previous).days
        # Signed: in the order of the content file (`S`) the entry above may be later.
        return self("gap.same") if days == 0 else self("gap.days", days=f"{days:+d}")


def table_keys() -> set[str]:
    """The UI string keys the pane table names: tab titles, list column labels, event kinds."""
    keys = {table.title_key for table in PANE_TABLE.values()}
    keys |= {column.label_key for table in PANE_TABLE.values() for column in table.columns}
    keys |= {f"byline.{pane.value}" for pane in PANE_TABLE}
    keys |= {f"source_kind.{kind}" for kind in SOURCE_KINDS}
    return keys | {f"kind.{kind}" for kind in EVENT_KINDS}


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The UI language from LC_ALL, LC_MESSAGES or LANG, as POSIX orders them."""
    environ = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if value:
            code = value.split("_")[0].split(".")[0].lower()
            return code if code in CATALOGUES else DEFAULT_LANGUAGE
    return DEFAULT_LANGUAGE
