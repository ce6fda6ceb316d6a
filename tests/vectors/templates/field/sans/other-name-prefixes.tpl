{{/* a bare OID as type makes an otherName; the value takes a printable:, utf8:, ia5:, int:, numeric:, oid:, bool:, utc:, generalized: or raw: prefix (raw: is the whole [0] EXPLICIT value, base64) */}}
{
  "subject": "other-name-prefixes",
  "sans": [
    {"type": "1.3.6.1.4.1.55555.5.1", "value": "no prefix is printable"},
    {"type": "1.3.6.1.4.1.55555.5.2", "value": "printable:Printable*Value"},
    {"type": "1.3.6.1.4.1.55555.5.3", "value": "utf8:UTF-8 v\u00e4lue"},
    {"type": "1.3.6.1.4.1.55555.5.4", "value": "ia5:ia5@acme.example"},
    {"type": "1.3.6.1.4.1.55555.5.5", "value": "int:42"},
    {"type": "1.3.6.1.4.1.55555.5.6", "value": "int:-300"},
    {"type": "1.3.6.1.4.1.55555.5.7", "value": "numeric:0123 456"},
    {"type": "1.3.6.1.4.1.55555.5.8", "value": "oid:1.2.840.113549"},
    {"type": "1.3.6.1.4.1.55555.5.9", "value": "bool:true"},
    {"type": "1.3.6.1.4.1.55555.5.10", "value": "utc:2025-01-01T00:00:00Z"},
    {"type": "1.3.6.1.4.1.55555.5.11", "value": "generalized:2025-01-01T00:00:00Z"},
    {"type": "1.3.6.1.4.1.55555.5.12", "value": "raw:oAUMA3Jhdw=="},
    {"type": "1.3.6.1.4.1.55555.5.13", "value": "printable:with: colons"}
  ]
}
