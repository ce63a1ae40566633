"""Redaction (``_redaction``) and the secret-free excerpts of bodies (``_bodies``)."""

from __future__ import annotations

import ast
import copy
import json
import pickle

import pytest

from runtime import _bodies as bodies
from runtime._redaction import (
    REDACTED,
    Secret,
    hidden,
    known,
    redact,
    redact_json,
    redact_keys_in_text,
    scrub,
    scrub_bytes,
    scrub_json,
    scrubbed,
    sensitive_values,
)
from runtime.runtime_fakes import ErrorModel, Item
from runtime.types import UNSET

SECRET = "pscale_tkn_FAKE-secret-0001"


def test_redact_says_whether_a_value_is_there_never_what_it_is() -> None:
    assert redact(SECRET) == repr(REDACTED) == "'<redacted>'"
    assert redact("") == "'<redacted>'"
    assert redact(None) == "None"
    assert redact(UNSET) == "UNSET"
    assert redact(12345) == "'<redacted>'"
    assert redact(b"bytes") == "'<redacted>'"


def test_known_drops_empty_values_and_duplicates_and_sorts_longest_first() -> None:
    assert known(["ab", "", "abcd", "abc", "ab"]) == ("abcd", "abc", "ab")
    assert known([]) == ()


def test_scrub_blanks_a_token_whole_before_a_shorter_value_inside_it() -> None:
    whole = "sto_ID:" + SECRET
    text = f"token {whole} and again {SECRET}"
    assert scrub(text, known([SECRET, whole])) == "token <redacted> and again <redacted>"
    # Shorter first would leave the ID behind: the order of known() matters.
    assert scrub(text, (SECRET, whole)) == "token sto_ID:<redacted> and again <redacted>"
    assert scrub("nothing here", ()) == "nothing here"


def test_scrub_json_blanks_secrets_in_string_values_not_in_keys() -> None:
    body = {SECRET: [f"a {SECRET}", 1, None, {"k": SECRET}], "n": 2.5, "b": True}
    assert scrub_json(body, (SECRET,)) == {SECRET: ["a <redacted>", 1, None, {"k": REDACTED}], "n": 2.5, "b": True}
    assert scrub_json(SECRET, (SECRET,)) == REDACTED


def test_redact_json_replaces_whatever_is_under_a_sensitive_key() -> None:
    body = {
        "code": "c-1",
        "nested": [{"client_secret": {"deep": "x"}, "name": "kept"}],
        "token": None,
        "other": "code",
    }
    assert redact_json(body, {"code", "client_secret", "token"}) == {
        "code": REDACTED,
        "nested": [{"client_secret": REDACTED, "name": "kept"}],
        "token": REDACTED,
        "other": "code",
    }
    assert redact_json([1, "code"], {"code"}) == [1, "code"]


def test_sensitive_values_finds_non_empty_strings_under_sensitive_keys() -> None:
    body = {
        "client_secret": "cs-1",
        "code": "",
        "grant": {"refresh_token": "rt-1", "token": 5},
        "list": [{"token": "t-1"}, {"token": None}],
        "name": "not secret",
    }
    assert sensitive_values(body, {"client_secret", "code", "refresh_token", "token"}) == ["cs-1", "rt-1", "t-1"]
    assert sensitive_values(["x"], {"x"}) == []


def test_scrubbed_rebuilds_a_model_only_when_it_echoed_a_secret() -> None:
    error = ErrorModel(code="unauthorized", message=f"token {SECRET} is not valid")
    cleaned = scrubbed(error, [SECRET, ""])
    assert cleaned == ErrorModel(code="unauthorized", message="token <redacted> is not valid")
    assert error.message.endswith("is not valid") and SECRET in error.message  # the original is unchanged
    clean = ErrorModel(code="x", message="y")
    assert scrubbed(clean, [SECRET]) is clean
    assert scrubbed(error, []) is error
    assert scrubbed(error, [""]) is error
    assert scrubbed(None, [SECRET]) is None
    plain = {"message": SECRET}
    assert scrubbed(plain, [SECRET]) is plain  # no to_dict: not a model


def test_scrubbed_keeps_keys_an_error_code_is_not_an_authorization_code() -> None:
    item = scrubbed(Item.from_dict({"id": "code", "created_at": "2024-05-01T12:00:00Z", "tags": ["code"]}), ["zzz"])
    assert item.id == "code" and item.tags == ["code"]


# _bodies


@pytest.mark.parametrize(
    ("content_type", "expected"),
    [
        ("application/json", True),
        ("Application/JSON; charset=utf-8", True),
        ("application/problem+json", True),
        (" application/vnd.api+json ;x=1", True),
        ("text/html", False),
        ("application/jsonp", False),
        ("", False),
    ],
)
def test_is_json(content_type: str, expected: bool) -> None:
    assert bodies.is_json(content_type) is expected


def test_json_object_is_empty_for_anything_but_an_object() -> None:
    assert bodies.json_object(b'{"code": "x"}') == {"code": "x"}
    assert bodies.json_object(b"[1]") == {}
    assert bodies.json_object(b"<html>") == {}
    assert bodies.json_object(b"[" * 100_000) == {}
    assert bodies.json_object(b'{"a": "' + b"x" * bodies.MAX_BODY_BYTES + b'"}') == {}


def test_text_at_and_describe_status() -> None:
    assert bodies.text_at({"a": "x", "b": 1}, "a") == "x"
    assert bodies.text_at({"a": "x", "b": 1}, "b") is None
    assert bodies.text_at({}, "a") is None
    assert bodies.describe_status(404) == "404 Not Found"
    assert bodies.describe_status(520) == "520"


def test_snippet_of_json_redacts_sensitive_keys_and_secrets() -> None:
    content = json.dumps(
        {"message": f"token {SECRET} refused", "client_secret": "cs-hidden", "details": {"code": "ac-1"}}
    ).encode()
    shown = bodies.snippet(content, known([SECRET]), {"client_secret", "code"})
    assert shown == repr(
        '{"message": "token <redacted> refused", "client_secret": "<redacted>", "details": {"code": "<redacted>"}}'
    )


def test_snippet_of_text_is_one_line_and_scrubbed() -> None:
    content = f"<html>\n  <body>\n\tbad token {SECRET}\n  </body>\n</html>".encode()
    assert bodies.snippet(content, (SECRET,)) == repr("<html> <body> bad token <redacted> </body> </html>")
    assert bodies.snippet(b"  \n ") == "(empty body)"
    assert bodies.snippet(b"\xff\xfeok") == repr("\ufffd\ufffdok")


def test_snippet_is_cut_after_scrubbing_so_no_part_of_a_secret_shows() -> None:
    # The secret straddles the cut: scrubbed first, so it cannot show in part.
    padding = "x" * (bodies.SNIPPET_LENGTH - 10)
    shown = bodies.snippet(f"{padding}{SECRET} and more".encode(), (SECRET,))
    assert shown == repr(padding + "<redacted>" + "…")
    assert SECRET[:5] not in shown
    long_json = json.dumps({"message": "y" * 500, "code": "c-" * 300}).encode()
    shown = bodies.snippet(long_json, (), {"code"})
    assert len(ast.literal_eval(shown)) == bodies.SNIPPET_LENGTH + 1  # the text and the ellipsis
    assert "c-c-" not in shown


@pytest.mark.parametrize("secret", ['pa"ss-9f8e7d', "pa\\ss-9f8e7d", "pa\tss-9f8e7d"])
def test_snippet_of_json_hides_a_secret_with_characters_json_escapes(secret: str) -> None:
    content = json.dumps({"message": f"client secret {secret} is wrong"}).encode()
    shown = bodies.snippet(content, known([secret]))
    assert "9f8e7d" not in shown


def test_snippet_never_shows_part_of_a_secret_cut_by_the_decoded_window() -> None:
    secret = "S3CRET-0123456789-abcdefghijklmnopqrstuv"
    content = b"x" + b" " * (bodies.MAX_BODY_BYTES - 21) + secret.encode() + b" and more"
    shown = bodies.snippet(content, known([secret]))
    assert "S3CRET" not in shown


def test_snippet_of_text_never_shows_part_of_a_secret_cut_by_the_read_window() -> None:
    secret = "S3CRET-0123456789-abcdefghijklmnopqrstuv"
    content = ("<html>" + " " * 780 + f"token {secret} </html>").encode()  # an indented error page
    shown = bodies.snippet(content, known([secret]))
    assert "S3CRET" not in shown


def test_snippet_of_an_oversized_json_body_is_read_as_text_and_scrubbed() -> None:
    content = b'{"message": "' + SECRET.encode() + b'", "pad": "' + b"x" * bodies.MAX_BODY_BYTES + b'"}'
    shown = bodies.snippet(content, (SECRET,))
    assert shown.startswith(repr('{"message": "<redacted>", "pad": "xxx')[:-1])
    assert SECRET not in shown


def test_a_secret_is_sent_as_itself_and_shown_redacted() -> None:
    secret = Secret("pscale_tkn_FAKE-secret-0001")
    assert str(secret) == "pscale_tkn_FAKE-secret-0001" and type(str(secret)) is str
    assert f"Bearer {secret}" == "Bearer pscale_tkn_FAKE-secret-0001"
    assert json.dumps({"t": secret}) == '{"t": "pscale_tkn_FAKE-secret-0001"}'
    assert secret.encode() == b"pscale_tkn_FAKE-secret-0001"
    assert repr(secret) == "'<redacted>'" and repr({"t": [secret]}) == "{'t': ['<redacted>']}"
    assert repr(secret[:15]) == "'<redacted>'", "a printer that cuts a long string shows no prefix"
    for copied in (copy.copy(secret), copy.deepcopy(secret), pickle.loads(pickle.dumps(secret))):
        assert copied == REDACTED and type(copied) is str


def test_hidden_wraps_only_non_empty_text() -> None:
    assert type(hidden("x")) is Secret
    assert hidden("") == "" and type(hidden("")) is str
    assert hidden(None) is None and hidden(5) == 5
    wrapped = Secret("x")
    assert hidden(wrapped) is wrapped


def test_scrub_bytes_keeps_every_byte_but_the_secrets() -> None:
    secrets = known(["FAKE-secret-value-0001"])
    body = b"\xff\xfe not utf-8 " + b"FAKE-secret-value-0001" + b" and FAKE-secret-val"
    assert scrub_bytes(body, secrets) == b"\xff\xfe not utf-8 <redacted> and <redacted>"
    clean = b"nothing secret here"
    assert scrub_bytes(clean, secrets) is clean


def test_values_under_sensitive_keys_are_redacted_in_text_that_is_not_quite_json() -> None:
    cut = b'{"id": "t1", "refresh_token": "FAKE-rt-0001", "token": "FAKE-tk-00'
    assert redact_keys_in_text(cut, {"refresh_token", "token"}) == (
        b'{"id": "t1", "refresh_token": "<redacted>", "token": "<redacted>"'
    )
