{{/* basicConstraints "CA:TRUE": refused */}}
{
  "subject": "basicConstraints string",
  "basicConstraints": "CA:TRUE"
}
