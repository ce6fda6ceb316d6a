{{/* unknownExtKeyUsage OIDs come after the named ones */}}
{
  "subject": "unknownExtKeyUsage",
  "unknownExtKeyUsage": ["1.3.6.1.4.1.55555.20.1", "1.3.6.1.5.5.7.3.21"],
  "extKeyUsage": ["clientAuth"]
}
