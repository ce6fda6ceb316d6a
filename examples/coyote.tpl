{
  "subject": {
    "country": "US",
    "organization": "Coyote Corporation",
    "organizationalUnit": {{ toJson .Insecure.User.team }},
    "commonName": {{ toJson .Subject.CommonName }}
  },
  "emailAddresses": {{ toJson .Insecure.CR.EmailAddresses }},
  "keyUsage": ["digitalSignature"],
  "extKeyUsage": ["clientAuth"]
}
