"""/api/meta: every PLOVER type with its colour and quad class, all from data/plover.json
(no table of types in the API), over a real (empty) DuckDB store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import flashpoint.ontology
from flashpoint.api import create_app
from flashpoint.ontology import load_ontology, parse_ontology
from flashpoint.store import open_store


@pytest.fixture()
def client(tmp_path: Path) -> Iterator[TestClient]:
    db = tmp_path / "empty.duckdb"
    with open_store(db):
        pass
    with TestClient(create_app(str(db))) as c:
        yield c


def test_meta_lists_every_type_with_its_data_colour(client: TestClient) -> None:
    meta = client.get("/api/meta").json()
    onto = load_ontology()
    assert [t["name"] for t in meta["types"]] == list(onto.types)
    for t in meta["types"]:
        info = onto.types[t["name"]]
        assert (t["quad"], t["score"], t["color"]) == (info.quad, info.score, info.color)
    assert meta["quads"] == {
        "1": "verbal_coop",
        "2": "material_coop",
        "3": "verbal_conflict",
        "4": "material_conflict",
    }
    assert meta["quad_colors"] == {str(q.code): q.color for q in onto.quads.values()}


def test_a_type_added_to_the_data_is_served_with_its_colour(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = json.loads(resources.files("flashpoint.data").joinpath("plover.json").read_text())
    raw["types"]["TESTIFY"] = {**raw["types"]["CONSULT"], "color": "#123456", "quad": 1}
    extended = parse_ontology(json.dumps(raw))
    monkeypatch.setattr(flashpoint.ontology, "load_ontology", lambda: extended)
    response = client.get("/api/meta")
    assert response.status_code == 200, response.text
    added = [t for t in response.json()["types"] if t["name"] == "TESTIFY"]
    assert added == [{"name": "TESTIFY", "quad": 1, "score": 2.5, "color": "#123456"}]
