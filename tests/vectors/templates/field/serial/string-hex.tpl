{{/* serialNumber "0x1f2e3d4c5b6a7988": 0x prefix */}}
{
  "subject": "serial string-hex",
  "serialNumber": "0x1f2e3d4c5b6a7988"
}
