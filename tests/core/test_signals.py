"""Every signal says who sends it and what a receiver returns, where plugin authors read it: its docstring."""

from __future__ import annotations

import importlib

import pytest
from blinker import Signal

from sonores_lms.plugins import discover

MODULES = ["sonores_lms.signals", *(f"{name}.signals" for name in sorted(discover()))]


def signals_of(module_name):
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError:  # a plugin without signals of its own
        return []
    return [(name, value) for name, value in vars(module).items() if isinstance(value, Signal)]


@pytest.mark.parametrize("module_name", MODULES)
def test_every_signal_documents_its_sender_and_reply(module_name):
    for name, signal in signals_of(module_name):
        doc = " ".join((signal.__doc__ or "").split())
        assert "sender" in doc, f"{module_name}.{name} does not say who sends it"
        assert "return" in doc, f"{module_name}.{name} does not say what a receiver returns"
