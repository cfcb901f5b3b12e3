"""Breadcrumbs as data, checked against the record's section."""

from __future__ import annotations

import logging
from typing import Any

from szpu_crawler.normalize.breadcrumbs import normalize_breadcrumbs
from szpu_crawler.pipelines.base import ArticlePipeline

logger = logging.getLogger(__name__)


class BreadcrumbPipeline(ArticlePipeline):
    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        crumbs = normalize_breadcrumbs(item.get("breadcrumbs_raw"), self.settings["SZPU_BASE_URL"])
        item["breadcrumbs"] = crumbs
        last = crumbs[-1]["name"] if crumbs else None
        if last != item.get("section"):
            self.stats.inc_value("szpu/breadcrumbs/section_mismatch")
            logger.warning(
                "Breadcrumb ends with %r but the section is %r on %s",
                last, item.get("section"), item.get("url"),
            )  # fmt: skip
        return item
