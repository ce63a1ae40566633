"""Property-based fuzzing with hypothesis and hypothesis-jsonschema.

1. Any body the spec allows for a response model (OAuthToken, and AccessTokenResponse,
   OAuthErrorResponse, OAuthTokenPage) parses, and to_dict() gives it back exactly.
2. Mutated bodies (type flips, deleted keys, nulls, random JSON, random bytes) only ever raise
   PlanetScaleError subclasses: through create_oauth_token, request_token and list_oauth_tokens.

`make test` runs the quick profile; `make fuzz` runs the "fuzz" profile (10,000 examples a property)
and prints how many examples each property ran.
"""

from __future__ import annotations

import copy
import json
import os
from collections import Counter
from typing import Any

import httpx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from planetscale_oauth import AuthenticatedClient, errors
from planetscale_oauth.api.oauth import request_token
from planetscale_oauth.api.oauth_tokens import create_oauth_token, list_oauth_tokens
from planetscale_oauth.models import AccessTokenResponse, OAuthErrorResponse, OAuthToken, OAuthTokenPage

from helpers import EXCHANGES, NO_RETRY, canonical, resolve, schema_validator, spec

settings.register_profile("quick", max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
settings.register_profile("fuzz", max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "quick")
settings.load_profile(PROFILE)
EXAMPLES = settings.get_profile(PROFILE).max_examples

RAN: Counter[str] = Counter()
SUCCESS = next(exchange for exchange in EXCHANGES if exchange.name == "authorization_code_success")
GRANT = SUCCESS.body()


def inline(node: Any) -> Any:
    """The schema with every local $ref replaced by its target (the spec has no cycles)."""
    if isinstance(node, dict):
        node = resolve(node)
        return {key: inline(value) for key, value in node.items() if not key.startswith("x-")}
    if isinstance(node, list):
        return [inline(item) for item in node]
    return node


JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
JSON_VALUES = st.recursive(
    JSON_SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def bodies(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    """Values the schema allows. hypothesis-jsonschema draws every scalar (formats, nulls, consts);
    objects and arrays are assembled here, because its object strategy rebuilds its sub-strategies on
    every draw (about 0.3 s an OAuthToken). Objects also get unknown extra keys, as the schemas allow."""
    if schema.get("type") == "object":
        properties = schema.get("properties", {})
        known = st.fixed_dictionaries(
            {name: bodies(properties[name]) for name in schema.get("required", [])},
            optional={name: bodies(sub) for name, sub in properties.items() if name not in schema.get("required", [])},
        )
        extra_keys = st.text(min_size=1, max_size=12).filter(lambda key: key not in properties)
        extras = st.dictionaries(extra_keys, JSON_VALUES, max_size=2)
        return st.builds(lambda known, extras: {**extras, **known}, known, extras)
    if schema.get("type") == "array":
        return st.lists(bodies(schema["items"]), max_size=3)
    return from_schema(schema)


TOKEN_SCHEMA = inline(spec()["components"]["schemas"]["OAuthToken"])
TOKEN_VALIDATOR = schema_validator("/components/schemas/OAuthToken")


def report() -> None:
    for name, count in sorted(RAN.items()):
        print(f"fuzz: {name} ran {count} examples")


@given(bodies(TOKEN_SCHEMA))
def check_valid_bodies_round_trip(body: dict[str, Any]) -> None:
    RAN["valid bodies round-trip"] += 1
    assert list(TOKEN_VALIDATOR.iter_errors(body)) == [], "the strategy must draw only bodies the spec allows"
    assert canonical(OAuthToken.from_dict(body).to_dict()) == canonical(body)


def paths_of(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found += paths_of(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += paths_of(value, (*prefix, index))
    return found


@st.composite
def mutated_bodies(draw: st.DrawFn, valid: Any = SUCCESS.response["json"]) -> bytes:
    """``valid`` (a body the spec allows) with one thing broken, or random JSON, or random bytes."""
    kind = draw(st.sampled_from(["replace", "delete", "null", "random json", "random bytes", "truncate"]))
    if kind == "random bytes":
        return draw(st.binary(max_size=200))
    if kind == "random json":
        return json.dumps(draw(JSON_VALUES)).encode()
    body = copy.deepcopy(valid)
    text = json.dumps(body).encode()
    if kind == "truncate":
        return text[: draw(st.integers(0, len(text) - 1))]
    path = draw(st.sampled_from(paths_of(valid)))
    parent: Any = body
    for part in path[:-1]:
        parent = parent[part]
    if kind == "delete" and isinstance(parent, dict):
        del parent[path[-1]]
    elif kind == "null":
        parent[path[-1]] = None
    else:
        parent[path[-1]] = draw(JSON_VALUES)
    return json.dumps(body).encode()


@given(mutated_bodies(), st.sampled_from([200, 200, 401, 404, 422, 500]))
def check_mutated_bodies_only_raise_package_errors(content: bytes, status: int) -> None:
    RAN["mutated bodies raise only PlanetScaleError"] += 1
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=content))
    client = AuthenticatedClient.from_service_token(
        "sto_FAKEfuzz", "pscale_tkn_FAKEfuzz", retry=NO_RETRY, httpx_args={"transport": transport}
    )
    try:
        token = create_oauth_token.sync("acme", "oauthapp_FAKE01", client=client, body=GRANT)
    except errors.PlanetScaleError:
        return
    assert status == 200 and isinstance(token, OAuthToken)


# The other response models: the standard token endpoint's answer and error, and a page of tokens.
OTHER_MODELS: dict[str, Any] = {
    "AccessTokenResponse": AccessTokenResponse,
    "OAuthErrorResponse": OAuthErrorResponse,
    "OAuthTokenPage": OAuthTokenPage,
}
OTHER_SCHEMAS = {name: inline(spec()["components"]["schemas"][name]) for name in OTHER_MODELS}


@given(
    st.sampled_from(sorted(OTHER_MODELS)).flatmap(lambda name: st.tuples(st.just(name), bodies(OTHER_SCHEMAS[name])))
)
def check_other_models_round_trip(drawn: tuple[str, dict[str, Any]]) -> None:
    name, body = drawn
    RAN["other models' valid bodies round-trip"] += 1
    assert list(schema_validator(f"/components/schemas/{name}").iter_errors(body)) == []
    assert canonical(OTHER_MODELS[name].from_dict(body).to_dict()) == canonical(body)


def example(path: str, method: str) -> Any:
    return spec()["paths"][path][method]["responses"]["200"]["content"]["application/json"]["example"]


ACCESS = example("/oauth/token", "post")
PAGE = example("/organizations/{organization}/oauth-applications/{application_id}/tokens", "get")


@given(
    st.sampled_from(["request_token", "list_oauth_tokens"]).flatmap(
        lambda name: st.tuples(
            st.just(name),
            mutated_bodies(ACCESS if name == "request_token" else PAGE),
            st.sampled_from([200, 200, 400, 401, 500] if name == "request_token" else [200, 200, 401, 404, 500]),
        )
    )
)
def check_other_operations_only_raise_package_errors(drawn: tuple[str, bytes, int]) -> None:
    name, content, status = drawn
    RAN["other operations raise only PlanetScaleError"] += 1
    transport = httpx.MockTransport(lambda request: httpx.Response(status, content=content))
    client = AuthenticatedClient.from_service_token(
        "sto_FAKEfuzz", "pscale_tkn_FAKEfuzz", retry=NO_RETRY, httpx_args={"transport": transport}
    )
    try:
        if name == "request_token":
            result: object = request_token.sync(client=client, body=GRANT)
        else:
            result = list_oauth_tokens.sync("acme", "oauthapp_FAKE01", client=client)
    except errors.PlanetScaleError:
        return
    assert status == 200 and isinstance(result, AccessTokenResponse | OAuthTokenPage)


def test_valid_bodies_parse_and_round_trip() -> None:
    check_valid_bodies_round_trip()
    report()
    assert RAN["valid bodies round-trip"] >= EXAMPLES


def test_mutated_bodies_only_raise_package_errors() -> None:
    check_mutated_bodies_only_raise_package_errors()
    report()
    assert RAN["mutated bodies raise only PlanetScaleError"] >= EXAMPLES


def test_other_models_round_trip() -> None:
    check_other_models_round_trip()
    report()
    assert RAN["other models' valid bodies round-trip"] >= EXAMPLES


def test_other_operations_only_raise_package_errors() -> None:
    check_other_operations_only_raise_package_errors()
    report()
    assert RAN["other operations raise only PlanetScaleError"] >= EXAMPLES
