{{/* the same extension twice: Go creates the certificate but cannot parse it back */}}
{
  "subject": "duplicate extension",
  "extensions": [
    {"id": "1.3.6.1.4.1.55555.10.9", "value": "BQA="},
    {"id": "1.3.6.1.4.1.55555.10.9", "value": "BQA="}
  ]
}
