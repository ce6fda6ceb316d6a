{{/* duplicate keys: the last one wins (also with another spelling of the key) */}}
{
  "subject": "first subject",
  "keyUsage": ["certSign"],
  "dnsNames": ["first.acme.example"],
  "subject": {"commonName": "last subject wins"},
  "keyUsage": ["digitalSignature"],
  "DNSNames": ["last.acme.example"]
}
