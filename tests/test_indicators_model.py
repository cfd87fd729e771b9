"""The embedding nearest-neighbour key fallback with the real default model (use-multilingual)."""

from __future__ import annotations

import pytest

from zmdocs.indicators import extract_document
from zmdocs.indicators.keys import EmbeddingKeys, key_for
from zmdocs.model import Clause, Document

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def nn() -> EmbeddingKeys:
    return EmbeddingKeys()


@pytest.mark.parametrize("parameter,key", [
    ("漏电电流", "leakage_current"),
    ("standby consumption", "standby_power"),
    ("isolation resistance value", "insulation_resistance"),
    ("heat-up duration", "boiling_time"),
])
def test_nearest_key_for_parameters_the_glossary_lacks(nn, parameter, key):
    assert key_for(parameter) == ""  # the glossary alone does not know these
    assert nn(parameter) == key


def test_unrelated_parameter_gets_no_key(nn):
    assert nn("colour of the lid") == ""


def test_extract_document_with_embedding_fallback():
    doc = Document(id="X", lang="zh", clauses=[
        Clause(id="X#5.1", number="5.1", heading="", text="漏电电流不大于0.5mA。", kind="requirements")])
    assert extract_document(doc)[0].key == ""
    assert extract_document(doc, embed=True)[0].key == "leakage_current"
