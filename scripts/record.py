"""`make record`: perform one real token exchange and save it as a fixture in tests/fixtures/.

Against the real PlanetScale API (for a user with an account) or Prism (for everyone else), from
environment variables:

    PLANETSCALE_BASE_URL              default https://api.planetscale.com/v1
    PLANETSCALE_SERVICE_TOKEN_ID      PLANETSCALE_SERVICE_TOKEN
    PLANETSCALE_ORG                   PLANETSCALE_OAUTH_APP_ID
    PLANETSCALE_OAUTH_CLIENT_ID       PLANETSCALE_OAUTH_CLIENT_SECRET
    PLANETSCALE_OAUTH_CODE + PLANETSCALE_OAUTH_REDIRECT_URI   (authorization-code grant), or
    PLANETSCALE_OAUTH_REFRESH_TOKEN                            (refresh grant)

    python scripts/record.py NAME ["what the exchange shows"] [--out DIR]

Every secret is replaced by a stable fake value before anything is written: the service token,
each value the spec marks sensitive, and any place the server echoed one of them.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
from pathlib import Path
from typing import Any

import httpx

from planetscale_oauth import AuthenticatedClient
from planetscale_oauth.api.oauth_tokens import create_oauth_token
from planetscale_oauth.client import DEFAULT_BASE_URL, RetryPolicy
from planetscale_oauth.errors import SENSITIVE_KEYS
from planetscale_oauth.models import AuthorizationCodeGrant, RefreshTokenGrant

ROOT = Path(__file__).resolve().parent.parent
FAKE_SERVICE_TOKEN = ("sto_FAKErecorded", "pscale_tkn_FAKErecorded")
KEPT_RESPONSE_HEADERS = ("content-type", "x-request-id", "retry-after")


def env(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise SystemExit(f"set {name} (see `python scripts/record.py --help`)")
    return value


def fakes_for(body: Any, found: dict[str, str]) -> None:
    """Map every sensitive value in ``body`` to a stable fake named after its key."""
    if isinstance(body, dict):
        for key, value in body.items():
            if key in SENSITIVE_KEYS and isinstance(value, str) and value:
                found.setdefault(value, f"FAKE-{key.replace('_', '-')}-recorded")
            else:
                fakes_for(value, found)
    elif isinstance(body, list):
        for item in body:
            fakes_for(item, found)


def scrub(text: str, fakes: dict[str, str]) -> str:
    for secret in sorted(fakes, key=len, reverse=True):
        text = text.replace(secret, fakes[secret])
    return text


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("name", help="the fixture's file name, without .json")
    parser.add_argument("description", nargs="?", default="A recorded token exchange.")
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures")
    args = parser.parse_args()

    base_url = os.environ.get("PLANETSCALE_BASE_URL") or DEFAULT_BASE_URL
    token_id, token = env("PLANETSCALE_SERVICE_TOKEN_ID"), env("PLANETSCALE_SERVICE_TOKEN")
    organization, application_id = env("PLANETSCALE_ORG"), env("PLANETSCALE_OAUTH_APP_ID")
    client_id, client_secret = env("PLANETSCALE_OAUTH_CLIENT_ID"), env("PLANETSCALE_OAUTH_CLIENT_SECRET")
    body: AuthorizationCodeGrant | RefreshTokenGrant
    if os.environ.get("PLANETSCALE_OAUTH_REFRESH_TOKEN"):
        body = RefreshTokenGrant(client_id, client_secret, env("PLANETSCALE_OAUTH_REFRESH_TOKEN"))
    else:
        body = AuthorizationCodeGrant(
            client_id, client_secret, env("PLANETSCALE_OAUTH_CODE"), env("PLANETSCALE_OAUTH_REDIRECT_URI")
        )

    seen: list[httpx.Request] = []
    client = AuthenticatedClient.from_service_token(
        token_id,
        token,
        base_url=base_url,
        retry=RetryPolicy(max_retries=0),  # one exchange, exactly as it happened
        httpx_args={"event_hooks": {"request": [seen.append]}},
    )
    with client:
        response = create_oauth_token.sync_detailed(organization, application_id, client=client, body=body)
    request = seen[-1]
    try:
        response_body: Any = json.loads(response.content)
    except ValueError:
        raise SystemExit(
            f"the server answered {int(response.status_code)} without a JSON body; nothing recorded"
        ) from None

    fakes = {f"{token_id}:{token}": ":".join(FAKE_SERVICE_TOKEN), token: FAKE_SERVICE_TOKEN[1]}
    fakes.setdefault(token_id, FAKE_SERVICE_TOKEN[0])
    fakes_for(body.to_dict(), fakes)
    fakes_for(response_body, fakes)
    base_path = httpx.URL(base_url).raw_path.decode().rstrip("/")
    fixture = {
        "description": args.description,
        "source": (
            f"Recorded {datetime.datetime.now(datetime.UTC):%Y-%m-%dT%H:%M:%SZ} against {base_url} "
            "with scripts/record.py; every secret replaced by a fake value."
        ),
        "request": {
            "method": request.method,
            # As seen from the API's own base URL (.../v1), wherever the recording server is mounted.
            "path": "/v1" + request.url.raw_path.decode()[len(base_path) :],
            "path_params": {"organization": organization, "application_id": application_id},
            "headers": {
                "Authorization": request.headers["Authorization"],
                "Content-Type": request.headers["Content-Type"],
            },
            "json": json.loads(request.content),
        },
        "response": {
            "status": int(response.status_code),
            "headers": {
                name.title(): response.headers[name] for name in KEPT_RESPONSE_HEADERS if name in response.headers
            },
            "json": response_body,
        },
    }
    text = scrub(json.dumps(fixture, indent=2, ensure_ascii=False) + "\n", fakes)
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"{args.name}.json"
    target.write_text(text, encoding="utf-8")
    print(f"recorded {request.method} {int(response.status_code)} into {target} ({len(fakes)} secret values replaced)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
