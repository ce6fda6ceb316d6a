{{/* refused by the JSON decoder: extension-bad-base64 */}}
{
  "extensions": [{"id": "1.2.3.4", "value": "%%%"}]
}
