"""What a generated package would declare on top of the runtime: a client pair, a few models, and the
helpers the runtime tests share (a recording mock transport, a retry policy that records its waits).

Imported as ``runtime.runtime_fakes``: ``tests/`` and ``templates/`` are both on the path, so this folder
is a portion of the ``runtime`` namespace package, which is also how mypy names it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Literal, Self, TypeVar

import httpx
import pytest
from attrs import define, field

from runtime import _exceptions as errors
from runtime import _readers as read
from runtime._base_client import BaseClient, RetryPolicy, TokenAuth
from runtime._operation import Operation, Returns
from runtime.types import UNSET, Response, Unset, format_datetime, redact

C = TypeVar("C", bound=BaseClient)

SERVICE_TOKEN_ID = "sto_FAKE0001"
SERVICE_TOKEN = "pscale_tkn_FAKE-secret-0001"
API_URL = "https://api.example.test/v1"
OAUTH_URL = "https://auth.example.test"


@define
class Client(BaseClient):
    _SERVER_FIELDS: ClassVar = {"api": "_base_url", "oauth": "_oauth_base_url"}
    _BASE_URL_ENVS: ClassVar = {"base_url": "X_BASE_URL", "oauth_base_url": "X_OAUTH_BASE_URL"}
    _base_url: str = field(default="https://api.example.test", alias="base_url")
    _oauth_base_url: str = field(default="https://auth.example.test", kw_only=True, alias="oauth_base_url")


@define
class AuthenticatedClient(TokenAuth, Client):
    """Declared the way client.py.jinja declares it for an apiKey scheme with sdk.credential set."""

    _CREDENTIAL_FORMAT: ClassVar = "{token_id}:{token}"
    _CREDENTIAL_ENVS: ClassVar = {"token_id": "PLANETSCALE_SERVICE_TOKEN_ID", "token": "PLANETSCALE_SERVICE_TOKEN"}

    token: str = field(kw_only=True, repr=redact)
    prefix: str = field(default="", kw_only=True)
    auth_header_name: str = field(default="Authorization", kw_only=True)

    @classmethod
    def from_service_token(cls, token_id: str, token: str, *, base_url: str | None = None, **kwargs: Any) -> Self:
        return cls._from_parts({"token_id": token_id, "token": token}, {**kwargs, "base_url": base_url})


def service_client(base_url: str = API_URL, **kwargs: Any) -> AuthenticatedClient:
    """A service-token client with the fake credential; no retries unless ``retry`` is given."""
    kwargs.setdefault("retry", RetryPolicy(max_retries=0))
    return AuthenticatedClient.from_service_token(SERVICE_TOKEN_ID, SERVICE_TOKEN, base_url=base_url, **kwargs)


# Models, written the way the generated ones are: from_dict reads every field with a reader and its JSON path.


@define
class Owner:
    name: str
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "created_at": format_datetime(self.created_at)}

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = read.obj(src_dict, "").get
        return cls(read.string(get("name", UNSET), "name"), read.date_time(get("created_at", UNSET), "created_at"))


@define
class Item:
    id: str
    created_at: datetime.datetime
    owner: Owner | None = None
    tags: list[str] = field(factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": format_datetime(self.created_at),
            "owner": self.owner.to_dict() if self.owner else None,
            "tags": list(self.tags),
        }

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = read.obj(src_dict, "").get
        owner_raw = get("owner", UNSET)
        tags_raw = get("tags", UNSET)
        return cls(
            read.string(get("id", UNSET), "id"),
            read.date_time(get("created_at", UNSET), "created_at"),
            None if owner_raw is None or isinstance(owner_raw, Unset) else read.model(owner_raw, "owner", Owner),
            [] if isinstance(tags_raw, Unset) else read.array(tags_raw, "tags", read.string),
        )


@define
class ItemPage:
    current_page: int
    next_page: int | None
    items: list[Item]

    def to_dict(self) -> dict[str, Any]:
        return {
            "current_page": self.current_page,
            "next_page": self.next_page,
            "items": [item.to_dict() for item in self.items],
        }

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = read.obj(src_dict, "").get
        next_raw = get("next_page", UNSET)
        return cls(
            read.integer(get("current_page", UNSET), "current_page"),
            None if next_raw is None else read.integer(next_raw, "next_page"),
            read.model_array(get("items", UNSET), "items", Item),
        )


@define
class ErrorModel:
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message": self.message}

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = read.obj(src_dict, "").get
        return cls(read.string(get("code", UNSET), "code"), read.string(get("message", UNSET), "message"))


@define
class OAuthErrorModel:
    error: str
    error_description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"error": self.error}
        if not isinstance(self.error_description, Unset):
            found["error_description"] = self.error_description
        return found

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = read.obj(src_dict, "").get
        description = get("error_description", UNSET)
        return cls(
            read.string(get("error", UNSET), "error"),
            description if isinstance(description, Unset) else read.string(description, "error_description"),
        )


@define
class TokenModel:
    """An RFC 6749 §5.1 token response."""

    access_token: str = field(repr=redact)
    token_type: str
    expires_in: int | Unset = UNSET
    refresh_token: str | Unset = field(default=UNSET, repr=redact)
    scope: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        found: dict[str, Any] = {"access_token": self.access_token, "token_type": self.token_type}
        for name in ("expires_in", "refresh_token", "scope"):
            value = getattr(self, name)
            if not isinstance(value, Unset):
                found[name] = value
        return found

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        get = read.obj(src_dict, "").get
        expires_in = get("expires_in", UNSET)
        refresh_token = get("refresh_token", UNSET)
        scope = get("scope", UNSET)
        return cls(
            read.string(get("access_token", UNSET), "access_token"),
            read.const(get("token_type", UNSET), "token_type", "Bearer"),
            expires_in if isinstance(expires_in, Unset) else read.integer(expires_in, "expires_in"),
            refresh_token if isinstance(refresh_token, Unset) else read.string(refresh_token, "refresh_token"),
            scope if isinstance(scope, Unset) else read.string(scope, "scope"),
        )


SENSITIVE_KEYS = frozenset({"access_token", "client_secret", "code", "refresh_token", "secret", "token"})


def item_json(id: str = "itm_1", created_at: str = "2024-05-01T12:00:00Z", **more: Any) -> dict[str, Any]:
    return {"id": id, "created_at": created_at, **more}


# Transport helpers.

Handler = Callable[[httpx.Request], httpx.Response]


class Recorder:
    """A MockTransport handler that records every request and answers with ``answer`` (or a queue of answers)."""

    def __init__(self, *answers: httpx.Response | Exception | Handler) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        if isinstance(answer, httpx.Response):
            # A fresh response each time: httpx binds a response to its request.
            return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)
        return answer(request)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]


def mocked(client: C, handler: Handler) -> C:
    """``client`` with both of its httpx clients answered by ``handler``."""
    transport = httpx.MockTransport(handler)
    client.set_httpx_client(httpx.Client(transport=transport))
    client.set_async_httpx_client(httpx.AsyncClient(transport=transport))
    return client


def json_response(status: int, body: Any, headers: Mapping[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


class Waits:
    """A retry policy whose sleeps are recorded instead of slept, with the jitter fixed."""

    def __init__(self) -> None:
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    async def async_sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def policy(self, jitter: float = 0.0, **kwargs: Any) -> RetryPolicy:
        return RetryPolicy(sleep=self.sleep, async_sleep=self.async_sleep, random=lambda: jitter, **kwargs)


# An RFC 6749 token endpoint, declared as a generated module would: a form in, a token or an OAuth error out.
TOKEN: Operation[TokenModel, TokenModel | OAuthErrorModel] = Operation(
    method="POST",
    route="/oauth/token",
    server="oauth",
    authenticated=False,
    retry_rule="unsafe",
    body="form",
    responses=(Returns(200, TokenModel), Returns((400, 401), OAuthErrorModel)),
    oauth_errors=True,
    sensitive_keys=SENSITIVE_KEYS,
)


# Calling an operation or the client the same way in both modes (tests are parametrized over MODES).

Mode = Literal["sync", "async"]
MODES: tuple[Mode, ...] = ("sync", "async")


async def call(mode: Mode, op: Operation[Any, Any], args: Mapping[str, Any]) -> Any:
    return op.sync(args) if mode == "sync" else await op.asyncio(args)


async def detailed(mode: Mode, op: Operation[Any, Any], args: Mapping[str, Any]) -> Response[Any]:
    return op.sync_detailed(args) if mode == "sync" else await op.asyncio_detailed(args)


async def raised(mode: Mode, op: Operation[Any, Any], args: Mapping[str, Any]) -> errors.APIError:
    with pytest.raises(errors.APIError) as caught:
        await call(mode, op, args)
    return caught.value


async def send(mode: Mode, client: BaseClient, **kwargs: Any) -> httpx.Response:
    """``client.request`` / ``arequest``, by default ``GET /ping``."""
    kwargs.setdefault("method", "GET")
    kwargs.setdefault("url", "/ping")
    if mode == "sync":
        return client.request(**kwargs)
    return await client.arequest(**kwargs)
