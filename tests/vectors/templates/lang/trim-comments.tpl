{{/* whitespace trimming with {{- and -}} (spaces, tabs and newlines of the text around) and comments */}}
{{/* a comment */}}
{{- /* a trimmed comment */ -}}
{
  "subject": {
    "commonName": "x   {{- " y " -}}   z",
    "organization": ["a {{ "b" }} c", "a {{- "b" }} c", "a {{ "b" -}} c", "{{- " spaces kept " -}}"],
    "organizationalUnit": ["tab	{{- "|" -}}	newline
{{- "|" }}"]
  }
}
