{{/* serialNumber "1_000_000": underscores between digits */}}
{
  "subject": "serial string-underscores",
  "serialNumber": "1_000_000"
}
