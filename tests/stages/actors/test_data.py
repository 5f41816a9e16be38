"""Integrity of the shipped actor dictionaries (src/flashpoint/data/actors/)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from flashpoint.errors import DataFileError
from flashpoint.stages.actors import load_actor_lexicon
from flashpoint.stages.actors.build import ACTOR_CODES, EXTRA_CODES
from flashpoint.stages.actors.data import FILES, parse_table, read_table
from flashpoint.stages.actors.lexicon import Entry


def _entries() -> list[Entry]:
    lexicon = load_actor_lexicon()
    return [e for variants in lexicon.variants.values() for v in variants for e in v.entries]


def test_every_file_is_versioned_and_has_its_columns() -> None:
    for name in FILES:
        table = read_table(name)
        assert re.fullmatch(r"\d+(\.\d+)*", table.version), name
        assert table.rows, name


def test_countries_cover_iso_3166() -> None:
    rows = read_table("countries.tsv").rows
    codes = [r["iso3"] for r in rows]
    assert len(codes) == len(set(codes)) >= 249
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in codes)
    assert all(re.fullmatch(r"[A-Z]{2}", r["iso2"]) for r in rows)
    assert {"USA", "GBR", "PAK", "IRN", "PSE", "TWN", "SSD"} <= set(codes)


def test_curated_countries_name_known_codes_once() -> None:
    known = {r["iso3"] for r in read_table("countries.tsv").rows} | EXTRA_CODES
    codes = [r["iso3"] for r in read_table("countries_extra.tsv").rows]
    assert len(codes) == len(set(codes))
    assert set(codes) <= known


def test_every_entry_has_a_known_country_code_and_sector() -> None:
    lexicon = load_actor_lexicon()
    codes = set(lexicon.countries) | ACTOR_CODES
    for entry in _entries():
        assert entry.country is None or entry.country in codes, entry.source
        assert entry.sector is None or entry.sector in lexicon.sectors, entry.source
        for period in entry.periods:
            assert period.sector is None or period.sector in lexicon.sectors, entry.source


def test_no_alias_claimed_by_two_different_actors() -> None:
    # Deliberate takeovers are marked "!" in the files; namesakes among persons are allowed
    # (the date tells them apart); anything else is a mistake in the data.
    assert load_actor_lexicon().conflicts == []


def test_office_dates_are_ordered() -> None:
    for entry in _entries():
        for period in entry.periods:
            if period.start and period.end:
                assert period.start <= period.end, entry.source


def test_dictionaries_are_large() -> None:
    groups = read_table("groups.tsv").rows
    persons = read_table("persons.tsv").rows
    assert len(groups) >= 300
    assert len({p["name"] for p in persons}) >= 300
    assert len({r["iso3"] for r in read_table("countries_extra.tsv").rows}) >= 190


def test_person_offices_overlap_only_for_namesakes_in_the_same_country() -> None:
    day = date(2024, 1, 18)
    lexicon = load_actor_lexicon()
    for key, variants in lexicon.variants.items():
        for variant in variants:
            people = [e for e in variant.entries if e.kind == "person"]
            holders = {e.country for e in people if e.periods[0].covers(day)}
            assert len(holders) <= 1, key


def test_a_malformed_file_is_a_data_file_error_with_a_fix() -> None:
    with pytest.raises(DataFileError, match="version"):
        parse_table("sectors.tsv", "code\tdescription\nGOV\tgovernment\n")
    with pytest.raises(DataFileError, match="header"):
        parse_table("sectors.tsv", "# version: 1\ncode\tdesc\n")
    with pytest.raises(DataFileError, match="columns"):
        parse_table("sectors.tsv", "# version: 1\ncode\tdescription\nGOV\tx\ty\n")
