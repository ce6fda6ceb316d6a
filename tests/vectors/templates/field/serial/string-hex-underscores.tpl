{{/* serialNumber "0x_dead_beef": an underscore after the prefix */}}
{
  "subject": "serial string-hex-underscores",
  "serialNumber": "0x_dead_beef"
}
