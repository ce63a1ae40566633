# Copied from templates/runtime/_operation.py by `make generate` (the runtime: plain Python, the same for every spec).
# Do not edit: change templates/runtime/_operation.py, then run `make generate`.
"""One operation's request and response: what every generated API function calls.

A generated endpoint module declares its ``Operation`` (method, route, server, security, retry rule,
the model of each documented status, how the body is sent) and its public functions hand it the
caller's values. Everything from there on happens here, once for every operation: filling the path,
sending under the client's transport policy, reading the body for the status, and the typed error for
anything but success, with every secret the request carried blanked out of it.
"""

from __future__ import annotations

import warnings
from collections.abc import AsyncIterator, Awaitable, Callable, Collection, Iterable, Iterator, Mapping
from http import HTTPStatus
from typing import Any, Generic, Literal, Protocol, TypeVar
from urllib.parse import quote

import httpx
from attrs import define, field

from ._base_client import BaseClient
from ._bodies import describe_status, json_object, snippet, text_at
from ._exceptions import (
    OAUTH_ERRORS,
    APIStatusError,
    OAuthError,
    RedirectError,
    ResponseValidationError,
    UnexpectedStatus,
    error_class_for_status,
)
from ._readers import Parser, read_json
from ._redaction import known, scrub, scrubbed, sensitive_values
from .types import Response, Unset

Success = TypeVar("Success")
Parsed = TypeVar("Parsed")
Item = TypeVar("Item")
Page = TypeVar("Page")


@define(frozen=True)
class Returns:
    """One documented response: a status (or an inclusive range, for ``5XX``) and the model of its body.

    ``model`` is None for a status without a body (parsed as ``None``); ``raw`` keeps the JSON value as
    sent, for a body that is not a model.
    """

    status: int | tuple[int, int]
    model: Parser[Any] | None = None
    raw: bool = False

    def matches(self, status_code: int) -> bool:
        if isinstance(self.status, int):
            return status_code == self.status
        return self.status[0] <= status_code <= self.status[1]

    @property
    def success(self) -> bool:
        low = self.status if isinstance(self.status, int) else self.status[0]
        return 200 <= low <= 299


class _ToDict(Protocol):
    def to_dict(self) -> dict[str, Any]: ...


@define(frozen=True)
class Operation(Generic[Success, Parsed]):
    """What the spec says about one operation, and the request/response pipeline that honours it.

    ``Success`` is what ``sync``/``asyncio`` return; ``Parsed`` what ``Response.parsed`` of the
    ``*_detailed`` functions holds (the success model or a documented error model).
    """

    method: str
    route: str
    responses: tuple[Returns, ...]
    server: str = "api"
    authenticated: bool = True
    retry_rule: str | None = None
    body: Literal["json", "form"] | None = None
    oauth_errors: bool = False
    deprecation: str | None = None
    sensitive_keys: Collection[str] = field(default=frozenset(), repr=False)

    # Sending

    def _options(self, request: Mapping[str, Any]) -> tuple[dict[str, Any], Any]:
        """The keyword arguments for ``client.request`` and the request body (for its secrets)."""
        options = dict(request)
        path = options.pop("path", None)
        body = options.pop("body", None)
        url = self.route
        if path:
            url = url.format_map({name: quote(str(value), safe="") for name, value in path.items()})
        if body is not None and self.body is not None:
            options[self.body if self.body == "json" else "data"] = (
                body.to_dict() if hasattr(body, "to_dict") else dict(body)
            )
        options.update(
            method=self.method,
            url=url,
            route=self.route,
            server=self.server,
            authenticated=self.authenticated,
            retry_rule=self.retry_rule,
        )
        return options, body

    def _warn(self) -> None:
        if self.deprecation is not None:
            # stacklevel 4: the caller of the generated function (this, the Operation method, the function).
            warnings.warn(self.deprecation, DeprecationWarning, stacklevel=4)

    def sync_detailed(
        self,
        client: BaseClient,
        request: Mapping[str, Any],
        *,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[Parsed]:
        """Send the request; the response with the documented model of its status in ``parsed``."""
        self._warn()
        options, body = self._options(request)
        response = client.request(**options, timeout=timeout, max_retries=max_retries)
        return self._detailed(client, response, body)[0]

    def sync(
        self,
        client: BaseClient,
        request: Mapping[str, Any],
        *,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Success:
        """Send the request; the success model, or the typed error for any other answer."""
        self._warn()
        options, body = self._options(request)
        response = client.request(**options, timeout=timeout, max_retries=max_retries)
        return self._result(*self._detailed(client, response, body))

    async def asyncio_detailed(
        self,
        client: BaseClient,
        request: Mapping[str, Any],
        *,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Response[Parsed]:
        """The async twin of ``sync_detailed``."""
        self._warn()
        options, body = self._options(request)
        response = await client.arequest(**options, timeout=timeout, max_retries=max_retries)
        return self._detailed(client, response, body)[0]

    async def asyncio(
        self,
        client: BaseClient,
        request: Mapping[str, Any],
        *,
        timeout: httpx.Timeout | float | None = None,
        max_retries: int | None = None,
    ) -> Success:
        """The async twin of ``sync``."""
        self._warn()
        options, body = self._options(request)
        response = await client.arequest(**options, timeout=timeout, max_retries=max_retries)
        return self._result(*self._detailed(client, response, body))

    # Reading the answer

    def _secrets(self, client: BaseClient, body: Any) -> tuple[str, ...]:
        """Every secret the request carried: the client's credential and the body's sensitive values."""
        found = list(client.credentials())
        if body is not None:
            found += sensitive_values(body.to_dict() if hasattr(body, "to_dict") else body, self.sensitive_keys)
        return known(found)

    def _parse(self, client: BaseClient, response: httpx.Response, body: Any) -> Any:
        status_code = response.status_code
        for returns in self.responses:
            if not returns.matches(status_code):
                continue
            if returns.model is None and not returns.raw:
                return None
            try:
                value = read_json(status_code, response.headers, response.content)
                return value if returns.model is None else returns.model.from_dict(value)
            except ResponseValidationError as exc:
                if not returns.success:
                    return None  # not the documented error body; the raw content is kept
                name = getattr(returns.model, "__name__", "JSON value")
                raise exc.for_response(
                    f"{status_code} response is not a valid {name}",
                    status_code=status_code,
                    headers=response.headers,
                    content=response.content,
                ) from None
        if client.raise_on_unexpected_status:
            raise UnexpectedStatus(
                status_code,
                response.content,
                headers=response.headers,
                secrets=self._secrets(client, body),
                sensitive_keys=self.sensitive_keys,
            )
        return None

    def _detailed(
        self, client: BaseClient, response: httpx.Response, body: Any
    ) -> tuple[Response[Parsed], tuple[str, ...]]:
        """The response with its parsed body, and (for an error status) the secrets to blank out of it."""
        parsed = self._parse(client, response, body)
        if response.is_success:
            # A success body is a model that redacts its own credentials.
            status = HTTPStatus(response.status_code)
            return Response(status_code=status, content=response.content, headers=response.headers, parsed=parsed), ()
        # An error body may echo the request's credentials: blanked out of the parsed model and the repr
        # (``content`` keeps the raw bytes).
        secrets = self._secrets(client, body)
        detailed: Response[Parsed] = Response(
            status_code=HTTPStatus(response.status_code),
            content=response.content,
            headers=response.headers,
            parsed=scrubbed(parsed, secrets),
            secrets=secrets,
        )
        return detailed, secrets

    def _result(self, response: Response[Parsed], secrets: tuple[str, ...]) -> Success:
        """The parsed success body, or the typed error for any other status."""
        status_code = int(response.status_code)
        if any(returns.success and returns.matches(status_code) for returns in self.responses):
            return response.parsed  # type: ignore[return-value]
        raise error_from_response(response, secrets, oauth=self.oauth_errors, sensitive_keys=self.sensitive_keys)


def error_from_response(
    response: Response[Any],
    secrets: Iterable[str] = (),
    *,
    oauth: bool = False,
    sensitive_keys: Collection[str] = (),
) -> APIStatusError:
    """The error for an error response: ``{code, message}`` from its body, or a redacted snippet of it.

    ``secrets`` are values (credentials sent with the request) to blank out wherever the server
    echoes them; values under ``sensitive_keys`` of a JSON body are blanked out too. ``oauth``: the
    operation's errors are RFC 6749 bodies, so ``{error, error_description}`` picks an ``OAuthError``.
    """
    status_code = int(response.status_code)
    hidden = known(secrets)
    cls = error_class_for_status(status_code)
    if cls is UnexpectedStatus:
        return UnexpectedStatus(
            status_code, response.content, headers=response.headers, secrets=hidden, sensitive_keys=sensitive_keys
        )
    if cls is RedirectError:
        location = scrub(response.headers.get("location", "").split("?")[0], hidden) or "(no Location header)"
        redirect = RedirectError(
            f"{describe_status(status_code)}: redirect to {location} not followed; credentials are sent only to the "
            "client's base URL",
            status_code=status_code,
            headers=response.headers,
            content=response.content,
        )
        redirect.location = location
        return redirect
    body = json_object(response.content)
    oauth_code = body.get("error") if oauth else None
    if isinstance(oauth_code, str) and oauth_code:
        return _oauth_error(status_code, oauth_code, body, response, hidden)
    code, message = text_at(body, "code"), text_at(body, "message")
    if message is None:
        described = f"malformed error response: {snippet(response.content, hidden, sensitive_keys)}"
    else:
        described = scrub(message, hidden)
    code = scrub(code, hidden) if code is not None else None
    text = f"{describe_status(status_code)}: {described}" + (f" ({code})" if code else "")
    return cls(text, status_code=status_code, code=code, headers=response.headers, content=response.content)


def _oauth_error(
    status_code: int, code: str, body: dict[str, Any], response: Response[Any], secrets: tuple[str, ...]
) -> OAuthError:
    code = scrub(code, secrets)
    description = text_at(body, "error_description")
    described = scrub(description, secrets) if description else code
    error = OAUTH_ERRORS.get(code, OAuthError)(
        f"{describe_status(status_code)}: {described} ({code})",
        status_code=status_code,
        code=code,
        headers=response.headers,
        content=response.content,
    )
    error_uri = text_at(body, "error_uri")
    error.error_uri = scrub(error_uri, secrets) if error_uri else None
    return error


@define(frozen=True)
class Pagination:
    """Where a paginated operation's pages say what comes next: ``x-pagination`` in the spec.

    ``next`` and ``items`` are attributes of the page model (``next`` is None on the last page);
    ``next_field`` is the JSON name of ``next``, for the error when pages would not end.
    """

    next: str
    items: str
    next_field: str

    def following(self, current: int, page: object) -> int | None:
        """The page after ``current``, or None after the last; refuses a next page that does not advance."""
        following = getattr(page, self.next)
        if following is None or isinstance(following, Unset):
            return None
        if following <= current:
            raise ResponseValidationError(
                f"page {current} names page {following} as the next one; pagination would not end",
                path=self.next_field,
            )
        return int(following)

    def iterate(self, fetch: Callable[[int], Page], first: int | Unset) -> Iterator[Any]:
        """Every item on every page from ``first`` (1 when unset), fetching each page when it is reached."""
        current: int | None = 1 if isinstance(first, Unset) else first
        while current is not None:
            page = fetch(current)
            yield from getattr(page, self.items)
            current = self.following(current, page)

    async def aiterate(self, fetch: Callable[[int], Awaitable[Page]], first: int | Unset) -> AsyncIterator[Any]:
        """The async twin of ``iterate``."""
        current: int | None = 1 if isinstance(first, Unset) else first
        while current is not None:
            page = await fetch(current)
            for item in getattr(page, self.items):
                yield item
            current = self.following(current, page)
