"""Turning the dictionary tables into lexicon entries and case-rule variants.

The order of loading is the order of precedence when two actors claim the same alias
without a "!" marking either claim: countries, institutions, organisations, groups,
persons, agents, non-actor phrases. Every such clash is recorded in
`ActorLexicon.conflicts` (the data integrity test requires it to stay empty).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flashpoint.errors import DataFileError
from flashpoint.stages.actors.data import Table, parse_day, read_table, split_list
from flashpoint.stages.actors.lexicon import ActorLexicon, Entry, Period, Variant
from flashpoint.stages.actors.text import demonym_plural, fold, plural

EXTRA_CODES = frozenset({"XKX"})  # Kosovo: user-assigned, widely used, not in ISO 3166-1
ORG_CODES = frozenset({"UNO", "EUR", "IGO", "NGO", "MNC"})
ACTOR_CODES = ORG_CODES | {"IMG", "ISM"}

# kinds that refer to the same state; when they share an alias the more specific one wins
_STATE_RANK = {
    "seat": 0,
    "institution": 1,
    "capital": 2,
    "country": 3,
    "demonym": 4,
    "people": 5,
    "region": 6,
}


@dataclass
class _Claim:
    entries: list[Entry] = field(default_factory=list)
    forced: bool = False


@dataclass
class _Builder:
    """Collects alias -> entries under case rules, then settles clashes."""

    claims: dict[tuple[str, str | None, bool], _Claim] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)

    def add(self, alias: str, entry: Entry, proper: bool) -> None:
        alias, forced, exact = _parse_alias(alias)
        if not alias:
            return
        rule = (fold(alias), alias if exact else None, proper and not exact)
        claim = self.claims.setdefault(rule, _Claim())
        if forced and not claim.forced:
            claim.entries, claim.forced = [], True
        elif claim.forced and not forced:
            return
        if entry not in claim.entries:
            claim.entries.append(entry)

    def variants(self) -> dict[str, tuple[Variant, ...]]:
        out: dict[str, list[Variant]] = {}
        for (key, exact, proper), claim in self.claims.items():
            entries = self._settle(key, claim.entries)
            out.setdefault(key, []).append(Variant(exact, proper, tuple(entries)))
        # exact-case variants are tried first, then names, then generic words
        return {k: tuple(sorted(v, key=_variant_order)) for k, v in out.items()}

    def _settle(self, key: str, entries: list[Entry]) -> list[Entry]:
        if all(e.kind == "person" for e in entries):
            return entries  # namesakes and several offices: the date decides
        by_identity: dict[str, Entry] = {}
        for e in entries:
            best = by_identity.get(e.identity)
            if best is None or _STATE_RANK.get(e.kind, 9) < _STATE_RANK.get(best.kind, 9):
                by_identity[e.identity] = e
        kept = list(by_identity.values())
        if len(kept) > 1 and not all(e.kind == "person" for e in kept):
            where = "; ".join(f"{e.identity} ({e.source})" for e in kept)
            self.conflicts.append(f"{key!r} claimed by {where}")
            kept = kept[:1]
        return kept


def _variant_order(variant: Variant) -> tuple[bool, bool]:
    return (variant.exact is None, not variant.proper)


def _parse_alias(raw: str) -> tuple[str, bool, bool]:
    """(alias, forced, exact) from "!Congo", "=MoD", "US"..."""
    alias = raw.strip()
    forced = alias.startswith("!")
    alias = alias.lstrip("!")
    exact = alias.startswith("=")
    alias = alias.lstrip("=").strip()
    letters = [c for c in alias if c.isalpha()]
    if letters and len(letters) <= 3 and all(c.isupper() for c in letters):
        exact = True
    return alias, forced, exact


def build_lexicon() -> ActorLexicon:
    tables = {name: read_table(name) for name in _FILE_ORDER}
    sectors = {r["code"]: r["description"] for r in tables["sectors.tsv"].rows}
    countries = _country_names(tables["countries.tsv"], tables["countries_extra.tsv"])
    check = _Checker(set(countries), set(sectors))
    builder = _Builder()
    _add_countries(builder, tables["countries.tsv"], tables["countries_extra.tsv"], check)
    _add_regions(builder, tables["regions.tsv"], countries, check)
    _add_named(builder, tables["institutions.tsv"], "institution", "country", check)
    _add_named(builder, tables["orgs.tsv"], "org", "code", check)
    _add_groups(builder, tables["groups.tsv"], check)
    _add_persons(builder, tables["persons.tsv"], check)
    _add_agents(builder, tables["agents.tsv"], check)
    stops = tables["nonactors.tsv"]
    for row, line in zip(stops.rows, stops.lines, strict=True):
        stop = Entry("stop", None, None, None, source=f"nonactors.tsv:{line}")
        builder.add(row["phrase"], stop, False)
    return ActorLexicon(
        variants=builder.variants(),
        countries=countries,
        sectors=sectors,
        versions={name: t.version for name, t in tables.items()},
        conflicts=builder.conflicts,
    )


_FILE_ORDER = (
    "sectors.tsv",
    "countries.tsv",
    "countries_extra.tsv",
    "regions.tsv",
    "institutions.tsv",
    "orgs.tsv",
    "groups.tsv",
    "persons.tsv",
    "agents.tsv",
    "nonactors.tsv",
)


@dataclass(frozen=True)
class _Checker:
    """Rejects rows whose country or sector code is unknown, naming the file and line."""

    countries: set[str]
    sectors: set[str]

    def country(self, code: str, where: str, allowed: frozenset[str] = ACTOR_CODES) -> str:
        if code in self.countries or code in allowed:
            return code
        raise DataFileError(
            f"{where}: {code!r} is neither an ISO 3166-1 alpha-3 code nor one of "
            f"{sorted(allowed)}; fix the code"
        )

    def sector(self, code: str, where: str) -> str | None:
        if not code:
            return None
        if code in self.sectors:
            return code
        raise DataFileError(f"{where}: unknown sector {code!r}; use one listed in sectors.tsv")


def _country_names(base: Table, extra: Table) -> dict[str, str]:
    names = {r["iso3"]: r["name"] for r in base.rows}
    for row, line in zip(extra.rows, extra.lines, strict=True):
        code = row["iso3"]
        if code not in names and code not in EXTRA_CODES:
            raise DataFileError(
                f"countries_extra.tsv:{line}: {code!r} is not in countries.tsv; "
                "run scripts/build_countries.py or fix the code"
            )
        if row["display"] or code not in names:
            names[code] = row["display"] or code
    return names


def _add_countries(builder: _Builder, base: Table, extra: Table, check: _Checker) -> None:
    display = _country_names(base, extra)
    for row, line in zip(base.rows, base.lines, strict=True):
        code, where = row["iso3"], f"countries:{line}"
        for alias in split_list(row["names"]) + [row["name"]]:
            builder.add(alias, Entry("country", display[code], code, None, source=where), True)
        if row["capital"]:
            cap = Entry("capital", display[code], code, "GOV", source=where)
            builder.add(row["capital"], cap, True)
    for row, line in zip(extra.rows, extra.lines, strict=True):
        _add_country_extra(builder, row, display[row["iso3"]], f"countries_extra:{line}", check)


def _add_country_extra(
    builder: _Builder, row: dict[str, str], name: str, where: str, check: _Checker
) -> None:
    code = row["iso3"]
    for alias in split_list(row["names"]) + ([row["display"]] if row["display"] else []):
        builder.add(alias, Entry("country", name, code, None, source=where), True)
    for word in split_list(row["demonyms"]):
        builder.add(word, Entry("demonym", name, code, None, source=where), True)
        many = demonym_plural(word.lstrip("!="))
        if many:
            builder.add(many, Entry("people", name, code, "CVL", "role", source=where), True)
    for capital in split_list(row["capitals"]):
        builder.add(capital, Entry("capital", name, code, "GOV", source=where), True)
    for seat in split_list(row["seats"]):
        alias, _, sector = seat.rpartition(":")
        if not alias:
            raise DataFileError(f"{where}: seat {seat!r} needs a sector, as NAME:SECTOR")
        entry = Entry("seat", name, code, check.sector(sector, where), source=where)
        builder.add(alias, entry, True)


def _add_regions(
    builder: _Builder, table: Table, countries: dict[str, str], check: _Checker
) -> None:
    for row, line in zip(table.rows, table.lines, strict=True):
        where = f"regions.tsv:{line}"
        code = check.country(row["iso3"], where, frozenset())
        builder.add(row["region"], Entry("region", countries[code], code, None, source=where), True)


def _add_named(builder: _Builder, table: Table, kind: str, code_col: str, check: _Checker) -> None:
    for row, line in zip(table.rows, table.lines, strict=True):
        where = f"{table.name}:{line}"
        allowed = ORG_CODES if kind == "org" else frozenset()
        code = check.country(row[code_col], where, allowed)
        entry = Entry(kind, row["name"], code, check.sector(row["sector"], where), source=where)
        for alias in [row["name"], *split_list(row["aliases"])]:
            builder.add(alias, entry, True)


def _add_groups(builder: _Builder, table: Table, check: _Checker) -> None:
    for row, line in zip(table.rows, table.lines, strict=True):
        where = f"groups.tsv:{line}"
        periods = tuple(_period(p, where, check) for p in split_list(row["periods"]))
        entry = Entry(
            "group",
            row["name"],
            check.country(row["country"], where),
            check.sector(row["sector"], where),
            periods=periods,
            source=where,
        )
        for alias in [row["name"], *split_list(row["aliases"])]:
            builder.add(alias, entry, True)


def _period(text: str, where: str, check: _Checker) -> Period:
    sector, _, span = text.partition(":")
    start, sep, end = span.partition("..")
    if not sep:
        raise DataFileError(f"{where}: period {text!r} must read SECTOR:START..END")
    return Period(parse_day(start, where), parse_day(end, where), check.sector(sector, where))


def _add_persons(builder: _Builder, table: Table, check: _Checker) -> None:
    aliases: dict[str, list[str]] = {}
    for row in table.rows:
        aliases.setdefault(row["name"], []).extend(split_list(row["aliases"]))
    for row, line in zip(table.rows, table.lines, strict=True):
        where = f"persons.tsv:{line}"
        period = Period(
            parse_day(row["start"], where),
            parse_day(row["end"], where),
            check.sector(row["sector"], where),
        )
        entry = Entry(
            "person",
            row["name"],
            check.country(row["country"], where),
            period.sector,
            periods=(period,),
            source=where,
        )
        for alias in [row["name"], *aliases[row["name"]]]:
            builder.add(alias, entry, True)


def _add_agents(builder: _Builder, table: Table, check: _Checker) -> None:
    for row, line in zip(table.rows, table.lines, strict=True):
        where = f"agents.tsv:{line}"
        if row["weight"] not in ("head", "role"):
            raise DataFileError(f"{where}: weight must be 'head' or 'role', not {row['weight']!r}")
        code = check.country(row["country"], where) if row["country"] else None
        entry = Entry(
            "agent", None, code, check.sector(row["sector"], where), row["weight"], source=where
        )
        phrase = row["phrase"]
        builder.add(phrase, entry, False)
        many = plural(phrase)
        if many and phrase[-1].isalpha():
            builder.add(many, entry, False)
