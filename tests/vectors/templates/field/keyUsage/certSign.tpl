{{/* keyUsage certSign alone */}}
{
  "subject": "keyUsage certSign",
  "keyUsage": ["certSign"]
}
