"""The project's Spectral rules (.spectral.yaml) catch what they are for, on edited copies of openapi.yaml."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from helpers import ROOT

SPEC = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
SPECTRAL = ROOT / "node_modules" / ".bin" / "spectral"
ACTOR_DEPARTURE = (
    "          x-departure: Published as a non-null string; nullable in the live API (as in PlanetScale's Go client).\n"
)


def lint(text: str, folder: Path) -> subprocess.CompletedProcess[str]:
    spec = folder / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    return subprocess.run(
        [str(SPECTRAL), "lint", "--quiet", "--ruleset", str(ROOT / ".spectral.yaml"), str(spec)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )  # fmt: skip


def test_the_spec_passes(tmp_path: Path) -> None:
    result = lint(SPEC, tmp_path)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("old", "new", "rule"),
    [
        ("          x-sensitive: true\n", "", "planetscale-credentials-are-sensitive"),
        (
            '        "403":\n          $ref: "#/components/responses/Forbidden"',
            '        "403":\n          description: Forbidden',
            "planetscale-error-responses-have-error-body",
        ),
        (
            '        "401":\n          $ref: "#/components/responses/OAuthInvalidClient"',
            '        "401":\n          description: The client ID or secret is wrong',
            "planetscale-error-responses-have-error-body",
        ),
        ("      operationId: create_oauth_token\n", "", "operation-operationId"),
        ("      tags: [oauth-tokens]\n", "", "operation-tags"),
        (
            ACTOR_DEPARTURE,
            "",
            "planetscale-departures-are-annotated",
        ),
        (
            "          x-departure: Published as a plain string; the API sends RFC 3339 timestamps.\n",
            "",
            "planetscale-departures-are-annotated",
        ),
    ],
    ids=[
        "credential not marked",
        "error without Error body",
        "OAuth error without OAuthErrorResponse body",
        "no operationId",
        "no tag",
        "nullable without x-departure",
        "date-time without x-departure",
    ],
)
def test_rule_catches_its_case(tmp_path: Path, old: str, new: str, rule: str) -> None:
    assert old in SPEC
    result = lint(SPEC.replace(old, new), tmp_path)
    assert result.returncode != 0
    assert rule in result.stdout
