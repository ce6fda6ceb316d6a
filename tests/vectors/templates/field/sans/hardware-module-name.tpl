{{/* hardwareModuleName from asn1Value (serialNumber is base64) */}}
{
  "subject": "hardware-module-name",
  "sans": [
    {"type": "hardwareModuleName", "asn1Value": {"type": "1.3.6.1.4.1.55555.4", "serialNumber": "SFNNLTAwMDE="}}
  ]
}
