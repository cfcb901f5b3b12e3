"""`python -m szpu_crawler.schema`: print the README's field table, written from the schema."""

from szpu_crawler.schema import field_table_markdown

print(field_table_markdown(), end="")
