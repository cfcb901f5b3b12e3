import logging

from scrapy.utils.test import get_crawler

from szpu_crawler.pipelines.coverage import FieldCoveragePipeline
from szpu_crawler.spiders.news import NewsSpider


def make_pipeline():
    crawler = get_crawler(NewsSpider)
    crawler.stats.open_spider()
    crawler.spider = NewsSpider.from_crawler(crawler)
    return crawler, FieldCoveragePipeline.from_crawler(crawler)


def test_record_without_title_and_body_is_kept_counted_and_logged(caplog):
    crawler, pipeline = make_pipeline()
    item = {"url": "https://english.szpu.edu.cn/info/1161/1.htm", "title": None, "body_text": None,
            "date_published_raw": "Dec 4, 2024", "breadcrumbs_raw": [], "byline_raw": None,
            "signals": {"date_published_raw": "date-marker"}}  # fmt: skip
    with caplog.at_level(logging.WARNING):
        assert pipeline.process_item(item) is item
    stats = crawler.stats.get_stats()
    assert {key: value for key, value in stats.items() if key.startswith("szpu/")} == {
        "szpu/articles": 1,
        "szpu/missing/title": 1,
        "szpu/missing/body_text": 1,
        "szpu/missing/breadcrumbs_raw": 1,
        "szpu/missing/byline_raw": 1,
        "szpu/signal/date_published_raw/date-marker": 1,
    }
    assert [record.getMessage() for record in caplog.records] == [
        "No title found on https://english.szpu.edu.cn/info/1161/1.htm",
        "No body_text found on https://english.szpu.edu.cn/info/1161/1.htm",
    ]
