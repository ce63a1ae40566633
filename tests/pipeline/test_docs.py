"""The Markdown reference in docs/: every link resolves, and it covers every operation and model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from helpers import ROOT, spec

DOCS = ROOT / "docs"
PAGES = sorted(DOCS.rglob("*.md"))
LINK = re.compile(r"\]\(([^)#\s]*)(?:#([^)\s]+))?\)")


def anchors(page: Path) -> set[str]:
    """GitHub's anchors for a page's headings."""
    headings = re.findall(r"^#+ (.+)$", page.read_text(encoding="utf-8"), re.MULTILINE)
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", PAGES, ids=[page.relative_to(DOCS).as_posix() for page in PAGES])
def test_every_relative_link_resolves(page: Path) -> None:
    for target, anchor in LINK.findall(page.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://")):
            continue
        resolved = (page.parent / target).resolve() if target else page
        assert resolved.exists(), f"{page.name} links to missing {target}"
        if anchor and resolved.suffix == ".md":
            assert anchor in anchors(resolved), f"{page.name} links to missing #{anchor} in {resolved.name}"


def test_every_operation_and_model_has_its_place() -> None:
    for path, item in spec()["paths"].items():
        for method, op in item.items():
            if method == "servers":
                continue
            reference = (DOCS / f"{op['tags'][0].replace('-', '_')}.md").read_text(encoding="utf-8")
            assert f"## {op['operationId']}" in reference
            server = (item.get("servers") or spec()["servers"])[0]["url"]
            assert f"`{method.upper()} {server}{path}`" in reference
            for access in op.get("x-service-token-accesses", []):
                assert f"`{access}`" in reference
            if op.get("deprecated"):
                assert f"**{op['summary']}** (deprecated)" in reference
    for name, schema in spec()["components"]["schemas"].items():
        if "oneOf" not in schema:
            page = (DOCS / "models" / f"{name}.md").read_text(encoding="utf-8")
            for field in schema.get("properties", {}):
                assert f"| `{field}` |" in page


def test_model_pages_mark_sensitive_and_nullable_fields_as_the_spec_does() -> None:
    page = (DOCS / "models" / "OAuthToken.md").read_text(encoding="utf-8")
    assert "| `token` | `str \\| None` | yes | yes | **yes** |" in page
    assert "| `expires_at` | `datetime.datetime \\| None` | yes | yes | no |" in page
    assert "| `id` | `str` | yes | no | no |" in page
