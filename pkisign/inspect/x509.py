"""The X.509 (RFC 5280) and PKCS #10 (RFC 2986) structures, as the RFCs write them.

Component names are the RFCs' (they make the paths).  Extension values,
algorithm parameters, public keys, signatures, CSR attributes and otherName
values are tables ``oid -> (label, spec)`` consulted through
:class:`~.spec.DefinedBy` / :class:`~.spec.Any`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .spec import Any, Choice, DefinedBy, Opaque, Prim, Seq, SeqOf, SetOf, Spec
from .spec import Field as F

if TYPE_CHECKING:  # pragma: no cover
    from .annotate import Annotator
    from .model import Element

__all__ = ["SCHEMAS", "Certificate", "TBSCertificate", "CertificationRequest", "SubjectPublicKeyInfo",
           "EXTENSIONS", "ALGORITHM_PARAMETERS", "PUBLIC_KEYS", "SIGNATURES", "CSR_ATTRIBUTES"]

# -- X.680 universal types ------------------------------------------------------

BOOLEAN = Prim(1)
INTEGER = Prim(2)
BIT_STRING = Prim(3)
OCTET_STRING = Prim(4)
NULL = Prim(5)
OBJECT_IDENTIFIER = Prim(6)
UTF8String = Prim(12)
PrintableString = Prim(19)
TeletexString = Prim(20)
IA5String = Prim(22)
VisibleString = Prim(26)
UniversalString = Prim(28)
BMPString = Prim(30)

DirectoryString = Choice("DirectoryString", [
    F("teletexString", TeletexString),
    F("printableString", PrintableString),
    F("universalString", UniversalString),
    F("utf8String", UTF8String),
    F("bmpString", BMPString),
], transparent=True)

DisplayText = Choice("DisplayText", [
    F("ia5String", IA5String),
    F("visibleString", VisibleString),
    F("bmpString", BMPString),
    F("utf8String", UTF8String),
], transparent=True)

# -- AlgorithmIdentifier (RFC 5280 4.1.1.2) and what it selects ------------------

ALGORITHM_PARAMETERS: dict[str, tuple[str | None, Spec]] = {}

AlgorithmIdentifier = Seq("AlgorithmIdentifier", [
    F("algorithm", OBJECT_IDENTIFIER),
    F("parameters", Any("algorithm", ALGORITHM_PARAMETERS), optional=True),
], key="algorithm")

_SHA1 = "1.3.14.3.2.26"
_MGF1_SHA1 = (bytes.fromhex("301606092a864886f70d010108300906052b0e03021a0500"),
              bytes.fromhex("301406092a864886f70d010108300706052b0e03021a"))

# RFC 4055 section 3.1.
RSASSA_PSS_params = Seq("RSASSA-PSS-params", [
    F("hashAlgorithm", AlgorithmIdentifier, explicit=0, default=_SHA1),
    F("maskGenAlgorithm", AlgorithmIdentifier, explicit=1, default_der=_MGF1_SHA1),
    F("saltLength", INTEGER, explicit=2, default=20),
    F("trailerField", INTEGER, explicit=3, default=1),
])

# RFC 5480 2.1.1.
ECParameters = Choice("ECParameters", [
    F("namedCurve", OBJECT_IDENTIFIER),
    F("implicitCurve", NULL),
    F("specifiedCurve", Seq("SpecifiedECDomain", open=True)),
])

_RSA_FAMILY = ["1.2.840.113549.1.1." + n for n in ("1", "4", "5", "11", "12", "13", "14")]
_HASHES = ["1.2.840.113549.2.5", _SHA1] + ["2.16.840.1.101.3.4.2." + n for n in "1234"]
ALGORITHM_PARAMETERS.update({oid: (None, NULL) for oid in _RSA_FAMILY + _HASHES})
ALGORITHM_PARAMETERS.update({
    "1.2.840.113549.1.1.10": ("RSASSA-PSS-params", RSASSA_PSS_params),
    "1.2.840.113549.1.1.8": (None, AlgorithmIdentifier),  # id-mgf1: the hash
    "1.2.840.10045.2.1": (None, ECParameters),
    "1.2.840.10040.4.1": ("Dss-Parms", Seq("Dss-Parms", [F("p", INTEGER), F("q", INTEGER), F("g", INTEGER)])),
})

RSAPublicKey = Seq("RSAPublicKey", [F("modulus", INTEGER), F("publicExponent", INTEGER)])
_SIG_VALUE = [F("r", INTEGER), F("s", INTEGER)]

PUBLIC_KEYS: dict[str, tuple[str | None, Spec]] = {
    "1.2.840.113549.1.1.1": ("RSAPublicKey", RSAPublicKey),
    "1.2.840.113549.1.1.10": ("RSAPublicKey", RSAPublicKey),
    "1.2.840.10040.4.1": ("DSAPublicKey", INTEGER),
    "1.2.840.10045.2.1": (None, Opaque("ECPoint")),
    "1.3.101.110": (None, Opaque("X25519 public key")),
    "1.3.101.111": (None, Opaque("X448 public key")),
    "1.3.101.112": (None, Opaque("Ed25519 public key")),
    "1.3.101.113": (None, Opaque("Ed448 public key")),
}

SIGNATURES: dict[str, tuple[str | None, Spec]] = {
    **{"1.2.840.10045.4." + n: ("Ecdsa-Sig-Value", Seq("Ecdsa-Sig-Value", _SIG_VALUE))
       for n in ("1", "3.1", "3.2", "3.3", "3.4")},
    **{oid: ("Dss-Sig-Value", Seq("Dss-Sig-Value", _SIG_VALUE))
       for oid in ("1.2.840.10040.4.3", "2.16.840.1.101.3.4.3.2")},
    "1.3.101.112": (None, Opaque("Ed25519 signature")),
    "1.3.101.113": (None, Opaque("Ed448 signature")),
    **{oid: (None, Opaque("RSA signature")) for oid in _RSA_FAMILY[1:] + ["1.2.840.113549.1.1.10"]},
}

SubjectPublicKeyInfo = Seq("SubjectPublicKeyInfo", [
    F("algorithm", AlgorithmIdentifier),
    F("subjectPublicKey", Prim(3, contains=DefinedBy("algorithm", PUBLIC_KEYS))),
])

# -- Name (RFC 5280 4.1.2.4) ------------------------------------------------------

AttributeTypeAndValue = Seq("AttributeTypeAndValue", [
    F("type", OBJECT_IDENTIFIER),
    F("value", Any()),
], key="type")
RelativeDistinguishedName = SetOf("RelativeDistinguishedName", AttributeTypeAndValue, min_size=1)
# Name ::= CHOICE { rdnSequence RDNSequence }: the only alternative, left out of paths.
Name = SeqOf("Name", RelativeDistinguishedName)

# -- Validity (RFC 5280 4.1.2.5) ----------------------------------------------------


def _validity_generalized_time(value: object) -> list[tuple[str, str]]:
    out = []
    if isinstance(value, str) and value[:4].isdigit():
        if 1950 <= int(value[:4]) < 2050:
            out.append(("x509.generalized_time_before_2050",
                        f"{value[:4]} is between 1950 and 2049: RFC 5280 requires UTCTime for it"))
        if len(value) > 19 and value[19] == ".":
            out.append(("x509.time_fraction", "fractional seconds in a validity date"))
    return out


Time = Choice("Time", [
    F("utcTime", Prim(23)),
    F("generalTime", Prim(24, check=_validity_generalized_time)),
], transparent=True)

Validity = Seq("Validity", [F("notBefore", Time), F("notAfter", Time)])

# -- GeneralName (RFC 5280 4.2.1.6) ------------------------------------------------

OTHER_NAMES: dict[str, tuple[str | None, Spec]] = {
    "1.3.6.1.4.1.311.20.2.3": ("userPrincipalName", UTF8String),
    "1.3.6.1.5.5.7.8.9": ("SmtpUTF8Mailbox", UTF8String),
    "1.3.6.1.5.5.7.8.3": ("PermanentIdentifier", Seq("PermanentIdentifier", [  # RFC 4043
        F("identifierValue", UTF8String, optional=True),
        F("assigner", OBJECT_IDENTIFIER, optional=True),
    ])),
    "1.3.6.1.5.5.7.8.4": ("HardwareModuleName", Seq("HardwareModuleName", [  # RFC 4108
        F("hwType", OBJECT_IDENTIFIER),
        F("hwSerialNum", OCTET_STRING),
    ])),
}

OtherName = Seq("OtherName", [
    F("type-id", OBJECT_IDENTIFIER),
    F("value", Any("type-id", OTHER_NAMES), explicit=0),
], key="type-id")

EDIPartyName = Seq("EDIPartyName", [
    F("nameAssigner", DirectoryString, implicit=0, optional=True),
    F("partyName", DirectoryString, implicit=1),
])


def _general_name(ip: str) -> Choice:
    return Choice("GeneralName", [
        F("otherName", OtherName, implicit=0),
        F("rfc822Name", IA5String, implicit=1),
        F("dNSName", IA5String, implicit=2),
        F("x400Address", Seq("ORAddress", open=True), implicit=3),
        F("directoryName", Name, explicit=4),
        F("ediPartyName", EDIPartyName, implicit=5),
        F("uniformResourceIdentifier", IA5String, implicit=6),
        F("iPAddress", Prim(4, ip=ip), implicit=7),
        F("registeredID", OBJECT_IDENTIFIER, implicit=8),
    ])


GeneralName = _general_name("address")
GeneralNames = SeqOf("GeneralNames", GeneralName, min_size=1)

# -- Extensions (RFC 5280 4.1 and 4.2) -----------------------------------------------

EXTENSIONS: dict[str, tuple[str | None, Spec]] = {}


def _no_duplicate_extensions(annotator: Annotator, element: Element, items: list[Element]) -> None:
    seen: set[str] = set()
    for item in items:
        oid = next((c.value for c in item.children if c.path.endswith(".extnID")), None)
        if not isinstance(oid, str):
            continue
        if oid in seen:
            name = EXTENSIONS.get(oid, (oid,))[0] or oid
            annotator.note(item, "x509.duplicate_extension", f"a second {name} extension")
        seen.add(oid)


Extension = Seq("Extension", [
    F("extnID", OBJECT_IDENTIFIER),
    F("critical", BOOLEAN, default=False),
    F("extnValue", Prim(4, contains=DefinedBy("extnID", EXTENSIONS, unknown="try-der"))),
], key="extnID")
Extensions = SeqOf("Extensions", Extension, min_size=1, check=_no_duplicate_extensions)

KeyIdentifier = Prim(4, "KeyIdentifier")
CertificateSerialNumber = Prim(2, "CertificateSerialNumber")

AuthorityKeyIdentifier = Seq("AuthorityKeyIdentifier", [
    F("keyIdentifier", KeyIdentifier, implicit=0, optional=True),
    F("authorityCertIssuer", GeneralNames, implicit=1, optional=True),
    F("authorityCertSerialNumber", CertificateSerialNumber, implicit=2, optional=True),
])

KeyUsage = Prim(3, "KeyUsage", named_bits={
    0: "digitalSignature", 1: "contentCommitment", 2: "keyEncipherment", 3: "dataEncipherment",
    4: "keyAgreement", 5: "keyCertSign", 6: "cRLSign", 7: "encipherOnly", 8: "decipherOnly",
})

NoticeReference = Seq("NoticeReference", [
    F("organization", DisplayText),
    F("noticeNumbers", SeqOf("SEQUENCE OF INTEGER", INTEGER)),
])
UserNotice = Seq("UserNotice", [
    F("noticeRef", NoticeReference, optional=True),
    F("explicitText", DisplayText, optional=True),
])
POLICY_QUALIFIERS: dict[str, tuple[str | None, Spec]] = {
    "1.3.6.1.5.5.7.2.1": ("CPSuri", IA5String),
    "1.3.6.1.5.5.7.2.2": ("UserNotice", UserNotice),
}
PolicyQualifierInfo = Seq("PolicyQualifierInfo", [
    F("policyQualifierId", OBJECT_IDENTIFIER),
    F("qualifier", Any("policyQualifierId", POLICY_QUALIFIERS)),
])
PolicyInformation = Seq("PolicyInformation", [
    F("policyIdentifier", OBJECT_IDENTIFIER),
    F("policyQualifiers", SeqOf("SEQUENCE OF PolicyQualifierInfo", PolicyQualifierInfo, min_size=1), optional=True),
])
CertificatePolicies = SeqOf("CertificatePolicies", PolicyInformation, min_size=1)

PolicyMappings = SeqOf("PolicyMappings", Seq("PolicyMapping", [
    F("issuerDomainPolicy", OBJECT_IDENTIFIER),
    F("subjectDomainPolicy", OBJECT_IDENTIFIER),
]), min_size=1)

BasicConstraints = Seq("BasicConstraints", [
    F("cA", BOOLEAN, default=False),
    F("pathLenConstraint", INTEGER, optional=True),
])

GeneralSubtree = Seq("GeneralSubtree", [
    F("base", _general_name("subnet")),
    F("minimum", INTEGER, implicit=0, default=0),
    F("maximum", INTEGER, implicit=1, optional=True),
])
GeneralSubtrees = SeqOf("GeneralSubtrees", GeneralSubtree, min_size=1)
NameConstraints = Seq("NameConstraints", [
    F("permittedSubtrees", GeneralSubtrees, implicit=0, optional=True),
    F("excludedSubtrees", GeneralSubtrees, implicit=1, optional=True),
])

PolicyConstraints = Seq("PolicyConstraints", [
    F("requireExplicitPolicy", INTEGER, implicit=0, optional=True),
    F("inhibitPolicyMapping", INTEGER, implicit=1, optional=True),
])

ExtKeyUsageSyntax = SeqOf("ExtKeyUsageSyntax", Prim(6, "KeyPurposeId"), min_size=1)

ReasonFlags = Prim(3, "ReasonFlags", named_bits={
    0: "unused", 1: "keyCompromise", 2: "cACompromise", 3: "affiliationChanged", 4: "superseded",
    5: "cessationOfOperation", 6: "certificateHold", 7: "privilegeWithdrawn", 8: "aACompromise",
})
DistributionPointName = Choice("DistributionPointName", [
    F("fullName", GeneralNames, implicit=0),
    F("nameRelativeToCRLIssuer", RelativeDistinguishedName, implicit=1),
])
DistributionPoint = Seq("DistributionPoint", [
    F("distributionPoint", DistributionPointName, implicit=0, optional=True),  # a CHOICE: EXPLICIT
    F("reasons", ReasonFlags, implicit=1, optional=True),
    F("cRLIssuer", GeneralNames, implicit=2, optional=True),
])
CRLDistributionPoints = SeqOf("CRLDistributionPoints", DistributionPoint, min_size=1)

AccessDescription = Seq("AccessDescription", [
    F("accessMethod", OBJECT_IDENTIFIER),
    F("accessLocation", GeneralName),
])
AuthorityInfoAccessSyntax = SeqOf("AuthorityInfoAccessSyntax", AccessDescription, min_size=1)

Attribute = Seq("Attribute", [
    F("type", OBJECT_IDENTIFIER),
    F("values", SetOf("SET OF AttributeValue", Any("type"))),
], key="type")

EXTENSIONS.update({
    "2.5.29.9": ("subjectDirectoryAttributes", SeqOf("SubjectDirectoryAttributes", Attribute, min_size=1)),
    "2.5.29.14": ("subjectKeyIdentifier", KeyIdentifier),
    "2.5.29.15": ("keyUsage", KeyUsage),
    "2.5.29.17": ("subjectAltName", GeneralNames),
    "2.5.29.18": ("issuerAltName", GeneralNames),
    "2.5.29.19": ("basicConstraints", BasicConstraints),
    "2.5.29.30": ("nameConstraints", NameConstraints),
    "2.5.29.31": ("cRLDistributionPoints", CRLDistributionPoints),
    "2.5.29.32": ("certificatePolicies", CertificatePolicies),
    "2.5.29.33": ("policyMappings", PolicyMappings),
    "2.5.29.35": ("authorityKeyIdentifier", AuthorityKeyIdentifier),
    "2.5.29.36": ("policyConstraints", PolicyConstraints),
    "2.5.29.37": ("extKeyUsage", ExtKeyUsageSyntax),
    "2.5.29.46": ("freshestCRL", CRLDistributionPoints),
    "2.5.29.54": ("inhibitAnyPolicy", Prim(2, "SkipCerts")),
    "1.3.6.1.5.5.7.1.1": ("authorityInfoAccess", AuthorityInfoAccessSyntax),
    "1.3.6.1.5.5.7.1.11": ("subjectInfoAccess", AuthorityInfoAccessSyntax),
    "1.3.6.1.5.5.7.1.24": ("tlsFeature", SeqOf("Features", INTEGER)),  # RFC 7633
    "1.3.6.1.5.5.7.48.1.5": ("ocspNoCheck", NULL),  # RFC 6960
    "1.3.6.1.4.1.11129.2.4.2": ("signedCertificateTimestampList", OCTET_STRING),  # RFC 6962
    "1.3.6.1.4.1.11129.2.4.3": ("precertificatePoison", NULL),
})

# -- Certificate (RFC 5280 4.1) ---------------------------------------------------


def _same_signature_algorithm(annotator: Annotator, element: Element, components: dict[str, Element]) -> None:
    tbs, outer = components.get("tbsCertificate"), components.get("signatureAlgorithm")
    if tbs is None or outer is None:
        return
    inner = next((c for c in tbs.children if c.path == "tbsCertificate.signature"), None)
    if inner is not None and annotator.raw(inner) != annotator.raw(outer):
        annotator.note(outer, "x509.signature_algorithm_mismatch",
                       "signatureAlgorithm is not the same as tbsCertificate.signature")


TBSCertificate = Seq("TBSCertificate", [
    F("version", Prim(2, "Version", named_values={0: "v1", 1: "v2", 2: "v3"}), explicit=0, default=0),
    F("serialNumber", CertificateSerialNumber),
    F("signature", AlgorithmIdentifier),
    F("issuer", Name),
    F("validity", Validity),
    F("subject", Name),
    F("subjectPublicKeyInfo", SubjectPublicKeyInfo),
    F("issuerUniqueID", Prim(3, "UniqueIdentifier"), implicit=1, optional=True),
    F("subjectUniqueID", Prim(3, "UniqueIdentifier"), implicit=2, optional=True),
    F("extensions", Extensions, explicit=3, optional=True),
])

Certificate = Seq("Certificate", [
    F("tbsCertificate", TBSCertificate),
    F("signatureAlgorithm", AlgorithmIdentifier),
    F("signatureValue", Prim(3, contains=DefinedBy("signatureAlgorithm", SIGNATURES))),
], check=_same_signature_algorithm)

# -- CertificationRequest (RFC 2986 4) ---------------------------------------------

CSR_ATTRIBUTES: dict[str, tuple[str | None, Spec]] = {
    "1.2.840.113549.1.9.14": ("extensionRequest", Extensions),  # RFC 2985 5.4.2
    "1.3.6.1.4.1.311.2.1.14": ("msCertExtensions", Extensions),
    "1.2.840.113549.1.9.7": ("challengePassword", DirectoryString),
    "1.2.840.113549.1.9.2": ("unstructuredName", Any()),
}

CSRAttribute = Seq("Attribute", [
    F("type", OBJECT_IDENTIFIER),
    F("values", SetOf("SET OF AttributeValue", Any("type", CSR_ATTRIBUTES), min_size=1)),
], key="type")

CertificationRequestInfo = Seq("CertificationRequestInfo", [
    F("version", Prim(2, "Version", named_values={0: "v1"})),
    F("subject", Name),
    F("subjectPKInfo", SubjectPublicKeyInfo),
    F("attributes", SetOf("Attributes", CSRAttribute), implicit=0),
])

CertificationRequest = Seq("CertificationRequest", [
    F("certificationRequestInfo", CertificationRequestInfo),
    F("signatureAlgorithm", AlgorithmIdentifier),
    F("signature", Prim(3, contains=DefinedBy("signatureAlgorithm", SIGNATURES))),
])

#: The schema of each report kind.
SCHEMAS: dict[str, Spec] = {
    "certificate": Certificate,
    "csr": CertificationRequest,
    "tbs": TBSCertificate,
    "public-key": SubjectPublicKeyInfo,
}
