"""`make bench`: the SDK's cost as ratios against raw httpx and its peers, each measured in one run.

    python benchmarks/bench.py           # full run: prints the table, writes benchmarks/results/latest.json
    python benchmarks/bench.py --quick   # a few iterations of everything (what `make test` runs)

Machines here are noisy, so every figure is a ratio of two things measured alternately in the same
process, reported as the median over repeats with the spread (lowest and highest repeat).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Coroutine
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import httpx
import pydantic

from planetscale_oauth import AuthenticatedClient
from planetscale_oauth.api.oauth_tokens import create_oauth_token, get_oauth_token
from planetscale_oauth.client import DEFAULT_LIMITS, RetryPolicy
from planetscale_oauth.errors import ResponseValidationError
from planetscale_oauth.models import OAuthToken, RefreshTokenGrant

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
FIXTURE = ROOT / "tests" / "fixtures" / "authorization_code_success.json"
TOKEN: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))["response"]["json"]
TOKEN_BYTES = json.dumps(TOKEN).encode()
GRANT = RefreshTokenGrant(client_id="bench-client", client_secret="bench-secret", refresh_token="bench-refresh")
PATH = "/organizations/acme/oauth-applications/oauthapp_bench/token"
TOKEN_PATH = "/organizations/acme/oauth-applications/oauthapp_bench/tokens/oauthtok_bench"
BASE_URL = "https://api.planetscale.com/v1"


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "low": min(values), "high": max(values)}


def ratio(ours: Callable[[], object], theirs: Callable[[], object], number: int, repeats: int) -> dict[str, Any]:
    """Time both alternately ``repeats`` times (``number`` calls each); the ratio ours/theirs per repeat."""
    ratios, ours_us, theirs_us = [], [], []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(number):
            ours()
        middle = time.perf_counter()
        for _ in range(number):
            theirs()
        end = time.perf_counter()
        ours_us.append((middle - start) / number * 1e6)
        theirs_us.append((end - middle) / number * 1e6)
        ratios.append(ours_us[-1] / theirs_us[-1])
    return {"ratio": summary(ratios), "ours_us": summary(ours_us), "theirs_us": summary(theirs_us)}


def call_overhead(number: int, repeats: int) -> dict[str, Any]:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, content=TOKEN_BYTES, headers=JSON))
    client = AuthenticatedClient.from_service_token(
        "sto_bench", "pscale_tkn_bench", httpx_args={"transport": transport}, retry=RetryPolicy(max_retries=0)
    )
    raw = httpx.Client(transport=transport, base_url=BASE_URL, headers={"Authorization": "sto_bench:pscale_tkn_bench"})
    # A GET of one token on both sides (get_oauth_token is not deprecated, so no warning is issued per call):
    # ours checks the status and validates the token into a model; raw httpx only decodes the JSON.
    return ratio(
        lambda: get_oauth_token.sync("acme", "oauthapp_bench", "oauthtok_bench", client=client),
        lambda: json.loads(raw.get(TOKEN_PATH).content),
        number,
        repeats,
    )


JSON = {"Content-Type": "application/json"}


def shared_session(number: int, repeats: int, scratch: Path) -> dict[str, Any]:
    """``access_token()`` on a fresh token: a session sharing its tokens through a SQLite store against one without
    a store. Both answer from memory (no store round trip), so the ratio is the cost of being shareable."""
    import datetime

    from planetscale_oauth import Client
    from planetscale_oauth.oauth import Tokens, TokenSession
    from planetscale_oauth.stores import SQLiteStore, TokenCipher

    client = Client()
    expires = datetime.datetime.now(datetime.UTC) + datetime.timedelta(hours=1)
    tokens = Tokens("bench-access-token", "bench-refresh-token", expires_at=expires)
    alone = TokenSession(client, "bench-client", "bench-secret", tokens)
    store = SQLiteStore(scratch / "bench-tokens.db", TokenCipher([TokenCipher.generate_key()]))
    store.write("user-1", tokens, None)
    shared = TokenSession.from_store(client, "bench-client", "bench-secret", store=store, key="user-1")
    figures = ratio(shared.access_token, alone.access_token, number, repeats)
    store.close()
    return figures


def _require_text(value: object) -> object:
    # The spec's date-time is a string; without this pydantic would also take 12 as a Unix time.
    if not isinstance(value, str) and value is not None:
        raise ValueError("expected a date-time string")
    return value


Timestamp = Annotated[pydantic.AwareDatetime, pydantic.Strict(False), pydantic.BeforeValidator(_require_text)]


class PAccessScope(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    name: str
    description: str


class PResource(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    id: str
    name: str
    created_at: Timestamp
    updated_at: Timestamp
    deleted_at: Timestamp | None


class PAccess(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    id: str
    access: str
    description: str
    resource_name: str
    resource_id: str
    resource_type: str
    resource: PResource


class PDatabase(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    name: str
    id: str
    organization: str
    url: str


class POrganization(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    name: str
    id: str
    url: str


class PBranch(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    name: str
    id: str
    database: str
    organization: str
    url: str


class PUser(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    name: str
    id: str


class PDatabases(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    databases: list[PDatabase]
    accesses: list[PAccessScope]


class POrganizations(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    organizations: list[POrganization]
    accesses: list[PAccessScope]


class PBranches(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    branches: list[PBranch]
    accesses: list[PAccessScope]


class PUsers(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    users: list[PUser]
    accesses: list[PAccessScope]


class PByResource(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    database: PDatabases
    organization: POrganizations
    branch: PBranches
    user: PUsers


class PToken(pydantic.BaseModel):
    """The OAuthToken schema as a pydantic v2 model: same fields, types, nullability, extras kept.

    Strict for strings (a number is not a str), as the generated parser is.
    """

    model_config = pydantic.ConfigDict(extra="allow", strict=True)
    id: str
    name: str | None
    display_name: str
    token: str | None
    plain_text_refresh_token: str | None
    avatar_url: str
    created_at: Timestamp
    updated_at: Timestamp
    expires_at: Timestamp | None
    last_used_at: Timestamp | None
    actor_id: str | None
    actor_display_name: str | None
    actor_type: str | None
    service_token_accesses: list[PAccess]
    oauth_accesses_by_resource: PByResource


def stock_package(scratch: Path) -> ModuleType:
    """openapi-python-client's own templates, run on the same openapi.yaml, imported under another name."""
    out = scratch / "stock_planetscale_oauth"
    env_path = str(Path(sys.executable).parent)
    subprocess.run(
        [sys.executable, "-m", "openapi_python_client", "generate", "--path", str(ROOT / "openapi.yaml"),
         "--meta", "none", "--output-path", str(out)],
        check=True, capture_output=True, cwd=scratch, env={"PATH": env_path},
    )  # fmt: skip
    spec = importlib.util.spec_from_file_location(out.name, out / "__init__.py", submodule_search_locations=[str(out)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[out.name] = module
    spec.loader.exec_module(module)
    return module


def parsing(number: int, repeats: int, scratch: Path) -> dict[str, Any]:
    stock = importlib.import_module("stock_planetscale_oauth.models").OAuthToken
    ours_token = OAuthToken.from_dict(TOKEN)
    pydantic_token = PToken.model_validate(TOKEN)
    stock_token = stock.from_dict(TOKEN)
    # Both validating parsers refuse a wrong type; the stock one lets it through.
    wrong = dict(TOKEN, created_at=12)
    refuses = {
        "ours": _refuses(lambda: OAuthToken.from_dict(wrong)),
        "pydantic": _refuses(lambda: PToken.model_validate(wrong)),
        "stock": _refuses(lambda: stock.from_dict(wrong)),
    }

    def ours() -> object:
        return OAuthToken.from_dict(TOKEN)

    return {
        "from_dict vs pydantic": ratio(ours, lambda: PToken.model_validate(TOKEN), number, repeats),
        "from_dict vs stock": ratio(ours, lambda: stock.from_dict(TOKEN), number, repeats),
        "to_dict vs pydantic": ratio(
            ours_token.to_dict, lambda: pydantic_token.model_dump(mode="json"), number, repeats
        ),
        "to_dict vs stock": ratio(ours_token.to_dict, stock_token.to_dict, number, repeats),
        "refuses a wrong type": refuses,
    }


def _refuses(parse: Callable[[], object]) -> bool:
    """Whether the parser reports a wrong type as a validation error (a crash inside it does not count)."""
    try:
        parse()
    except (ResponseValidationError, pydantic.ValidationError):
        return True
    except Exception:  # the stock parser fails with whatever its cast hits, e.g. TypeError
        return False
    return False


# The import measure: the package and one endpoint module, ours against the stock generator's output for the
# same spec. get_oauth_token is a module of both (same tag and operationId; only model modules are named
# differently, e.g. o_auth_token.py in the stock package).
IMPORTED_ENDPOINT = "api.oauth_tokens.get_oauth_token"
PACKAGES = {"ours": "planetscale_oauth", "stock": "stock_planetscale_oauth"}
_IMPORT_CODE = """\
import sys, time
sys.path[:0] = [{scratch!r}, {generated!r}]
sys.dont_write_bytecode = False  # bytecode goes to the scratch pycache_prefix, never into the repository
if {from_source!r}:
    import importlib._bootstrap_external as bootstrap
    cached = bootstrap.cache_from_source

    def no_bytecode(path, *args, **kwargs):
        if path.startswith({package_dir!r}):
            raise NotImplementedError  # the loader then compiles the source, and reads and writes no .pyc
        return cached(path, *args, **kwargs)

    bootstrap.cache_from_source = no_bytecode
start = time.perf_counter()
import httpx
middle = time.perf_counter()
import {package}, {package}.{endpoint}
end = time.perf_counter()
print(middle - start, end - middle)
"""


def _import_once(package: str, scratch: Path, *, from_source: bool) -> tuple[float, float]:
    """(ms for ``import httpx``, ms for the package + endpoint after it) in a fresh interpreter.

    Bytecode is cached under ``scratch`` (``-X pycache_prefix``) for everything, as after a pip install,
    except, ``from_source``, for the package's own modules, which are then compiled on import.
    """
    package_root = scratch if package == PACKAGES["stock"] else ROOT / "generated"
    code = _IMPORT_CODE.format(
        scratch=str(scratch),
        generated=str(ROOT / "generated"),
        from_source=from_source,
        package_dir=str(package_root / package) + os.sep,
        package=package,
        endpoint=IMPORTED_ENDPOINT,
    )
    command = [sys.executable, "-X", f"pycache_prefix={scratch / 'pycache'}", "-c", code]
    out = subprocess.run(command, check=True, capture_output=True, text=True, cwd=scratch).stdout
    httpx_s, package_s = (float(value) for value in out.split())
    return httpx_s * 1000, package_s * 1000


def import_time(runs: int, scratch: Path) -> dict[str, Any]:
    """``import <package>, <package>.api.oauth_tokens.get_oauth_token``, ours and the stock package.

    Each run is a fresh interpreter per package, in alternating order; each interpreter imports httpx
    first (timed apart: the baseline) so the figure is the package's own cost beyond it. Both find
    their package at the front of sys.path (the scratch directory, then generated/). ``cached``:
    every module's bytecode is cached, as for an installed package; ``from source``: the package's
    own modules are compiled on import (no .pyc: PYTHONDONTWRITEBYTECODE, a read-only or fresh tree).
    """
    for package in PACKAGES.values():
        _import_once(package, scratch, from_source=False)  # untimed: writes the bytecode cache
    figures: dict[str, Any] = {}
    httpx_ms: list[float] = []
    for condition in ("cached", "from source"):
        ratios: list[float] = []
        times: dict[str, list[float]] = {"ours": [], "stock": []}
        for run in range(runs):
            for side in ("ours", "stock") if run % 2 == 0 else ("stock", "ours"):
                baseline, package_ms = _import_once(PACKAGES[side], scratch, from_source=condition == "from source")
                times[side].append(package_ms)
                httpx_ms.append(baseline)
            ratios.append(times["ours"][-1] / times["stock"][-1])
        figures[condition] = {
            "ratio": summary(ratios),
            "ours_ms": summary(times["ours"]),
            "stock_ms": summary(times["stock"]),
        }
    return {
        **figures["cached"],
        "from source": figures["from source"],
        "httpx_ms": summary(httpx_ms),
        "imported": f"the package and {IMPORTED_ENDPOINT}",
        "runs": runs,
    }


# 1,000 calls queue for 100 pooled connections; on a small machine the last wait far longer than the
# default pool timeout. Both sides get the same patience and the same pool.
PATIENT = httpx.Timeout(120.0)


def concurrency(calls: int, repeats: int) -> dict[str, Any]:
    port = _free_port()
    body = tempfile.NamedTemporaryFile(suffix=".json", delete=False)
    body.write(TOKEN_BYTES)
    body.close()
    server = subprocess.Popen([sys.executable, str(ROOT / "benchmarks" / "loopback_server.py"), str(port), body.name])
    base = f"http://127.0.0.1:{port}/v1"
    try:
        _wait_for(port)

        async def ours() -> int:
            client = AuthenticatedClient.from_service_token(
                "sto_bench", "pscale_tkn_bench", base_url=base, timeout=PATIENT, retry=RetryPolicy(max_retries=0)
            )
            async with client:
                calls_made = (
                    create_oauth_token.asyncio("acme", "oauthapp_bench", client=client, body=GRANT)
                    for _ in range(calls)
                )
                await asyncio.gather(*calls_made)
            return calls

        async def theirs() -> int:
            headers = {"Authorization": "sto_bench:pscale_tkn_bench"}
            async with httpx.AsyncClient(base_url=base, headers=headers, limits=DEFAULT_LIMITS, timeout=PATIENT) as raw:

                async def one() -> object:
                    return json.loads((await raw.post(PATH, json=GRANT.to_dict())).content)

                await asyncio.gather(*(one() for _ in range(calls)))
            return calls

        connections: dict[str, int] = {}
        ratios: list[float] = []
        ours_ms: list[float] = []
        theirs_ms: list[float] = []
        for _ in range(repeats):
            for name, run in (("ours", ours), ("theirs", theirs)):
                before = _connections(port)
                elapsed = _timed(run)
                connections[name] = _connections(port) - before
                (ours_ms if name == "ours" else theirs_ms).append(elapsed * 1000)
            ratios.append(ours_ms[-1] / theirs_ms[-1])
        limit = DEFAULT_LIMITS.max_connections or 0
        # Reused means a pool's worth of connections (a few more when one is dropped and replaced), not one per call.
        assert connections["ours"] <= max(2 * limit, connections["theirs"]), (
            f"{connections['ours']} connections for {calls} calls: the pool is not reused"
        )
        return {
            "ratio": summary(ratios),
            "ours_ms": summary(ours_ms),
            "theirs_ms": summary(theirs_ms),
            "connections": connections,
            "pool_limit": limit,
        }
    finally:
        server.terminate()
        server.wait()
        Path(body.name).unlink()


def _timed(run: Callable[[], Coroutine[Any, Any, int]]) -> float:
    start = time.perf_counter()
    asyncio.run(run())
    return time.perf_counter() - start


def _connections(port: int) -> int:
    return int(httpx.get(f"http://127.0.0.1:{port}/__connections").text)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for(port: int) -> None:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            _connections(port)
            return
        except httpx.TransportError:
            time.sleep(0.05)
    raise RuntimeError("the loopback server did not start")


def generation(scratch: Path) -> dict[str, Any]:
    generate = [sys.executable, str(ROOT / "scripts" / "generate.py")]
    targets = ["--target", str(scratch / "gen" / "planetscale_oauth"), "--docs-target", str(scratch / "gen" / "docs")]
    changed_spec = scratch / "openapi.yaml"
    spec_text = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    changed_spec.write_text(spec_text.replace("The ID of the service token", "The token's ID"), encoding="utf-8")
    timings = {}
    for name, extra in (("first", []), ("nothing changed", []), ("after a spec change", ["--spec", str(changed_spec)])):
        start = time.perf_counter()
        subprocess.run([*generate, *targets, *extra], check=True, capture_output=True, cwd=ROOT)
        timings[name] = time.perf_counter() - start
    # PlanetScale's whole published API (Swagger 2.0, 140 operations) through `generate.py generate`: conversion,
    # generation, post-hooks, the import check and the reference.
    specs = ROOT / "tests" / "specs"
    command = [*generate, "generate", "--path", str(specs / "planetscale-api-v1-full.swagger.json"),
               "--config", str(specs / "planetscale-api-v1-full.config.yaml"), "--meta", "none",
               "--output-path", str(scratch / "gen" / "full"),
               "--docs", str(scratch / "gen" / "full-docs")]  # fmt: skip
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True, cwd=ROOT)
    timings["full published API, 140 operations"] = time.perf_counter() - start
    return {"seconds": timings}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few iterations of everything; no goals checked")
    args = parser.parse_args()
    quick = args.quick
    # The concurrency figures predate create_oauth_token's deprecation; it still makes the same request and
    # parses the same token. Its DeprecationWarning is silenced so the numbers stay comparable.
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=__name__)
    number, repeats = (20, 2) if quick else (5_000, 7)
    parse_number = 20 if quick else 20_000
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "processor": platform.machine(),
            "cpus": os.cpu_count(),
            "httpx": httpx.__version__,
            "pydantic": pydantic.VERSION,
        },
        "mode": "quick" if quick else "full",
    }
    (ROOT / ".build").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / ".build") as scratch_name:
        scratch = Path(scratch_name)
        stock_package(scratch)
        results["call overhead"] = call_overhead(number, repeats)
        results["parsing"] = parsing(parse_number, repeats, scratch)
        results["import"] = import_time(3 if quick else 15, scratch)
        results["concurrency"] = concurrency(50 if quick else 1_000, 1 if quick else 3)
        results["shared session"] = shared_session(number * 10, repeats, scratch)
        results["generation"] = generation(scratch)
        shutil.rmtree(scratch / "gen", ignore_errors=True)

    parsing_figures = results["parsing"]
    rows = [
        ("call overhead: sync() vs raw httpx", results["call overhead"]["ratio"], 1.10, "x"),
        ("parse: from_dict vs pydantic v2", parsing_figures["from_dict vs pydantic"]["ratio"], 1.0, "x"),
        ("parse: from_dict vs stock generator", parsing_figures["from_dict vs stock"]["ratio"], 0.5, "x"),
        ("to_dict vs pydantic v2 model_dump", parsing_figures["to_dict vs pydantic"]["ratio"], None, "x"),
        ("to_dict vs stock generator", parsing_figures["to_dict vs stock"]["ratio"], None, "x"),
        ("import vs stock: package + endpoint", results["import"]["ratio"], 1.0, "x"),
        ("import ours, minus httpx", results["import"]["ours_ms"], None, "ms"),
        ("import stock, minus httpx", results["import"]["stock_ms"], None, "ms"),
        ("import vs stock, compiled from source", results["import"]["from source"]["ratio"], None, "x"),
        ("import ours, from source, minus httpx", results["import"]["from source"]["ours_ms"], None, "ms"),
        ("import stock, from source, minus httpx", results["import"]["from source"]["stock_ms"], None, "ms"),
        ("1,000 concurrent asyncio() vs raw httpx", results["concurrency"]["ratio"], 1.2, "x"),
        ("access_token(), SQLite store vs none", results["shared session"]["ratio"], 1.1, "x"),
        ("access_token() with a SQLite store", results["shared session"]["ours_us"], None, "us"),
        ("access_token() without a store", results["shared session"]["theirs_us"], None, "us"),
    ]
    for name, seconds in results["generation"]["seconds"].items():
        goal = None if name == "first" else 30.0 if name.startswith("full") else 5.0
        rows.append((f"generate: {name}", summary([seconds]), goal, "s"))
    met = True
    print(f"{'measure':42} {'median':>9} {'spread':>15} {'goal':>8}  met")
    for name, figure, goal, unit in rows:
        ok = goal is None or figure["median"] <= goal
        met = met and ok
        goal_text = f"<= {goal:g}{unit}" if goal is not None else ""
        spread = f"{figure['low']:.2f}-{figure['high']:.2f}"
        print(f"{name:42} {figure['median']:>7.2f}{unit:2} {spread:>15} {goal_text:>8}  {'yes' if ok else 'NO'}")
    print(f"import: {results['import']['imported']}, {results['import']['runs']} fresh interpreters each,"
          f" bytecode cached (from source: the package's own modules compiled on import);"
          f" import httpx itself {results['import']['httpx_ms']['median']:.1f} ms, not counted")  # fmt: skip
    print(f"parsers that refuse a wrong type: {results['parsing']['refuses a wrong type']}")
    print(f"connections opened for the concurrent calls: {results['concurrency']['connections']}"
          f" (pool limit {results['concurrency']['pool_limit']})")  # fmt: skip
    results["goals met"] = met
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / ("quick.json" if quick else "latest.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"figures written to {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
