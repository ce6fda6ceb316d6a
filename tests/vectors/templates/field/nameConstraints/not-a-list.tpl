{{/* nameConstraints {"permittedDNSDomains": 5}: refused */}}
{
  "subject": "nameConstraints not-a-list",
  "nameConstraints": {"permittedDNSDomains": 5}
}
