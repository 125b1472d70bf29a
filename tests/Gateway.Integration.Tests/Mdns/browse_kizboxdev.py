"""Asks a gatewayd mDNS responder for _kizboxdev._tcp by unicast and resolves the answer with python-zeroconf,
the library Home Assistant discovers TaHoma boxes with. Prints what Home Assistant would see, as JSON.

usage: /usr/bin/python3 browse_kizboxdev.py HOST PORT
"""
import json
import socket
import sys
from types import SimpleNamespace

from zeroconf import DNSIncoming, DNSOutgoing, DNSQuestion, ServiceInfo, const
from zeroconf._cache import DNSCache

SERVICE_TYPE = "_kizboxdev._tcp.local."


def ask(host, port, name, record_type):
    query = DNSOutgoing(const._FLAGS_QR_QUERY)
    query.add_question(DNSQuestion(name, record_type, const._CLASS_IN))
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(10)
        sock.sendto(query.packets()[0], (host, port))
        data, _ = sock.recvfrom(9000)
    incoming = DNSIncoming(data)
    if not incoming.valid or not incoming.is_response():
        raise SystemExit("not a valid DNS response")
    return incoming


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    incoming = ask(host, port, SERVICE_TYPE, const._TYPE_PTR)
    # A list in the zeroconf Debian ships, a method in later releases.
    records = incoming.answers() if callable(incoming.answers) else incoming.answers
    instances = [r.alias for r in records if r.type == const._TYPE_PTR and r.name == SERVICE_TYPE]
    cache = DNSCache()
    cache.async_add_records(records)
    services = []
    for instance in instances:
        info = ServiceInfo(SERVICE_TYPE, instance)
        resolved = info.load_from_cache(SimpleNamespace(cache=cache))
        services.append({
            "resolved": resolved,
            "name": info.name,
            "server": info.server,
            "port": info.port,
            "addresses": info.parsed_addresses(),
            "properties": {k.decode(): (v.decode() if v is not None else None) for k, v in info.properties.items()},
        })
    print(json.dumps({"id": incoming.id, "services": services}))


main()
