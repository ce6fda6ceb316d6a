{{/* nameConstraints {"excludedIPRanges": "192.0.2.1"}: refused */}}
{
  "subject": "nameConstraints bare-ip",
  "nameConstraints": {"excludedIPRanges": "192.0.2.1"}
}
