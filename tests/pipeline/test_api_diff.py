"""`make api-diff` on small spec edits applied to a temporary copy of openapi.yaml."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import NEXT_MINOR, NEXT_PATCH, ROOT, VERSION, api_diff, generate_from

SPEC = (ROOT / "openapi.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def removed_field(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Drop `avatar_url` from OAuthToken: a breaking change.
    schema = "        avatar_url:\n          type: string\n"
    schema += "          description: The image source for the avatar of the service token\n"
    text = SPEC.replace("        - avatar_url\n", "", 1).replace(schema, "")
    assert text != SPEC
    return generate_from(text, tmp_path_factory.mktemp("removed"))


def test_unchanged_spec_has_no_api_change() -> None:
    result = api_diff(ROOT / "generated")
    assert result.returncode == 0
    assert "no change to the public API" in result.stdout


def test_removed_field_is_breaking_and_needs_a_minor_bump(removed_field: Path) -> None:
    result = api_diff(removed_field, "--new-version", NEXT_PATCH)
    assert result.returncode == 1
    assert "BREAKING  planetscale_oauth.models.oauth_token.OAuthToken.avatar_url: public object was removed" in (
        result.stdout
    )
    assert f"raise the minor version (0.x) from {VERSION}" in result.stderr
    assert api_diff(removed_field, "--new-version", NEXT_MINOR).returncode == 0


def test_new_required_field_is_breaking_and_an_optional_one_is_not(tmp_path: Path) -> None:
    required = SPEC.replace(
        "    Error:\n      type: object\n      description: The body PlanetScale sends with an error status.\n"
        "      required: [code, message]\n      properties:\n",
        "    Error:\n      type: object\n      description: The body PlanetScale sends with an error status.\n"
        "      required: [code, message, hint]\n      properties:\n        hint:\n          type: string\n",
    )
    assert required != SPEC
    result = api_diff(generate_from(required, tmp_path / "required"))
    assert result.returncode == 1
    assert "planetscale_oauth.models.error.Error: new required argument 'hint'" in result.stdout

    optional = required.replace("required: [code, message, hint]", "required: [code, message]")
    result = api_diff(generate_from(optional, tmp_path / "optional"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "non-breaking  added: planetscale_oauth.models.error.Error.hint" in result.stdout


def test_changelog_has_an_entry_for_the_current_version() -> None:
    import planetscale_oauth

    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"\n## {planetscale_oauth.__version__}\n" in changelog


# The commit that released 0.1.0 (tagged v0.1.0): create_oauth_token only.
RELEASE_0_1_0 = "1f46773c7807d26f38414071ef8816aeb217f189"


def test_the_oauth_endpoints_and_tokens_resource_add_to_0_1_0_and_break_only_what_0_3_0_declares() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "api_diff.py"), "--base", RELEASE_0_1_0],
        capture_output=True, text=True, cwd=ROOT,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    # 0.3.0's CHANGELOG entry: PlanetScaleError became this package's name for the runtime's APIError (the same
    # class), each model module's unused TypeVar T went, and create_oauth_token's `id` became `application_id`.
    # Nothing else since 0.1.0 breaks.
    breaking = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith("BREAKING")]
    declared = re.compile(
        r"BREAKING  planetscale_oauth\.(errors\.PlanetScaleError: public object points to a different kind of object"
        r" \(CLASS -> ATTRIBUTE\)|models\.\w+\.T: public object was removed"
        r"|api\.oauth_tokens\.create_oauth_token\.\w+: parameter was (removed|added as required))$"
    )
    assert breaking and all(declared.match(line) for line in breaking), "\n".join(breaking)
    for added in (
        "api.oauth.request_token.sync",
        "api.oauth.revoke_token.asyncio",
        "api.oauth_tokens.list_oauth_tokens.iterate",
        "api.oauth_tokens.list_oauth_tokens.aiterate",
        "api.oauth_tokens.get_oauth_token.sync",
        "api.oauth_tokens.delete_oauth_token.sync",
        "oauth.TokenSession",
        "oauth.authorize_url",
        "errors.InvalidGrantError",
        "client.Client.from_env",
    ):
        assert f"  non-breaking  added: planetscale_oauth.{added}\n" in result.stdout, added
