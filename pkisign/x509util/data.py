"""The data step gives a certificate template, as Go values (docs/step-sign-spec.md, section 6.1).

``.Subject``, ``.SANs``, ``.MaxPathLen`` and ``.Insecure`` (with ``CR``, the
CSR as x509util's ``CertificateRequest``, and ``User``, the ``--set`` data)
are built here with the Go types x509util uses, so that a template sees
what it sees under step: ``typeOf``, ``%v`` and ``toJson`` print the same,
and ``typeIs "*rsa.PublicKey" .Insecure.CR.PublicKey`` works.
"""

from __future__ import annotations

from typing import Any

from ..golang import crypto as gocrypto
from ..golang import net as gonet
from ..golang.reflect import (
    GoBytes,
    GoDict,
    GoField,
    GoInt,
    GoList,
    GoNil,
    GoStruct,
    go_method,
    named_type,
    typed,
)
from ..x509.csr import CSR
from ..x509.names import GoName

__all__ = ["template_data", "subject_value", "san_values", "MULTI_STRING"]

MULTI_STRING = named_type("x509util.MultiString", "[]string")
_OID = named_type("x509util.ObjectIdentifier", "[]int")
_TEMPLATE_DATA = named_type("x509util.TemplateData", "map[string]interface {}")
_PUBLIC_KEY_ALGORITHM = named_type("x509.PublicKeyAlgorithm", "int")
_SIGNATURE_ALGORITHM = named_type("x509util.SignatureAlgorithm", "int")
_RAW_MESSAGE = named_type("json.RawMessage", "[]uint8")


class ObjectIdentifier(GoList):
    """x509util.ObjectIdentifier: marshals as its dotted string."""

    go_type = _OID

    def __init__(self, dotted: str) -> None:
        super().__init__([int(arc) for arc in dotted.split(".")], _OID)

    @go_method("MarshalJSON", result="[]uint8", error=True)
    def marshal_json(self) -> bytes:
        return ('"' + ".".join(str(a) for a in self) + '"').encode()


_IP_MASK = named_type("net.IPMask", "[]uint8")


class NetIP(GoBytes):
    """net.IP: prints and marshals as its text form."""

    go_type = named_type("net.IP", "[]uint8")

    @go_method("String")
    def string(self) -> str:
        return gonet.ip_string(bytes(self))

    @go_method("MarshalText", result="[]uint8", error=True)
    def marshal_text(self) -> bytes:
        return b"" if not bytes(self) else gonet.ip_string(bytes(self)).encode()

    @go_method("To4", result="net.IP")
    def to4(self) -> Any:
        v4 = gonet.to4(bytes(self))
        return NetIP(v4 or b"")  # a nil net.IP prints as <nil> through String

    @go_method("To16", result="net.IP")
    def to16(self) -> Any:
        v16 = gonet.to16(bytes(self))
        return NetIP(v16 or b"")

    @go_method("DefaultMask", result="net.IPMask")
    def default_mask(self) -> Any:
        mask = gonet.ip_default_mask(bytes(self))
        return IPMask(mask or b"")

    @go_method("IsUnspecified", result="bool")
    def is_unspecified(self) -> bool:
        return gonet.ip_class(bytes(self))["IsUnspecified"]

    @go_method("IsLoopback", result="bool")
    def is_loopback(self) -> bool:
        return gonet.ip_class(bytes(self))["IsLoopback"]

    @go_method("IsPrivate", result="bool")
    def is_private(self) -> bool:
        return gonet.ip_class(bytes(self))["IsPrivate"]

    @go_method("IsMulticast", result="bool")
    def is_multicast(self) -> bool:
        return gonet.ip_class(bytes(self))["IsMulticast"]

    @go_method("IsInterfaceLocalMulticast", result="bool")
    def is_interface_local_multicast(self) -> bool:
        return gonet.ip_class(bytes(self))["IsInterfaceLocalMulticast"]

    @go_method("IsLinkLocalMulticast", result="bool")
    def is_link_local_multicast(self) -> bool:
        return gonet.ip_class(bytes(self))["IsLinkLocalMulticast"]

    @go_method("IsLinkLocalUnicast", result="bool")
    def is_link_local_unicast(self) -> bool:
        return gonet.ip_class(bytes(self))["IsLinkLocalUnicast"]

    @go_method("IsGlobalUnicast", result="bool")
    def is_global_unicast(self) -> bool:
        return gonet.ip_class(bytes(self))["IsGlobalUnicast"]



class IPMask(GoBytes):
    """net.IPMask: prints as hexadecimal."""

    go_type = _IP_MASK

    @go_method("String")
    def string(self) -> str:
        return bytes(self).hex() if bytes(self) else "<nil>"


_MULTI_IP = named_type("x509util.MultiIP", "[]net.IP")


class Userinfo(GoStruct):
    go_name = "*url.Userinfo"
    go_fields = ()

    def __init__(self, info: gonet.Userinfo) -> None:
        super().__init__()
        self._info = info

    @go_method("String")
    def string(self) -> str:
        return str(self._info)


class URL(GoStruct):
    """*url.URL with Go's fields and String()."""

    go_name = "*url.URL"
    go_fields = (
        GoField("Scheme", type="string"), GoField("Opaque", type="string"),
        GoField("User", type="*url.Userinfo"), GoField("Host", type="string"),
        GoField("Path", type="string"), GoField("RawPath", type="string"),
        GoField("OmitHost", type="bool"), GoField("ForceQuery", type="bool"),
        GoField("RawQuery", type="string"), GoField("Fragment", type="string"),
        GoField("RawFragment", type="string"),
    )

    def __init__(self, url: gonet.URL) -> None:
        super().__init__(
            Scheme=url.scheme, Opaque=url.opaque, User=Userinfo(url.user) if url.user else None,
            Host=url.host, Path=url.path, RawPath=url.raw_path, OmitHost=url.omit_host,
            ForceQuery=url.force_query, RawQuery=url.raw_query, Fragment=url.fragment,
            RawFragment=url.raw_fragment,
        )
        self._url = url

    @go_method("String")
    def string(self) -> str:
        return str(self._url)

    @go_method("Hostname")
    def hostname(self) -> str:
        return self._url.hostname()

    @go_method("Port")
    def port(self) -> str:
        return self._url.port()

    @go_method("EscapedPath")
    def escaped_path(self) -> str:
        return self._url.escaped_path()

    @go_method("EscapedFragment")
    def escaped_fragment(self) -> str:
        return self._url.escaped_fragment()

    @go_method("IsAbs", result="bool")
    def is_abs(self) -> bool:
        return self._url.scheme != ""

    @go_method("RequestURI")
    def request_uri(self) -> str:
        return self._url.request_uri()

    @go_method("Redacted")
    def redacted(self) -> str:
        return self._url.redacted()


class MultiURL(GoList):
    """x509util.MultiURL: marshals as the URLs' strings (nil: null)."""

    go_type = named_type("x509util.MultiURL", "[]*url.URL")

    @go_method("MarshalJSON", result="[]uint8", error=True)
    def marshal_json(self) -> bytes:
        from ..golang.json import marshal

        return marshal([u.string() for u in self]).encode("utf-8", "surrogateescape")


class PublicKeyAlgorithm(GoInt):
    go_type = _PUBLIC_KEY_ALGORITHM

    @go_method("String")
    def string(self) -> str:
        return {1: "RSA", 2: "DSA", 3: "ECDSA", 4: "Ed25519"}.get(int(self), str(int(self)))


class SignatureAlgorithm(GoInt):
    """x509util.SignatureAlgorithm: the CSR's is always 0 in template data."""

    go_type = _SIGNATURE_ALGORITHM

    @go_method("MarshalJSON", result="[]uint8", error=True)
    def marshal_json(self) -> bytes:
        return b'""'


class RawMessage(GoBytes):
    go_type = _RAW_MESSAGE

    @go_method("MarshalJSON", result="[]uint8", error=True)
    def marshal_json(self) -> bytes:
        return bytes(self) or b"null"


class BigInt(GoStruct):
    """*big.Int: prints as its decimal value; a few of its methods."""

    go_name = "*big.Int"
    go_fields = ()

    def __init__(self, value: int) -> None:
        super().__init__()
        self.value = value

    @go_method("String")
    def string(self) -> str:
        return str(self.value)

    @go_method("MarshalJSON", result="[]uint8", error=True)
    def marshal_json(self) -> bytes:
        return str(self.value).encode()

    @go_method("BitLen", result="int")
    def bit_len(self) -> int:
        return abs(self.value).bit_length()

    @go_method("Sign", result="int")
    def sign(self) -> int:
        return (self.value > 0) - (self.value < 0)

    @go_method("Int64", result="int64")
    def int64(self) -> int:
        return GoInt(((self.value + (1 << 63)) % (1 << 64)) - (1 << 63), "int64")

    @go_method("Text", params=("int",))
    def text(self, base: int) -> str:
        digits = "0123456789abcdefghijklmnopqrstuvwxyz"
        if not 2 <= base <= 62:
            return "<nil>"
        n, out = abs(self.value), ""
        while True:
            n, r = divmod(n, base)
            out = digits[r] + out
            if not n:
                break
        return ("-" if self.value < 0 else "") + out


class CurveParams(GoStruct):
    go_name = "*elliptic.CurveParams"
    go_fields = (GoField("P", type="*big.Int"), GoField("N", type="*big.Int"), GoField("B", type="*big.Int"),
                 GoField("Gx", type="*big.Int"), GoField("Gy", type="*big.Int"),
                 GoField("BitSize", type="int"), GoField("Name", type="string"))


class Curve(GoStruct):
    """An elliptic.Curve: what templates use is Params()."""

    go_name = "*elliptic.nistCurve"
    go_fields = ()

    def __init__(self, curve: gocrypto.Curve) -> None:
        super().__init__()
        self._params = CurveParams(P=BigInt(curve.p), N=BigInt(curve.n), B=BigInt(curve.b), Gx=BigInt(curve.gx),
                                   Gy=BigInt(curve.gy), BitSize=curve.p.bit_length(), Name=curve.name)

    @go_method("Params", result="*elliptic.CurveParams")
    def params(self) -> CurveParams:
        return self._params


class RSAPublicKey(GoStruct):
    go_name = "*rsa.PublicKey"
    go_fields = (GoField("N", type="*big.Int"), GoField("E", type="int"))

    def __init__(self, n: int, e: int) -> None:
        super().__init__(N=BigInt(n), E=e)
        self._n = n

    @go_method("Size", result="int")
    def size(self) -> int:
        return (self._n.bit_length() + 7) // 8


class ECDSAPublicKey(GoStruct):
    go_name = "*ecdsa.PublicKey"
    go_fields = (GoField("Curve", type="interface {}"), GoField("X", type="*big.Int"),
                 GoField("Y", type="*big.Int"))


class Ed25519PublicKey(GoBytes):
    go_type = named_type("ed25519.PublicKey", "[]uint8")


class DistinguishedName(GoStruct):
    go_name = "x509util.DistinguishedName"
    go_fields = (GoField("Type", "type", type="x509util.ObjectIdentifier"),
                 GoField("Value", "value", type="interface {}"))


class Subject(GoStruct):
    go_name = "x509util.Subject"
    go_fields = (
        GoField("Country", "country", omitempty=True, type="x509util.MultiString"),
        GoField("Organization", "organization", omitempty=True, type="x509util.MultiString"),
        GoField("OrganizationalUnit", "organizationalUnit", omitempty=True, type="x509util.MultiString"),
        GoField("Locality", "locality", omitempty=True, type="x509util.MultiString"),
        GoField("Province", "province", omitempty=True, type="x509util.MultiString"),
        GoField("StreetAddress", "streetAddress", omitempty=True, type="x509util.MultiString"),
        GoField("PostalCode", "postalCode", omitempty=True, type="x509util.MultiString"),
        GoField("SerialNumber", "serialNumber", omitempty=True, type="string"),
        GoField("CommonName", "commonName", omitempty=True, type="string"),
        GoField("ExtraNames", "extraNames", omitempty=True, type="[]x509util.DistinguishedName"),
    )


class SubjectAlternativeName(GoStruct):
    go_name = "x509util.SubjectAlternativeName"
    go_fields = (GoField("Type", "type", type="string"), GoField("Value", "value", type="string"),
                 GoField("ASN1Value", "asn1Value", omitempty=True, type="json.RawMessage"))


class Extension(GoStruct):
    go_name = "x509util.Extension"
    go_fields = (GoField("ID", "id", type="x509util.ObjectIdentifier"),
                 GoField("Critical", "critical", type="bool"),
                 GoField("Value", "value", type="[]uint8"))


class CertificateRequest(GoStruct):
    go_name = "*x509util.CertificateRequest"
    go_fields = (
        GoField("Version", "version", type="int"),
        GoField("Subject", "subject", type="x509util.Subject"),
        GoField("RawSubject", "rawSubject", type="[]uint8"),
        GoField("DNSNames", "dnsNames", type="x509util.MultiString"),
        GoField("EmailAddresses", "emailAddresses", type="x509util.MultiString"),
        GoField("IPAddresses", "ipAddresses", type="x509util.MultiIP"),
        GoField("URIs", "uris", type="x509util.MultiURL"),
        GoField("SANs", "sans", type="[]x509util.SubjectAlternativeName"),
        GoField("Extensions", "extensions", type="[]x509util.Extension"),
        GoField("SignatureAlgorithm", "signatureAlgorithm", type="x509util.SignatureAlgorithm"),
        GoField("ChallengePassword", "-", type="string"),
        GoField("PublicKey", "-", type="interface {}"),
        GoField("PublicKeyAlgorithm", "-", type="x509.PublicKeyAlgorithm"),
        GoField("Signature", "-", type="[]uint8"),
        GoField("Signer", "-", type="interface {}"),
    )


def _multi(values: list[str] | tuple[str, ...]) -> Any:
    """A MultiString: nil when empty (Go leaves the slice nil)."""
    return typed(list(values), MULTI_STRING) if values else GoNil(MULTI_STRING)


def subject_value(name: GoName, extra: list[tuple[str, Any]] = ()) -> Subject:  # type: ignore[assignment]
    """An x509util.Subject from Go's named fields (and ExtraNames, if any)."""
    extra_names = [DistinguishedName(Type=ObjectIdentifier(oid), Value=value) for oid, value in extra]
    return Subject(
        Country=_multi(name.country), Organization=_multi(name.organization),
        OrganizationalUnit=_multi(name.organizational_unit), Locality=_multi(name.locality),
        Province=_multi(name.province), StreetAddress=_multi(name.street_address),
        PostalCode=_multi(name.postal_code), SerialNumber=name.serial_number,
        CommonName=name.common_name,
        ExtraNames=typed(extra_names, "[]x509util.DistinguishedName") if extra_names
        else GoNil("[]x509util.DistinguishedName"),
    )


def san_values(sans: list[tuple[str, str]]) -> Any:
    return typed([SubjectAlternativeName(Type=t, Value=v, ASN1Value=GoNil(_RAW_MESSAGE)) for t, v in sans],
                 "[]x509util.SubjectAlternativeName")


def _public_key(csr: CSR) -> Any:
    key = csr.public_key
    if key is None:
        return None
    if key.kind == "rsa":
        return RSAPublicKey(key.rsa_n, key.rsa_e)
    if key.kind == "ec":
        size = (len(key.key_bits) - 1) // 2
        curve = next(c for c in gocrypto.CURVES.values() if c.name == key.curve)
        return ECDSAPublicKey(Curve=Curve(curve), X=BigInt(int.from_bytes(key.key_bits[1:1 + size], "big")),
                              Y=BigInt(int.from_bytes(key.key_bits[1 + size:], "big")))
    return Ed25519PublicKey(key.key_bits)


_ALGORITHM_IDS = {"rsa": 1, "ec": 3, "ed25519": 4}


def _certificate_request(csr: CSR) -> CertificateRequest:
    """x509util.NewCertificateRequestFromX509: the CSR as templates see it.

    The SAN extension is marked critical when the subject is empty
    (x509util's fixSubjectAltName); the signature algorithm is left unset.
    """
    empty = csr.subject_is_empty()
    extensions = [
        Extension(ID=ObjectIdentifier(e.oid), Critical=e.critical or (empty and e.oid == "2.5.29.17"),
                  Value=e.value)
        for e in csr.extensions
    ]
    extra = [(a.oid, a.value) for a in csr.subject.extra_attributes()]
    ips = [NetIP(ip) for ip in csr.ip_addresses]
    return CertificateRequest(
        Version=csr.version,
        Subject=subject_value(csr.go_subject, extra),
        RawSubject=csr.subject.der,
        DNSNames=_multi(csr.dns_names),
        EmailAddresses=_multi(csr.email_addresses),
        IPAddresses=typed(ips, _MULTI_IP) if ips else GoNil(_MULTI_IP),
        URIs=MultiURL([URL(u) for u in csr.uris]) if csr.uris else GoNil(MultiURL.go_type),
        SANs=GoNil("[]x509util.SubjectAlternativeName"),
        Extensions=typed(extensions, "[]x509util.Extension") if extensions else GoNil("[]x509util.Extension"),
        SignatureAlgorithm=SignatureAlgorithm(0),
        ChallengePassword="",
        PublicKey=_public_key(csr),
        PublicKeyAlgorithm=PublicKeyAlgorithm(_ALGORITHM_IDS.get(csr.public_key.kind, 0) if csr.public_key else 0),
        Signature=csr.signature,
        Signer=None,
    )


def template_data(
    csr: CSR,
    sans: list[tuple[str, str]],
    *,
    max_path_len: int,
    user: Any,
) -> GoDict:
    """step's template data for ``sign``.

    ``.Subject`` carries the CSR's named fields only (step builds it without
    ExtraNames); ``.Insecure.User`` is nil unless ``user`` is given.
    """
    insecure = GoDict({"CR": _certificate_request(csr)}, _TEMPLATE_DATA)
    if user is not None:
        insecure["User"] = user
    return GoDict({
        "Subject": subject_value(csr.go_subject),
        "SANs": san_values(sans),
        "MaxPathLen": max_path_len,
        "Insecure": insecure,
    }, _TEMPLATE_DATA)
