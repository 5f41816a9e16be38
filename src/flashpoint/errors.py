"""flashpoint's exceptions. Every message says what went wrong and how to fix it.

FlashpointError
├── ConfigError          a bad option or configuration value
├── ModelError           the spaCy pipeline is missing or broken
├── DataFileError        a shipped dictionary or gazetteer is missing or malformed
├── OntologyError        an event type or mode that PLOVER does not have
├── PipelineError        stages in an order that cannot run
├── InputError           a document could not be read (the run goes on without it)
│   ├── EmptyDocumentError
│   ├── EncodingError
│   ├── DateError
│   ├── FormatError
│   ├── LanguageError    the text does not look like English
│   ├── TooLargeError
│   └── FetchError       a web page or feed could not be fetched
│       ├── FetchTimeoutError  the server did not answer in time
│       ├── HTTPStatusError    the server answered with an error status (404, 500, ...)
│       ├── RedirectError      too many redirects (a redirect loop)
│       └── ContentTypeError   the response is not a web page or a feed
└── StoreError           the event store could not be opened or written
"""

from __future__ import annotations


class FlashpointError(Exception):
    """Base of every error flashpoint raises on purpose."""

    code = "flashpoint_error"

    def to_dict(self) -> dict[str, str]:
        """The one JSON error shape used by the CLI and the API."""
        return {"error": self.code, "message": str(self)}


class ConfigError(FlashpointError):
    code = "config_error"


class ModelError(FlashpointError):
    code = "model_error"


class DataFileError(FlashpointError):
    code = "data_file_error"


class OntologyError(FlashpointError):
    code = "ontology_error"


class PipelineError(FlashpointError):
    code = "pipeline_error"


class InputError(FlashpointError):
    """A document that cannot be coded. `source` names it; the run goes on without it."""

    code = "input_error"

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source
        self.reason = message

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}" if self.source else self.reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str | None]]:
        # keep `source` when the error crosses a process boundary (worker pools)
        return (type(self), (self.reason, self.source))


class EmptyDocumentError(InputError):
    code = "empty_document"


class EncodingError(InputError):
    code = "encoding_error"


class DateError(InputError):
    code = "date_error"


class FormatError(InputError):
    code = "format_error"


class TooLargeError(InputError):
    code = "too_large"


class LanguageError(InputError):
    code = "not_english"


class FetchError(InputError):
    """A URL that could not be fetched (the network, the server, or what it sent)."""

    code = "fetch_error"


class FetchTimeoutError(FetchError):
    code = "fetch_timeout"


class HTTPStatusError(FetchError):
    code = "http_status"


class RedirectError(FetchError):
    code = "too_many_redirects"


class ContentTypeError(FetchError):
    code = "not_a_page"


class StoreError(FlashpointError):
    code = "store_error"


__all__ = [
    "ConfigError",
    "ContentTypeError",
    "DataFileError",
    "DateError",
    "EmptyDocumentError",
    "EncodingError",
    "FetchError",
    "FetchTimeoutError",
    "FlashpointError",
    "FormatError",
    "HTTPStatusError",
    "InputError",
    "LanguageError",
    "ModelError",
    "OntologyError",
    "PipelineError",
    "RedirectError",
    "StoreError",
    "TooLargeError",
]
