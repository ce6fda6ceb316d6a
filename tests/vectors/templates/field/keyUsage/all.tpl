{{/* every keyUsage name (decipherOnly needs a second byte) */}}
{
  "subject": "keyUsage all",
  "keyUsage": ["decipherOnly", "encipherOnly", "crlSign", "certSign", "keyAgreement",
               "dataEncipherment", "keyEncipherment", "contentCommitment", "digitalSignature"]
}
