{{/* serialNumber "0b101010": 0b prefix */}}
{
  "subject": "serial string-binary",
  "serialNumber": "0b101010"
}
