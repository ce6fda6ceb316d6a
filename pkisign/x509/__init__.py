"""What Go's crypto/x509 does for pkisign.

DER, names, keys, CSRs, extensions, the TBSCertificate and its verification.
"""
