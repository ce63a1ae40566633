"""Every Python example in README.md and docs/ runs as printed against Prism; so does `make demo`.

No example may print a secret it was given or the token it got back.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from planetscale_oauth.errors import sensitive_values

from helpers import ROOT, SPEC_PATH, spec

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
EXAMPLES = [
    (page, index, code)
    for page in PAGES
    for index, code in enumerate(re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL))
]
TOKEN_OPERATION = spec()["paths"]["/organizations/{organization}/oauth-applications/{application_id}/token"]["post"]
TOKEN = TOKEN_OPERATION["responses"]["200"]["content"]["application/json"]["example"]
SECRETS = {
    "PLANETSCALE_SERVICE_TOKEN": "pscale_tkn_FAKEexample",
    "PLANETSCALE_OAUTH_CLIENT_SECRET": "FAKE-example-client-secret",
    "PLANETSCALE_OAUTH_CODE": "FAKE-example-code",
    # A PKCE verifier as RFC 7636 §4.1 has it (43 to 128 characters): Prism checks the request against the spec.
    "PLANETSCALE_OAUTH_CODE_VERIFIER": "FAKE-example-code-verifier-00000000000000000000",
    "PLANETSCALE_OAUTH_REFRESH_TOKEN": "FAKE-example-refresh-token",
    "PLANETSCALE_OAUTH_TOKEN": "FAKE-example-token-to-revoke",
}
# A Fernet key for the examples' token stores (TokenCipher.generate_key()).
TOKEN_KEY = "FAKEexampleFAKEexampleFAKEexampleFAKEexampl="
# Every credential Prism can answer with: the sensitive values of the spec's response examples.
ANSWERED = sorted(
    {
        value
        for item in spec()["paths"].values()
        for op in item.values()
        if isinstance(op, dict)
        for response in op.get("responses", {}).values()
        for value in sensitive_values(response.get("content", {}).get("application/json", {}).get("example"))
    }
)


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)


def names(page: Path) -> str:
    return page.relative_to(ROOT).as_posix()


def test_readme_and_reference_have_sync_and_async_examples() -> None:
    readme = [code for page, _, code in EXAMPLES if page.name == "README.md"]
    flow = next(code for code in readme if "authorize_url(" in code)
    for step in ("read_callback(", "TokenSession.exchange(", "session.access_token()", "session.revoke()"):
        assert step in flow, f"the README's connect-an-account example lacks {step}"
    assert any("aaccess_token()" in code and "asyncio.run(" in code for code in readme)
    assert any("list_oauth_tokens.iterate(" in code for code in readme)
    for page in ("oauth_tokens.md", "oauth.md"):
        reference = [code for example_page, _, code in EXAMPLES if example_page.name == page]
        assert any(".sync(" in code for code in reference) and any(".asyncio(" in code for code in reference)
    reference = [code for page, _, code in EXAMPLES if page.name == "oauth_tokens.md"]
    assert any("AuthorizationCodeGrant(" in code and "code=" in code and "redirect_uri=" in code for code in reference)
    assert any("RefreshTokenGrant(" in code and "refresh_token=" in code for code in reference)


@pytest.mark.parametrize(("page", "index", "code"), EXAMPLES, ids=[f"{names(p)}#{i}" for p, i, _ in EXAMPLES])
def test_example_runs_as_printed(prism_url: str, page: Path, index: int, code: str) -> None:
    env = {
        **os.environ,
        **SECRETS,
        "PLANETSCALE_SERVICE_TOKEN_ID": "sto_FAKEexample",
        "PLANETSCALE_BASE_URL": prism_url,
        "PLANETSCALE_OAUTH_BASE_URL": prism_url,
        "PLANETSCALE_ORG": "acme",
        "PLANETSCALE_OAUTH_APP_ID": "oauthapp_FAKE01",
        "PLANETSCALE_OAUTH_CLIENT_ID": "FAKE-example-client-id",
        "PLANETSCALE_TOKEN_KEYS": TOKEN_KEY,
    }
    result = run([sys.executable, "-c", code], env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    if "create_oauth_token.sync(" in code or "create_oauth_token.asyncio(" in code:
        assert f"{TOKEN['id']}" in result.stdout
    output = result.stdout + result.stderr
    assert TOKEN["token"] in ANSWERED
    assert [value for value in [*SECRETS.values(), *ANSWERED] if value in output] == []


def test_demo_runs_the_standard_flow_and_redacts() -> None:
    result = run([sys.executable, str(ROOT / "scripts" / "demo.py")], dict(os.environ))
    assert result.returncode == 0, result.stderr
    output = result.stdout + result.stderr
    for step in (
        "AuthorizationRequest(url=",
        "a forged callback: StateMismatchError",
        "on_refresh -> persist Tokens(access_token='<redacted>', refresh_token='<redacted>'",
        "InvalidGrantError: POST http://127.0.0.1:",
        "/oauth/token: 400 Bad Request",
        "1 refresh",
        "deleted oauthtoken_FAKE0001",
        "revoked",
        "DeprecationWarning: planetscale_oauth.api.oauth_tokens.create_oauth_token is deprecated",
    ):
        assert step in output, step
    secrets = ["demo-client-secret-not-real", "pscale_tkn_demo_not_real", "demo-authorization-code", *ANSWERED]
    assert [secret for secret in secrets if secret in output] == []
    assert str(SPEC_PATH.name) in output
