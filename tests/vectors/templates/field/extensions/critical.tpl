{{/* a critical custom extension */}}
{
  "subject": "critical custom extension",
  "keyUsage": "digitalSignature",
  "extensions": [
    {"id": "1.3.6.1.4.1.55555.10.4", "critical": true, "value": "DAVoZWxsbw=="}
  ]
}
