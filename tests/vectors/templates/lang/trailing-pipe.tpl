{{/* Go's parser accepts a pipeline that ends with | (the empty command is dropped) */}}
{
  "subject": {{ .Subject.CommonName | toJson | }}
}
