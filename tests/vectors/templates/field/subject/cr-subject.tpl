{{/* .Insecure.CR.Subject re-encoded: its extraNames hold every non-standard attribute (DC, UID, title, emailAddress as IA5String), unlike .Subject */}}
{
  "subject": {{ toJson .Insecure.CR.Subject }}
}
