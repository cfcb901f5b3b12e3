"""The JSON Schema of a record: the one place field names, types and docs are defined."""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any

import fastjsonschema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_FILE = "article.schema.json"


@cache
def load_schema() -> dict[str, Any]:
    return json.loads(files(__package__).joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))


@cache
def record_validator() -> Draft202012Validator:
    """A validator that checks formats (dates, URIs) as well as types. jsonschema is imported
    here, not with the module: its URI format checker compiles some forty grammars on import,
    about 1.5 s of every crawl's start, and a crawl needs it only for a record that fails."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


@cache
def fast_record_check() -> Callable[[dict[str, Any]], Any]:
    """The schema compiled to Python (fastjsonschema): about seven times faster than jsonschema,
    for the crawl's every record; it raises `fastjsonschema.JsonSchemaException` at the first
    error, so `record_validator` is asked for all of them when a record fails.

    Compiled with its `$ref`s written out in place: fastjsonschema calls a function per `$ref`
    and builds each call's error-path prefix with `locals()`, which made a valid record cost
    2.5 times as much."""
    return fastjsonschema.compile(_inlined(load_schema()))


def _inlined(node: Any) -> Any:
    """`node` with every `$ref` replaced by the definition it names, and no `$defs`."""
    if isinstance(node, list):
        return [_inlined(item) for item in node]
    if not isinstance(node, dict):
        return node
    return {key: _inlined(value) for key, value in _resolve(node).items() if key != "$defs"}


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        resolved = load_schema()["$defs"][ref.rsplit("/", 1)[-1]]
        return {**resolved, **{k: v for k, v in node.items() if k != "$ref"}}
    return node


def describe_type(node: dict[str, Any]) -> str:
    """A short reader's name for a schema node's type: `string or null`, `list of object`."""
    node = _resolve(node)
    if "anyOf" in node:
        names = dict.fromkeys(describe_type(option) for option in node["anyOf"])
        return " or ".join(names)
    types = node.get("type", "object")
    types = types if isinstance(types, list) else [types]
    names = []
    for name in types:
        if name == "array":
            names.append(f"list of {describe_type(node.get('items', {}))}")
        elif name == "object" and "properties" in node:
            names.append("{" + ", ".join(node["properties"]) + "}")
        elif name == "string" and "format" in node:
            names.append(f"string ({node['format']})")
        else:
            names.append(name)
    return " or ".join(names)


def field_table_markdown() -> str:
    """The README's field table, written from the schema."""
    rows = ["| field | type | meaning |", "|---|---|---|"]
    for name, node in load_schema()["properties"].items():
        description = _resolve(node).get("description", "").replace("|", "\\|")
        if "enum" in node:
            values = ", ".join(f"`{value}`" for value in node["enum"] if value is not None)
            description += f" One of {values}."
        rows.append(f"| `{name}` | {describe_type(node)} | {description} |")
    return "\n".join(rows) + "\n"
