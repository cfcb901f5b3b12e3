"""Reprint source stamps: `Hongyin Voice … | December 16, 2024, 20:31, Shandong`."""

from __future__ import annotations

import re

from szpu_crawler.normalize.dates import parse_date

_STAMP_DATE = re.compile(
    r"(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s*\d{4}(?:,?\s+\d{1,2}:\d{2})?"
    r"|\d{4}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2})?|\d{4}年\d{1,2}月\d{1,2}日(?:\s*\d{1,2}:\d{2})?)"
)


def parse_source_stamp(raw: str | None) -> dict[str, str | None] | None:
    """`{name, published, place}` of a reprint's source; None when the page has no stamp."""
    if not raw or not raw.strip():
        return None
    name, _, rest = raw.partition("|")
    found = _STAMP_DATE.search(rest)
    published = parse_date(found["date"]) if found else None
    place = rest[found.end() :] if found else rest
    return {
        "name": name.strip() or None,
        "published": published,
        "place": place.strip(" ,，|") or None,
    }
