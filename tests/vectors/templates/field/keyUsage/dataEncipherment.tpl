{{/* keyUsage dataEncipherment alone */}}
{
  "subject": "keyUsage dataEncipherment",
  "keyUsage": ["dataEncipherment"]
}
