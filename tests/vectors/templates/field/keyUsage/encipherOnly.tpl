{{/* keyUsage encipherOnly alone */}}
{
  "subject": "keyUsage encipherOnly",
  "keyUsage": ["encipherOnly"]
}
