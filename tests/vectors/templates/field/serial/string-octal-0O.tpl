{{/* serialNumber "0O17": 0O prefix */}}
{
  "subject": "serial string-octal-0O",
  "serialNumber": "0O17"
}
