"""One operation's request and response: what every generated API function calls.

A generated endpoint module declares its ``Operation`` (method, route, server, security, retry rule,
the model of each documented status, how the body is sent) and its public functions hand it the
caller's values. Everything from there on happens here, once for every operation: filling the path,
sending under the client's transport policy, reading the body for the status, and the typed error for
anything but success, with every secret the request carried blanked out of it.
"""

from __future__ import annotations

import datetime
import warnings
from collections.abc import AsyncIterator, Callable, Collection, Iterable, Iterator, Mapping
from enum import Enum
from http import HTTPStatus
from io import BytesIO
from typing import Any, Generic, Literal, TypeVar
from urllib.parse import quote
from uuid import UUID

import httpx

from ._base_client import BaseClient, shown_url
from ._bodies import SNIPPET_LENGTH, describe_status, json_object, snippet, text_at
from ._exceptions import (
    OAUTH_ERRORS,
    APIError,
    APIStatusError,
    ArgumentError,
    OAuthError,
    RedirectError,
    ResponseValidationError,
    ServerError,
    UnexpectedStatus,
    error_class_for_status,
)
from ._readers import Parser, read_json
from ._redaction import hide_sensitive, known, scrub, scrub_bytes, scrubbed, sensitive_values
from .types import UNSET, File, Response, Unset, format_datetime

Success = TypeVar("Success")
Parsed = TypeVar("Parsed")


# Operation, Returns and Pagination are plain classes, not attrs ones: every endpoint module builds one of
# each when it is imported, and an attrs class costs about half a millisecond to create.


class Returns:
    """Documented responses: a status, or several (``range(500, 600)`` for ``5XX``; None for ``default``,
    any status no other entry documents), and how the body is read.

    ``model`` is a model class (read with ``from_dict``); ``read`` a reader for a JSON body that is not a
    model (an array, a union, a number: a function of the value and its JSON path, from ``_readers``);
    ``raw`` keeps any JSON value as sent; ``body`` is ``"text"`` for a text body (a ``str``) or ``"file"``
    for a binary one (a ``types.File``). With none of these the status has no body (parsed as ``None``).
    """

    __slots__ = ("body", "model", "raw", "read", "status", "statuses")

    def __init__(
        self,
        status: int | Collection[int] | None,
        model: Parser[Any] | None = None,
        raw: bool = False,
        *,
        read: Callable[[Any, str], Any] | None = None,
        body: Literal["json", "text", "file"] | None = None,
    ) -> None:
        self.status = status
        self.statuses: Collection[int] = () if status is None else (status,) if isinstance(status, int) else status
        self.model = model
        self.raw = raw
        self.read = read
        self.body = body if body is not None else "json" if (model is not None or raw or read is not None) else None

    def matches(self, status_code: int) -> bool:
        return self.status is None or status_code in self.statuses

    @property
    def success(self) -> bool:
        return bool(self.statuses) and 200 <= min(self.statuses) <= 299

    def __repr__(self) -> str:
        return f"Returns({self.status!r}, {getattr(self.model, '__name__', None)})"


Parameter = str | tuple[str, str]
"""A parameter of an operation: its name, or (its name on the wire, its Python name) when they differ."""


MAX_EMPTY_PAGES = 3
"""Empty pages in a row, each naming a next page, after which ``iterate()`` stops with an error."""


class Pagination:
    """Where a paginated operation's pages say what comes next: ``x-pagination`` in the spec.

    ``page`` is the argument that selects a page; ``next`` and ``items`` are attributes of the page model
    (``next`` is None on the last page); ``next_field`` is the JSON name of ``next``, for the error when
    pages would not end.
    """

    __slots__ = ("items", "next", "next_field", "page")

    def __init__(self, page: str, next: str, items: str, next_field: str) -> None:
        self.page = page
        self.next = next
        self.items = items
        self.next_field = next_field

    def following(self, current: int, page: object, empty_run: int = 0) -> int | None:
        """The page after ``current``, or None after the last; refuses a next page that does not advance, and
        pages that keep naming a next one with nothing on them (``empty_run`` empty pages in a row so far)."""
        following = getattr(page, self.next)
        if following is None or isinstance(following, Unset):
            return None
        if empty_run >= MAX_EMPTY_PAGES:
            raise ResponseValidationError(
                f"{empty_run} empty pages in a row up to page {current}, each naming a next one; pagination would"
                " not end",
                path=self.next_field,
            )
        if following <= current:
            raise ResponseValidationError(
                f"page {current} names page {following} as the next one; pagination would not end",
                path=self.next_field,
            )
        return int(following)


class _Walk:
    """Where ``iterate()``/``aiterate()`` are in a paginated operation's pages: the page to fetch next (None after
    the last), and how many empty pages came in a row."""

    __slots__ = ("_args", "_page", "current", "empty_run", "pages")

    def __init__(self, pages: Pagination, args: Mapping[str, Any]) -> None:
        self.pages = pages
        self._args = args
        self.current: int | None = _first_page(args[pages.page], pages.page)
        self.empty_run = 0
        self._page: object = None

    def args(self) -> dict[str, Any]:
        """The call's arguments, for the current page."""
        return {**self._args, self.pages.page: self.current}

    def items_of(self, page: object) -> list[Any]:
        self._page = page
        items: list[Any] = getattr(page, self.pages.items)
        self.empty_run = 0 if items else self.empty_run + 1
        return items

    def advance(self) -> None:
        assert self.current is not None
        self.current = self.pages.following(self.current, self._page, self.empty_run)


class Operation(Generic[Success, Parsed]):
    """What the spec says about one operation, and the request/response pipeline that honours it.

    ``Success`` is what ``sync``/``asyncio`` return; ``Parsed`` what ``Response.parsed`` of the
    ``*_detailed`` functions holds (the success model or a documented error model). The generated
    functions pass their arguments (``locals()``): ``client``, ``timeout``, ``max_retries``, ``body``
    and the parameters named in ``path``, ``query``, ``headers`` and ``cookies``.
    """

    def __init__(
        self,
        *,
        method: str,
        route: str,
        responses: tuple[Returns, ...],
        server: str = "api",
        authenticated: bool = True,
        retry_rule: str | None = None,
        path: tuple[Parameter, ...] = (),
        query: tuple[Parameter, ...] = (),
        headers: tuple[Parameter, ...] = (),
        cookies: tuple[Parameter, ...] = (),
        body: Literal["json", "form"] | Callable[[Any], dict[str, Any]] | None = None,
        oauth_errors: bool = False,
        deprecation: str | None = None,
        pages: Pagination | None = None,
        sensitive_keys: Collection[str] = frozenset(),
        delimiters: Mapping[str, str] | None = None,
    ) -> None:
        self.method = method
        self.route = route
        self.responses = responses
        self.server = server
        self.authenticated = authenticated
        self.retry_rule = retry_rule
        self.path = path
        self.query = query
        self.headers = headers
        self.cookies = cookies
        self.body = body
        """How ``body`` is sent: as JSON, as a form, or by a function returning httpx arguments (files, content)."""
        self.oauth_errors = oauth_errors
        self.deprecation = deprecation
        self.pages = pages
        self.sensitive_keys = sensitive_keys
        self.delimiters: Mapping[str, str] = delimiters or {}
        """Query arrays sent as one value (``explode: false``): wire name -> ``","``, ``" "`` or ``"|"``."""
        # The documented answer of each single status, and those of ranges (5XX), looked up per response.
        self._path = tuple(_pairs(path))
        self._by_status = {status: returns for returns in reversed(responses) for status in returns.statuses}
        self._default = next((returns for returns in responses if returns.status is None), None)
        # A success is a 2xx status the spec documents, or any 2xx when only a `default` answer says what comes.
        documented = [status for status in self._by_status if 200 <= status <= 299]
        self._success = frozenset(documented or (range(200, 300) if self._default is not None else ()))

    def __repr__(self) -> str:
        return f"Operation({self.method} {self.route} on {self.server})"

    # Sending

    def _url(self, args: Mapping[str, Any]) -> str:
        """The path of one call: the route with each path value percent-encoded whole."""
        if not self._path:
            return self.route
        return self.route.format_map({wire: _path_text(args.get(name), name) for wire, name in self._path})

    def _options(self, args: Mapping[str, Any]) -> dict[str, Any]:
        """The keyword arguments of ``client.request`` for one call besides the operation's own: the query,
        headers and body."""
        options: dict[str, Any] = {}
        if self.query:
            params: dict[str, Any] = {}
            for wire, value in _values(self.query, args):
                value = _query_value(value)
                if isinstance(value, dict):  # an object parameter: its properties are the parameters
                    params.update(value)
                elif isinstance(value, list) and wire in self.delimiters:  # explode: false, one delimited value
                    params[wire] = self.delimiters[wire].join(_text(item) for item in value)
                elif isinstance(value, bool):
                    params[wire] = _text(value)
                else:
                    params[wire] = value
            options["params"] = params
        headers = {wire: _header_value(value) for wire, value in _values(self.headers, args)} if self.headers else {}
        if self.cookies:
            cookies = "; ".join(f"{wire}={_header_value(value)}" for wire, value in _values(self.cookies, args))
            if cookies:
                # A header, not httpx's per-request `cookies=` (deprecated); the client's own cookies still
                # apply to requests without cookie parameters.
                headers["Cookie"] = cookies
        body = args.get("body", UNSET)
        if body is not UNSET and body is not None:
            # Sensitive values travel as Secrets: sent as themselves, shown redacted in any traceback's locals.
            if self.body == "json":
                options["json"] = hide_sensitive(_json_value(body), self.sensitive_keys)
            elif self.body == "form":
                if hasattr(body, "to_dict"):
                    form = body.to_dict()
                elif isinstance(body, Mapping):
                    form = dict(body)
                else:
                    raise ArgumentError(f"body must be the operation's model or a mapping, not {type(body).__name__}")
                options["data"] = hide_sensitive(form, self.sensitive_keys)
            elif self.body is not None:
                encoded = self.body(body)
                headers.update(encoded.pop("headers", {}))
                if hasattr(encoded.get("content"), "read"):  # a file's bytes: read here, so async clients send them
                    encoded["content"] = encoded["content"].read()
                options.update(encoded)
        if headers:
            options["headers"] = headers
        return options

    def _send(self, client: BaseClient, args: Mapping[str, Any]) -> httpx.Response:
        return client.request(
            method=self.method,
            url=self._url(args),
            route=self.route,
            server=self.server,
            authenticated=self.authenticated,
            retry_rule=self.retry_rule,
            timeout=args.get("timeout"),
            max_retries=args.get("max_retries"),
            **self._options(args),
        )

    async def _asend(self, client: BaseClient, args: Mapping[str, Any]) -> httpx.Response:
        return await client.arequest(
            method=self.method,
            url=self._url(args),
            route=self.route,
            server=self.server,
            authenticated=self.authenticated,
            retry_rule=self.retry_rule,
            timeout=args.get("timeout"),
            max_retries=args.get("max_retries"),
            **self._options(args),
        )

    def _warn(self, stacklevel: int = 4) -> None:
        if self.deprecation is not None:
            # stacklevel 4: the caller of the generated function (this, the Operation method, the function).
            warnings.warn(self.deprecation, DeprecationWarning, stacklevel=stacklevel)

    def sync_detailed(self, args: Mapping[str, Any]) -> Response[Parsed]:
        """Send the request; the response with the documented model of its status in ``parsed``."""
        self._warn()
        client: BaseClient = args["client"]
        response = self._send(client, args)
        try:
            return self._detailed(client, response, args.get("body"))[0]
        except APIError as exc:
            raise _located(exc, response) from exc.__cause__

    def sync(self, args: Mapping[str, Any]) -> Success:
        """Send the request; the success model, or the typed error for any other answer."""
        self._warn()
        return self._fetch(args)

    async def asyncio_detailed(self, args: Mapping[str, Any]) -> Response[Parsed]:
        """The async twin of ``sync_detailed``."""
        self._warn()
        client: BaseClient = args["client"]
        response = await self._asend(client, args)
        try:
            return self._detailed(client, response, args.get("body"))[0]
        except APIError as exc:
            raise _located(exc, response) from exc.__cause__

    async def asyncio(self, args: Mapping[str, Any]) -> Success:
        """The async twin of ``sync``."""
        self._warn()
        return await self._afetch(args)

    def iterate(self, args: Mapping[str, Any]) -> Iterator[Any]:
        """Every item on every page from the ``page`` argument on (1 when unset), fetching each page when reached."""
        walk = _Walk(self._pages(), args)
        self._warn(stacklevel=3)  # once, at the loop that iterates: this generator, then its caller
        while walk.current is not None:
            yield from walk.items_of(self._fetch(walk.args()))
            walk.advance()

    async def aiterate(self, args: Mapping[str, Any]) -> AsyncIterator[Any]:
        """The async twin of ``iterate``."""
        walk = _Walk(self._pages(), args)
        self._warn(stacklevel=3)
        while walk.current is not None:
            for item in walk.items_of(await self._afetch(walk.args())):
                yield item
            walk.advance()

    def _pages(self) -> Pagination:
        if self.pages is None:
            raise TypeError(f"{self.method} {self.route} is not paginated")
        return self.pages

    def _fetch(self, args: Mapping[str, Any]) -> Success:
        client: BaseClient = args["client"]
        response = self._send(client, args)
        try:
            return self._result(*self._detailed(client, response, args.get("body")))
        except APIError as exc:
            raise _located(exc, response) from exc.__cause__

    async def _afetch(self, args: Mapping[str, Any]) -> Success:
        client: BaseClient = args["client"]
        response = await self._asend(client, args)
        try:
            return self._result(*self._detailed(client, response, args.get("body")))
        except APIError as exc:
            raise _located(exc, response) from exc.__cause__

    # Reading the answer

    def _secrets(self, client: BaseClient, body: Any, request: httpx.Request | None = None) -> tuple[str, ...]:
        """Every secret the request carried: the client's credential, the body's sensitive values, and the
        ``Authorization`` header as sent (an OAuth client's Basic credentials, say) with its value after the scheme
        word."""
        found = list(client.credentials())
        if body is not None and body is not UNSET:
            # As sent: models inside lists and maps too.
            found += sensitive_values(_json_value(body), self.sensitive_keys)
        authorization = request.headers.get("authorization") if request is not None else None
        if authorization:
            found += [authorization, authorization.partition(" ")[2]]
        return known(found)

    def _parse(self, client: BaseClient, response: httpx.Response, secrets: tuple[str, ...]) -> Any:
        status_code = response.status_code
        returns = self._by_status.get(status_code, self._default)
        if returns is None:
            if client.raise_on_unexpected_status:
                raise UnexpectedStatus(
                    status_code,
                    response.content,
                    headers=response.headers,
                    secrets=secrets,
                    sensitive_keys=self.sensitive_keys,
                )
            return None
        if returns.body is None:
            return None
        if returns.body == "file":
            media_type = response.headers.get("content-type")
            mime_type = media_type.split(";")[0].strip() if media_type else None
            return File(payload=BytesIO(response.content), mime_type=mime_type or None)
        if returns.body == "text":
            return response.text
        try:
            value = read_json(status_code, response.headers, response.content)
            if returns.model is not None:
                return returns.model.from_dict(value)
            return returns.read(value, "") if returns.read is not None else value
        except ResponseValidationError as exc:
            if status_code not in self._success:
                return None  # not the documented error body; the content is kept
            name = getattr(returns.model, "__name__", "JSON value")
            # The frames that read the body hold it (tokens, in a token response) in their locals: the error starts
            # here, and names the wrong value by its path instead.
            value = None
            raise exc.for_response(
                f"{status_code} response is not a valid {name}",
                status_code=status_code,
                headers=response.headers,
                content=response.content,
                sensitive_keys=self.sensitive_keys,
            ).with_traceback(None) from None

    def _detailed(
        self, client: BaseClient, response: httpx.Response, body: Any
    ) -> tuple[Response[Parsed], tuple[str, ...]]:
        """The response with its parsed body, and (for an error status) the secrets to blank out of it."""
        if response.status_code in self._success:
            # A documented success body is kept as sent: its models redact their own credentials.
            try:
                parsed = self._parse(client, response, ())
            except ResponseValidationError as exc:
                exc.headers = _scrubbed_headers(response.headers, self._secrets(client, body, _request_of(response)))
                raise
            status = _http_status(response.status_code)
            return Response(status_code=status, content=response.content, headers=response.headers, parsed=parsed), ()
        # An error body may echo the request's credentials: they are blanked out of it before anything reads it,
        # so the content of the response and of its error (copied, pickled, logged) never holds them.
        secrets = self._secrets(client, body, _request_of(response))
        response._content = scrub_bytes(response.content, secrets)
        parsed = self._parse(client, response, secrets)
        detailed: Response[Parsed] = Response(
            status_code=_http_status(response.status_code),
            content=response.content,
            headers=_scrubbed_headers(response.headers, secrets),  # a Location may echo them too
            parsed=scrubbed(parsed, secrets),
        )
        return detailed, secrets

    def _result(self, response: Response[Parsed], secrets: tuple[str, ...]) -> Success:
        """The parsed success body, or the typed error for any other status."""
        if response.status_code in self._success:
            return response.parsed  # type: ignore[return-value]
        raise error_from_response(response, secrets, oauth=self.oauth_errors, sensitive_keys=self.sensitive_keys)


def _scrubbed_headers(headers: httpx.Headers, secrets: tuple[str, ...]) -> httpx.Headers:
    """``headers`` with ``secrets`` blanked out of their values (the same object when none holds one)."""
    items = headers.multi_items()
    cleaned = [(name, scrub(value, secrets)) for name, value in items]
    return headers if cleaned == items else httpx.Headers(cleaned)


def _request_of(response: httpx.Response) -> httpx.Request | None:
    try:
        return response.request
    except RuntimeError:  # a response made by hand, with no request set
        return None


def _located(error: APIError, response: httpx.Response) -> APIError:
    """``error``, raised in reading ``response``, naming the request it answers (method, and URL without its
    query). A plain function called from ``except``: a context manager would cost every call, not only errors."""
    request = _request_of(response)
    return error if request is None else error.located(request.method, shown_url(str(request.url)))


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
        target = response.headers.get("location", "").split("#")[0].split("?")[0]
        location = scrub(target, hidden) or "(no Location header)"
        shown = location if len(location) <= SNIPPET_LENGTH else location[:SNIPPET_LENGTH] + "…"
        redirect = RedirectError(
            f"{describe_status(status_code)}: redirect to {shown} not followed (the client follows redirects only "
            "when asked, only on the origin of its base URL, and at most httpx's max_redirects times); credentials "
            "are sent only to the client's base URL",
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
    # {code, message} (PlanetScale and many others), else the words of RFC 9457 problem details ({type, title,
    # detail}) or of {error, detail}, whichever the body has.
    said = next((key for key in MESSAGE_KEYS if text_at(body, key) is not None), None)
    message = text_at(body, said) if said is not None else None
    code = next((text for key in CODE_KEYS if key != said and (text := text_at(body, key)) is not None), None)
    description = scrub(message, hidden) if message is not None else None
    if description is None:
        described = f"malformed error response: {snippet(response.content, hidden, sensitive_keys)}"
    else:
        described = description
    code = scrub(code, hidden) if code is not None else None
    text = f"{describe_status(status_code)}: {described}" + (f" ({code})" if code else "")
    error = cls(text, status_code=status_code, code=code, headers=response.headers, content=response.content)
    error.description = description
    return error


MESSAGE_KEYS = ("message", "detail", "title")
"""Where an error body's words are, in order: the first of these that is a string is the message (without one,
the message quotes the body, redacted)."""
CODE_KEYS = ("code", "error", "type")
"""Where an error body's machine-readable code is: the first of these that is a string (and not the message)."""


def _oauth_error(
    status_code: int, code: str, body: dict[str, Any], response: Response[Any], secrets: tuple[str, ...]
) -> APIStatusError:
    """The error for an RFC 6749 §5.2 body: the class its ``error`` code names, or ``ServerError`` for a 5xx (the
    server failed, whatever code it gave: ``server_error``, ``temporarily_unavailable``)."""
    code = scrub(code, secrets)
    said = text_at(body, "error_description")
    description = scrub(said, secrets) if said else None
    cls: type[APIStatusError] = ServerError if status_code >= 500 else OAUTH_ERRORS.get(code, OAuthError)
    error = cls(
        f"{describe_status(status_code)}: {description or code} ({code})",
        status_code=status_code,
        code=code,
        headers=response.headers,
        content=response.content,
    )
    error.description = description
    if isinstance(error, OAuthError):
        error_uri = text_at(body, "error_uri")
        error.error_uri = scrub(error_uri, secrets) if error_uri else None
    return error


def _pairs(parameters: tuple[Parameter, ...]) -> Iterator[tuple[str, str]]:
    """(name on the wire, Python name) of each parameter."""
    for parameter in parameters:
        yield (parameter, parameter) if isinstance(parameter, str) else parameter


def _values(parameters: tuple[Parameter, ...], args: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    """(name on the wire, value) of each parameter the caller gave: UNSET and None are not sent."""
    for wire, name in _pairs(parameters):
        value = args.get(name, UNSET)
        if value is not UNSET and value is not None:
            yield wire, value


PATH_TYPES = (str, int, float, Enum, UUID, datetime.date)
"""What a path segment can be made of (a bool is sent as true/false); anything else (None, bytes, a list, a
dict) is refused."""


def _path_text(value: Any, name: str = "path parameter") -> str:
    """A path value, percent-encoded whole, so a ``/`` in it cannot reach another path. A value that is empty,
    ``.`` or ``..`` (the request would reach the resource itself or its parent: URL normalisation removes such
    segments, percent-encoded or not, with the one before) or of no text type is an ``ArgumentError``."""
    if type(value) is not str and not isinstance(value, PATH_TYPES):
        raise ArgumentError(f"{name} must be text or a number, not {type(value).__name__}")
    text = quote(value if type(value) is str else _text(value), safe="")
    if not text:
        raise ArgumentError(f"{name} must not be empty: the request would reach another resource")
    if text in (".", ".."):
        raise ArgumentError(f"{name} must not be '.' or '..': the request would reach another resource")
    return text


def _query_value(value: Any) -> Any:
    """A query value as httpx sends it: enums by value, dates in ISO 8601, objects as their JSON properties."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_query_value(item) for item in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if to_dict is not None else value


def _json_value(value: Any) -> Any:
    """A request body as JSON: models by ``to_dict``, in lists and maps too; enums, dates and UUIDs as text."""
    to_dict = getattr(value, "to_dict", None)
    if to_dict is not None:
        return to_dict()
    if isinstance(value, list | tuple):
        return [_json_value(item) for item in value]
    if isinstance(value, dict):
        return {key: _json_value(item) for key, item in value.items()}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def _text(value: Any) -> str:
    """A parameter value as text: booleans as ``true``/``false``, dates in ISO 8601, enums by value."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(_query_value(value))


def _header_value(value: Any) -> str:
    """A header (or cookie) value; an array is its items joined by commas (``style: simple``)."""
    if isinstance(value, list):
        return ",".join(_text(item) for item in value)
    return _text(value)


def _first_page(value: Any, name: str) -> int:
    if value is UNSET or value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ArgumentError(f"{name} must be a page number from 1, not {type(value).__name__} {value!r}")
    return value


_HTTP_STATUSES: dict[int, int] = {status.value: status for status in HTTPStatus}


def _http_status(status_code: int) -> HTTPStatus:
    """The status as an ``HTTPStatus``; one without a standard phrase (Cloudflare's 520, nginx's 499) stays an int."""
    return _HTTP_STATUSES.get(status_code, status_code)  # type: ignore[return-value] # an int where not standard
