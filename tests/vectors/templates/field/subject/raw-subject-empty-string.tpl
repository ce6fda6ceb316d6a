{{/* an empty rawSubject string means no rawSubject: the subject is used */}}
{
  "rawSubject": "",
  "subject": {"organization": "Acme Corp", "commonName": "used: rawSubject is empty"}
}
