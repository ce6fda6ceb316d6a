{{/* refused by the JSON decoder: raw-subject-bad-base64 */}}
{
  "rawSubject": "not base64!"
}
