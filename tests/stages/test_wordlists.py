"""The word-list data files (data/events/acled_cues.tsv, data/events/modes.tsv,
data/places/cues.tsv) and their loader."""

from __future__ import annotations

import pytest

from flashpoint.errors import DataFileError
from flashpoint.stages.events import acled, modes
from flashpoint.stages.places import mentions
from flashpoint.stages.wordlists import load_word_lists, parse_word_lists

FILES = ("events/acled_cues.tsv", "events/modes.tsv", "places/cues.tsv")
GOOD = "# flashpoint test words, version 3\n# a comment\nlist\twords\nb\tz y\na\tx\nb\tw\n"


def test_rows_with_one_name_make_one_list_in_first_row_order() -> None:
    lists = parse_word_lists(GOOD, "test.tsv")
    assert lists.version == "3"
    assert lists.order == ("b", "a")
    assert lists["b"] == {"z", "y", "w"} and lists["a"] == {"x"}


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("list\twords\na\tx\n", "line 1: expected `# flashpoint <what>, version N`"),
        ("# flashpoint t, version 1\na\tx\ty\n", "line 2: expected 2 tab-separated columns"),
        ("# flashpoint t, version 1\n\na\t  \n", "line 3: list 'a' has no words"),
        ("# flashpoint t, version 1\na b\tx\n", "line 2: bad list name 'a b'"),
    ],
)
def test_a_malformed_file_names_its_line(text: str, says: str) -> None:
    with pytest.raises(DataFileError, match=says):
        parse_word_lists(text, "t.tsv")


def test_an_unknown_list_says_how_to_add_it() -> None:
    with pytest.raises(DataFileError, match="data/t.tsv has no word list 'c'; add a row"):
        parse_word_lists(GOOD, "t.tsv")["c"]


def test_a_missing_file_says_to_reinstall() -> None:
    with pytest.raises(DataFileError, match="data/events/nothing.tsv is missing; reinstall"):
        load_word_lists("events/nothing.tsv")


@pytest.mark.parametrize("path", FILES)
def test_the_shipped_files_load_once(path: str) -> None:
    lists = load_word_lists(path)
    assert lists.version == "1"
    assert lists.order and all(lists[name] for name in lists.order)
    assert load_word_lists(path) is lists


def test_the_modules_read_their_lists_from_the_files() -> None:
    cues = load_word_lists("events/acled_cues.tsv")
    assert acled._GRENADE == cues["grenade"] == {"grenade", "grenades"}
    assert "REB" in acled.ARMED and "GOV" not in acled.ARMED
    places = load_word_lists("places/cues.tsv")
    assert places["admin1_words"] == mentions.ADMIN1_WORDS
    assert "province" in mentions.ADMIN1_WORDS
    assert mentions._LOCATIVE_BEFORE.search("fighting near the ")
    assert not mentions._LOCATIVE_BEFORE.search("talks with")
    assault = dict(modes.mode_cues()["ASSAULT"])
    assert "drones" in assault["drone"] and "machete" in assault["primitive"]
    preps = load_word_lists("events/modes.tsv")["instrument_preps"]
    assert preps == {"with", "by", "from", "using"}
