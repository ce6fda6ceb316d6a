{{/* refused by the JSON decoder: critical-string */}}
{
  "extensions": [{"id": "1.2.3.4", "critical": "yes", "value": ""}]
}
