"""Faster stand-ins for spaCy's `attribute_ruler` and `lemmatizer`, built from the model's
own rules and giving exactly their output.

The attribute ruler of `en_core_web_sm` maps fine-grained tags to coarse POS tags and
morphology, with a few word-specific exceptions. It is a token `Matcher` over ~180 patterns
and costs about a fifth of parsing a sentence. Its patterns are almost all single-token
tests of TAG, LOWER and DEP, so they are indexed here by their word or tag, and only the few
that match neither are tried on every token. Rules apply in pattern order, later ones
taking precedence, exactly as the attribute ruler does (checked by the tests against the
real component).

A token test looks only at a token's form, tag and dependency label, so which single-token
patterns match, and which longer patterns' first token matches, is remembered per (form,
tag, label) for the life of the process; only the rest of those few longer patterns is tried
in context.

The lemmatizer's rules depend only on a token's form, POS and morphology, so its answers are
remembered per (form, POS, morphology) for the life of the process; the lemmatizer itself
computes each new combination.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Token = Any
Doc = Any
Spec = dict[str, Any]


def _value_test(value: Any) -> Callable[[Any], bool]:
    if not isinstance(value, dict):
        return lambda v: v == value
    if "IN" in value:
        allowed = set(value["IN"])
        return lambda v: v in allowed
    if "NOT_IN" in value:
        banned = set(value["NOT_IN"])
        return lambda v: v not in banned
    if "REGEX" in value:
        rx = re.compile(value["REGEX"])
        return lambda v: bool(rx.search(v))
    raise ValueError(f"unsupported attribute-ruler test {value!r}")


_GETTERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
    "ORTH": lambda t: t.text,
}


@dataclass(slots=True)
class _Rule:
    order: int
    specs: list[list[tuple[Callable[[Token], Any], Callable[[Any], bool]]]]
    attrs: dict[str, str]
    index: int

    def matches_at(self, doc: Doc, i: int) -> bool:
        return self.first_matches(doc[i]) and self.rest_matches(doc, i)

    def first_matches(self, tok: Token) -> bool:
        """The test of the first token, which depends on its (form, tag, label) alone."""
        return all(test(get(tok)) for get, test in self.specs[0])

    def rest_matches(self, doc: Doc, i: int) -> bool:
        """The tests of the tokens after the first, in context."""
        if i + len(self.specs) > len(doc):
            return False
        specs = self.specs
        return all(test(get(doc[i + k])) for k in range(1, len(specs)) for get, test in specs[k])


def _compile(spec: Spec) -> list[tuple[Callable[[Token], Any], Callable[[Any], bool]]]:
    return [(_GETTERS[key], _value_test(value)) for key, value in spec.items()]


def _index_keys(spec: Spec) -> list[tuple[str, str]]:
    """Where to file a rule: under each word it needs, else each tag, else nowhere."""
    for key in ("LOWER", "TAG"):
        value = spec.get(key)
        if isinstance(value, str):
            return [(key, value)]
        if isinstance(value, dict) and "IN" in value:
            return [(key, v) for v in value["IN"]]
    return []


class FastAttributes:
    """Sets POS, MORPH, LEMMA (and the odd TAG/DEP) as the model's attribute ruler does."""

    def __init__(self, patterns: list[dict[str, Any]]) -> None:
        self.by_key: dict[tuple[str, str], list[_Rule]] = {}
        self.always: list[_Rule] = []
        self._cache: dict[tuple[str, str], list[_Rule]] = {}
        # (orth, tag, dep) ids -> the single-token rules that match, and the longer rules
        # to try in context
        self._at: dict[tuple[int, int, int], _Known] = {}
        for order, p in enumerate(patterns):
            for alternative in p["patterns"]:
                rule = _Rule(
                    order, [_compile(s) for s in alternative], dict(p["attrs"]), p["index"]
                )
                keys = _index_keys(alternative[0])
                for key in keys:
                    self.by_key.setdefault(key, []).append(rule)
                if not keys:
                    self.always.append(rule)

    @classmethod
    def from_nlp(cls, nlp: Any) -> FastAttributes:
        return cls(nlp.get_pipe("attribute_ruler").patterns)

    def rules_for(self, lower: str, tag: str) -> list[_Rule]:
        key = (lower, tag)
        rules = self._cache.get(key)
        if rules is None:
            rules = (
                self.by_key.get(("LOWER", lower), [])
                + self.by_key.get(("TAG", tag), [])
                + self.always
            )
            self._cache[key] = rules
        return rules

    def _rules_at(self, doc: Doc, i: int, key: tuple[int, int, int]) -> _Known:
        """The single-token rules that match token `i`, and the longer rules whose first
        token matches it (the rest of which are tried in context)."""
        known = self._at.get(key)
        if known is None:
            tok = doc[i]
            rules = [r for r in self.rules_for(tok.lower_, tok.tag_) if r.first_matches(tok)]
            single = [r for r in rules if len(r.specs) == 1]
            known = self._at[key] = _Known(single, [r for r in rules if len(r.specs) > 1])
        return known

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import DEP, ORTH, TAG

        rows = doc.to_array([ORTH, TAG, DEP]).tolist()
        known = [
            self._rules_at(doc, i, (orth, tag, dep)) for i, (orth, tag, dep) in enumerate(rows)
        ]
        longer = [
            (rule.order, i, rule)
            for i, k in enumerate(known)
            if k.longer
            for rule in k.longer
            if rule.rest_matches(doc, i)
        ]
        if longer:
            _apply_in_order(doc, known, longer)
            return doc
        # no longer rule matched: a single-token rule sets only its own token, and a later
        # value replaces an earlier one, so each token takes its rules' values merged in
        # order (remembered with them) at once, not rule by rule after a sort
        for i, k in enumerate(known):
            if k.merged:
                _set(doc[i], k.merged)
        return doc


@dataclass(slots=True)
class _Known:
    """The rules whose test of their first token matches one (form, tag, label)."""

    single: list[_Rule]  # the single-token rules, which apply
    longer: list[_Rule]  # the longer rules, to try in context
    merged: dict[str, str] = field(init=False)  # what the single rules set, later ones winning

    def __post_init__(self) -> None:
        self.merged = {}
        for rule in sorted(self.single, key=lambda r: r.order):  # stable, as in _apply_in_order
            self.merged.update(rule.attrs)


def _apply_in_order(doc: Doc, known: list[_Known], longer: list[tuple[int, int, _Rule]]) -> None:
    """Every matching rule, in pattern order (then token order), as the attribute ruler does."""
    found = [(rule.order, i, rule) for i, k in enumerate(known) for rule in k.single] + longer
    found.sort(key=lambda f: (f[0], f[1]))
    for _, start, rule in found:
        index = rule.index if rule.index >= 0 else len(rule.specs) + rule.index
        _set(doc[start + index], rule.attrs)


def _set(tok: Token, attrs: dict[str, str]) -> None:
    for key, value in attrs.items():
        if key == "POS":
            tok.pos_ = value
        elif key == "MORPH":
            tok.set_morph(value)
        elif key == "LEMMA":
            tok.lemma_ = value
        elif key == "TAG":
            tok.tag_ = value
        elif key == "DEP":
            tok.dep_ = value


class FastRuleLemmatizer:
    """spaCy's rule lemmatizer (`Lemmatizer.rule_lemmatize`) with the same tables and the same
    answers, but with each part of speech's word index as a set: spaCy keeps it as a list of
    up to 57,000 words and scans it for every candidate form of every new word."""

    def __init__(self, component: Any) -> None:
        self.component = component  # for its language's is_base_form
        self.index = component.lookups.get_table("lemma_index", {})
        self.exceptions = component.lookups.get_table("lemma_exc", {})
        self.rules = component.lookups.get_table("lemma_rules", {})
        self._index_sets: dict[str, frozenset[str]] = {}

    def _index(self, univ_pos: str) -> frozenset[str]:
        found = self._index_sets.get(univ_pos)
        if found is None:
            found = self._index_sets[univ_pos] = frozenset(self.index.get(univ_pos, ()))
        return found

    def lemmatize(self, token: Token) -> list[str]:
        string, univ_pos = token.text, token.pos_.lower()
        if univ_pos in ("", "eol", "space") or self.component.is_base_form(token):
            return [string.lower()]
        parts = (self.index.get(univ_pos), self.exceptions.get(univ_pos), self.rules.get(univ_pos))
        if not any(parts):
            return [string] if univ_pos == "propn" else [string.lower()]
        return self._by_rules(string, univ_pos)

    def _by_rules(self, orig: str, univ_pos: str) -> list[str]:
        index = self._index(univ_pos)
        string = orig.lower()
        forms: list[str] = []
        oov_forms: list[str] = []
        for old, new in self.rules.get(univ_pos, {}):
            if string.endswith(old):
                form = string[: len(string) - len(old)] + new
                if not form:
                    continue
                if form in index:
                    forms.insert(0, form)
                elif not form.isalpha():
                    forms.append(form)
                else:
                    oov_forms.append(form)
        forms = list(dict.fromkeys(forms))
        for form in self.exceptions.get(univ_pos, {}).get(string, []):
            if form not in forms:
                forms.insert(0, form)
        return forms or oov_forms or [orig]


class FastMorphology:
    """Attribute ruler, then lemmatizer, in one pass over each parsed sentence."""

    def __init__(self, nlp: Any) -> None:
        self.attributes = FastAttributes.from_nlp(nlp)
        component = nlp.get_pipe("lemmatizer")
        rule_mode = getattr(component, "mode", "") == "rule"
        self.lemmatizer = FastRuleLemmatizer(component) if rule_mode else component
        self._lemmas: dict[tuple[int, int, int], int] = {}  # -> the lemma's string id

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import LEMMA, MORPH, ORTH, POS

        self.attributes(doc)
        lemmas, strings = self._lemmas, doc.vocab.strings
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        todo = False
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma != 0:
                continue  # set by an attribute rule
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            rows[i, 3] = found
            todo = True
        if todo:
            doc.from_array([LEMMA], rows[:, 3:4])
        return doc
