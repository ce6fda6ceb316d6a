{{/* hardwareModuleName from value: a JSON text in a string */}}
{
  "subject": "hardware-module-name-value",
  "sans": [
    {"type": "hardwareModuleName", "value": "{\"type\": \"1.3.6.1.4.1.6876.1\", \"serialNumber\": \"AQID\"}"}
  ]
}
