{{/* a bad extension OID: extension-oid-empty */}}
{
  "extensions": [{"id": "", "value": ""}]
}
