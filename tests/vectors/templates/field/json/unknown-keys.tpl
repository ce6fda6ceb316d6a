{{/* unknown keys (even near misses like keyUsages) are ignored */}}
{
  "subject": "unknown keys",
  "comment": "unknown keys are ignored",
  "x-extra": {"nested": [1, 2, {"deep": true}]},
  "keyUsages": ["certSign"],
  "dnsNames": "unknown-keys.acme.example"
}
