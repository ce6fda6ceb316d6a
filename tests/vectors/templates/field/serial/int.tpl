{{/* serialNumber 1234567890: a JSON integer (int64) */}}
{
  "subject": "serial int",
  "serialNumber": 1234567890
}
