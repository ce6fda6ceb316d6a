{{/* extended SANs with a rawSubject and no subject: x509util looks at the (empty) subject field, so the SAN is critical although the certificate's subject is not empty */}}
{
  "rawSubject": {{ toJson .Insecure.CR.RawSubject }},
  "sans": [{"type": "permanentIdentifier", "value": "PID-3"}, {"type": "dns", "value": "r.acme.example"}]
}
