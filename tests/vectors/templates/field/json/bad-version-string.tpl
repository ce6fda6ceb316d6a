{{/* refused by the JSON decoder: version-string */}}
{
  "version": "3"
}
