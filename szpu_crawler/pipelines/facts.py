"""Quantitative facts of the body, as typed records."""

from __future__ import annotations

from typing import Any

from szpu_crawler.normalize.facts import extract_facts
from szpu_crawler.pipelines.base import ArticlePipeline


class FactPipeline(ArticlePipeline):
    def process_article(self, item: dict[str, Any]) -> dict[str, Any]:
        spans = [mention["span"] for mention in item.get("date_mentions", [])]
        item["facts"] = extract_facts(item.get("body_text"), spans)
        self.stats.inc_value("szpu/facts", len(item["facts"]))
        unsummed = [f for f in item["facts"] if f["breakdown_sums"] is False]
        if unsummed:
            self.stats.inc_value("szpu/facts/breakdown_mismatch", len(unsummed))
        return item
