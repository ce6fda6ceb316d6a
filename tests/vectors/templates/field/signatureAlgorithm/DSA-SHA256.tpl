{{/* signatureAlgorithm "DSA-SHA256" */}}
{
  "subject": "signatureAlgorithm DSA-SHA256",
  "signatureAlgorithm": "DSA-SHA256"
}
