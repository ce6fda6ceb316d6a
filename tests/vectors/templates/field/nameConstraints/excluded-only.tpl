{{/* only excluded subtrees */}}
{
  "subject": "nameConstraints excluded",
  "keyUsage": ["certSign", "crlSign"],
  "basicConstraints": {"isCA": true, "maxPathLen": 0},
  "nameConstraints": {
    "critical": true,
    "excludedDNSDomains": ["internal", ".corp"],
    "excludedIPRanges": ["::/0"]
  }
}
