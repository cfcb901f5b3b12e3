"""Dates: the publication date in ISO 8601, and the dates the body mentions.

The site prints `Dec 4, 2024`, `Time:Jan 5, 2022` and `2016-1-13 16:13:00`, all China time. Known
formats are tried first with `strptime` (the common case, fast); dateparser, with strict settings,
takes what they miss.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

import dateparser

CHINA = ZoneInfo("Asia/Shanghai")

# (strptime format, whether it carries a time of day)
KNOWN_FORMATS = (
    ("%b %d, %Y", False),
    ("%B %d, %Y", False),
    ("%Y-%m-%d %H:%M:%S", True),
    ("%Y-%m-%d %H:%M", True),
    ("%Y-%m-%d", False),
    ("%Y/%m/%d", False),
    ("%Y.%m.%d", False),
    ("%Y年%m月%d日", False),
    ("%d %B %Y", False),
    ("%d %b %Y", False),
    ("%B %d, %Y, %H:%M", True),
    ("%b %d, %Y, %H:%M", True),
    ("%B %d, %Y %H:%M", True),
)
DATEPARSER_SETTINGS = {
    "STRICT_PARSING": True,  # never fill a missing day, month or year from today's date
    "REQUIRE_PARTS": ["day", "month", "year"],
    "PARSERS": ["custom-formats", "absolute-time"],  # no "2 days ago"
    "TIMEZONE": "Asia/Shanghai",
    "TO_TIMEZONE": "Asia/Shanghai",
    "RETURN_AS_TIMEZONE_AWARE": True,
    "DATE_ORDER": "YMD",
}
DATEPARSER_LANGUAGES = ["en", "zh"]
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}  # fmt: skip
_TIME_OF_DAY = re.compile(r"\d{1,2}\s*[:：时]\s*\d{2}")
# All-digit dates are only ever year first on this site; one that strptime rejects is wrong, and
# dateparser would read it in another order.
_NUMERIC_DATE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b")


def _iso(parsed: datetime, has_time: bool) -> str:
    if not has_time:
        return parsed.date().isoformat()
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=CHINA)
    return parsed.astimezone(CHINA).isoformat(timespec="seconds")


_SPACE_RUNS = re.compile(r"\s+")
_ABBREVIATION_DOT = re.compile(r"^(\w{3})\.\s")  # "Dec. 4, 2024"
_SEPT = re.compile(r"^Sept\b")
# The two shapes the site prints most, read without strptime (which costs tens of microseconds
# a call, and an exception a miss); anything else goes through KNOWN_FORMATS.
_YEAR_MONTH_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]{3,9}) (\d{1,2}), (\d{4})")


def _common_shape(text: str) -> str | None:
    try:
        if match := _YEAR_MONTH_DAY.fullmatch(text):
            year, month, day, hour, minute, second = match.groups()
            if hour is None:
                return date(int(year), int(month), int(day)).isoformat()
            moment = datetime(int(year), int(month), int(day), int(hour), int(minute),
                              int(second or 0))  # fmt: skip
            return _iso(moment, True)
        if (match := _MONTH_DAY_YEAR.fullmatch(text)) and (month := _MONTHS.get(match[1].lower())):
            return date(int(match[3]), month, int(match[2])).isoformat()
    except ValueError:  # no such day: the formats below decide
        return None
    return None


def parse_date(text: str | None) -> str | None:
    """`2024-12-04` for a date alone, `2016-01-13T16:13:00+08:00` when a time is printed."""
    if not text:
        return None
    text = _SPACE_RUNS.sub(" ", text.replace("\u00a0", " ")).strip().rstrip(".")
    text = _ABBREVIATION_DOT.sub(r"\1 ", text)
    text = _SEPT.sub("Sep", text)
    if parsed := _common_shape(text):
        return parsed
    year_first = text[:4].isdigit()
    for pattern, has_time in KNOWN_FORMATS:
        if pattern.startswith("%Y") != year_first:
            continue  # a failed strptime costs an exception: try only formats of this shape
        try:
            return _iso(datetime.strptime(text, pattern), has_time)
        except ValueError:
            continue
    if _NUMERIC_DATE.match(text):
        return None
    parsed = dateparser.parse(text, languages=DATEPARSER_LANGUAGES, settings=DATEPARSER_SETTINGS)
    if parsed is None:
        return None
    return _iso(parsed, bool(_TIME_OF_DAY.search(text)))


@dataclass(frozen=True)
class PublicationDate:
    date_published: str | None
    date_source: str | None
    date_conflicts: list[dict[str, str]]
    unparsed: list[dict[str, str]] = field(default_factory=list)


def resolve_publication_date(
    page_raw: str | None, meta_raw: str | None, listed_raw: str | None
) -> PublicationDate:
    """The page's date line wins, then the `PubDate` meta tag, then the list page's date.

    Sources that give another day than the one chosen are kept as conflicts; sources that are
    present but do not parse are reported in `unparsed`.
    """
    parsed, unparsed = [], []
    for source, raw in (("page", page_raw), ("meta", meta_raw), ("list", listed_raw)):
        if not raw:
            continue
        value = parse_date(raw)
        if value is None:
            unparsed.append({"source": source, "raw": raw})
        else:
            parsed.append({"source": source, "raw": raw, "date": value})
    if not parsed:
        return PublicationDate(None, None, [], unparsed)
    chosen = parsed[0]
    conflicts = [other for other in parsed[1:] if other["date"][:10] != chosen["date"][:10]]
    return PublicationDate(chosen["date"], chosen["source"], conflicts, unparsed)


# ---- dates mentioned in the body

_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?:19|20)\d{2})"
_DASH = r"\s*(?:-|–|—|to|and|through|until)\s*"
_PARTS_OF_DAY = ("morning", "afternoon", "evening", "night", "noon")


def word_start_gate(words: Iterable[str], patterns: Iterable[str] = ()) -> str:
    """A lookahead that passes a digit, the first two letters of one of `words`, or one of the
    regular expressions `patterns`: put after `\\b` at the head of a pattern, it turns most
    words away with one character test and a short list, before the pattern's many alternatives
    are tried."""
    starts = sorted({word[:2] for word in words})
    first = "".join(sorted({text[0].lower() for text in (*starts, *patterns)}))
    alternatives = "|".join([r"\d", *map(re.escape, starts), *patterns])
    return rf"(?=[\d{re.escape(first + first.upper())}])(?={alternatives})"


_MENTION = re.compile(
    rf"""
    \b{word_start_gate((*_MONTHS, *_PARTS_OF_DAY, "from", "between"))}
    (?:(?P<part>{"|".join(_PARTS_OF_DAY)})\s+of\s+)?
    (?:
        (?:from\s+|between\s+)?
        (?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?P<y1>{_YEAR})?
        (?:{_DASH}(?:(?P<m2>{_MONTH})\s+)?(?P<d2>{_DAY})\b(?P<y2>{_YEAR})?)?
      |
        (?P<bd>{_DAY})\s+(?P<bm>{_MONTH})(?P<by>{_YEAR})?
      |
        (?P<iso>(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}})
    )
    (?![\d,]*\d)
    """,
    re.IGNORECASE | re.VERBOSE,
)

_PART_OF_DAY_PREFIX = re.compile(r"\w+\s+of\s+")


_DIGITS = re.compile(r"\d+")


def _month(text: str) -> int:
    return _MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(_DIGITS.match(text).group(0))


def _year(text: str | None) -> int | None:
    return int(text.strip(", ").strip()) if text else None


def _nearest(month: int, day: int, published: date) -> date | None:
    """The year that puts a month and day nearest the publication date."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return min(candidates, key=lambda d: abs((d - published).days), default=None)


def _resolve(month: int, day: int, year: int | None, published: date | None) -> date | None:
    if year is not None:
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return _nearest(month, day, published) if published else None


def find_date_mentions(body_text: str | None, published: str | None) -> list[dict]:
    """Every date the body names, with its span in `body_text` and its resolved date or range.

    A date without a year takes the year that puts it nearest the publication date, so a
    January article's `December 28` is last year's.
    """
    if not body_text:
        return []
    published_day = date.fromisoformat(published[:10]) if published else None
    mentions = []
    for match in _MENTION.finditer(body_text):
        start_date, end_date = _mention_dates(match, published_day)
        if start_date is None and end_date is None and published_day is not None:
            continue  # not a real calendar day: "February 30"
        part_of_day = match["part"]
        text_start = match.start()
        if part_of_day:
            text_start = _PART_OF_DAY_PREFIX.match(body_text, text_start).end()
        is_range = end_date is not None and end_date != start_date
        mentions.append(
            {
                "text": body_text[text_start : match.end()],
                "span": [text_start, match.end()],
                "date": None if is_range else _iso_day(start_date),
                "start": _iso_day(start_date) if is_range else None,
                "end": _iso_day(end_date) if is_range else None,
                "part_of_day": part_of_day.lower() if part_of_day else None,
            }
        )
    return mentions


def _iso_day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _mention_dates(match: re.Match, published: date | None) -> tuple[date | None, date | None]:
    if match["iso"]:
        try:
            year, month, day = (int(part) for part in match["iso"].split("-"))
            return date(year, month, day), None
        except ValueError:
            return None, None
    if match["bd"]:
        return _resolve(_month(match["bm"]), _day(match["bd"]), _year(match["by"]), published), None
    month = _month(match["m1"])
    year = _year(match["y1"]) or _year(match["y2"])
    start = _resolve(month, _day(match["d1"]), year, published)
    if not match["d2"] or start is None:
        return start, None
    end_month = _month(match["m2"]) if match["m2"] else month
    end_year = _year(match["y2"]) or start.year
    try:
        end = date(end_year, end_month, _day(match["d2"]))
    except ValueError:
        return start, None
    if end < start and not match["y2"]:
        end = end.replace(year=end.year + 1)  # "December 28 to January 3"
    return start, end
