"""Analysts' view: the crawl's output loads into DuckDB and pandas with dates typed as dates.

The loading code is the README's, word for word.
"""

import datetime

import duckdb
import pandas as pd

from szpu_crawler.schema import record_validator


def test_every_record_of_the_crawl_validates(crawl):
    validator = record_validator()
    assert [list(validator.iter_errors(record)) for record in crawl["records"]] == [[]] * 27
    assert "'szpu/valid': 28" in crawl["result"].stderr
    assert "szpu/rejected" not in crawl["result"].stderr
    assert not (crawl["output_dir"] / "rejects.jsonl").exists()


def test_duckdb_reads_date_published_as_dates(crawl):
    path = crawl["output_dir"] / "articles.jsonl"
    relation = duckdb.sql(
        "SELECT * REPLACE (CAST(date_published AS DATE) AS date_published) "
        f"FROM read_json('{path}')"
    )
    types = dict(zip(relation.columns, map(str, relation.types), strict=True))
    assert types["date_published"] == "DATE"
    rows = dict(relation.select("article_id, date_published").fetchall())
    assert rows["2433"] == datetime.date(2024, 12, 4)
    assert rows["702"] == datetime.date(2016, 1, 13)
    people = duckdb.sql(
        "SELECT p.name, p.role FROM (SELECT unnest(byline.people) AS p "
        f"FROM read_json('{path}') WHERE article_id = '2433')"
    ).fetchall()
    assert people == [("Li Simin", "reporter")]


def test_pandas_reads_date_published_as_dates(crawl):
    path = crawl["output_dir"] / "articles.jsonl"
    articles = pd.read_json(path, lines=True, dtype={"article_id": str, "column_id": str})
    articles["date_published"] = pd.to_datetime(articles["date_published"].str[:10])
    assert str(articles["date_published"].dtype).startswith("datetime64")
    by_id = articles.set_index("article_id")["date_published"]
    assert by_id["2433"] == pd.Timestamp("2024-12-04")
    assert by_id["702"] == pd.Timestamp("2016-01-13")
