{{/* subject extraNames: each one its own RDN after the standard attributes; emailAddress (1.2.840.113549.1.9.1) is an IA5String, other strings Printable or UTF8 */}}
{
  "subject": {
    "country": "US",
    "commonName": "extra-names.acme.example",
    "extraNames": [
      {"type": "1.2.840.113549.1.9.1", "value": "jdoe@acme.example"},
      {"type": "0.9.2342.19200300.100.1.25", "value": "acme"},
      {"type": "0.9.2342.19200300.100.1.1", "value": "jdoe"},
      {"type": "2.5.4.12", "value": "Chief Tester"},
      {"type": "2.5.4.42", "value": "Zo\u00eb"}
    ]
  }
}
