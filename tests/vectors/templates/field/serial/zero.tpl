{{/* serialNumber 0: 0 is accepted */}}
{
  "subject": "serial zero",
  "serialNumber": 0
}
