{{/* serialNumber "0x80": a leading 00 byte is added */}}
{
  "subject": "serial string-hex-top-bit",
  "serialNumber": "0x80"
}
