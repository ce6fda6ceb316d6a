{{/* serialNumber "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff": 30 bytes: Go accepts serials longer than 20 octets */}}
{
  "subject": "serial string-huge",
  "serialNumber": "0x7fffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
}
