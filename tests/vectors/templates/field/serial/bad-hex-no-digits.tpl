{{/* serialNumber "0x": refused */}}
{
  "subject": "serial hex-no-digits",
  "serialNumber": "0x"
}
