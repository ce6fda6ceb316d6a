{{/* JSON keys match the field names case-insensitively (Go encoding/json) */}}
{
  "Subject": {"CommonName": "case-insensitive keys", "ORGANIZATION": "Acme Corp"},
  "DNSNAMES": ["keys.acme.example"],
  "KeyUsage": ["digitalSignature"],
  "extkeyusage": "serverAuth",
  "BasicConstraints": {"ISCA": false},
  "SERIALNUMBER": 77
}
