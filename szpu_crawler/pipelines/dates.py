"""Publication date in ISO 8601 from the page, meta tag or list; dates the body mentions."""

from __future__ import annotations

import logging
from typing import Any

from szpu_crawler.normalize.dates import find_date_mentions, resolve_publication_date
from szpu_crawler.pipelines.base import ArticlePipeline

logger = logging.getLogger(__name__)


class DatePipeline(ArticlePipeline):
    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        url = item.get("url")
        resolved = resolve_publication_date(
            item.get("date_published_raw"), item.get("date_meta_raw"), item.get("date_listed_raw")
        )
        for unparsed in resolved.unparsed:
            self.stats.inc_value(f"szpu/date/unparsed/{unparsed['source']}")
            logger.warning("Unparsed %s date %r on %s", unparsed["source"], unparsed["raw"], url)
        if resolved.date_published is None:
            self.stats.inc_value("szpu/date/missing")
            logger.warning("No publication date on %s", url)
        if resolved.date_conflicts:
            self.stats.inc_value("szpu/date/conflicts")
            logger.info("Dates disagree on %s: %s", url, resolved.date_conflicts)
        item["date_published"] = resolved.date_published
        item["date_source"] = resolved.date_source
        item["date_conflicts"] = resolved.date_conflicts
        item["date_mentions"] = find_date_mentions(item.get("body_text"), resolved.date_published)
        return item
