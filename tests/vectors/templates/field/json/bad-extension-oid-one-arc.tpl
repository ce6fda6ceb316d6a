{{/* a bad extension OID: extension-oid-one-arc */}}
{
  "extensions": [{"id": "1", "value": ""}]
}
