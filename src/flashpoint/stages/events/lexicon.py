"""The trigger lexicon (data/events/triggers.tsv): which words report which PLOVER events."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from flashpoint.errors import DataFileError, OntologyError
from flashpoint.ontology import load_ontology

_POS = {"V": ("VERB", "AUX"), "N": ("NOUN", "PROPN"), "A": ("ADJ",), "*": ()}
_COND_KEYS = frozenset(
    [
        "obj",
        "prep",
        "prt",
        "xcomp",
        "not_xcomp",
        "not_obj",
        "not_taken_by",
        "not_prep",
        "subj",
        "not_subj",
        "not_actor",
        "not_subj_mod",
        "mod",
        "not_mod",
        "subj_or_mod",
        "head",
        "not_head",
        "purpose",
        "clause",
        "sent",
        "not_sent",
    ]
)


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    """One row of the lexicon."""

    lemma: str  # possibly several words: "air strike", "call for"
    pos: str  # V, N, A or *
    event_type: str
    mode: str | None
    contexts: tuple[str, ...]
    cond: dict[str, frozenset[str]] = field(default_factory=dict)
    weight: float = 0.7

    @property
    def words(self) -> list[str]:
        return self.lemma.split()

    def pos_ok(self, pos: str) -> bool:
        allowed = _POS[self.pos]
        return not allowed or pos in allowed


_NEAR = 6  # how far (in words) a phrase's other words may be from its head word


@dataclass(frozen=True, slots=True)
class Requirement:
    """What a sentence must also hold for one entry to be possible there: words anywhere
    (object conditions, cue words), and the phrase's other words next to the head word
    ("called ... off" after "called", "air" just before "strike")."""

    anywhere: tuple[frozenset[str], ...] = ()
    after: tuple[frozenset[str], ...] = ()
    before: tuple[frozenset[str], ...] = ()

    def met(self, word: str, words: set[str], tokens: Sequence[str] | None) -> bool:
        if not all(words & alternatives for alternatives in self.anywhere):
            return False
        if tokens is None:
            return all(words & alts for alts in self.after + self.before)
        if not (self.after or self.before):
            return True
        return any(self._near(tokens, i) for i, tok in enumerate(tokens) if tok == word)

    def _near(self, tokens: Sequence[str], i: int) -> bool:
        after = set(tokens[i + 1 : i + 1 + _NEAR])
        before = set(tokens[max(0, i - 3) : i])
        return all(after & alts for alts in self.after) and all(
            before & alts for alts in self.before
        )


@dataclass(frozen=True, slots=True)
class TriggerLexicon:
    version: str
    entries: tuple[TriggerEntry, ...]
    by_first: dict[str, tuple[TriggerEntry, ...]]
    surface_forms: frozenset[str]
    # head surface form -> what else the sentence needs, one requirement per entry
    requirements: dict[str, tuple[Requirement, ...]]
    # the file's word lists by name ("@accidents")
    lists: dict[str, frozenset[str]] = field(default_factory=dict)

    def sentence_may_report(
        self, words: set[str], tokens: Sequence[str] | None = None
    ) -> list[str]:
        """The trigger words of a sentence (its lower-cased words; `tokens`, the same in
        text order, lets phrases be checked for adjacency) whose entries' other words and
        object conditions also occur in it: a cheap test before parsing."""
        return [
            w
            for w in words & self.surface_forms
            if any(req.met(w, words, tokens) for req in self.requirements[w])
        ]

    def lookup(self, lemma: str) -> tuple[TriggerEntry, ...]:
        return self.by_first.get(lemma, ())


def _parse_cond(
    raw: str, lineno: int, lists: dict[str, frozenset[str]] | None = None
) -> dict[str, frozenset[str]]:
    """`key=a|b|c;...`; a value `@name` stands for the word list `@name = ...` defined
    earlier in the file."""
    cond: dict[str, frozenset[str]] = {}
    if raw == "-":
        return cond
    for part in raw.split(";"):
        key, _, values = part.partition("=")
        if key not in _COND_KEYS:
            raise DataFileError(
                f"triggers.tsv line {lineno}: unknown condition {key!r}; "
                f"use one of {sorted(_COND_KEYS)}"
            )
        words = frozenset(
            w for v in values.split("|") if v for w in _expand(v, lists or {}, lineno)
        )
        if not words:
            raise DataFileError(f"triggers.tsv line {lineno}: condition {key!r} lists no words")
        cond[key] = words
    return cond


def _expand(value: str, lists: dict[str, frozenset[str]], lineno: int) -> frozenset[str]:
    if not value.startswith("@"):
        return frozenset({value})
    if value not in lists:
        raise DataFileError(
            f"triggers.tsv line {lineno}: word list {value} is not defined above it "
            f"(write `{value} = word|word` on a line of its own)"
        )
    return lists[value]


_LIST_LINE = re.compile(r"^(@[a-z_]+)\s*=\s*(\S+)$")


def parse_lexicon(text: str) -> tuple[str, list[TriggerEntry]]:
    """Parse the TSV text of a trigger lexicon; raise DataFileError naming bad lines."""
    onto = load_ontology()
    version = "unknown"
    entries: list[TriggerEntry] = []
    lists: dict[str, frozenset[str]] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if line.startswith("# flashpoint trigger lexicon, version"):
            version = line.rsplit(" ", 1)[-1]
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        named = _LIST_LINE.match(line)
        if named:
            lists[named.group(1)] = frozenset(w for w in named.group(2).split("|") if w)
            continue
        cols = line.split("\t")
        if len(cols) != 7:
            raise DataFileError(f"triggers.tsv line {lineno}: expected 7 columns, got {len(cols)}")
        lemma, pos, etype, mode, contexts, cond, weight = cols
        mode_v = None if mode == "-" else mode
        try:
            onto.check(etype, mode_v)
        except OntologyError as exc:
            raise DataFileError(f"triggers.tsv line {lineno}: {exc}") from exc
        if pos not in _POS:
            raise DataFileError(f"triggers.tsv line {lineno}: pos must be V, N, A or *")
        if lemma != lemma.lower().strip() or not lemma:
            raise DataFileError(f"triggers.tsv line {lineno}: lemma must be lower case")
        ctx = tuple(c for c in contexts.split(",") if c and c != "-")
        bad = [c for c in ctx if c not in onto.contexts]
        if bad:
            raise DataFileError(f"triggers.tsv line {lineno}: unknown contexts {bad}")
        entries.append(
            TriggerEntry(
                lemma,
                pos,
                etype,
                mode_v,
                ctx,
                _parse_cond(cond, lineno, lists),
                _weight(weight, lineno),
            )
        )
    return version, entries


def word_lists(text: str) -> dict[str, frozenset[str]]:
    """The `@name = a|b|c` word lists of a lexicon's text, by name."""
    out = {}
    for line in text.splitlines():
        named = _LIST_LINE.match(line)
        if named:
            out[named.group(1)] = frozenset(w for w in named.group(2).split("|") if w)
    return out


def _weight(raw: str, lineno: int) -> float:
    try:
        w = float(raw)
    except ValueError:
        w = -1.0
    if not 0.0 < w <= 1.0:
        raise DataFileError(f"triggers.tsv line {lineno}: weight must be a number in (0, 1]")
    return w


@cache
def load_trigger_lexicon() -> TriggerLexicon:
    path = resources.files("flashpoint.data").joinpath("events/triggers.tsv")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(
            "data/events/triggers.tsv is missing; reinstall flashpoint (`make install`)"
        ) from exc
    version, entries = parse_lexicon(text)
    by_first: dict[str, list[TriggerEntry]] = {}
    for e in entries:
        by_first.setdefault(e.words[0], []).append(e)
    # conditioned and multi-word rows are tried first
    ordered = {
        k: tuple(sorted(v, key=lambda e: (not e.cond and len(e.words) == 1, -len(e.words))))
        for k, v in by_first.items()
    }
    requirements: dict[str, list[Requirement]] = {}
    for e in entries:
        head, req = _requirement(e)
        for form in inflections(head, noun=e.pos == "N"):
            requirements.setdefault(form, []).append(req)
    return TriggerLexicon(
        version,
        tuple(entries),
        ordered,
        frozenset(requirements),
        {k: tuple(v) for k, v in requirements.items()},
        word_lists(text),
    )


_SMALL_WORDS = frozenset({"a", "an", "the", "of"})


def _requirement(e: TriggerEntry) -> tuple[str, Requirement]:
    """The word an entry is indexed by, and what else a sentence needs for it."""
    head, rest = _head_and_rest(e)
    phrase = tuple(frozenset(inflections(w, noun=e.pos == "N")) for w in rest)
    anywhere = [_forms(e.cond[key]) for key in ("obj", "head", "sent") if key in e.cond]
    if "xcomp" in e.cond and "*" not in e.cond["xcomp"]:
        anywhere.append(_forms(e.cond["xcomp"]))
    if "purpose" in e.cond:
        anywhere.append(_forms(e.cond["purpose"]))
    # a preposition follows its head closely ("war on", "call for")
    preps = (e.cond["prep"],) if "prep" in e.cond else ()
    if e.pos == "N":
        return head, Requirement(tuple(anywhere), after=preps, before=phrase)
    return head, Requirement(tuple(anywhere), after=phrase + preps)


def _forms(words: frozenset[str]) -> frozenset[str]:
    return frozenset(f for w in words for f in inflections(w) | inflections(w, noun=True))


def _head_and_rest(e: TriggerEntry) -> tuple[str, list[str]]:
    """The word a sentence is indexed by, and the other content words it needs."""
    words = e.words
    head = words[-1] if e.pos == "N" else words[0]
    # a hyphen ("shoot - out") is its own token in the parse but not a word of the lexical pass
    rest = [w for w in words if w != head and w not in _SMALL_WORDS and w != "-"]
    return head, rest


_IRREGULAR: dict[str, tuple[str, ...]] = {
    "shoot": ("shot",),
    "fight": ("fought",),
    "strike": ("struck", "stricken"),
    "meet": ("met",),
    "send": ("sent",),
    "hold": ("held",),
    "take": ("took", "taken"),
    "seek": ("sought",),
    "freeze": ("froze", "frozen"),
    "beat": ("beaten",),
    "withdraw": ("withdrew", "withdrawn"),
    "wound": ("wounded",),
    "lay": ("laid",),
    "flee": ("fled",),
    "sell": ("sold",),
    "give": ("gave", "given"),
    "go": ("went", "gone"),
    "overrun": ("overran",),
    "forbid": ("forbade", "forbidden"),
    "mow": ("mown",),
    "bring": ("brought",),
    "lead": ("led",),
    "swear": ("swore", "sworn"),
    "break": ("broke", "broken"),
    "blow": ("blew", "blown"),
    "throw": ("threw", "thrown"),
    "steal": ("stole", "stolen"),
    "pay": ("paid",),
    "win": ("won",),
    "sign": ("signed",),
    "hit": ("hit",),
    "cut": ("cut",),
    "set": ("set",),
    "shut": ("shut",),
    "put": ("put",),
    "retake": ("retook", "retaken"),
    "bid": ("bid",),
    "speak": ("spoke", "spoken"),
    "fly": ("flew", "flown"),
    "tear": ("tore", "torn"),
    "bear": ("bore", "borne"),
    "rise": ("rose", "risen"),
    "find": ("found",),
    "fall": ("fell", "fallen"),
    "drive": ("drove", "driven"),
    "run": ("ran",),
    "build": ("built",),
    "stand": ("stood",),
    "begin": ("began", "begun"),
    "undertake": ("undertook", "undertaken"),
    "overtake": ("overtook", "overtaken"),
    "forgive": ("forgave", "forgiven"),
    "withhold": ("withheld",),
    "keep": ("kept",),
    "leave": ("left",),
    "deal": ("dealt",),
    "catch": ("caught",),
    "write": ("wrote", "written"),
    "sink": ("sank", "sunk"),
    "hang": ("hung", "hanged"),
    "sweep": ("swept",),
    "spread": ("spread",),
    "quit": ("quit",),
    "sentence": ("sentenced",),
    "sit-in": ("sit-ins",),
    "slay": ("slew", "slain"),
    "sit": ("sat",),
    "initial": ("initialled", "initialling"),
}


def inflections(word: str, noun: bool = False) -> set[str]:
    """Surface forms a lemma may take in text (generous: it only selects sentences)."""
    w = word.lower()
    if noun:
        plural = {w[:-1] + "ies"} if w.endswith("y") and w[-2:-1] not in tuple("aeiou") else set()
        return {w, w + "s", w + "es"} | plural
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou" and w[-3] not in "aeiou":
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    if w.endswith("ize"):
        forms |= inflections(w[:-3] + "ise")
    forms |= set(_IRREGULAR.get(w, ()))
    return forms
