{{/* a SAN x509util refuses: other-name-printable */}}
{
  "subject": "other-name-printable",
  "sans": [{"type": "1.2.3.4", "value": "under_score"}]
}
