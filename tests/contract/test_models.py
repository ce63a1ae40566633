"""The generated models: grant-type-correct request bodies, exact wire format, redacted reprs."""

from __future__ import annotations

import datetime
import inspect
import textwrap
from pathlib import Path
from typing import Any

import attrs
import pytest
from mypy import api as mypy_api

from planetscale_oauth import models
from planetscale_oauth.models import AuthorizationCodeGrant, OAuthToken, RefreshTokenGrant
from planetscale_oauth.types import REDACTED, format_datetime, parse_datetime, redact

from helpers import EXCHANGES, ROOT, Exchange, canonical, request_schema_pointer, resolve, sensitive_values, spec

SUCCESS = next(exchange for exchange in EXCHANGES if exchange.name == "authorization_code_success")


def test_refresh_grant_cannot_be_built_without_a_refresh_token() -> None:
    with pytest.raises(TypeError, match="refresh_token"):
        RefreshTokenGrant(client_id="id", client_secret="secret")  # type: ignore[call-arg]


def test_code_grant_cannot_be_built_without_code_and_redirect_uri() -> None:
    with pytest.raises(TypeError, match="code"):
        AuthorizationCodeGrant(client_id="id", client_secret="secret", redirect_uri="https://a.example")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="redirect_uri"):
        AuthorizationCodeGrant(client_id="id", client_secret="secret", code="abc")  # type: ignore[call-arg]


def test_mypy_flags_a_grant_without_its_fields_and_a_wrong_grant_type(tmp_path: Path) -> None:
    source = tmp_path / "misuse.py"
    source.write_text(
        textwrap.dedent(
            """
            from planetscale_oauth.models import AuthorizationCodeGrant, RefreshTokenGrant

            RefreshTokenGrant(client_id="id", client_secret="secret")
            AuthorizationCodeGrant(
                client_id="id", client_secret="s", code="c", redirect_uri="r", grant_type="refresh_token"
            )
            """
        )
    )
    stdout, _, status = mypy_api.run(
        ["--strict", "--no-incremental", "--config-file", str(ROOT / "pyproject.toml"), str(source)]
    )
    assert status == 1
    assert 'Missing positional argument "refresh_token" in call to "RefreshTokenGrant"' in stdout
    assert 'Argument "grant_type" to "AuthorizationCodeGrant" has incompatible type' in stdout


@pytest.mark.parametrize(
    ("grant", "wire"),
    [
        (
            RefreshTokenGrant(client_id="cid", client_secret="cs", refresh_token="rt"),
            {"grant_type": "refresh_token", "client_id": "cid", "client_secret": "cs", "refresh_token": "rt"},
        ),
        (
            AuthorizationCodeGrant(client_id="cid", client_secret="cs", code="c", redirect_uri="https://a.example/cb"),
            {
                "grant_type": "authorization_code",
                "client_id": "cid",
                "client_secret": "cs",
                "code": "c",
                "redirect_uri": "https://a.example/cb",
            },
        ),
    ],
)
def test_wire_body_is_exactly_the_grant_fields(grant: Any, wire: dict[str, str]) -> None:
    assert grant.to_dict() == wire


def test_grant_schemas_fix_their_grant_type() -> None:
    for name, grant_type in (("AuthorizationCodeGrant", "authorization_code"), ("RefreshTokenGrant", "refresh_token")):
        schema = spec()["components"]["schemas"][name]
        assert schema["properties"]["grant_type"]["const"] == grant_type
        assert schema["additionalProperties"] is False


def _sensitive_fields_in_spec(schema_name: str) -> set[str]:
    schema = resolve(spec()["components"]["schemas"][schema_name])
    return {name for name, prop in schema.get("properties", {}).items() if resolve(prop).get("x-sensitive") is True}


def _redacted_fields_in_model(cls: type) -> set[str]:
    return {field.name for field in attrs.fields(cls) if field.repr is redact}


MODEL_CLASSES = sorted(
    (cls for _, cls in inspect.getmembers(models, inspect.isclass) if attrs.has(cls)), key=lambda cls: cls.__name__
)


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=[cls.__name__ for cls in MODEL_CLASSES])
def test_redacted_fields_are_exactly_those_the_spec_marks_sensitive(cls: type) -> None:
    assert _redacted_fields_in_model(cls) == _sensitive_fields_in_spec(cls.__name__)


def test_the_spec_marks_every_credential() -> None:
    marked = {
        (schema, field)
        for schema in ("AuthorizationCodeGrant", "RefreshTokenGrant", "OAuthToken")
        for field in _sensitive_fields_in_spec(schema)
    }
    assert marked == {
        ("AuthorizationCodeGrant", "client_secret"),
        ("AuthorizationCodeGrant", "code"),
        ("AuthorizationCodeGrant", "code_verifier"),
        ("RefreshTokenGrant", "client_secret"),
        ("RefreshTokenGrant", "refresh_token"),
        ("OAuthToken", "token"),
        ("OAuthToken", "plain_text_refresh_token"),
    }


@pytest.mark.parametrize("exchange", EXCHANGES, ids=[exchange.name for exchange in EXCHANGES])
def test_repr_and_str_never_show_a_secret_but_to_dict_keeps_it(exchange: Exchange) -> None:
    pairs: list[tuple[Any, dict[str, Any], str]] = [
        (exchange.body(), exchange.request["json"], request_schema_pointer())
    ]
    if exchange.status == 200:
        pairs.append(
            (
                OAuthToken.from_dict(exchange.response["json"]),
                exchange.response["json"],
                "/components/schemas/OAuthToken",
            )
        )
    for obj, body, pointer in pairs:
        secrets = sensitive_values(body, {"$ref": "#" + pointer})
        shown = repr(obj) + str(obj)
        assert [secret for secret in secrets if secret in shown] == []
        wire = canonical(obj.to_dict())
        assert [secret for secret in secrets if secret not in wire] == []
    assert REDACTED in repr(pairs[0][0])


def test_nullable_secret_shows_none_rather_than_redacted() -> None:
    body = dict(SUCCESS.response["json"], token=None)
    text = repr(OAuthToken.from_dict(body))
    assert "token=None" in text
    assert "plain_text_refresh_token='<redacted>'" in text


def test_unknown_fields_are_kept_at_every_depth() -> None:
    exchange = next(exchange for exchange in EXCHANGES if exchange.name == "token_unknown_fields")
    token = OAuthToken.from_dict(exchange.response["json"])
    assert token["granted_scopes"] == ["read_branch", "read_organization"]
    assert token.service_token_accesses[0]["inherited"] is False
    assert token.service_token_accesses[0].resource["region"] == {"slug": "eu-west", "display_name": "EU West"}
    assert "workflow" in token.oauth_accesses_by_resource


def test_unknown_fields_show_in_a_repr_with_their_credentials_hidden_and_go_back_whole() -> None:
    echoed = {"previous": {"refresh_token": "rt-SECRET-1", "nested": [{"plain_text_refresh_token": "pt-SECRET-2"}]}}
    body = dict(SUCCESS.response["json"], **echoed)
    token = OAuthToken.from_dict(body)
    shown = repr(token)
    assert "rt-SECRET-1" not in shown and "pt-SECRET-2" not in shown
    assert "'refresh_token': '<redacted>'" in shown and "'nested'" in shown
    assert token.to_dict()["previous"] == echoed["previous"], "to_dict() sends back what came"


def test_timestamps_are_aware_datetimes_that_keep_their_text() -> None:
    token = OAuthToken.from_dict(SUCCESS.response["json"])
    assert token.created_at == datetime.datetime(2026, 11, 25, 18, 29, 31, 123000, tzinfo=datetime.UTC)
    assert token.last_used_at is None
    assert token.to_dict()["created_at"] == "2026-11-25T18:29:31.123Z"


@pytest.mark.parametrize(
    "text",
    ["2026-11-25T18:29:31.123Z", "2026-11-25T18:29:31Z", "2026-11-25T19:29:31.123456+01:00", "2026-11-25T18:29:31"],
)
def test_a_timestamp_goes_back_exactly_as_the_server_sent_it(text: str) -> None:
    body = dict(SUCCESS.response["json"], created_at=text, expires_at=text)
    token = OAuthToken.from_dict(body)
    assert token.created_at.tzinfo is not None, "a timestamp without offset is read as UTC"
    assert token.to_dict()["created_at"] == text
    assert token.to_dict()["expires_at"] == text


def test_a_changed_timestamp_is_formatted_afresh() -> None:
    token = OAuthToken.from_dict(SUCCESS.response["json"])
    token.created_at = token.created_at + datetime.timedelta(seconds=1)
    assert token.to_dict()["created_at"] == "2026-11-25T18:29:32.123000Z"
    assert token.to_dict()["updated_at"] == "2026-11-25T18:29:31.123Z"
    assert token == OAuthToken.from_dict(dict(SUCCESS.response["json"], created_at="2026-11-25T18:29:32.123+00:00"))


def test_a_datetime_built_in_code_formats_as_rfc3339() -> None:
    moment = datetime.datetime(2026, 11, 25, 18, 29, 31, 123000, tzinfo=datetime.UTC)
    assert format_datetime(moment) == "2026-11-25T18:29:31.123000Z"
    assert format_datetime(parse_datetime("2026-11-25T18:29:31Z") + datetime.timedelta(seconds=1)) == (
        "2026-11-25T18:29:32Z"
    )
    offset = datetime.timezone(datetime.timedelta(hours=1))
    assert format_datetime(datetime.datetime(2026, 1, 1, tzinfo=offset)) == "2026-01-01T00:00:00+01:00"
