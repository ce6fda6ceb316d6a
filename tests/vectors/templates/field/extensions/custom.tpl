{{/* raw extensions (id, critical, base64 value) are appended after Go's own, in order; an empty value is an empty OCTET STRING */}}
{
  "subject": "custom extensions",
  "extensions": [
    {"id": "1.3.6.1.4.1.55555.10.1", "value": "DAVoZWxsbw=="},
    {"id": "1.3.6.1.4.1.55555.10.2", "critical": false, "value": "AgEq"},
    {"id": "1.3.6.1.4.1.55555.10.3", "value": ""}
  ]
}
