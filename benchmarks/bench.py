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
from planetscale_oauth.api.oauth_tokens import create_oauth_token
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
    return ratio(
        lambda: create_oauth_token.sync("acme", "oauthapp_bench", client=client, body=GRANT),
        lambda: json.loads(raw.post(PATH, json=GRANT.to_dict()).content),
        number,
        repeats,
    )


JSON = {"Content-Type": "application/json"}


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


def import_time(runs: int) -> dict[str, Any]:
    code = (
        "import time, httpx\n"
        "start = time.perf_counter()\n"
        "import planetscale_oauth, planetscale_oauth.api.oauth_tokens.create_oauth_token\n"
        "print(time.perf_counter() - start)\n"
    )
    times = [
        float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout) * 1000
        for _ in range(runs)
    ]
    return {"ms": summary(times)}


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
    return {"seconds": timings}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a few iterations of everything; no goals checked")
    args = parser.parse_args()
    quick = args.quick
    # The figures predate create_oauth_token's deprecation; it still makes the same request and parses
    # the same token. Its DeprecationWarning is silenced so the numbers stay comparable.
    warnings.filterwarnings("ignore", category=DeprecationWarning, module=__name__)
    number, repeats = (20, 2) if quick else (5_000, 7)
    parse_number = 20 if quick else 20_000
    results: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "processor": platform.machine(),
            "cpus": __import__("os").cpu_count(),
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
        results["import"] = import_time(3 if quick else 15)
        results["concurrency"] = concurrency(50 if quick else 1_000, 1 if quick else 3)
        results["generation"] = generation(scratch)
        shutil.rmtree(scratch / "gen", ignore_errors=True)

    parsing_figures = results["parsing"]
    rows = [
        ("call overhead: sync() vs raw httpx", results["call overhead"]["ratio"], 1.10, "x"),
        ("parse: from_dict vs pydantic v2", parsing_figures["from_dict vs pydantic"]["ratio"], 1.0, "x"),
        ("parse: from_dict vs stock generator", parsing_figures["from_dict vs stock"]["ratio"], 0.5, "x"),
        ("to_dict vs pydantic v2 model_dump", parsing_figures["to_dict vs pydantic"]["ratio"], None, "x"),
        ("to_dict vs stock generator", parsing_figures["to_dict vs stock"]["ratio"], None, "x"),
        ("import: package + endpoint, minus httpx", results["import"]["ms"], 25.0, "ms"),
        ("1,000 concurrent asyncio() vs raw httpx", results["concurrency"]["ratio"], 1.2, "x"),
    ]
    for name, seconds in results["generation"]["seconds"].items():
        rows.append((f"generate: {name}", summary([seconds]), None if name == "first" else 5.0, "s"))
    met = True
    print(f"{'measure':42} {'median':>9} {'spread':>15} {'goal':>8}  met")
    for name, figure, goal, unit in rows:
        ok = goal is None or figure["median"] <= goal
        met = met and ok
        goal_text = f"<= {goal:g}{unit}" if goal is not None else ""
        spread = f"{figure['low']:.2f}-{figure['high']:.2f}"
        print(f"{name:42} {figure['median']:>7.2f}{unit:2} {spread:>15} {goal_text:>8}  {'yes' if ok else 'NO'}")
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
