{{/* a SAN x509util refuses: user-principal-name-empty */}}
{
  "subject": "user-principal-name-empty",
  "sans": [{"type": "userPrincipalName"}]
}
