{{/* serialNumber "0B11": 0B prefix */}}
{
  "subject": "serial string-binary-upper",
  "serialNumber": "0B11"
}
