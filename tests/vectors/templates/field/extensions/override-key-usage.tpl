{{/* an extension with the OID of a built-in one (keyUsage) replaces it: the keyUsage field is ignored and the raw one comes last */}}
{
  "subject": "keyUsage from extensions",
  "keyUsage": ["digitalSignature", "keyEncipherment", "certSign"],
  "extensions": [
    {"id": "2.5.29.15", "critical": true, "value": "AwIGwA=="}
  ]
}
