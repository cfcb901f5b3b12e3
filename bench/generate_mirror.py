"""A mirror of N articles in the site's CMS style, for benchmarks.

    python -m bench.generate_mirror 20000 /tmp/szpu-mirror-20000

The articles reuse the bundled mirror's bodies and templates in turn, with ids and dates of
their own, twenty to a list page as on the real site.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from szpu_crawler.mirror.build import build_mirror
from szpu_crawler.mirror.content import ARTICLES, MirrorArticle

PAGE_SIZE = 20
FIRST_ID = 100_000


def synthetic_articles(count: int, first_id: int = FIRST_ID) -> tuple[MirrorArticle, ...]:
    """`count` articles, newest first, alternating between the two columns."""
    newest = datetime(2025, 10, 31, 18, 0)
    articles = []
    for index in range(count):
        model = ARTICLES[index % len(ARTICLES)]
        published = newest - timedelta(hours=6 * index)
        articles.append(
            replace(
                model,
                column_id=("1161", "1162")[index % 2],
                article_id=str(first_id + count - index),
                title=f"{model.title} ({index + 1})",
                published=published.strftime("%Y-%m-%d %H:%M"),
                list_date=None,
                list_href=None,
            )
        )
    return tuple(articles)


def generate_mirror(root: Path, count: int) -> Path:
    return build_mirror(root, synthetic_articles(count), page_size=PAGE_SIZE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("count", type=int)
    parser.add_argument("root", type=Path)
    arguments = parser.parse_args()
    generate_mirror(arguments.root, arguments.count)
    print(f"{arguments.count} articles written under {arguments.root}")


if __name__ == "__main__":
    main()
