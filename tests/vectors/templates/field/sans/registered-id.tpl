{{/* registeredID: an OID */}}
{
  "subject": "registered-id",
  "sans": [
    {"type": "registeredID", "value": "1.3.6.1.4.1.55555.6.1"}
  ]
}
