"""Dependency-tree helpers: which tokens 'belong' to an event, where a date hangs.

Works on a spaCy `Doc` of one sentence; the article offset of a token is
`sentence.start + token.idx`.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

Token = Any  # spacy.tokens.Token (spaCy is imported lazily elsewhere)

# a noun trigger shares the time of the verb it is an argument of ("launched airstrikes
# Thursday"); prepositions that keep the time ("a round of strikes", "killed in clashes")
_NOUN_UP = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "oprd", "appos", "conj", "dative"})
_VERB_UP = frozenset({"conj", "xcomp"})
_SAME_TIME_PREPS = frozenset({"of", "in", "during"})
# a clause on the trigger that tells what it did ("a bombing that killed 90 earlier this month")
_OWN_CLAUSES = frozenset({"relcl", "acl"})
# clauses with a time of their own ("the town, which they captured in 2019")
_SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "csubj", "parataxis"})


def _token_starts(parsed: Any) -> list[int]:
    """The sentence offset of each token, computed once per parse (kept in its user data)."""
    starts = parsed.user_data.get("flashpoint_token_starts")
    if starts is None:
        starts = parsed.user_data["flashpoint_token_starts"] = [t.idx for t in parsed]
    return starts


def tokens_in(parsed: Any, start: int, end: int) -> list[Token]:
    """The tokens of `parsed` overlapping sentence offsets [start, end). Tokens do not
    overlap, so the first candidate is the last one starting at or before `start`."""
    starts = _token_starts(parsed)
    out = []
    for j in range(max(bisect_right(starts, start) - 1, 0), len(starts)):
        if starts[j] >= end:
            break
        tok = parsed[j]
        if tok.idx + len(tok.text) > start:
            out.append(tok)
    return out


def span_root(parsed: Any, start: int, end: int) -> Token | None:
    """The syntactic head of the tokens in [start, end) (None where there are none)."""
    toks = tokens_in(parsed, start, end)
    inside = {t.i for t in toks}
    for t in toks:
        if t.head.i not in inside or t.head.i == t.i:
            return t
    return toks[0] if toks else None


def step_up(tok: Token) -> list[Token]:
    """The tokens passed when a token's time is inherited from above (empty: it is not)."""
    head = tok.head
    if head.i == tok.i:
        return []
    if tok.dep_ == "pobj" and head.lower_ in _SAME_TIME_PREPS and head.head.i != head.i:
        return [head, head.head]
    if tok.dep_ in _NOUN_UP and tok.pos_ in ("NOUN", "PROPN", "PRON"):
        return [head]
    if tok.dep_ in _VERB_UP:
        return [head]
    participle = tok.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in tok.children)
    if tok.dep_ == "advcl" and participle:
        return [head]
    return []


def event_nodes(trigger: Token, blocking: set[int]) -> dict[int, int]:
    """Token index -> level for the tokens whose temporal modifiers belong to the event.

    Level 0: the trigger and the clauses on it that are not events themselves; then each
    step up the tree (see `step_up`) adds one level. Climbing stops below a token in
    `blocking` (the trigger of a different event)."""
    nodes = {trigger.i: 0}
    for child in trigger.children:
        if (child.dep_ in _OWN_CLAUSES and child.i not in blocking) or _at_the_time(child):
            nodes[child.i] = 0
    for noun in _occasions(trigger):
        nodes.setdefault(noun.i, 1)
    tok, level = trigger, 0
    while True:
        passed = step_up(tok)
        if not passed or any(t.i in blocking for t in passed):
            return nodes
        level += 1
        for t in passed:
            nodes.setdefault(t.i, level)
        tok = passed[-1]


_AT_THE_TIME = frozenset({"when", "while"})


def _at_the_time(clause: Token) -> bool:
    """A "when" or "while" clause on the trigger ("six men were killed when two clans fought
    near Wabag on Tuesday"): what it tells happened at the event's time, so its day is the
    event's, before the day of the verb that reports it ("police said on Thursday that")."""
    return clause.dep_ == "advcl" and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _AT_THE_TIME for c in clause.children
    )


_OCCASION_PREPS = frozenset({"in", "during"})


def _occasions(trigger: Token) -> list[Token]:
    """The nouns of the trigger's own "in"/"during" phrases, or of a verb conjoined to it
    ("were killed in Wednesday's blast", "four were killed and six wounded during a raid on
    Tuesday"): what happened in them happened when they did, so their dates are the
    trigger's."""
    verbs = [trigger, *(c for c in trigger.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return [
        noun
        for verb in verbs
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in _OCCASION_PREPS
        for noun in prep.children
        if noun.dep_ == "pobj" and noun.pos_ == "NOUN"
    ]


def reporting_before(parsed: Any, start: int, reporting: frozenset[str]) -> Token | None:
    """The reporting verb right before a temporal expression at sentence offset `start`
    ("said on Monday its jets had killed ...", "announced Tuesday"): the day is the
    statement's, however the parser attached it."""
    toks = tokens_in(parsed, start, start + 1) if parsed is not None else []
    first = toks[0] if toks and toks[0].idx == start else None
    if first is None or first.i == 0:
        return None
    before = parsed[first.i - 1]
    if before.lower_ == "on" and before.i > 0:
        before = parsed[before.i - 1]
    if before.pos_ in ("VERB", "AUX") and before.lemma_.lower() in reporting:
        return before
    return None


def attachment(parsed: Any, start: int, end: int) -> Token | None:
    """The token a temporal expression at sentence offsets [start, end) modifies: the head
    of its root, skipping a preposition ("on Tuesday" -> the verb)."""
    root = span_root(parsed, start, end)
    if root is None:
        return None
    head = root.head
    if head.i == root.i:
        return root
    if head.dep_ == "prep" or head.pos_ == "ADP":
        return head.head
    return head


def clause_of(tok: Token) -> Token:
    """The head of the clause a token is in: the sentence root, or the head of the
    subordinate clause (relative, adverbial, complement) around it."""
    while tok.dep_ not in _SUBORDINATE and tok.head.i != tok.i and not reduced_relative(tok):
        tok = tok.head
    return tok


_EXAMPLE_WORDS = frozenset({"including", "like", "notably", "especially"})


def in_example(tok: Token, clause: Token) -> bool:
    """The token is in a phrase that names one of many ("have killed dozens since 2021,
    including an assault on 8 January"): a date there is that one's, not the clause's."""
    while tok.i != clause.i and tok.head.i != tok.i:
        if tok.lower_ in _EXAMPLE_WORDS and tok.dep_ in ("prep", "advmod", "cc"):
            return True
        if tok.lower_ == "as" and tok.i > 0 and tok.doc[tok.i - 1].lower_ == "such":
            return True
        tok = tok.head
    return False


def reduced_relative(tok: Token) -> bool:
    """A participle right after a noun, with no subject of its own and no "and" or comma
    joining it to the verb the parser made it a conjunct of ("urged them to return to the
    arrangements agreed in 2006"): a relative clause of that noun, with its own time."""
    if tok.dep_ != "conj" or tok.tag_ not in ("VBN", "VBD") or tok.i == 0:
        return False
    if tok.doc[tok.i - 1].pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
        return False
    head = tok.head
    joiners = [c for c in head.children if c.dep_ in ("cc", "punct") and head.i < c.i < tok.i]
    return not joiners


def shares_time(date_at: Token, trigger: Token) -> bool:
    """Whether a date on `date_at` dates `trigger` too, when the trigger has no date of its
    own: within one clause, and from the main clause to the verb of an adverbial clause
    ("while its fighters looted"), not to what that clause is about ("to protest against
    the killing of a rider"); likewise from a relative clause to the verb of an adverbial
    clause on it ("the town where 1,300 died in 2013 after the regime deployed sarin")."""
    home, there = clause_of(date_at), clause_of(trigger)
    if in_example(date_at, home):
        return False
    if home.i == there.i:
        return True
    if there.dep_ != "advcl" or there.i != trigger.i:
        return False
    return home.head.i == home.i or (
        home.dep_ in _OWN_CLAUSES and clause_of(there.head).i == home.i
    )
