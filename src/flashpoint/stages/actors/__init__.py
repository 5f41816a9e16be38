"""Stage 4: actor mentions resolved to {text, name, country, sector}.

- `resolve_actor(text, date)` resolves one phrase with the shipped dictionaries;
- `ActorStage` (registered as flashpoint.actors.v1) finds the mentions in parsed sentences
  and adds `ActorMention`s to `Document.actors`.
"""

from flashpoint.stages.actors.lexicon import ActorLexicon, load_actor_lexicon
from flashpoint.stages.actors.resolve import ResolvedActor, resolve_actor
from flashpoint.stages.actors.stage import ActorStage

__all__ = [
    "ActorLexicon",
    "ActorStage",
    "ResolvedActor",
    "load_actor_lexicon",
    "resolve_actor",
]
