{{/* keyUsage decipherOnly alone */}}
{
  "subject": "keyUsage decipherOnly",
  "keyUsage": ["decipherOnly"]
}
