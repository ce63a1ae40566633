"""`make record` end to end against Prism: the fixture passes the contract tests and holds no secret used."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

from contract import test_contract

from helpers import ROOT, Exchange

SECRETS = {
    "PLANETSCALE_SERVICE_TOKEN_ID": "sto_REALISHid42",
    "PLANETSCALE_SERVICE_TOKEN": "pscale_tkn_REALISHsecret42",
    "PLANETSCALE_OAUTH_CLIENT_SECRET": "REALISH-client-secret-42",
    "PLANETSCALE_OAUTH_REFRESH_TOKEN": "REALISH-refresh-token-42",
}


def test_recorded_fixture_passes_the_contract_tests_and_holds_no_secret(prism_url: str, tmp_path: Path) -> None:
    env = {
        **os.environ,
        **SECRETS,
        "PLANETSCALE_BASE_URL": prism_url,
        "PLANETSCALE_ORG": "acme",
        "PLANETSCALE_OAUTH_APP_ID": "oauthapp_FAKE01",
        "PLANETSCALE_OAUTH_CLIENT_ID": "recorded-client-id",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "record.py"), "recorded_refresh", "A refresh against Prism.",
         "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    text = (tmp_path / "recorded_refresh.json").read_text(encoding="utf-8")
    assert [secret for secret in SECRETS.values() if secret in text] == []
    data = json.loads(text)
    assert "Recorded " in data["source"] and prism_url in data["source"]
    exchange = Exchange("recorded_refresh", data)
    assert exchange.status == 200
    assert exchange.request["path"] == "/v1/organizations/acme/oauth-applications/oauthapp_FAKE01/token"
    assert exchange.service_token == ("sto_FAKErecorded", "pscale_tkn_FAKErecorded")
    # The recorded token's own credentials were replaced too.
    assert data["response"]["json"]["token"] == "FAKE-token-recorded"
    test_contract.test_request_matches_spec(exchange)
    test_contract.test_response_body_matches_spec(exchange)
    test_contract.test_response_body_round_trips_through_the_model(exchange)
    for mode in ("sync", "async"):
        asyncio.run(test_contract.test_replay_sends_the_recorded_request_and_returns_or_raises(exchange, mode))
