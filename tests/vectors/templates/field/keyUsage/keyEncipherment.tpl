{{/* keyUsage keyEncipherment alone */}}
{
  "subject": "keyUsage keyEncipherment",
  "keyUsage": ["keyEncipherment"]
}
