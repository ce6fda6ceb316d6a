{{/* basicConstraints {}: an empty object is isCA false */}}
{
  "subject": "basicConstraints empty-object",
  "keyUsage": "digitalSignature",
  "basicConstraints": {}
}
