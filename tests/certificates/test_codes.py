"""Codes a person can type: no 0/O or 1/I, forgiving about case, spaces and dashes."""

from __future__ import annotations

import re

import pytest

from certificates.codes import ALPHABET, new_code, normalise_code


def test_codes_use_an_alphabet_without_look_alikes_and_differ():
    assert not set("0O1I") & set(ALPHABET) and len(ALPHABET) == 32
    codes = {new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(re.fullmatch(r"SON-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}", code) for code in codes)


@pytest.mark.parametrize(
    "typed",
    ["SON-7KQ4-X2MP", "son-7kq4-x2mp", " SON 7KQ4 X2MP ", "SON7KQ4X2MP", "7kq4x2mp", "7KQ4-X2MP", "son—7kq4–x2mp"],
)
def test_typed_codes_are_tolerated(typed):
    assert normalise_code(typed) == "SON-7KQ4-X2MP"


@pytest.mark.parametrize("typed", [None, "", "SON-7KQ4-X2M", "SON-7KQ4-X2MPP", "SON-0KQ4-X2MP", "SON-7KQ4-X2M<", "ABC"])
def test_what_cannot_be_a_code_is_none(typed):
    assert normalise_code(typed) is None
