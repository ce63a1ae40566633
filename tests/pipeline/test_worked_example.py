"""CONTRIBUTING.md's worked example ("the API starts sending a new field") does what it says."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import EXCHANGES, NEXT_MINOR, ROOT, VERSION, api_diff, generate_from

CONTRIBUTING = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SECTION = CONTRIBUTING.split("### Worked example: the API starts sending a new field", 1)[1].split("\n## ", 1)[0]
SNIPPET = re.search(r"```yaml\n(.*?)```", SECTION, re.DOTALL).group(1)  # type: ignore[union-attr]
ANCHOR = "        id:\n          type: string\n          description: The ID of the service token\n"
SPEC = (ROOT / "openapi.yaml").read_text(encoding="utf-8")


def claimed(line_start: str) -> str:
    """The line CONTRIBUTING.md shows after ``line_start``, as it wrote it."""
    match = re.search(re.escape(line_start) + r"\s+# (.+)", SECTION)
    assert match, line_start
    return match.group(1)


def parse_fixtures(package_root: Path) -> list[str]:
    """Parse every recorded 200 body with the package in ``package_root``; the error of each that fails."""
    code = (
        "import json, sys\n"
        "from planetscale_oauth.errors import ResponseValidationError\n"
        "from planetscale_oauth.models import OAuthToken\n"
        "for path in sys.argv[1:]:\n"
        "    try:\n"
        "        OAuthToken.from_dict(json.load(open(path))['response']['json'])\n"
        "    except ResponseValidationError as error:\n"
        "        print(error)\n"
    )
    paths = [str(ROOT / "tests" / "fixtures" / f"{e.name}.json") for e in EXCHANGES if e.status == 200]
    env = {**os.environ, "PYTHONPATH": str(package_root)}
    result = subprocess.run([sys.executable, "-c", code, *paths], capture_output=True, text=True, env=env, check=True)
    return result.stdout.splitlines()


@pytest.mark.parametrize("required", [False, True], ids=["optional", "required"])
def test_worked_example(tmp_path: Path, required: bool) -> None:
    assert ANCHOR in SPEC
    spec_text = SPEC.replace(ANCHOR, ANCHOR + SNIPPET, 1)
    if required:
        spec_text = spec_text.replace(
            "        - id\n        - name\n", "        - id\n        - scopes\n        - name\n", 1
        )
        assert "- scopes" in spec_text
    package_root = generate_from(spec_text, tmp_path / "spec")
    diff = api_diff(package_root, "--new-version", VERSION)
    failures = parse_fixtures(package_root)
    if not required:
        assert diff.returncode == 0, diff.stderr
        assert claimed("make api-diff") in diff.stdout
        assert failures == []
    else:
        assert diff.returncode == 1
        breaking = "BREAKING  planetscale_oauth.models.oauth_token.OAuthToken: new required argument 'scopes'"
        assert breaking in diff.stdout
        assert f"`{breaking}`" in SECTION, "CONTRIBUTING.md shows the line api-diff prints"
        assert f"from {VERSION}" in diff.stderr
        assert f"goes from `{VERSION}` to `{NEXT_MINOR}`" in SECTION
        assert failures and all("scopes: required field missing" in line for line in failures)
