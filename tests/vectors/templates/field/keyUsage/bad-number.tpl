{{/* keyUsage 5: refused */}}
{
  "subject": "keyUsage number",
  "keyUsage": 5
}
