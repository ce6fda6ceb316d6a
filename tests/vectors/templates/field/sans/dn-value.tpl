{{/* dn from value: a JSON text in a string */}}
{
  "subject": "dn-value",
  "sans": [
    {"type": "dn", "value": "{\"organization\": \"Acme\", \"commonName\": \"From Value\"}"}
  ]
}
