{{/* serialNumber "0XABCDEF": 0X prefix */}}
{
  "subject": "serial string-hex-upper",
  "serialNumber": "0XABCDEF"
}
