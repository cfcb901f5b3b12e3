"""End to end: `scrapy crawl news` over HTTP against the mirror served on 127.0.0.1."""

import json
from datetime import UTC, datetime

from szpu_crawler.state import content_hash
from tests.conftest import EXPECTED, SITE_BASE_URL, read_jsonl, run_crawl

ARTICLE_PATHS = {
    "info/1161/702.htm", "info/1161/1270.htm", "info/1161/1702.htm", "info/1161/2109.htm",
    "info/1161/2290.htm", "info/1161/2320.htm", "info/1161/2398.htm", "info/1161/2455.htm",
    "info/1161/2462.htm", "info/1161/2478.htm", "info/1161/2530.htm", "info/1161/2548.htm",
    "info/1161/2566.htm", "info/1161/2590.htm",
    "info/1162/698.htm", "info/1162/705.htm", "info/1162/1288.htm", "info/1162/1688.htm",
    "info/1162/2150.htm", "info/1162/2301.htm", "info/1162/2375.htm", "info/1162/2433.htm",
    "info/1162/2480.htm", "info/1162/2503.htm", "info/1162/2521.htm", "info/1162/2555.htm",
    "info/1162/2571.htm", "info/1162/2602.htm",
}  # fmt: skip
FILE_PATHS = {
    "/__local/9E/3C/6F0A1B2C3D4E5F60718293A4B5C_1.jpg",
    "/__local/9E/3C/6F0A1B2C3D4E5F60718293A4B5C_2.jpg",
    "/__local/9E/3C/6F0A1B2C3D4E5F60718293A4B5C_3.jpg",
    "/__local/2B/7D/1C2D3E4F5A6B7C8D9E0F1A2B3C4_1.jpg",
    "/__local/5A/11/0A0B0C0D0E0F10111213141516_1.jpg",
    "/__local/6C/20/AA11BB22CC33DD44EE55FF6677_1.jpg",
    "/__local/7F/02/ABCDEF0123456789ABCDEF0123_1.jpg",
    "/__local/8A/44/0123456789ABCDEF0123456789_1.jpg",
    "/__local/8A/44/0123456789ABCDEF0123456789_2.jpg",
    "/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1826434304&wbfileid=31207",
    "/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1826434304&wbfileid=31208",
    "/system/_content/download.jsp?urltype=news.DownloadAttachUrl&owner=1826434304&wbfileid=32011",
}
LIST_PAGES = {
    "/News___Events/News.htm", "/News___Events/News/2.htm", "/News___Events/News/1.htm",
    "/News___Events/Events.htm", "/News___Events/Events/2.htm", "/News___Events/Events/1.htm",
}  # fmt: skip


def test_crawl_finishes_cleanly(crawl):
    assert crawl["result"].returncode == 0, crawl["result"].stderr[-3000:]
    assert "'finish_reason': 'finished'" in crawl["result"].stderr
    assert "ERROR" not in crawl["result"].stderr


def test_every_article_is_emitted_once_and_nothing_else(crawl):
    urls = [url for record in crawl["records"] for url in [record["url"], *record["also_at"]]]
    assert len(urls) == len(set(urls)) == 28
    assert set(urls) == {crawl["base_url"] + path for path in ARTICLE_PATHS}


def test_the_same_story_under_both_columns_is_one_record(crawl):
    assert len(crawl["records"]) == 27
    (story,) = [record for record in crawl["records"] if record["also_at"]]
    assert story["url"] == crawl["base_url"] + "info/1161/2478.htm"
    assert story["also_at"] == [crawl["base_url"] + "info/1162/2480.htm"]
    assert story["sections"] == ["News", "Events"]


def test_alias_host_link_is_crawled_on_the_base_host(crawl):
    record = next(r for r in crawl["records"] if r["article_id"] == "2290")
    assert record["url"] == crawl["base_url"] + "info/1161/2290.htm"
    assert all("szpt" not in path for path, _ in crawl["requests"])


def test_each_page_is_fetched_once_and_only_news_pages_and_their_files_are_fetched(crawl):
    paths = [path for path, _ in crawl["requests"]]
    assert len(paths) == len(set(paths))
    pages = {"/robots.txt", "/"} | LIST_PAGES | {"/" + p for p in ARTICLE_PATHS}
    assert set(paths) - pages == FILE_PATHS
    assert paths[0] == "/robots.txt"


def test_requests_identify_the_crawler(crawl):
    agents = {agent for _, agent in crawl["requests"]}
    assert agents == {"szpu-crawler/0.1.0 (+https://github.com/szpu-crawler/szpu-crawler)"}


def test_seed_record_field_by_field(crawl):
    record = next(r for r in crawl["records"] if r["article_id"] == "2433")
    fetched_at = datetime.fromisoformat(record.pop("fetched_at"))
    assert crawl["started"] <= fetched_at <= datetime.now(UTC)
    assert record["content_hash"] == content_hash(record)
    assert record["http_validators"]["last_modified"].endswith(" GMT")
    manifest = json.loads(
        (crawl["output_dir"] / "runs" / f"{record['run_id']}.json").read_text(encoding="utf-8")
    )
    assert manifest["run_id"] == record["run_id"]
    as_on_site = json.loads(json.dumps(record).replace(crawl["base_url"], SITE_BASE_URL))
    expected = json.loads((EXPECTED / "seed_article.json").read_text(encoding="utf-8"))
    run_specific = ("run_id", "http_validators", "content_hash", "capture")
    assert {k: v for k, v in as_on_site.items() if k not in run_specific} == {
        k: v for k, v in expected.items() if k not in run_specific
    }
    assert content_hash(as_on_site) == expected["content_hash"]


def test_list_date_is_kept_beside_the_page_date(crawl):
    record = next(r for r in crawl["records"] if r["article_id"] == "2375")
    assert record["date_published_raw"] == "Sep 9, 2024"
    assert record["date_listed_raw"] == "2024-09-10"


def test_output_is_utf8_with_non_ascii_kept_as_is(crawl):
    raw = (crawl["output_dir"] / "articles.jsonl").read_bytes()
    assert "Egypt and Côte d'Ivoire".encode() in raw
    assert b"\\u00f4" not in raw


def test_field_coverage_is_reported(crawl):
    log = crawl["result"].stderr
    assert (
        "Field coverage: title 28/28, date_published_raw 28/28, breadcrumbs_raw 28/28, "
        "body_text 28/28, byline_raw 26/28"
    ) in log
    assert "'szpu/missing/byline_raw': 2" in log


def test_dash_capital_o_writes_the_run_records_to_the_named_file(mirror_server, tmp_path):
    output_dir = tmp_path / "output"
    result = run_crawl(mirror_server.base_url, output_dir, "-O", str(tmp_path / "other.jsonl"))
    assert result.returncode == 0, result.stderr[-3000:]
    named = read_jsonl(tmp_path / "other.jsonl")
    assert len({record["url"] for record in named}) == 27
    assert len(read_jsonl(output_dir / "articles.jsonl")) == 27


def test_robots_txt_is_obeyed(tmp_path):
    from szpu_crawler.mirror.build import build_mirror
    from szpu_crawler.mirror.server import MirrorServer

    root = build_mirror(tmp_path / "mirror")
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /info/1162/2375.htm\n")
    with MirrorServer(root) as server:
        result = run_crawl(server.base_url, tmp_path / "output")
    paths = {path for path, _ in server.requests}
    assert result.returncode == 0, result.stderr[-3000:]
    assert "/info/1162/2375.htm" not in paths
    assert "'robotstxt/forbidden': 1" in result.stderr
    assert "'szpu/skipped/article': 1" in result.stderr
    assert "ERROR" not in result.stderr
    assert len(read_jsonl(tmp_path / "output" / "articles.jsonl")) == 26


def test_facts_table_has_one_row_per_fact_with_its_article(crawl):
    rows = read_jsonl(crawl["output_dir"] / "facts.jsonl")
    assert len(rows) == sum(len(record["facts"]) for record in crawl["records"])
    seed_rows = [row for row in rows if row["url"].endswith("/info/1162/2433.htm")]
    assert [row["value"] for row in seed_rows] == [
        1200, 100, 600, 89, 43, 5, 64, 12, 13, 0.6667, 3, 200, 30, 2,
    ]  # fmt: skip
    assert {(row["title"][:20], row["date_published"], row["section"]) for row in seed_rows} == {
        ("SZPU Invited to Atte", "2024-12-04", "Events")
    }
