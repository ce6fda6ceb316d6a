{{/* an empty keyUsage list: no keyUsage extension */}}
{
  "subject": "keyUsage []",
  "keyUsage": []
}
