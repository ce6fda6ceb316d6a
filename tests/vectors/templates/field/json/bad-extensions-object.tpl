{{/* refused by the JSON decoder: extensions-object */}}
{
  "extensions": {}
}
