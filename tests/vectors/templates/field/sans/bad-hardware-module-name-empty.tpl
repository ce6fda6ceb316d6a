{{/* a SAN x509util refuses: hardware-module-name-empty */}}
{
  "subject": "hardware-module-name-empty",
  "sans": [{"type": "hardwareModuleName"}]
}
