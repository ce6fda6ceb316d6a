{
  "subject": {
    "country": "US",
        "organization": "Coyote Corporation",
        "commonName": "{{ .Subject.CommonName }}"
  },
  "emailAddresses": {{ toJson .Insecure.CR.EmailAddresses }},
  "keyUsage": ["digitalSignature"],
  "extKeyUsage": ["clientAuth"]
}
