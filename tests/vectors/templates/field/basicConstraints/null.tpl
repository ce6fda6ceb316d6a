{{/* basicConstraints null: null: no basicConstraints extension */}}
{
  "subject": "basicConstraints null",
  "keyUsage": "digitalSignature",
  "basicConstraints": null
}
