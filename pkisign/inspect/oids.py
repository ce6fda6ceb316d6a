"""Names for the object identifiers an X.509 certificate or CSR commonly holds.

The names are the ASN.1 value names of the defining documents (RFC 5280,
RFC 3279, RFC 4055, RFC 5480, RFC 8410, PKCS #1/#9, CA/Browser Forum...),
so that a reader can search for them.
"""

from __future__ import annotations

__all__ = ["OID_NAMES", "oid_name", "describe_oid"]

OID_NAMES: dict[str, str] = {
    # Hashes and signature/key algorithms.
    "1.2.840.113549.1.1.1": "rsaEncryption",
    "1.2.840.113549.1.1.4": "md5WithRSAEncryption",
    "1.2.840.113549.1.1.5": "sha1WithRSAEncryption",
    "1.2.840.113549.1.1.7": "id-RSAES-OAEP",
    "1.2.840.113549.1.1.8": "id-mgf1",
    "1.2.840.113549.1.1.10": "id-RSASSA-PSS",
    "1.2.840.113549.1.1.11": "sha256WithRSAEncryption",
    "1.2.840.113549.1.1.12": "sha384WithRSAEncryption",
    "1.2.840.113549.1.1.13": "sha512WithRSAEncryption",
    "1.2.840.113549.1.1.14": "sha224WithRSAEncryption",
    "1.2.840.113549.2.5": "md5",
    "1.3.14.3.2.26": "sha1",
    "2.16.840.1.101.3.4.2.1": "sha256",
    "2.16.840.1.101.3.4.2.2": "sha384",
    "2.16.840.1.101.3.4.2.3": "sha512",
    "2.16.840.1.101.3.4.2.4": "sha224",
    "1.2.840.10040.4.1": "id-dsa",
    "1.2.840.10040.4.3": "id-dsa-with-sha1",
    "2.16.840.1.101.3.4.3.2": "id-dsa-with-sha256",
    "1.2.840.10045.2.1": "id-ecPublicKey",
    "1.2.840.10045.4.1": "ecdsa-with-SHA1",
    "1.2.840.10045.4.3.1": "ecdsa-with-SHA224",
    "1.2.840.10045.4.3.2": "ecdsa-with-SHA256",
    "1.2.840.10045.4.3.3": "ecdsa-with-SHA384",
    "1.2.840.10045.4.3.4": "ecdsa-with-SHA512",
    "1.3.101.110": "id-X25519",
    "1.3.101.111": "id-X448",
    "1.3.101.112": "id-Ed25519",
    "1.3.101.113": "id-Ed448",
    # Named curves.
    "1.2.840.10045.3.1.7": "secp256r1",
    "1.3.132.0.34": "secp384r1",
    "1.3.132.0.35": "secp521r1",
    "1.3.132.0.10": "secp256k1",
    "1.2.840.10045.3.1.1": "secp192r1",
    "1.3.132.0.33": "secp224r1",
    # Attribute types (X.520, RFC 4519, PKCS #9...).
    "2.5.4.3": "commonName",
    "2.5.4.4": "surname",
    "2.5.4.5": "serialNumber",
    "2.5.4.6": "countryName",
    "2.5.4.7": "localityName",
    "2.5.4.8": "stateOrProvinceName",
    "2.5.4.9": "streetAddress",
    "2.5.4.10": "organizationName",
    "2.5.4.11": "organizationalUnitName",
    "2.5.4.12": "title",
    "2.5.4.13": "description",
    "2.5.4.15": "businessCategory",
    "2.5.4.17": "postalCode",
    "2.5.4.41": "name",
    "2.5.4.42": "givenName",
    "2.5.4.43": "initials",
    "2.5.4.44": "generationQualifier",
    "2.5.4.45": "x500UniqueIdentifier",
    "2.5.4.46": "dnQualifier",
    "2.5.4.65": "pseudonym",
    "2.5.4.97": "organizationIdentifier",
    "0.9.2342.19200300.100.1.1": "userId",
    "0.9.2342.19200300.100.1.25": "domainComponent",
    "1.2.840.113549.1.9.1": "emailAddress",
    "1.2.840.113549.1.9.2": "unstructuredName",
    "1.2.840.113549.1.9.7": "challengePassword",
    "1.2.840.113549.1.9.14": "extensionRequest",
    "1.3.6.1.4.1.311.2.1.14": "msCertExtensions",
    "1.3.6.1.4.1.311.60.2.1.1": "jurisdictionLocalityName",
    "1.3.6.1.4.1.311.60.2.1.2": "jurisdictionStateOrProvinceName",
    "1.3.6.1.4.1.311.60.2.1.3": "jurisdictionCountryName",
    # Certificate extensions.
    "2.5.29.9": "subjectDirectoryAttributes",
    "2.5.29.14": "subjectKeyIdentifier",
    "2.5.29.15": "keyUsage",
    "2.5.29.16": "privateKeyUsagePeriod",
    "2.5.29.17": "subjectAltName",
    "2.5.29.18": "issuerAltName",
    "2.5.29.19": "basicConstraints",
    "2.5.29.30": "nameConstraints",
    "2.5.29.31": "cRLDistributionPoints",
    "2.5.29.32": "certificatePolicies",
    "2.5.29.33": "policyMappings",
    "2.5.29.35": "authorityKeyIdentifier",
    "2.5.29.36": "policyConstraints",
    "2.5.29.37": "extKeyUsage",
    "2.5.29.46": "freshestCRL",
    "2.5.29.54": "inhibitAnyPolicy",
    "1.3.6.1.5.5.7.1.1": "authorityInfoAccess",
    "1.3.6.1.5.5.7.1.11": "subjectInfoAccess",
    "1.3.6.1.5.5.7.1.24": "tlsFeature",
    "1.3.6.1.5.5.7.48.1.5": "ocspNoCheck",
    "1.3.6.1.4.1.11129.2.4.2": "signedCertificateTimestampList",
    "1.3.6.1.4.1.11129.2.4.3": "precertificatePoison",
    # Extended key usages.
    "2.5.29.37.0": "anyExtendedKeyUsage",
    "1.3.6.1.5.5.7.3.1": "serverAuth",
    "1.3.6.1.5.5.7.3.2": "clientAuth",
    "1.3.6.1.5.5.7.3.3": "codeSigning",
    "1.3.6.1.5.5.7.3.4": "emailProtection",
    "1.3.6.1.5.5.7.3.5": "ipsecEndSystem",
    "1.3.6.1.5.5.7.3.6": "ipsecTunnel",
    "1.3.6.1.5.5.7.3.7": "ipsecUser",
    "1.3.6.1.5.5.7.3.8": "timeStamping",
    "1.3.6.1.5.5.7.3.9": "OCSPSigning",
    "1.3.6.1.5.5.7.3.17": "id-kp-ipsecIKE",
    "1.3.6.1.4.1.311.10.3.3": "msSGC",
    "2.16.840.1.113730.4.1": "nsSGC",
    "1.3.6.1.4.1.311.2.1.22": "msCommercialCodeSigning",
    "1.3.6.1.4.1.311.61.1.1": "msKernelCodeSigning",
    # Access methods and policy qualifiers.
    "1.3.6.1.5.5.7.48.1": "id-ad-ocsp",
    "1.3.6.1.5.5.7.48.2": "id-ad-caIssuers",
    "1.3.6.1.5.5.7.48.3": "id-ad-timeStamping",
    "1.3.6.1.5.5.7.48.5": "id-ad-caRepository",
    "1.3.6.1.5.5.7.2.1": "id-qt-cps",
    "1.3.6.1.5.5.7.2.2": "id-qt-unotice",
    # Certificate policies.
    "2.5.29.32.0": "anyPolicy",
    "2.23.140.1.1": "ev-guidelines",
    "2.23.140.1.2.1": "domain-validated",
    "2.23.140.1.2.2": "organization-validated",
    "2.23.140.1.2.3": "individual-validated",
    # otherName types.
    "1.3.6.1.4.1.311.20.2.3": "userPrincipalName",
    "1.3.6.1.5.5.7.8.3": "id-on-permanentIdentifier",
    "1.3.6.1.5.5.7.8.4": "id-on-hardwareModuleName",
    "1.3.6.1.5.5.7.8.9": "id-on-SmtpUTF8Mailbox",
}


def oid_name(dotted: str) -> str | None:
    """The name of a dotted OID, or None."""
    return OID_NAMES.get(dotted)


def describe_oid(dotted: str) -> str:
    """``name (dotted)`` when the OID is known, else the dotted form."""
    name = OID_NAMES.get(dotted)
    return f"{name} ({dotted})" if name else dotted
