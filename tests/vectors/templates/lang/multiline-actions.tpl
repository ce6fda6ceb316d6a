{{/* actions spanning several lines (Go 1.16+) and a raw string with a newline */}}
{
  "subject": {
    "commonName": {{ toJson
        (printf "%s-%s"
           "multi"
           "line") }},
    "organization": {{ toJson `a raw
string` }}
  }
}
