"""The README's examples and `make demo` run as printed, against Prism, and print no secret."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from helpers import ROOT, SPEC_PATH, spec

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"```python\n(.*?)```", README, re.DOTALL)
TOKEN = spec()["paths"]["/organizations/{organization}/oauth-applications/{id}/token"]["post"]["responses"]["200"][
    "content"
]["application/json"]["example"]
SECRETS = {
    "PLANETSCALE_SERVICE_TOKEN": "pscale_tkn_FAKEreadme",
    "PLANETSCALE_OAUTH_CLIENT_SECRET": "FAKE-readme-client-secret",
    "OAUTH_CODE": "FAKE-readme-code",
    "OAUTH_REFRESH_TOKEN": "FAKE-readme-refresh-token",
}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def test_readme_has_sync_and_async_examples() -> None:
    assert len(EXAMPLES) == 2
    assert "create_oauth_token.sync(" in EXAMPLES[0]
    assert "create_oauth_token.asyncio(" in EXAMPLES[1]


@pytest.mark.parametrize("index", range(len(EXAMPLES)))
def test_readme_example_runs_as_printed(prism_url: str, index: int) -> None:
    env = {
        **os.environ,
        **SECRETS,
        "PLANETSCALE_SERVICE_TOKEN_ID": "sto_FAKEreadme",
        "PLANETSCALE_BASE_URL": prism_url,
        "PLANETSCALE_ORG": "acme",
        "PLANETSCALE_OAUTH_APP_ID": "oauthapp_FAKE01",
        "PLANETSCALE_OAUTH_CLIENT_ID": "FAKE-readme-client-id",
    }
    result = run([sys.executable, "-c", EXAMPLES[index]], env)
    assert result.returncode == 0, result.stderr
    assert f"token {TOKEN['id']}" in result.stdout
    output = result.stdout + result.stderr
    leaked = [
        value for value in [*SECRETS.values(), TOKEN["token"], TOKEN["plain_text_refresh_token"]] if value in output
    ]
    assert leaked == []


def test_demo_exchanges_refreshes_and_redacts() -> None:
    result = run([sys.executable, str(ROOT / "scripts" / "demo.py")], dict(os.environ))
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    assert "authorization code exchanged:" in output
    assert "token refreshed:" in output
    assert "UnprocessableEntityError: 422 Unprocessable Entity" in output
    assert "'<redacted>'" in output
    secrets = ["demo-client-secret-not-real", "pscale_tkn_demo_not_real", "demo-authorization-code"]
    secrets += [TOKEN["token"], TOKEN["plain_text_refresh_token"]]
    assert [secret for secret in secrets if secret in output] == []
    assert str(SPEC_PATH.name) in output
