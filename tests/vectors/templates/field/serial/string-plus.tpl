{{/* serialNumber "+42": a + sign */}}
{
  "subject": "serial string-plus",
  "serialNumber": "+42"
}
