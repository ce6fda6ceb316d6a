{{/* permanentIdentifier without value: both parts are optional, an empty SEQUENCE */}}
{
  "subject": "permanent-identifier-empty",
  "sans": [
    {"type": "permanentIdentifier"}
  ]
}
