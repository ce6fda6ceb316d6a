{{/* refused by the JSON decoder: subject-number */}}
{
  "subject": 5
}
