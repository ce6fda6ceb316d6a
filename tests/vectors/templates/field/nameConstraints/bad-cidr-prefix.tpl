{{/* nameConstraints {"permittedIPRanges": ["10.0.0.0/33"]}: refused */}}
{
  "subject": "nameConstraints bad-cidr-prefix",
  "nameConstraints": {"permittedIPRanges": ["10.0.0.0/33"]}
}
