"""What the site is: its hosts, its news columns and the shape of its URLs, in one place."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

DEFAULT_BASE_URL = "https://english.szpu.edu.cn/"

# The university was renamed in 2023; the old host still serves the same pages and ids.
SITE_HOSTS = ("english.szpu.edu.cn", "english.szpt.edu.cn")

# Column id -> column name, as the site's menu writes them.
NEWS_COLUMNS = {"1161": "News", "1162": "Events"}

# Used only when the home page's navigation does not lead to the columns.
FALLBACK_COLUMN_PATHS = {
    "News": "News___Events/News.htm",
    "Events": "News___Events/Events.htm",
}

ARTICLE_PATH = re.compile(r"^/info/(?P<column_id>\d{1,6})/(?P<article_id>\d{1,9})\.htm$")

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _netloc(scheme: str, host: str, port: int | None) -> str:
    if port is None or _DEFAULT_PORTS.get(scheme) == port:
        return host
    return f"{host}:{port}"


@lru_cache(maxsize=4096)  # menu, breadcrumb and pager links repeat on every page
def canonical_url(url: str, base_url: str) -> str | None:
    """The URL written on the base host, or None when it leaves the site.

    Both university hosts and the base host count as the site, so a page linked through
    the old `szpt` name is the same page as on the configured base.
    """
    absolute = urljoin(base_url, url.strip())
    parts = urlsplit(absolute)
    if parts.scheme not in ("http", "https"):
        return None
    base = urlsplit(base_url)
    try:
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    on_base = host == (base.hostname or "").lower() and _netloc(
        parts.scheme, host, port
    ) == _netloc(base.scheme, (base.hostname or "").lower(), base.port)
    if not on_base and host not in SITE_HOSTS:
        return None
    path = posixpath.normpath(parts.path or "/")
    if path.startswith("//"):
        path = "/" + path.lstrip("/")
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return urlunsplit((base.scheme, base.netloc, path, parts.query, ""))


def link_url(page_url: str, href: str, base_url: str) -> str | None:
    """The canonical URL a link on `page_url` leads to, or None when it leaves the site."""
    if not href or href[0] in "?#":
        return canonical_url(urljoin(page_url, href), base_url)
    document = page_url.split("#", 1)[0].split("?", 1)[0]
    directory = document[: document.rfind("/") + 1]
    if directory.count("/") < 3:  # "https://host": the root is the directory
        directory = document + "/"
    return _link_from_directory(directory, href, base_url)


@lru_cache(maxsize=4096)  # a relative link reads the same from every page of a folder
def _link_from_directory(directory: str, href: str, base_url: str) -> str | None:
    return canonical_url(urljoin(directory, href), base_url)


def article_ids(url: str) -> tuple[str, str] | None:
    """(column id, article id) of an article URL, or None for any other page."""
    match = ARTICLE_PATH.match(urlsplit(url).path)
    if not match:
        return None
    return match["column_id"], match["article_id"]
