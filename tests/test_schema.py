"""The JSON Schema: the README's field table comes from it, and it accepts exactly valid records."""

import copy
import json

import pytest
from fastjsonschema import JsonSchemaException

from szpu_crawler.schema import (
    fast_record_check,
    field_table_markdown,
    load_schema,
    record_validator,
)
from tests.conftest import EXPECTED, PROJECT_ROOT


def seed_record():
    record = json.loads((EXPECTED / "seed_article.json").read_text(encoding="utf-8"))
    return {**record, "fetched_at": "2026-11-23T21:00:00+00:00"}


def errors_of(record):
    return sorted(
        ("/" + "/".join(map(str, error.absolute_path)), error.validator)
        for error in record_validator().iter_errors(record)
    )


def test_readme_field_table_is_the_one_written_from_the_schema():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    assert field_table_markdown() in readme


def test_every_schema_field_is_required_so_records_keep_one_shape():
    schema = load_schema()
    assert sorted(schema["required"]) == sorted(schema["properties"])


def test_seed_record_is_valid():
    assert errors_of(seed_record()) == []


def test_invalid_records_give_their_error_paths():
    record = copy.deepcopy(seed_record())
    record["section"] = "Sports"
    record["date_published"] = "Dec 4, 2024"
    record["byline"]["people"][0]["role"] = "hero"
    record["images"][0]["url"] = "not a url"
    record["unknown_field"] = 1
    del record["title"]
    assert errors_of(record) == [
        ("/", "additionalProperties"),
        ("/", "required"),
        ("/byline", "anyOf"),
        ("/date_published", "anyOf"),
        ("/images/0/url", "format"),
        ("/images/0/url", "pattern"),
        ("/section", "enum"),
    ]


@pytest.mark.parametrize(
    ("path", "value"),
    [
        (("section",), "Sports"),
        (("byline", "people", 0, "role"), "hero"),
        (("images", 0, "url"), "not a url"),
        (("breadcrumbs", 0, "url"), "javascript:void(0)"),
        (("facts", 0, "bound"), "roughly"),
        (("date_conflicts",), [{"source": "page"}]),
    ],
)
def test_fast_check_with_its_definitions_written_out_rejects_what_jsonschema_rejects(path, value):
    record = copy.deepcopy(seed_record())
    fast_record_check()(record)
    parent = record
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    assert errors_of(record)
    with pytest.raises(JsonSchemaException):
        fast_record_check()(record)


def test_readme_example_record_is_the_seed_record():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    example = json.loads(readme.split("```json\n", 1)[1].split("\n```", 1)[0])
    expected = seed_record()
    assert expected["body_text"].startswith(example.pop("body_text").removesuffix(" …"))
    assert example.pop("facts") == expected["facts"][:2]
    assert example == {k: v for k, v in expected.items() if k not in ("body_text", "facts")} | {
        "fetched_at": example["fetched_at"]
    }
