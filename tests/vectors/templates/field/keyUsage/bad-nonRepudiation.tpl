{{/* keyUsage "nonRepudiation": refused */}}
{
  "subject": "keyUsage nonRepudiation",
  "keyUsage": "nonRepudiation"
}
