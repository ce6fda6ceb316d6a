{{/* a bad extension OID: extension-oid-letters */}}
{
  "extensions": [{"id": "1.2.abc", "value": ""}]
}
