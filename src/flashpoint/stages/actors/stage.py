"""The actor stage: find actor mentions in each sentence and resolve them.

For a parsed sentence, a mention is a noun chunk whose head word is an actor word or name
("Pakistan's air force", "the Iran-backed Houthis"), joined with its appositive name or title
("Pakistan's caretaker prime minister, Anwaar-ul-Haq Kakar") and with an "of"/"in" country
("the president of Armenia"). In a chunk whose head is no actor ("Tuesday's Iranian attack")
the actor names inside it are mentions of their own ("Iranian"). Named entities and
dictionary phrases outside every chunk are mentions too. Sentences that were not parsed get
their dictionary phrases, adjacent ones joined ("Pakistan's air force").

Spans are article offsets: sentence.start + offset in the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from flashpoint.config import CoderConfig
from flashpoint.document import ActorMention, Document, Sentence
from flashpoint.stages.actors.lexicon import STATE_KINDS, ActorLexicon, Match, load_actor_lexicon
from flashpoint.stages.actors.memory import DocMemory, acronym_definitions, is_anaphor
from flashpoint.stages.actors.resolve import ResolvedActor, resolve_matches
from flashpoint.stages.base import register_stage
from flashpoint.stages.places.mentions import REGION_WORDS

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
_JOIN_GAP = re.compile(r"^\s*(?:['’]s)?\s*$")
_MODIFIER_GAP = re.compile(r"^['’]s((?:\s+[a-z][a-z-]*){1,2})\s+$")
_GAP_STOPWORDS = frozenset(
    re.findall(
        r"\w+",
        "and or but nor the a an of in on at to from with by for against between than as is was "
        "were are be been has have had will would said says its their his her our this that",
    )
)
_NAMED = frozenset(STATE_KINDS | {"group", "org", "person"})
_PERSON = frozenset({"person"})
_LEADING_JUNK = frozenset({'"', "'", "“", "‘", "(", "[", "-", "—", "–"})


@dataclass
class _Phrase:
    """A candidate mention: sentence offsets [start, end), its head, and a learnt name."""

    start: int
    end: int
    head: tuple[int, int]
    name: tuple[int, int] | None = None  # a person's name introduced with a title
    has_agent: bool = False


@register_stage("flashpoint.actors.v1")
class ActorStage:
    name = "actors"
    requires: tuple[str, ...] = ("doc.sentences", "doc.parses")
    assigns: tuple[str, ...] = ("doc.actors",)

    @classmethod
    def from_config(cls, config: CoderConfig) -> ActorStage:
        return cls()

    def __call__(self, doc: Document) -> Document:
        lexicon = load_actor_lexicon()
        memory = DocMemory()
        for acronym, name in acronym_definitions(doc.text).items():
            meant = resolve_matches(lexicon, name, lexicon.scan(name), doc.pub_date)
            if meant.found and meant.country:
                memory.acronyms[acronym] = meant
        for sentence in doc.sentences:
            parsed = doc.parses.get(sentence.index)
            doc.actors.extend(_sentence_mentions(lexicon, sentence, parsed, doc.pub_date, memory))
        return doc


def _sentence_mentions(
    lexicon: ActorLexicon,
    sentence: Sentence,
    parsed: Any,
    when: date | None,
    memory: DocMemory,
) -> list[ActorMention]:
    matches = lexicon.scan(sentence.text)
    if parsed is None:
        phrases = _joined_matches(sentence.text, matches)
    else:
        phrases = _parsed_phrases(parsed, matches)
    mentions = []
    for phrase in sorted(phrases, key=lambda p: p.start):
        actor = _resolve_phrase(lexicon, sentence.text, phrase, matches, when, memory)
        if actor.found:
            mentions.append(_mention(sentence, phrase, actor))
    return mentions


def _mention(sentence: Sentence, phrase: _Phrase, actor: ResolvedActor) -> ActorMention:
    base = sentence.start
    return ActorMention(
        text=sentence.text[phrase.start : phrase.end],
        span=(base + phrase.start, base + phrase.end),
        sentence=sentence.index,
        name=actor.name,
        country=actor.country,
        sector=actor.sector,
        kind=actor.kind or "agent",
        head=(base + phrase.head[0], base + phrase.head[1]),
    )


# --- resolving one phrase, with the document's memory ----------------------------------------


def _inside(matches: list[Match], start: int, end: int) -> list[Match]:
    return [m.shifted(-start) for m in matches if start <= m.start and m.end <= end]


def _resolve_phrase(
    lexicon: ActorLexicon,
    text: str,
    phrase: _Phrase,
    matches: list[Match],
    when: date | None,
    memory: DocMemory,
) -> ResolvedActor:
    inner = _inside(matches, phrase.start, phrase.end)
    phrase_text = text[phrase.start : phrase.end]
    actor = resolve_matches(lexicon, phrase_text, inner, when)
    if not any(m.kind != "agent" for m in inner):
        recalled = memory.recall_person(phrase_text) or memory.recall_group(phrase_text)
        if recalled is not None:
            return recalled
    actor = _with_remembered_country(actor, phrase_text, inner, memory)
    if memory.acronyms:
        actor = memory.recall_acronym(actor, [phrase_text[m.start : m.end] for m in inner])
    _learn(memory, actor, text, phrase, inner)
    if phrase.name is not None and actor.kind != "person" and actor.country and actor.sector:
        name = text[phrase.name[0] : phrase.name[1]]  # "Chad's defence minister, <name>"
        return ResolvedActor(actor.text, name, actor.country, actor.sector, "person")
    return actor


def _with_remembered_country(
    actor: ResolvedActor, phrase_text: str, inner: list[Match], memory: DocMemory
) -> ResolvedActor:
    """A bare "the foreign ministry" after "Pakistan's foreign ministry" is Pakistan's."""
    agents = [m for m in inner if m.kind == "agent"]
    if actor.country or not agents or not phrase_text.lower().startswith("the "):
        return actor
    country = memory.recall_agent(phrase_text[agents[-1].start : agents[-1].end])
    if country is None:
        return actor
    return ResolvedActor(actor.text, actor.name, country, actor.sector, actor.kind)


def _learn(
    memory: DocMemory, actor: ResolvedActor, text: str, phrase: _Phrase, inner: list[Match]
) -> None:
    memory.learn_group(actor)
    agents = [m for m in inner if m.kind == "agent"]
    if agents and actor.country:
        last = agents[-1]
        memory.learn_agent(text[phrase.start + last.start : phrase.start + last.end], actor.country)
    if phrase.name is not None and actor.kind != "person":
        memory.learn_person(text[phrase.name[0] : phrase.name[1]], actor)


# --- phrases of an unparsed sentence ---------------------------------------------------------


def _joined_matches(text: str, matches: list[Match]) -> list[_Phrase]:
    phrases: list[_Phrase] = []
    for m in matches:
        last = phrases[-1] if phrases else None
        if last is not None and _joins(text[last.end : m.start], m, last.has_agent):
            last.end, last.head = m.end, (m.start, m.end)
            last.has_agent = last.has_agent or m.kind == "agent"
        else:
            phrases.append(_Phrase(m.start, m.end, (m.start, m.end), has_agent=m.kind == "agent"))
    return phrases


def _joins(gap: str, nxt: Match, after_agent: bool) -> bool:
    """Whether a dictionary phrase continues the previous one across `gap` (no parse)."""
    if _JOIN_GAP.match(gap):
        return True  # "American warplanes", "Pakistan's air force", "Secretary Blinken"
    if nxt.kind == "agent":  # "Pakistan's caretaker prime minister", not "Rebels fought troops"
        found = _MODIFIER_GAP.match(gap)
        return found is not None and not set(found.group(1).lower().split()) & _GAP_STOPWORDS
    return nxt.kind == "person" and after_agent and gap.strip() == ","


# --- phrases of a parsed sentence ------------------------------------------------------------


def _parsed_phrases(parsed: Any, matches: list[Match]) -> list[_Phrase]:
    chunks = {c.root.i: c for c in parsed.noun_chunks}
    used: set[int] = set()
    phrases: list[_Phrase] = []
    for root_i, chunk in chunks.items():
        if root_i in used:
            continue
        used.add(root_i)
        phrases.extend(_chunk_phrases(chunk, chunks, used, matches))
    claimed = [_span_of(c) for c in chunks.values()]
    phrases.extend(_leftovers(parsed, matches, phrases, claimed))
    return phrases


def _span_of(tokens: Any) -> tuple[int, int]:
    toks = [t for t in tokens if not (t.is_punct and t.text in _LEADING_JUNK)]
    toks = toks or list(tokens)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _token_span(token: Any) -> tuple[int, int]:
    return token.idx, token.idx + len(token.text)


def _covered(
    matches: list[Match], start: int, end: int, kinds: frozenset[str] | None = None
) -> list[Match]:
    return [
        m for m in matches if m.start < end and start < m.end and (kinds is None or m.kind in kinds)
    ]


def _chunk_phrases(
    chunk: Any, chunks: dict[int, Any], used: set[int], matches: list[Match]
) -> list[_Phrase]:
    start, end = _span_of(chunk)
    root = chunk.root
    phrase = _Phrase(start, end, _token_span(root))
    _join_appositive(phrase, chunk, chunks, used, matches)
    if not _covered(matches, *_token_span(root)) and phrase.name is None:
        bare_name = root.pos_ == "PROPN" or root.text.istitle()
        if bare_name or is_anaphor(chunk.text) or _covered(matches, start, end, _PERSON):
            return [phrase]  # a name or "the group": the document memory may know it
        named = _covered(matches, start, end, _NAMED - {"person"})
        return [_Phrase(m.start, m.end, (m.start, m.end)) for m in named]
    _join_country_pp(phrase, root, chunks, used, matches)
    return [phrase]


def _is_title(chunk: Any, matches: list[Match]) -> bool:
    return bool(_covered(matches, *_token_span(chunk.root), frozenset({"agent"})))


def _is_name(chunk: Any, matches: list[Match]) -> bool:
    return chunk.root.pos_ == "PROPN" and not _is_title(chunk, matches)


def _is_region(chunk: Any) -> bool:
    """A proper name before a capitalised region word ("Zamfara State", "Equateur Province")."""
    root = chunk.root
    return (
        root.lower_ in REGION_WORDS
        and root.text[:1].isupper()
        and any(t.dep_ == "compound" and t.pos_ == "PROPN" for t in root.lefts)
    )


def _join_appositive(
    phrase: _Phrase, chunk: Any, chunks: dict[int, Any], used: set[int], matches: list[Match]
) -> None:
    """ "the foreign minister, Jalil Abbas Jilani" and "Jilani, the foreign minister"."""
    for child in chunk.root.children:
        other = chunks.get(child.i)
        if child.dep_ != "appos" or other is None or child.i in used:
            continue
        if _is_region(chunk) or _is_region(other):
            continue  # "Zurmi, Zamfara State": a town and its state, not a name and a title
        title, name = (chunk, other) if _is_title(chunk, matches) else (other, chunk)
        if not (_is_title(title, matches) and _is_name(name, matches)):
            continue
        used.add(child.i)
        phrase.start = min(phrase.start, _span_of(other)[0])
        phrase.end = max(phrase.end, _span_of(other)[1])
        if not _covered(matches, *_span_of(name), _NAMED):
            phrase.name = _span_of(name)
        return


def _join_country_pp(
    phrase: _Phrase, root: Any, chunks: dict[int, Any], used: set[int], matches: list[Match]
) -> None:
    """ "the president of Armenia", "rebels in the Ivory Coast" (when the head has no country)."""
    inner = _inside(matches, phrase.start, phrase.end)
    if any(m.kind in _NAMED for m in inner) or not any(m.kind == "agent" for m in inner):
        return
    for prep in root.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "in"):
            continue
        for obj in prep.children:
            other = chunks.get(obj.i)
            if obj.dep_ != "pobj" or other is None or obj.i in used:
                continue
            o_start, o_end = _span_of(other)
            if _covered(matches, o_start, o_end, frozenset(STATE_KINDS)):
                used.add(obj.i)
                phrase.end = max(phrase.end, o_end)
                return


def _leftovers(
    parsed: Any, matches: list[Match], phrases: list[_Phrase], claimed: list[tuple[int, int]]
) -> list[_Phrase]:
    """Named entities and dictionary phrases outside every noun chunk."""
    extra: list[_Phrase] = []
    taken = claimed + [(p.start, p.end) for p in phrases]

    def free(start: int, end: int) -> bool:
        spans = taken + [(p.start, p.end) for p in extra]
        return all(end <= a or b <= start for a, b in spans)

    for ent in parsed.ents:
        start, end = _span_of(ent)
        if ent.label_ in _ENTITY_LABELS and free(start, end):
            extra.append(_Phrase(start, end, _token_span(ent.root)))
    for m in matches:
        if free(m.start, m.end):
            extra.append(_Phrase(m.start, m.end, (m.start, m.end)))
    return extra
