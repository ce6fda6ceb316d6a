{{/* serialNumber null: null gives serial 0 (not a random serial) */}}
{
  "subject": "serial null",
  "serialNumber": null
}
