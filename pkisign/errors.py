"""One error hierarchy for every failure a user can cause.

The CLI prints ``str(error)`` as one line on stderr and exits 1, so the
message of every ``PkisignError`` is written for the person at the terminal:
it names the file or flag at fault and never contains a secret (a password,
a PIN) or a Python repr.  Where step has a wording for the same failure
(docs/step-sign-spec.md, section 12) the message uses it.
"""

from __future__ import annotations

__all__ = [
    "PkisignError",
    "UsageError",
    "InputError",
    "CSRError",
    "KeyFileError",
    "PasswordError",
    "IssuerError",
    "TemplateError",
    "DecodeError",
    "SigningError",
    "MissingExtraError",
    "KMSError",
]


class PkisignError(Exception):
    """Base class: a failure caused by the input, not a bug in pkisign."""

    exit_code = 1


class UsageError(PkisignError):
    """A bad flag value or combination of flags."""


class InputError(PkisignError):
    """A file that cannot be read or parsed."""


class CSRError(InputError):
    """The certificate signing request is malformed or its signature is bad."""


class KeyFileError(InputError):
    """The issuer key file cannot be read, decrypted or used."""


class PasswordError(KeyFileError):
    """The key is encrypted and no (correct) password was given."""


class IssuerError(PkisignError):
    """The issuer certificate or key does not allow this certificate."""


class TemplateError(PkisignError):
    """A certificate template failed to parse, run, or decode."""


class DecodeError(TemplateError):
    """The template's JSON does not decode into a certificate (message after Go's)."""


class SigningError(PkisignError):
    """The certificate could not be created or signed."""


class MissingExtraError(PkisignError):
    """An optional dependency is needed for this input and is not installed."""

    def __init__(self, what: str, extra: str) -> None:
        super().__init__(
            f"{what} needs the optional '{extra}' extra: "
            f"pip install 'pkisign[{extra}]'"
        )
        self.extra = extra


class KMSError(PkisignError):
    """A key management system (HSM) URI, module, token or key failed."""
