"""Extraction cost and accuracy: our parsing and normalisation against trafilatura's extraction
with metadata, on the same mirror pages, with the mirror's known values as the truth.

    python -m bench.extraction_cost

Fields judged (exact, after folding whitespace): title; publication day; body text (paragraphs
and subheadings, no captions, byline or navigation), and `body~`, the body at least 90% alike;
byline (for trafilatura, its `author` against the byline's text without brackets). CPU time per
page, the same pages for both: the fastest of several passes.
"""

from __future__ import annotations

import re
import tempfile
import time
import warnings
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

from bench.generate_mirror import synthetic_articles
from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.content import ARTICLES, Byline, Heading, MirrorArticle, P
from szpu_crawler.normalize.breadcrumbs import normalize_breadcrumbs
from szpu_crawler.normalize.bylines import parse_byline
from szpu_crawler.normalize.dates import find_date_mentions, resolve_publication_date
from szpu_crawler.normalize.facts import extract_facts
from szpu_crawler.normalize.sources import parse_source_stamp
from szpu_crawler.pages.article import parse_article_page
from szpu_crawler.state import content_hash

BASE_URL = "https://english.szpu.edu.cn/"
SERVER_HEADERS = {"Content-Type": "text/html; charset=utf-8"}
FIELDS = ("title", "date", "body", "body~", "byline")
# Timed passes over the pages per extractor; the fastest counts, the others absorb the machine's
# noise (the first also warms both extractors' caches).
PASSES = 9


def fold(text: str | None) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def truth(article: MirrorArticle) -> dict[str, str]:
    closing = [block.text for block in article.body if isinstance(block, Byline)]
    byline = "\n".join(filter(None, [article.title_byline, *closing]))
    return {
        "title": article.title,
        "date": article.published[:10],
        "body": "\n\n".join(b.text for b in article.body if isinstance(b, P | Heading)),
        "body~": "\n\n".join(b.text for b in article.body if isinstance(b, P | Heading)),
        "byline": byline,
    }


def ours(html: bytes, url: str) -> dict[str, str | None]:
    from scrapy.http import HtmlResponse

    # The response as the crawl receives it, with the server's charset (trafilatura, for its
    # part, is handed the page already decoded with that charset).
    response = HtmlResponse(url=url, body=html, headers=SERVER_HEADERS)
    page = parse_article_page(response, BASE_URL)
    dates = resolve_publication_date(page.date_published_raw, page.date_meta_raw, None)
    mentions = find_date_mentions(page.body_text, dates.date_published)
    normalize_breadcrumbs(page.breadcrumbs_raw, BASE_URL)
    parse_byline(page.byline_raw)
    parse_source_stamp(page.source_raw)
    extract_facts(page.body_text, [m["span"] for m in mentions])
    content_hash(page.__dict__)
    return {
        "title": page.title,
        "date": (dates.date_published or "")[:10] or None,
        "body": page.body_text,
        "body~": page.body_text,
        "byline": page.byline_raw,
    }


def trafilatura_fields(html: bytes, url: str) -> dict[str, str | None]:
    import trafilatura

    document = trafilatura.bare_extraction(
        html.decode("utf-8", "replace"), url=url, with_metadata=True, include_comments=False
    )
    if document is None:
        return dict.fromkeys(FIELDS)
    return {
        "title": document.title,
        "date": document.date,
        "body": document.text,
        "body~": document.text,
        "byline": document.author,
    }


def right(field: str, found: str | None, expected: str, extractor: str) -> bool:
    if field == "byline" and extractor == "trafilatura":
        return fold(found) == fold(expected.strip("()（）")) and bool(expected)
    if field == "body":
        return fold(found) == fold(expected)
    if field == "body~":  # near enough: at least 90% alike
        return SequenceMatcher(None, fold(found), fold(expected)).ratio() >= 0.9
    return (found or "") == expected


def timed_pass(extract: Callable, pages: list[bytes]) -> float:
    """CPU milliseconds per page of one pass over `pages`."""
    started = time.process_time()
    for html in pages:
        extract(html, BASE_URL + "info/1161/1.htm")
    return (time.process_time() - started) * 1000 / len(pages)


def main() -> None:
    warnings.filterwarnings("ignore")
    with tempfile.TemporaryDirectory() as folder:
        mirror = build_mirror(Path(folder) / "mirror")
        pages = [(a, (mirror / a.path.lstrip("/")).read_bytes()) for a in ARTICLES]
        timing_root = build_mirror(Path(folder) / "timing", synthetic_articles(200), page_size=20)
        timing = [(timing_root / a.path.lstrip("/")).read_bytes() for a in synthetic_articles(200)]
    extractors: dict[str, Callable] = {"szpu crawler": ours, "trafilatura": trafilatura_fields}
    print(f"Accuracy on the {len(pages)} mirror articles (share of pages with the field right):")
    print(f"{'extractor':<14}" + "".join(f"{f:>8}" for f in FIELDS) + f"{'CPU ms/page':>13}")
    # Passes alternate between the extractors, so a change in the machine's speed hits both.
    passes = {name: [] for name in extractors}
    for _ in range(PASSES):
        for name, extract in extractors.items():
            passes[name].append(timed_pass(extract, timing))
    times = {name: min(values) for name, values in passes.items()}
    for name, extract in extractors.items():
        scores = dict.fromkeys(FIELDS, 0)
        for article, html in pages:
            found = extract(html, BASE_URL + article.path.lstrip("/"))
            for field, expected in truth(article).items():
                scores[field] += right(field, found[field], expected, name.split()[0])
        print(f"{name:<14}" + "".join(f"{scores[f] / len(pages):>8.2f}" for f in FIELDS)
              + f"{times[name]:>13.2f}")  # fmt: skip
    print(
        f"CPU time per page, trafilatura / ours: {times['trafilatura'] / times['szpu crawler']:.1f}"
        f" (target 10 or more), fastest of {PASSES} passes over {len(timing)} generated pages"
    )


if __name__ == "__main__":
    main()
