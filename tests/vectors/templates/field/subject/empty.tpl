{{/* an empty subject: Go marks the SAN extension critical */}}
{
  "subject": {},
  "dnsNames": ["empty-subject.acme.example"],
  "keyUsage": ["digitalSignature"]
}
