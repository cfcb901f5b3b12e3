"""The pipelines: each adds its normalised fields, counts its outcomes, and keeps raw fields."""

import json
import logging

import pytest
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

from szpu_crawler.pipelines.breadcrumbs import BreadcrumbPipeline
from szpu_crawler.pipelines.bylines import BylinePipeline
from szpu_crawler.pipelines.dates import DatePipeline
from szpu_crawler.pipelines.sources import SourcePipeline
from szpu_crawler.pipelines.validation import ValidationPipeline
from szpu_crawler.spiders.news import NewsSpider
from tests.conftest import EXPECTED, SITE_BASE_URL

URL = SITE_BASE_URL + "info/1162/2433.htm"


def build(pipeline_class, **settings):
    crawler = get_crawler(NewsSpider, {"SZPU_BASE_URL": SITE_BASE_URL, **settings})
    crawler.stats.open_spider()
    return pipeline_class.from_crawler(crawler), crawler.stats


def szpu_stats(stats):
    return {k: v for k, v in stats.get_stats().items() if k.startswith("szpu/")}


def test_unparsable_page_date_leaves_the_date_null_logs_the_url_and_counts(caplog):
    pipeline, stats = build(DatePipeline)
    item = {"url": URL, "date_published_raw": "Dceember 4th", "body_text": "On November 20."}
    with caplog.at_level(logging.WARNING):
        result = pipeline.process_item(item)
    assert (result["date_published"], result["date_source"]) == (None, None)
    assert result["date_published_raw"] == "Dceember 4th"
    assert result["date_mentions"] == [
        {"text": "November 20", "span": [3, 14], "date": None, "start": None, "end": None,
         "part_of_day": None},
    ]  # fmt: skip
    assert szpu_stats(stats) == {"szpu/date/unparsed/page": 1, "szpu/date/missing": 1}
    assert f"Unparsed page date 'Dceember 4th' on {URL}" in caplog.text


def test_date_conflict_is_counted_and_kept():
    pipeline, stats = build(DatePipeline)
    item = {"url": URL, "date_published_raw": "Sep 9, 2024", "date_listed_raw": "2024-09-10"}
    result = pipeline.process_item(item)
    assert result["date_conflicts"] == [
        {"source": "list", "raw": "2024-09-10", "date": "2024-09-10"}
    ]
    assert szpu_stats(stats) == {"szpu/date/conflicts": 1}


def test_byline_matching_no_rule_is_counted(caplog):
    pipeline, stats = build(BylinePipeline)
    result = pipeline.process_item({"url": URL, "byline_raw": "(see attachment)"})
    assert result["byline"] == {
        "raw": "(see attachment)", "organization": None, "people": [], "rule": None,
    }  # fmt: skip
    assert szpu_stats(stats) == {"szpu/byline/unmatched": 1}
    assert "matches no rule" in caplog.text


def test_source_stamp_without_date_is_counted():
    pipeline, stats = build(SourcePipeline)
    result = pipeline.process_item({"url": URL, "source_raw": "Shenzhen Daily"})
    assert result["source"] == {"name": "Shenzhen Daily", "published": None, "place": None}
    assert szpu_stats(stats) == {"szpu/source/undated": 1}


def test_breadcrumb_that_disagrees_with_the_section_is_counted(caplog):
    pipeline, stats = build(BreadcrumbPipeline)
    raw = [{"name": "Home", "url": SITE_BASE_URL}, {"name": "News", "url": None},
           {"name": "Content", "url": None}]  # fmt: skip
    result = pipeline.process_item({"url": URL, "section": "Events", "breadcrumbs_raw": raw})
    assert result["breadcrumbs"] == [
        {"name": "Home", "url": SITE_BASE_URL},
        {"name": "News", "url": None},
    ]
    assert result["breadcrumbs_raw"] == raw
    assert szpu_stats(stats) == {"szpu/breadcrumbs/section_mismatch": 1}


def test_invalid_record_goes_whole_to_rejects_with_error_paths(tmp_path):
    pipeline, stats = build(ValidationPipeline, SZPU_OUTPUT_DIR=str(tmp_path))
    record = json.loads((EXPECTED / "seed_article.json").read_text(encoding="utf-8"))
    record["fetched_at"] = "2026-11-23T21:00:00+00:00"
    assert pipeline.process_item(dict(record)) == record
    record["section"] = "Sports"
    with pytest.raises(DropItem, match=r"Invalid record .*2433\.htm \(1 errors, first: /section"):
        pipeline.process_item(record)
    (reject,) = [json.loads(line) for line in (tmp_path / "rejects.jsonl").open()]
    assert reject["record"] == record
    assert reject["errors"] == [
        {"path": "/section", "message": "'Sports' is not one of ['News', 'Events']"}
    ]
    assert szpu_stats(stats) == {"szpu/valid": 1, "szpu/rejected": 1}
