from __future__ import annotations

from flashpoint.stages.sentences import split_sentences


def _texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_splits_on_sentence_ends_and_keeps_offsets() -> None:
    text = "Troops entered the town. Residents fled!  Did the army stay? Nobody knows."
    parts = _texts(text)
    assert parts == [
        "Troops entered the town.",
        "Residents fled!",
        "Did the army stay?",
        "Nobody knows.",
    ]
    for (s, e), part in zip(split_sentences(text), parts, strict=True):
        assert text[s:e] == part


def test_abbreviations_and_initials_do_not_end_sentences() -> None:
    text = "Mr. Ruto met U.S. envoys on Jan. 3 in Nairobi. Gen. J. Okello was absent."
    assert _texts(text) == [
        "Mr. Ruto met U.S. envoys on Jan. 3 in Nairobi.",
        "Gen. J. Okello was absent.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    text = "“We will respond,” the minister said. “Now.” Talks resumed."
    assert _texts(text) == ["“We will respond,” the minister said.", "“Now.”", "Talks resumed."]


def test_paragraph_breaks_end_sentences() -> None:
    text = "Headline without a full stop\n\nThe first sentence follows."
    assert _texts(text) == ["Headline without a full stop", "The first sentence follows."]
