{{/* refused by the JSON decoder: not-before-bad */}}
{
  "notBefore": "yesterday"
}
