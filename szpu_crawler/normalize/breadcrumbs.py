"""Breadcrumbs: the `Position :` trail as data, written as the site's menu writes it."""

from __future__ import annotations

import html
import re

from szpu_crawler.site import canonical_url

# The CMS's placeholder for "this page" at the end of an article's trail.
PLACEHOLDERS = frozenset({"content", "正文"})


def normalize_crumb_name(name: str) -> str:
    """Entities decoded, spaces folded, `News&Events` written `News & Events` as in the menu."""
    name = re.sub(r"\s+", " ", html.unescape(name).replace("\u00a0", " ")).strip()
    return re.sub(r"\s*&\s*", " & ", name)


def normalize_breadcrumbs(
    raw: list[dict[str, str | None]] | None, base_url: str
) -> list[dict[str, str | None]]:
    """`[{name, url}]`: names normalised, the trailing `Content` dropped, URLs on the base host."""
    crumbs = []
    for crumb in raw or []:
        name = normalize_crumb_name(crumb.get("name") or "")
        if not name:
            continue
        url = canonical_url(crumb["url"], base_url) if crumb.get("url") else None
        crumbs.append({"name": name, "url": url})
    if crumbs and crumbs[-1]["name"].casefold() in PLACEHOLDERS:
        crumbs.pop()
    return crumbs
