"""The compiled gazetteer: same answers as the TSV read whole, cached by content, safe to share
across threads and processes, and a fallback when no cache can be written."""

from __future__ import annotations

import gzip
import pickle
import threading
import warnings
from pathlib import Path

import pytest

from flashpoint.errors import DataFileError
from flashpoint.stages.places.compiled import (
    CompiledGazetteer,
    cache_dir,
    compiled_path,
    open_compiled,
)
from flashpoint.stages.places.gazetteer import (
    COLUMNS,
    FORMAT_VERSION,
    MemoryGazetteer,
    load_gazetteer,
    read_gazetteer,
)

# invented rows in the shipped format: "=" marks hand-checked spellings; "springfield" names
# two towns and (again, as a spelling) the first of them; "north" names a region
ROWS = [
    (
        "c1",
        "country",
        "Freedonia",
        "FRE",
        "",
        "",
        "10.5",
        "20.25",
        "1000000",
        "0",
        "",
        "PCLI",
        "100",
        "freedonia|=republic of freedonia",
    ),
    (
        "a1",
        "admin1",
        "Upper Vale",
        "FRE",
        "Upper Vale",
        "",
        "11",
        "21",
        "400000",
        "0",
        "",
        "ADM1",
        "101",
        "upper vale|=uppervale",
    ),
    (
        "t1",
        "city",
        "Springfield",
        "FRE",
        "Upper Vale",
        "Dale",
        "11.1",
        "21.2",
        "50000",
        "1",
        "",
        "PPLC",
        "102",
        "springfield|=springfield|sprinfield",
    ),
    (
        "t2",
        "city",
        "Springfield",
        "SYL",
        "",
        "",
        "-3",
        "40",
        "900",
        "0",
        "",
        "PPL",
        "103",
        "springfield",
    ),
    (
        "r1",
        "region",
        "North Sea",
        "",
        "",
        "",
        "56",
        "3",
        "5000000",
        "0",
        "FRE|SYL",
        "",
        "",
        "north sea|north",
    ),
]


def _write(path: Path, rows: list[tuple[str, ...]] = ROWS, credit: str = "invented") -> Path:
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(f"# flashpoint gazetteer format {FORMAT_VERSION}\n# credit: {credit}\n")
        f.write("\t".join(COLUMNS) + "\n")
        f.writelines("\t".join(row) + "\n" for row in rows)
    return path


@pytest.fixture()
def source(tmp_path: Path) -> Path:
    return _write(tmp_path / "tiny.tsv.gz")


def _keys() -> list[str]:
    keys = {k.removeprefix("=") for row in ROWS for k in row[-1].split("|")}
    return sorted(keys) + ["the springfield", "nowhere", ""]


def test_compiled_answers_every_key_as_the_whole_file_does(source: Path, tmp_path: Path) -> None:
    compiled = open_compiled(source, tmp_path / "cache")
    memory = read_gazetteer(source)
    assert isinstance(compiled, CompiledGazetteer) and isinstance(memory, MemoryGazetteer)
    for key in _keys():
        assert compiled.lookup(key) == memory.lookup(key), key
        assert (key in compiled) == (key in memory), key
    # a name listed twice for one place keeps both entries, in the file's order
    assert [p.id for p in compiled.lookup("springfield")] == ["t1", "t1", "t2"]
    assert compiled.places == memory.places
    assert compiled.countries == memory.countries and compiled.admin1s == memory.admin1s
    assert compiled.credit == memory.credit == "invented"


def test_compiled_places_keep_every_field(source: Path, tmp_path: Path) -> None:
    town = open_compiled(source, tmp_path).lookup("sprinfield")[0]
    assert (town.name, town.country, town.admin1, town.admin2) == (
        "Springfield",
        "FRE",
        "Upper Vale",
        "Dale",
    )
    assert (town.lat, town.lon, town.population, town.capital) == (11.1, 21.2, 50000, True)
    assert (town.feature_code, town.geonameid, town.aliases) == ("PPLC", "102", ("springfield",))
    sea = open_compiled(source, tmp_path).lookup("north")[0]
    assert sea.country is None and sea.countries == ("FRE", "SYL") and sea.geonameid is None
    assert open_compiled(source, tmp_path).admin1("FRE", "Uppervale").id == "a1"


def test_the_cache_is_named_by_content_so_a_changed_source_is_recompiled(
    source: Path, tmp_path: Path
) -> None:
    first = compiled_path(source, tmp_path)
    open_compiled(source, tmp_path)
    assert first.exists()
    _write(source, ROWS[:2])
    second = compiled_path(source, tmp_path)
    assert second != first
    assert open_compiled(source, tmp_path).lookup("springfield") == []


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FLASHPOINT_CACHE_DIR", str(tmp_path / "fp"))
    assert cache_dir() == tmp_path / "fp"
    monkeypatch.delenv("FLASHPOINT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "flashpoint"


def test_pickled_and_threaded_use_reopen_the_file(source: Path, tmp_path: Path) -> None:
    compiled = open_compiled(source, tmp_path)
    copy = pickle.loads(pickle.dumps(compiled))
    assert copy.lookup("freedonia") == compiled.lookup("freedonia")
    seen: list[list[str]] = []
    fresh = CompiledGazetteer(compiled.path)  # nothing cached yet: the thread must query
    thread = threading.Thread(target=lambda: seen.append([p.id for p in fresh.lookup("north")]))
    thread.start()
    thread.join()
    assert seen == [["r1"]]


def test_a_bad_source_is_a_data_file_error_and_leaves_no_cache(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tsv.gz"
    with gzip.open(bad, "wt", encoding="utf-8") as f:
        f.write("# something else\nid\tname\n")
    with pytest.raises(DataFileError, match="build_gazetteer"):
        open_compiled(bad, tmp_path / "cache")
    assert not any((tmp_path / "cache").iterdir())
    short = _write(tmp_path / "short.tsv.gz", [ROWS[0][:5]])
    with pytest.raises(DataFileError, match="row 1 has 5 columns"):
        open_compiled(short, tmp_path / "cache")
    with pytest.raises(DataFileError, match="rebuild"):
        open_compiled(tmp_path / "missing.tsv.gz", tmp_path / "cache")


def test_without_a_writable_cache_the_file_is_read_whole(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where the cache directory should be")
    monkeypatch.setenv("FLASHPOINT_CACHE_DIR", str(blocker / "cache"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        gaz = load_gazetteer.__wrapped__(str(source))
    assert isinstance(gaz, MemoryGazetteer)
    assert [p.id for p in gaz.lookup("freedonia")] == ["c1"]
    assert "FLASHPOINT_CACHE_DIR" in str(caught[0].message)


def test_the_shipped_gazetteer_is_used_compiled() -> None:
    gaz = load_gazetteer()
    assert isinstance(gaz, CompiledGazetteer)
    assert gaz.country("PAK") is not None and gaz.country("PAK").name == "Pakistan"
