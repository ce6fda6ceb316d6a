{{/* keyUsage contentCommitment alone */}}
{
  "subject": "keyUsage contentCommitment",
  "keyUsage": ["contentCommitment"]
}
